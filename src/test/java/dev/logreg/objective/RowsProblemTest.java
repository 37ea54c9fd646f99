package dev.logreg.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A problem on the caller's rows is the same problem as on its row-major model matrix, to the bit. */
class RowsProblemTest {

    private static double[][] rows(Random r, int m, int p) {
        double[][] x = new double[m][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = r.nextGaussian() * (j + 1);
            }
        }
        return x;
    }

    private static double[] flat(double[][] x, boolean intercept) {
        int p = x[0].length;
        int n = p + (intercept ? 1 : 0);
        double[] a = new double[x.length * n];
        for (int i = 0; i < x.length; i++) {
            if (intercept) {
                a[i * n] = 1;
            }
            System.arraycopy(x[i], 0, a, i * n + (intercept ? 1 : 0), p);
        }
        return a;
    }

    @Test
    void theFusedKernelGivesBitIdenticalResultsOnRowsAndOnTheMatrix() {
        Random r = new Random(7);
        // 1001 rows: blocks of 256 with a short last one; forced parallel chunks too.
        for (boolean intercept : new boolean[] {true, false}) {
            int m = 1001;
            int p = 9;
            double[][] x = rows(r, m, p);
            double[] y = new double[m];
            double[] w = new double[m];
            for (int i = 0; i < m; i++) {
                y[i] = r.nextBoolean() ? 1 : 0;
                w[i] = r.nextDouble() * 3;
            }
            int n = p + (intercept ? 1 : 0);
            BinaryProblem onRows = new BinaryProblem(x, intercept, y, w, 0.1, null);
            BinaryProblem onMatrix = new BinaryProblem(flat(x, intercept), m, n, y, w, 0.1, intercept ? 0 : -1);
            assertTrue(onRows.readsRows());
            assertFalse(onMatrix.readsRows());
            assertEquals(onMatrix.totalWeight(), onRows.totalWeight());
            assertEquals(onMatrix.separationLevel(), onRows.separationLevel());
            double[] theta = new double[n];
            for (int j = 0; j < n; j++) {
                theta[j] = r.nextGaussian() * 0.3;
            }
            for (FusedBinaryObjective[] pair : new FusedBinaryObjective[][] {
                {new FusedBinaryObjective(onRows, 1), new FusedBinaryObjective(onMatrix, 1)},
                {new FusedBinaryObjective(onRows, 2, true), new FusedBinaryObjective(onMatrix, 2, true)},
                {new FusedBinaryObjective(onRows, 2, true, null), new FusedBinaryObjective(onMatrix, 2, true, null)}}) {
                double[] g1 = new double[n];
                double[] h1 = new double[n * n];
                double[] g2 = new double[n];
                double[] h2 = new double[n * n];
                assertEquals(pair[1].valueGradientHessian(theta, g2, h2), pair[0].valueGradientHessian(theta, g1, h1));
                assertArrayEquals(g2, g1);
                assertArrayEquals(h2, h1);
                assertEquals(pair[1].valueAndGradient(theta, g2), pair[0].valueAndGradient(theta, g1));
                assertArrayEquals(g2, g1);
                assertEquals(pair[1].value(theta), pair[0].value(theta));
            }
            assertArrayEquals(onMatrix.flat(), onRows.flat(), "the row-major copy for the other implementations");
            for (int j = 0; j < n; j++) {
                assertEquals(onMatrix.x(17, j), onRows.x(17, j));
            }
            double[] g1 = new double[n];
            double[] g2 = new double[n];
            assertEquals(new LoopBinaryObjective(onMatrix).valueAndGradient(theta, g2),
                    new LoopBinaryObjective(onRows).valueAndGradient(theta, g1));
            assertArrayEquals(g2, g1);
            assertEquals(onMatrix.lipschitzBound(), onRows.lipschitzBound());
        }
    }

    @Test
    void badRowsAreNamed() {
        double[] y = {0, 1};
        assertMessage(() -> new BinaryProblem((double[][]) null, true, y, null, 0, null), "x is null");
        assertMessage(() -> new BinaryProblem(new double[0][], true, new double[0], null, 0, null), "no rows");
        assertMessage(() -> new BinaryProblem(new double[][] {{1}, null}, true, y, null, 0, null), "x[1] is null");
        assertMessage(() -> new BinaryProblem(new double[][] {{1}, {1, 2}}, true, y, null, 0, null),
                "x[1] has 2 columns");
        assertMessage(() -> new BinaryProblem(new double[][] {{1}, {Double.NaN}}, true, y, null, 0, null),
                "x[1][0] = NaN");
        assertMessage(() -> new BinaryProblem(new double[][] {{}, {}}, false, y, null, 0, null), "no columns");
        assertMessage(() -> new BinaryProblem(new double[][] {{1}, {2}}, true, new double[] {0, 2}, null, 0, null),
                "y[1] = 2.0");
        assertMessage(() -> new BinaryProblem(new double[][] {{1}, {2}}, true, y, new double[] {1, -1}, 0, null),
                "weights[1] = -1.0");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String part) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, e);
        assertTrue(thrown.getMessage().contains(part), thrown.getMessage());
    }
}
