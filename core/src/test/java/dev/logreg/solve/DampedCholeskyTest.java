package dev.logreg.solve;

import static dev.logreg.testing.Close.assertArrayClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Tolerances;
import org.junit.jupiter.api.Test;

class DampedCholeskyTest {

    private static double[] times(double[] h, double[] d) {
        int n = d.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i] += h[i * n + j] * d[j];
            }
        }
        return r;
    }

    @Test
    void aWellConditionedHessianIsSolvedUndamped() {
        double[] h = {4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2};
        double[] g = {1, -2, 0.5};
        double[] d = new double[3];
        double mu = new DampedCholesky().solve(h, g, d);
        assertEquals(0.0, mu);
        assertArrayClose(new double[] {-1, 2, -0.5}, times(h, d), Tolerances.SAME_MATH, 0, "H d = -g");
    }

    @Test
    void badlyScaledButWellConditionedIsNotDamped() {
        // diag(1e8, 1e-8) has condition 1e16 but is perfectly conditioned after equilibration.
        double[] h = {1e8, 0, 0, 1e-8};
        double[] g = {1, 1};
        double[] d = new double[2];
        assertEquals(0.0, new DampedCholesky().solve(h, g, d));
        assertArrayClose(new double[] {-1e-8, -1e8}, d, Tolerances.SAME_MATH, 0, "d");
    }

    @Test
    void anExactlySingularHessianIsDampedIntoADescentDirection() {
        // Two identical columns: H = [[1, 1], [1, 1]].
        double[] h = {1, 1, 1, 1};
        double[] g = {0.5, 0.5};
        double[] d = new double[2];
        double mu = new DampedCholesky().solve(h, g, d);
        assertTrue(mu > 0, "mu = " + mu);
        assertTrue(g[0] * d[0] + g[1] * d[1] < 0, "descent");
        // The damped step splits evenly between the copies and nearly solves the consistent system.
        assertEquals(d[0], d[1], 1e-6 * Math.abs(d[0]));
        assertArrayClose(new double[] {-0.5, -0.5}, times(h, d), 1e-6, 0, "H d ~ -g");
    }

    @Test
    void aNearlySingularHessianThatCholeskyWouldAcceptIsDamped() {
        // Positive pivots throughout, condition ~4e15: EJML factors it; the estimate rejects it.
        double eps = 1e-15;
        double[] h = {1, 1 - eps, 1 - eps, 1};
        double[] g = {1, -1};
        double[] d = new double[2];
        double mu = new DampedCholesky().solve(h, g, d);
        assertTrue(mu > 0, "mu = " + mu);
        assertTrue(g[0] * d[0] + g[1] * d[1] < 0, "descent");
    }

    @Test
    void anIndefiniteHessianIsDampedUntilPositiveDefinite() {
        double[] h = {1, 0, 0, -1};
        double[] g = {1, 1};
        double[] d = new double[2];
        double mu = new DampedCholesky().solve(h, g, d);
        assertTrue(mu > 1, "mu = " + mu + " must exceed the negative eigenvalue's size");
        assertTrue(g[0] * d[0] + g[1] * d[1] < 0, "descent");
    }

    @Test
    void aZeroHessianFallsBackToASteepestDescentDirection() {
        double[] h = new double[4];
        double[] g = {2, -1};
        double[] d = new double[2];
        double mu = new DampedCholesky().solve(h, g, d);
        assertTrue(mu > 0);
        assertArrayClose(new double[] {-2 / mu, 1 / mu}, d, Tolerances.SAME_MATH, 0, "d = -g/mu");
    }
}
