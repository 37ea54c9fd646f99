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

    private FiniteCheck() {
    }

    /**
     * @param a an array
     * @param from the first index to check
     * @param to one past the last
     * @return the first index in [from, to) whose value is not finite, or &minus;1 if every value is finite
     */
    static int firstNonFinite(double[] a, int from, int to) {
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
