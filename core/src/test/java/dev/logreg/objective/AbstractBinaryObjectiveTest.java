package dev.logreg.objective;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertClose;
import static dev.logreg.testing.Close.assertFinite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import dev.logreg.testing.FiniteDifferences;
import dev.logreg.testing.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BinaryObjective} implementation meets, checked against formulas
 * written out in the test and against central finite differences. One short subclass per
 * implementation.
 */
abstract class AbstractBinaryObjectiveTest {

    abstract BinaryObjective create(BinaryProblem problem);

    @Test
    void lossAtZeroIsLogTwoForAnyData() {
        BinaryObjective f = create(Data.randomProblem(1, 40, 3, true, 0.0));
        assertClose(Math.log(2), f.value(new double[3]), Tolerances.SAME_MATH, 0, "J(0)");
    }

    @Test
    void valueGradientAndHessianMatchTheFormulasWrittenOut() {
        // Three rows, an intercept and one feature, weights and a penalty: small enough to write out.
        double[] x = {1, 2, 1, -1, 1, 0.5};
        double[] y = {1, 0, 1};
        double[] w = {1, 2, 0.5};
        double lambda = 0.3;
        double[] theta = {0.2, -0.7};
        BinaryObjective f = create(new BinaryProblem(x, 3, 2, y, w, lambda, 0));
        double total = 3.5;
        double loss = 0;
        double[] grad = new double[2];
        double[] hess = new double[4];
        for (int i = 0; i < 3; i++) {
            double z = theta[0] * x[2 * i] + theta[1] * x[2 * i + 1];
            double p = 1 / (1 + Math.exp(-z));
            loss += w[i] * (Math.log(1 + Math.exp(z)) - y[i] * z);
            for (int j = 0; j < 2; j++) {
                grad[j] += w[i] * (p - y[i]) * x[2 * i + j];
                for (int k = 0; k < 2; k++) {
                    hess[2 * j + k] += w[i] * p * (1 - p) * x[2 * i + j] * x[2 * i + k];
                }
            }
        }
        loss = loss / total + lambda / 2 * theta[1] * theta[1];
        for (int j = 0; j < 2; j++) {
            grad[j] /= total;
        }
        grad[1] += lambda * theta[1];
        for (int jk = 0; jk < 4; jk++) {
            hess[jk] /= total;
        }
        hess[3] += lambda;

        double[] g = new double[2];
        double[] h = new double[4];
        assertClose(loss, f.valueGradientHessian(theta, g, h), Tolerances.SAME_MATH, 0, "J");
        assertArrayClose(grad, g, Tolerances.SAME_MATH, 0, "g");
        assertArrayClose(hess, h, Tolerances.SAME_MATH, 0, "H");
    }

    @Test
    void gradientMatchesCentralDifferences() {
        BinaryObjective f = create(Data.randomProblem(2, 60, 5, true, 0.25));
        double[] theta = Data.randomTheta(3, 5, 0.5);
        double[] g = new double[5];
        f.valueAndGradient(theta, g);
        double[] fd = FiniteDifferences.gradient(f::value, theta);
        assertArrayClose(fd, g, Tolerances.FINITE_DIFFERENCE, 0, "gradient vs finite differences");
    }

    @Test
    void hessianMatchesCentralDifferencesOfTheGradient() {
        int n = 4;
        BinaryObjective f = create(Data.randomProblem(4, 80, n, true, 0.1));
        double[] theta = Data.randomTheta(5, n, 0.5);
        double[] g = new double[n];
        double[] hess = new double[n * n];
        f.valueGradientHessian(theta, g, hess);
        // Row j of the Jacobian of g is the gradient of g_j: the Hessian's row j.
        double[] fd = FiniteDifferences.jacobian(t -> {
            double[] gt = new double[n];
            f.valueAndGradient(t, gt);
            return gt;
        }, theta);
        assertArrayClose(fd, hess, Tolerances.FINITE_DIFFERENCE, 0, "Hessian vs finite differences");
    }

    @Test
    void hessianIsExactlySymmetricAndPositiveOnTheDiagonal() {
        int n = 5;
        BinaryObjective f = create(Data.randomProblem(6, 30, n, false, 0.0));
        double[] hess = new double[n * n];
        f.valueGradientHessian(Data.randomTheta(7, n, 1.0), new double[n], hess);
        for (int j = 0; j < n; j++) {
            assertTrue(hess[j * n + j] > 0, "H[" + j + "][" + j + "] > 0");
            for (int k = 0; k < j; k++) {
                assertClose(hess[j * n + k], hess[k * n + j], Tolerances.SAME_MATH, 1e-300, "H symmetric at " + j + "," + k);
            }
        }
    }

    @Test
    void allThreeEntryPointsGiveTheSameLoss() {
        int n = 3;
        BinaryObjective f = create(Data.randomProblem(8, 25, n, true, 0.5));
        double[] theta = Data.randomTheta(9, n, 1.0);
        double a = f.value(theta);
        double b = f.valueAndGradient(theta, new double[n]);
        double c = f.valueGradientHessian(theta, new double[n], new double[n * n]);
        assertClose(a, b, Tolerances.SAME_MATH, 0, "value vs valueAndGradient");
        assertClose(a, c, Tolerances.SAME_MATH, 0, "value vs valueGradientHessian");
    }

