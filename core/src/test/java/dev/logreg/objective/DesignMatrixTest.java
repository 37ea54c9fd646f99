package dev.logreg.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** A model matrix is checked once, finds the first non-finite element in row order, and keeps its columns' magnitudes. */
class DesignMatrixTest {

    /** Rows enough for the parallel ranges (2^16 elements and more), with a count that divides by nothing. */
    private static final int ROWS = (1 << 16) + 7;
    private static final int COLS = 3;

    private static final double[] NON_FINITE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.longBitsToDouble(0x7ff0000000000001L)};

    @Test
    void wrappingKeepsTheArrayAndFindsEachColumnsLargestMagnitude() {
        double[] x = new double[ROWS * COLS];
        x[5] = Double.MAX_VALUE;
        x[7] = -Double.MIN_VALUE;
        x[ROWS * COLS - 2] = -3;
        x[8] = -0.0;
        DesignMatrix m = DesignMatrix.wrap(x, ROWS, COLS);
        assertSame(x, m.data(), "wrapped, not copied");
        assertArrayEquals(new double[] {0, 3, Double.MAX_VALUE}, m.largest());
    }

    @Test
    void theFirstNonFiniteElementIsNamedInRowOrder() {
        for (double bad : NON_FINITE) {
            double[] x = new double[ROWS * COLS];
            x[ROWS * COLS - 1] = bad;
            x[(ROWS / 2) * COLS + 1] = bad;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DesignMatrix.wrap(x, ROWS, COLS));
            assertEquals("x at row " + ROWS / 2 + ", column 1 is " + bad + ": the model matrix must be finite",
                    e.getMessage());
            double[] small = {0, 1, bad, bad};
            e = assertThrows(IllegalArgumentException.class, () -> DesignMatrix.wrap(small, 2, 2));
            assertEquals("x at row 1, column 0 is " + bad + ": the model matrix must be finite", e.getMessage());
        }
    }

    @Test
    void copyingRowsPutsTheInterceptFirstAndNamesTheFirstBadValue() {
        double[][] rows = {{3, -4}, {1, 1}, {0, -6}};
        DesignMatrix m = DesignMatrix.copyOf(rows, true);
        assertArrayEquals(new double[] {1, 3, -4, 1, 1, 1, 1, 0, -6}, m.data());
        assertArrayEquals(new double[] {1, 3, 6}, m.largest(), "the intercept's 1 first");
        assertEquals(3, m.rows());
        assertEquals(3, m.cols());
        DesignMatrix ejml = DesignMatrix.copyOf(new DMatrixRMaj(rows), false);
        assertArrayEquals(new double[] {3, -4, 1, 1, 0, -6}, ejml.data());
        assertArrayEquals(new double[] {3, 6}, ejml.largest());

        double[][] big = new double[ROWS][COLS];
        big[ROWS - 1][2] = Double.NaN;
        big[ROWS / 2 + 1][0] = Double.NEGATIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DesignMatrix.copyOf(big, true));
        assertEquals("x[" + (ROWS / 2 + 1) + "][0] = -Infinity: features must be finite", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DesignMatrix.copyOf(new DMatrixRMaj(new double[][] {{1, Double.NaN}}), true));
        assertEquals("x(0, 1) = NaN: features must be finite", e.getMessage());
    }

    @Test
    void raggedEmptyAndMisshapenInputsAreNamed() {
        assertEquals("x[1] has 1 columns, x[0] has 2", assertThrows(IllegalArgumentException.class,
                () -> DesignMatrix.copyOf(new double[][] {{1, 2}, {3}}, true)).getMessage());
        assertEquals("x has no rows", assertThrows(IllegalArgumentException.class,
                () -> DesignMatrix.copyOf(new double[0][], true)).getMessage());
        assertEquals("x has no columns and the model has no intercept: nothing to fit",
                assertThrows(IllegalArgumentException.class,
                        () -> DesignMatrix.copyOf(new double[][] {{}}, false)).getMessage());
        assertEquals("x has length 5, expected rows*cols = 2*3", assertThrows(IllegalArgumentException.class,
                () -> DesignMatrix.wrap(new double[5], 2, 3)).getMessage());
    }

    @Test
    void keptColumnsAreCopiedWithTheirMagnitudes() {
        DesignMatrix m = DesignMatrix.copyOf(new double[][] {{3, -4}, {1, 1}, {0, -6}}, true);
        DesignMatrix kept = m.columns(new int[] {0, 2});
        assertArrayEquals(new double[] {1, -4, 1, 1, 1, -6}, kept.data());
        assertArrayEquals(new double[] {1, 6}, kept.largest());
        assertThrows(IllegalArgumentException.class, () -> m.columns(new int[] {2, 1}));
        assertThrows(IllegalArgumentException.class, () -> m.columns(new int[0]));
    }
}
