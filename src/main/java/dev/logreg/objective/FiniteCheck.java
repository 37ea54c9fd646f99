package dev.logreg.objective;

/**
 * Finds a non-finite value (NaN or &plusmn;&infin;) in an array fast: the common case, every value
 * finite, is an integer OR-reduction over the exponent bits, which the JIT compiles to vector
 * instructions; the position is searched for only when there is one.
 */
final class FiniteCheck {

    /** The exponent bits of a double; all set means NaN or an infinity. */
    private static final long EXPONENT = 0x7FF0000000000000L;
    /** One in the exponent's lowest bit: added to an all-ones exponent, it carries into the sign bit. */
    private static final long EXPONENT_ONE = 0x0010000000000000L;

    /** Arrays at least this long are scanned in parallel ranges. */
    static final int PARALLEL_MIN_LENGTH = 1 << 20;

    private FiniteCheck() {
    }

    /**
     * @param a an array
     * @param from the first index to check
     * @param to one past the last
     * @return the first index in [from, to) whose value is not finite, or &minus;1 if every value is finite
     */
    static int firstNonFinite(double[] a, int from, int to) {
        if (to - from >= PARALLEL_MIN_LENGTH) {
            // In parallel ranges; the first in index order is the first of the first range that has one.
            int chunks = Runtime.getRuntime().availableProcessors();
            return java.util.stream.IntStream.range(0, chunks).parallel()
                    .map(c -> firstNonFiniteInRange(a, from + (int) ((long) (to - from) * c / chunks),
                            from + (int) ((long) (to - from) * (c + 1) / chunks)))
                    .filter(k -> k >= 0).min().orElse(-1);
        }
        return firstNonFiniteInRange(a, from, to);
    }

    private static int firstNonFiniteInRange(double[] a, int from, int to) {
        long any = 0;
        for (int k = from; k < to; k++) {
            // (bits & EXPONENT) + EXPONENT_ONE is negative exactly when the exponent bits are all ones.
            any |= (Double.doubleToRawLongBits(a[k]) & EXPONENT) + EXPONENT_ONE;
        }
        if (any >= 0) {
            return -1;
        }
        for (int k = from; k < to; k++) {
            if (!Double.isFinite(a[k])) {
                return k;
            }
        }
        return -1;
    }
}
