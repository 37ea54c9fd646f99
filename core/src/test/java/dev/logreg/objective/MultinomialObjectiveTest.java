package dev.logreg.objective;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.FiniteDifferences;
import dev.logreg.testing.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The multinomial objectives (EJML; fused on one or several threads, with and without SIMD): every
 * implementation against the loop reference, all of them against
 * finite differences, the binary objective at K = 2, shift invariance, stability and the bounds.
 */
class MultinomialObjectiveTest {

    /**
     * Relative accuracy with logits near 1000: log-sum-exp subtracts numbers of that size, so the
     * differences carry about 1000 times the unit roundoff.
     */
    private static final double LARGE_LOGITS = 1e-12;

    /** The implementations under test besides the loop reference. */
    static List<Function<MultinomialProblem, MultinomialObjective>> implementations() {
        return List.of(VectorizedMultinomialObjective::new, LoopMultinomialObjective::new,
                FusedMultinomialObjective::new,
                p -> new FusedMultinomialObjective(p, 3, true, FusedBinaryObjective.SIMD),
                p -> new FusedMultinomialObjective(p, 2, true, null));
    }

    /**
     * A random problem: an intercept column (when asked) and Gaussian features, labels drawn from the
     * softmax of a random &Theta;, optional weights on [0, 3).
     */
    static MultinomialProblem randomProblem(long seed, int m, int n, int k, boolean weighted, double l2,
                                            int reference, boolean intercept) {
        Random random = new Random(seed);
        double[] x = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j] = intercept && j == 0 ? 1.0 : random.nextGaussian();
            }
        }
        double[][] truth = new double[k][n];
        for (double[] row : truth) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            double[] p = new double[k];
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double z = 0;
                for (int j = 0; j < n; j++) {
                    z += x[i * n + j] * truth[c][j];
                }
                p[c] = Math.exp(Math.min(z, 30));
                sum += p[c];
            }
            double u = random.nextDouble() * sum;
            int c = 0;
            while (c < k - 1 && (u -= p[c]) > 0) {
                c++;
            }
            y[i] = c;
        }
        double[] w = null;
        if (weighted) {
            w = new double[m];
            for (int i = 0; i < m; i++) {
                w[i] = 3 * random.nextDouble();
            }
            w[0] = 1.0;
        }
        return new MultinomialProblem(x, m, n, y, w, l2, intercept ? 0 : -1, k, reference);
    }

    static double[] randomTheta(long seed, int length, double scale) {
        Random random = new Random(seed);
        double[] theta = new double[length];
        for (int j = 0; j < length; j++) {
            theta[j] = scale * random.nextGaussian();
        }
        return theta;
    }

    static List<Arguments> shapes() {
        List<Arguments> cases = new ArrayList<>();
        for (int m : new int[] {1, 3, 50, 400}) {
            for (int n : new int[] {1, 3, 6}) {
                for (int k : new int[] {2, 3, 5}) {
                    for (int reference : new int[] {-1, 0, k - 1}) {
                        boolean weighted = (m + n + k) % 2 == 0;
                        double l2 = reference < 0 || (m + k) % 3 == 0 ? 0.2 : 0.0;
                        cases.add(Arguments.of(m, n, k, reference, weighted, l2, n > 1));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "m={0}, n={1}, K={2}, reference={3}, weighted={4}, l2={5}, intercept={6}")
    @MethodSource("shapes")
    void vectorizedAgreesWithTheLoopReference(int m, int n, int k, int reference, boolean weighted, double l2,
                                              boolean intercept) {
        MultinomialProblem p = randomProblem(100L * m + 10L * n + k, m, n, k, weighted, l2, reference, intercept);
        double[] theta = randomTheta(m + 7L * n + k, p.dimension(), 2.0 / Math.sqrt(n));
        MultinomialObjective reference0 = new LoopMultinomialObjective(p);
        int d = p.dimension();
        double[] gRef = new double[d];
        double[] hRef = new double[d * d];
        double jRef = reference0.valueGradientHessian(theta, gRef, hRef);
        for (Function<MultinomialProblem, MultinomialObjective> create : implementations()) {
            MultinomialObjective fast = create.apply(p);
            String what = fast.getClass().getSimpleName();
            double[] g = new double[d];
            double[] h = new double[d * d];
            double j = fast.valueGradientHessian(theta, g, h);
            assertClose(jRef, j, Tolerances.SAME_MATH, 0, what + " J");
            assertArrayClose(gRef, g, Tolerances.SAME_MATH, 0, what + " g");
            assertArrayClose(hRef, h, Tolerances.SAME_MATH, 0, what + " H");
            assertClose(jRef, fast.value(theta), Tolerances.SAME_MATH, 0, what + " J alone");
            double[] g2 = new double[d];
            assertClose(jRef, fast.valueAndGradient(theta, g2), Tolerances.SAME_MATH, 0, what + " J with g");
            assertArrayClose(gRef, g2, Tolerances.SAME_MATH, 0, what + " g alone");
            // a second evaluation on the same buffers gives the same answer (no stale accumulation)
            assertEquals(j, fast.valueGradientHessian(theta, g, h), 0.0, what + " repeatable");
        }
    }

    @Test
    void fusedAgreesWithEjmlOnATallProblemOfManyBlocks() {
        MultinomialProblem p = randomProblem(77, 3000, 9, 4, true, 0.0, 1, true);
        double[] theta = randomTheta(78, p.dimension(), 0.5);
        int d = p.dimension();
        double[] gRef = new double[d];
        double[] hRef = new double[d * d];
        double jRef = new VectorizedMultinomialObjective(p).valueGradientHessian(theta, gRef, hRef);
        for (FusedMultinomialObjective fused : List.of(new FusedMultinomialObjective(p),
                new FusedMultinomialObjective(p, 2, true, null), new FusedMultinomialObjective(p, 3, true,
                        FusedBinaryObjective.SIMD))) {
            double[] g = new double[d];
            double[] h = new double[d * d];
            double j = fused.valueGradientHessian(theta, g, h);
            String what = fused.threads() + " threads, simd " + fused.simd();
            assertClose(jRef, j, Tolerances.SAME_MATH, 0, what + " J");
            assertArrayClose(gRef, g, Tolerances.SAME_MATH, 0, what + " g");
            assertArrayClose(hRef, h, Tolerances.SAME_MATH, 0, what + " H");
        }
    }

    @ParameterizedTest(name = "K={0}, reference={1}, l2={2}")
    @MethodSource("derivativeCases")
    void gradientAndHessianMatchFiniteDifferences(int k, int reference, double l2) {
        MultinomialProblem p = randomProblem(31L * k + reference, 60, 4, k, true, l2, reference, true);
        double[] theta = randomTheta(k, p.dimension(), 0.7);
        for (Function<MultinomialProblem, MultinomialObjective> create : implementations()) {
            MultinomialObjective f = create.apply(p);
            int d = p.dimension();
            double[] g = new double[d];
            double[] h = new double[d * d];
            f.valueGradientHessian(theta, g, h);
            double[] numericG = FiniteDifferences.gradient(f::value, theta);
            assertArrayClose(numericG, g, Tolerances.FINITE_DIFFERENCE, 1e-3, "gradient");
            double[] numericH = FiniteDifferences.jacobian(t -> {
                double[] gt = new double[d];
                f.valueAndGradient(t, gt);
                return gt;
            }, theta);
            assertArrayClose(numericH, h, Tolerances.FINITE_DIFFERENCE, 1e-3, "Hessian");
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    assertEquals(h[a * d + b], h[b * d + a], 0.0, "symmetric at " + a + "," + b);
                }
            }
        }
    }

    static List<Arguments> derivativeCases() {
        return List.of(Arguments.of(2, 0, 0.0), Arguments.of(3, 0, 0.0), Arguments.of(4, 2, 0.1),
                Arguments.of(3, -1, 0.1), Arguments.of(5, -1, 0.0));
    }

    @Test
    void twoClassesWithReferenceZeroAreTheBinaryObjective() {
        MultinomialProblem p = randomProblem(5, 200, 4, 2, true, 0.15, 0, true);
        double[] y = new double[p.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = p.label(i);
        }
        BinaryProblem binary = new BinaryProblem(p.x, p.rows(), p.columns(), y, p.w, p.l2(), 0);
        double[] theta = randomTheta(9, 4, 1.0);
        double[] gb = new double[4];
        double[] hb = new double[16];
        double jb = new LoopBinaryObjective(binary).valueGradientHessian(theta, gb, hb);
        for (Function<MultinomialProblem, MultinomialObjective> create : implementations()) {
            double[] g = new double[4];
            double[] h = new double[16];
            double j = create.apply(p).valueGradientHessian(theta, g, h);
            assertClose(jb, j, Tolerances.SAME_MATH, 0, "J");
            assertArrayClose(gb, g, Tolerances.SAME_MATH, 0, "g");
            assertArrayClose(hb, h, Tolerances.SAME_MATH, 0, "H");
        }
    }

    @Test
    void symmetricLossIsInvariantToACommonShift() {
        MultinomialProblem p = randomProblem(12, 80, 3, 4, false, 0.0, -1, true);
        double[] theta = randomTheta(3, p.dimension(), 1.0);
        double[] shifted = theta.clone();
        double[] shift = {0.7, -1.3, 2.1};
        for (int c = 0; c < 4; c++) {
            for (int j = 0; j < 3; j++) {
                shifted[c * 3 + j] += shift[j];
            }
        }
        for (Function<MultinomialProblem, MultinomialObjective> create : implementations()) {
            MultinomialObjective f = create.apply(p);
            assertClose(f.value(theta), f.value(shifted), Tolerances.SAME_MATH, 1, "J under a shift");
            // the gradient sums to zero across classes, term by term: J is flat along the shift
            double[] g = new double[p.dimension()];
            f.valueAndGradient(theta, g);
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int c = 0; c < 4; c++) {
                    sum += g[c * 3 + j];
                }
                assertEquals(0.0, sum, Tolerances.SAME_MATH, "gradient sum for term " + j);
            }
        }
    }

    @Test
    void hugeLogitsStayFiniteAndExact() {
        // one row, logits 0 (reference), 1000 and 1001: J = logsumexp - z_y with z_y = 1000
        double[] x = {1.0};
        MultinomialProblem p = new MultinomialProblem(x, 1, 1, new int[] {1}, null, 0.0, 0, 3, 0);
        double[] theta = {1000.0, 1001.0};
        double expected = 1001 + Math.log1p(Math.exp(-1) + Math.exp(-1001)) - 1000;
        for (Function<MultinomialProblem, MultinomialObjective> create : implementations()) {
            MultinomialObjective f = create.apply(p);
            double[] g = new double[2];
            double[] h = new double[4];
            assertClose(expected, f.valueGradientHessian(theta, g, h), LARGE_LOGITS, 1, "J");
            double p1 = 1 / (1 + Math.E);
            assertClose(p1 - 1, g[0], LARGE_LOGITS, 1, "g class 1");
            assertClose(1 - p1, g[1], LARGE_LOGITS, 1, "g class 2");
            assertTrue(Double.isFinite(h[0]) && Double.isFinite(h[3]));
        }
    }

    @Test
    void lipschitzBoundDominatesTheHessian() {
        for (int k : new int[] {2, 3, 6}) {
            MultinomialProblem p = randomProblem(40L + k, 300, 5, k, true, 0.05, k == 6 ? -1 : 0, true);
            MultinomialObjective f = new VectorizedMultinomialObjective(p);
            double bound = f.lipschitzBound();
            for (long seed = 0; seed < 5; seed++) {
                double[] theta = randomTheta(seed, p.dimension(), seed == 0 ? 0 : 1.5);
                int d = p.dimension();
                double[] h = new double[d * d];
                f.valueGradientHessian(theta, new double[d], h);
                org.ejml.data.DMatrixRMaj hm = org.ejml.data.DMatrixRMaj.wrap(d, d, h);
                var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(d, false, true);
                assertTrue(eig.decompose(hm));
                for (int e = 0; e < d; e++) {
                    assertTrue(eig.getEigenvalue(e).getReal() <= bound * (1 + 1e-12),
                            "K=" + k + ": eigenvalue " + eig.getEigenvalue(e).getReal() + " > L " + bound);
                }
            }
        }
    }

    @Test
    void separationLevelIsLogTwoOverWeightWithoutPenalty() {
        MultinomialProblem p = randomProblem(2, 10, 2, 3, false, 0.0, 0, true);
        assertClose(Math.log(2) / 10, p.separationLevel(), Tolerances.SCALAR, 0, "level");
        MultinomialProblem penalized = randomProblem(2, 10, 2, 3, false, 0.5, 0, true);
        assertEquals(0.0, penalized.separationLevel());
    }

    @Test
    void badBuffersAndLabelsAreCallerMistakes() {
        MultinomialProblem p = randomProblem(2, 10, 2, 3, false, 0.0, 0, true);
        MultinomialObjective f = new VectorizedMultinomialObjective(p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.value(new double[3]));
        assertTrue(e.getMessage().contains("theta has length 3, expected 4"), e.getMessage());
        double[] theta = new double[4];
        assertThrows(IllegalArgumentException.class, () -> f.valueAndGradient(theta, theta));
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultinomialProblem(new double[] {1, 1}, 2, 1, new int[] {0, 3}, null, 0, 0, 3, 0));
        assertTrue(e.getMessage().contains("y[1] = 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultinomialProblem(new double[] {1, 1}, 2, 1, new int[] {0, 1}, null, 0, 0, 1, 0));
        assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultinomialProblem(new double[] {1, Double.NaN}, 2, 1, new int[] {0, 1}, null, 0, 0, 2, 0));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }
}
