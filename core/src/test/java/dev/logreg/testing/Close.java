package dev.logreg.testing;

import static org.junit.jupiter.api.Assertions.fail;

/** Relative comparisons that fail on NaN and say where two arrays differ. */
public final class Close {

    private Close() {
    }

    /** |actual &minus; expected| &le; tol &middot; max(|expected|, floor); fails on NaN or infinity. */
    public static void assertClose(double expected, double actual, double tol, double floor, String what) {
        if (!Double.isFinite(actual) || !Double.isFinite(expected)) {
            fail(what + ": expected " + expected + ", got " + actual + " (not finite)");
        }
        double bound = tol * Math.max(Math.abs(expected), floor);
        if (!(Math.abs(actual - expected) <= bound)) {
            fail(String.format("%s: expected %.17g, got %.17g, |difference| %.3g > %.3g", what, expected, actual,
                    Math.abs(actual - expected), bound));
        }
    }

    /** Relative to |expected|, no floor: for reference values known to be away from zero. */
    public static void assertRelative(double expected, double actual, double tol, String what) {
        assertClose(expected, actual, tol, 0.0, what);
    }

    /**
     * Norm-wise: max|actual &minus; expected| &le; tol &middot; max(max|expected|, floor). Used where
     * single elements may cancel to near zero while the vector as a whole is well scaled.
     */
    public static void assertArrayClose(double[] expected, double[] actual, double tol, double floor, String what) {
        if (expected.length != actual.length) {
            fail(what + ": lengths " + expected.length + " and " + actual.length);
        }
        double scale = floor;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int j = 0; j < expected.length; j++) {
            if (!Double.isFinite(actual[j]) || !Double.isFinite(expected[j])) {
                fail(what + "[" + j + "]: expected " + expected[j] + ", got " + actual[j] + " (not finite)");
            }
            if (!(Math.abs(actual[j] - expected[j]) <= tol * scale)) {
                fail(String.format("%s[%d]: expected %.17g, got %.17g, |difference| %.3g > %.3g", what, j,
                        expected[j], actual[j], Math.abs(actual[j] - expected[j]), tol * scale));
            }
        }
    }

    /** Every element finite. */
    public static void assertFinite(double[] a, String what) {
        for (int j = 0; j < a.length; j++) {
            if (!Double.isFinite(a[j])) {
                fail(what + "[" + j + "] = " + a[j]);
            }
        }
    }
}
