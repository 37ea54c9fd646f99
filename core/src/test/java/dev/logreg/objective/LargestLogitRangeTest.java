package dev.logreg.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused kernels find the largest logit range of a row on the way of every pass: the same as a
 * plain loop over the rows of positive weight, at the last pass's &theta; and at any other.
 */
class LargestLogitRangeTest {

    /** The kernel sums a logit in another order than the loop: a few ulps of a range near 10. */
    private static final double SUMMATION_ORDER = 1e-12;

    private static double[] design(Random r, int m, int n) {
        double[] x = new double[m * n];
        for (int i = 0; i < m; i++) {
            x[i * n] = 1;
            for (int j = 1; j < n; j++) {
                x[i * n + j] = r.nextGaussian();
            }
        }
        return x;
    }

    private static double[] weights(Random r, int m) {
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            w[i] = i % 7 == 3 ? 0 : r.nextDouble() + 0.5;
        }
        return w;
    }

    private static double[] theta(Random r, int d, double scale) {
        double[] t = new double[d];
        for (int j = 0; j < d; j++) {
            t[j] = r.nextGaussian() * scale;
        }
        return t;
    }

    /** The largest logit range by the problem's own logits, over rows of positive weight. */
    private static double loop(MultinomialProblem p, double[] w, double[] theta) {
        double[] z = new double[p.classes()];
        double largest = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                p.logits(i, theta, z);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                largest = Math.max(largest, hi - lo);
            }
        }
        return largest;
    }

    @Test
    void theBinaryKernelsRangeIsTheLargestAbsoluteLogitOfARowOfPositiveWeight() {
        Random r = new Random(3);
        int m = 3000;
        int n = 5;
        double[] x = design(r, m, n);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = r.nextInt(2);
        }
        double[] w = weights(r, m);
        for (boolean parallel : new boolean[] {false, true}) {
            BinaryProblem problem = new BinaryProblem(x, m, n, y, w, 0, 0);
            FusedBinaryObjective kernel = new FusedBinaryObjective(problem, parallel ? 3 : 1, parallel);
            double[] passed = theta(r, n, 2);
            kernel.valueGradientHessian(passed, new double[n], new double[n * n]);
            double[] other = theta(r, n, 5);
            for (double[] t : new double[][] {passed, other, passed}) {
                double expected = 0;
                for (int i = 0; i < m; i++) {
                    if (w[i] > 0) {
                        double z = 0;
                        for (int j = 0; j < n; j++) {
                            z += x[i * n + j] * t[j];
                        }
                        expected = Math.max(expected, Math.abs(z));
                    }
                }
                assertEquals(expected, kernel.largestLogitRange(t), SUMMATION_ORDER * expected,
                        parallel ? "parallel" : "serial");
            }
        }
        FusedBinaryObjective kernel = new FusedBinaryObjective(new BinaryProblem(x, m, n, y, w, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> kernel.largestLogitRange(new double[n + 1]));
    }

    @Test
    void theMultinomialKernelsRangeCountsTheReferencesLogit() {
        Random r = new Random(4);
        int m = 2000;
        int n = 4;
        int k = 3;
        double[] x = design(r, m, n);
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            y[i] = i % k;
        }
        double[] w = weights(r, m);
        for (int reference : new int[] {-1, 0, 2}) {
            MultinomialProblem problem = new MultinomialProblem(x, m, n, y, w, reference < 0 ? 0.1 : 0, 0, k,
                    reference);
            FusedMultinomialObjective kernel = new FusedMultinomialObjective(problem);
            int d = problem.dimension();
            double[] passed = theta(r, d, 2);
            kernel.valueAndGradient(passed, new double[d]);
            double[] other = theta(r, d, 4);
            for (double[] t : new double[][] {passed, other}) {
                double expected = loop(problem, w, t);
                assertEquals(expected, kernel.largestLogitRange(t), SUMMATION_ORDER * expected,
                        "reference " + reference);
            }
        }
    }
}
