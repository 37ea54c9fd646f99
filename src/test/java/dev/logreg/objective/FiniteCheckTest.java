package dev.logreg.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiniteCheckTest {

    /** Long enough for the parallel ranges, with a tail that is not a multiple of anything. */
    private static final int LONG = FiniteCheck.PARALLEL_MIN_LENGTH * 2 + 7;

    @Test
    void everyFiniteValueIsFinite() {
        double[] a = new double[LONG];
        a[5] = Double.MAX_VALUE;
        a[6] = -Double.MAX_VALUE;
        a[7] = Double.MIN_VALUE;
        a[8] = -0.0;
        assertEquals(-1, FiniteCheck.firstNonFinite(a, 0, a.length));
        assertEquals(-1, FiniteCheck.firstNonFinite(new double[] {1, 2, 3}, 0, 3));
    }

    @Test
    void theFirstNonFiniteValueIsFoundInIndexOrder() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.longBitsToDouble(0x7ff0000000000001L)}) {
            double[] a = new double[LONG];
            a[LONG - 1] = bad;
            assertEquals(LONG - 1, FiniteCheck.firstNonFinite(a, 0, a.length), "the last element, " + bad);
            a[LONG / 2 + 3] = bad;
            assertEquals(LONG / 2 + 3, FiniteCheck.firstNonFinite(a, 0, a.length), "the middle, " + bad);
            a[1] = bad;
            assertEquals(1, FiniteCheck.firstNonFinite(a, 0, a.length), "the first range, " + bad);
            assertEquals(LONG / 2 + 3, FiniteCheck.firstNonFinite(a, 2, a.length), "from an offset, " + bad);
            double[] small = {0, 1, bad, bad};
            assertEquals(2, FiniteCheck.firstNonFinite(small, 0, small.length), "serial, " + bad);
        }
    }
}