    @Test
    void evaluationsDoNotLeakStateBetweenCalls() {
        int n = 4;
        BinaryObjective f = create(Data.randomProblem(10, 50, n, false, 0.0));
        double[] t1 = Data.randomTheta(11, n, 1.0);
        double[] t2 = Data.randomTheta(12, n, 3.0);
        double[] g1 = new double[n];
        double[] h1 = new double[n * n];
        double j1 = f.valueGradientHessian(t1, g1, h1);
        f.valueGradientHessian(t2, new double[n], new double[n * n]);
        double[] g1again = new double[n];
        double[] h1again = new double[n * n];
        assertEquals(j1, f.valueGradientHessian(t1, g1again, h1again), "J repeated");
        assertArrayClose(g1, g1again, 0.0, 0, "g repeated");
        assertArrayClose(h1, h1again, 0.0, 0, "H repeated");
    }

    @Test
    void extremeLinearPredictorsGiveFiniteExactValues() {
        // z = +-1e4 and +-1e300: exp overflows in a naive evaluation.
        double[] x = {1, 1, 1, -1};
        double[] y = {0, 1};
        for (double scale : new double[] {1e4, 1e300}) {
            BinaryObjective f = create(new BinaryProblem(x, 2, 2, y, null, 0.0, -1));
            double[] theta = {0, scale};
            double[] g = new double[2];
            double[] h = new double[4];
            // row 0: z = scale with y = 0, loss = scale; row 1: z = -scale with y = 1, loss = scale.
            double loss = f.valueGradientHessian(theta, g, h);
            assertClose(scale, loss, Tolerances.SAME_MATH, 0, "J at |z| = " + scale);
            assertFinite(g, "g");
            assertFinite(h, "H");
            // sigma(z) - y = 1 for row 0 and -1 for row 1: g = (x0 - x1)/2 = (0, 1).
            assertArrayClose(new double[] {0, 1}, g, Tolerances.SAME_MATH, 0, "g at |z| = " + scale);
            assertArrayClose(new double[4], h, 0, 0, "H vanishes at |z| = " + scale);
        }
        // A well-classified extreme predictor costs (almost) nothing and is still finite.
        BinaryObjective f = create(new BinaryProblem(x, 2, 2, new double[] {1, 0}, null, 0.0, -1));
        double loss = f.value(new double[] {0, 1e4});
        assertEquals(0.0, loss, "J when both rows are classified correctly with |z| = 1e4");
    }

    @Test
    void theInterceptIsNotPenalized() {
        int n = 3;
        BinaryProblem plain = Data.randomProblem(13, 40, n, false, 0.0);
        BinaryProblem penalized = Data.randomProblem(13, 40, n, false, 2.0);
        double[] theta = Data.randomTheta(14, n, 1.0);
        double[] g0 = new double[n];
        double[] g1 = new double[n];
        double[] h0 = new double[n * n];
        double[] h1 = new double[n * n];
        double j0 = create(plain).valueGradientHessian(theta, g0, h0);
        double j1 = create(penalized).valueGradientHessian(theta, g1, h1);
        assertClose(j0 + 1.0 * (theta[1] * theta[1] + theta[2] * theta[2]), j1, Tolerances.SAME_MATH, 0, "J");
        assertClose(g0[0], g1[0], Tolerances.SAME_MATH, 0, "intercept gradient");
        assertClose(g0[1] + 2.0 * theta[1], g1[1], Tolerances.SAME_MATH, 0, "feature gradient");
        assertClose(h0[0], h1[0], Tolerances.SAME_MATH, 0, "intercept curvature");
        assertClose(h0[n + 1] + 2.0, h1[n + 1], Tolerances.SAME_MATH, 0, "feature curvature");
    }

    @Test
    void wrongBuffersAreRejectedWithTheirNames() {
        BinaryObjective f = create(Data.randomProblem(15, 10, 3, false, 0.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.value(new double[2]));
        assertTrue(e.getMessage().contains("theta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.valueAndGradient(new double[3], new double[4]));
        assertTrue(e.getMessage().contains("gradient"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> f.valueGradientHessian(new double[3], new double[3], new double[3]));
        assertTrue(e.getMessage().contains("hessian"), e.getMessage());
        double[] shared = new double[3];
        assertThrows(IllegalArgumentException.class, () -> f.valueAndGradient(shared, shared));
    }

    @Test
    void theInputsAreNotModified() {
        BinaryProblem p = Data.randomProblem(16, 20, 3, true, 0.1);
        double[] x = p.x.clone();
        double[] y = p.y.clone();
        double[] w = p.w.clone();
        double[] theta = Data.randomTheta(17, 3, 1.0);
        double[] copy = theta.clone();
        create(p).valueGradientHessian(theta, new double[3], new double[9]);
        assertArrayClose(copy, theta, 0, 0, "theta");
        assertArrayClose(x, p.x, 0, 0, "x");
        assertArrayClose(y, p.y, 0, 0, "y");
        assertArrayClose(w, p.w, 0, 0, "w");
    }
}
