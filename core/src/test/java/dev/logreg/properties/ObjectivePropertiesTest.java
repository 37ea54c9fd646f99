package dev.logreg.properties;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertClose;

import dev.logreg.objective.Objective;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.LoopBinaryObjective;
import dev.logreg.objective.VectorizedBinaryObjective;
import dev.logreg.testing.Tolerances;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

/**
 * Properties of the objective over random {@link BinaryProblem}s: m in [4, 60] rows, n in [1, 5]
 * features in [-3, 3] (Gaussian-ish or uniform), with an intercept column of ones at column 0 or
 * none (&minus;1), 0/1 labels, weights absent, integer in [0, 4] or real in [0, 4], &lambda; zero or
 * in [1e-3, 1], and &theta; with entries in [-3, 3] (|z| up to ~55, so the tails of the loss and the
 * sigmoid are reached).
 */
class ObjectivePropertiesTest {

    // ------------------------------------------------------------------------------------------
    // Data

    /** How the weights of a problem are given. */
    enum WeightKind {
        /** {@code null}: unit weights. */
        NONE,
        /** Integers in [0, 4]. */
        INTEGER,
        /** Reals in [0, 4]. */
        REAL
    }

    /**
     * A problem's raw data and a point: the model matrix is built from x, with a column of ones at
     * column 0 when {@code intercept}.
     */
    record Case(double[][] x, double[] y, double[] w, double l2, boolean intercept, double[] theta, double[] other) {

        int rows() {
            return y.length;
        }

        int columns() {
            return x[0].length + (intercept ? 1 : 0);
        }

        int interceptColumn() {
            return intercept ? 0 : -1;
        }

        double[] design() {
            int cols = columns();
            int offset = intercept ? 1 : 0;
            double[] design = new double[rows() * cols];
            for (int i = 0; i < rows(); i++) {
                if (intercept) {
                    design[i * cols] = 1.0;
                }
                for (int j = 0; j < x[i].length; j++) {
                    design[i * cols + offset + j] = x[i][j];
                }
            }
            return design;
        }

        BinaryProblem problem() {
            return new BinaryProblem(design(), rows(), columns(), y.clone(), w == null ? null : w.clone(), l2,
                    interceptColumn());
        }

        @Override
        public String toString() {
            return "Case[m=" + rows() + ", n=" + columns() + ", intercept=" + intercept + ", l2=" + l2
                    + ",\n  theta=" + Arrays.toString(theta) + ",\n  other=" + Arrays.toString(other)
                    + ",\n  x=" + Arrays.deepToString(x)
                    + ",\n  y=" + Arrays.toString(y) + ",\n  w=" + Arrays.toString(w) + "]";
        }
    }

    static Arbitrary<double[][]> features(int m, int n) {
        return Arbitraries.of(true, false).flatMap(gaussian -> {
            Arbitrary<Double> f = Arbitraries.doubles().between(-3, 3).ofScale(6)
                    .withDistribution(gaussian ? RandomDistribution.gaussian() : RandomDistribution.uniform());
            return f.array(double[].class).ofSize(n).array(double[][].class).ofSize(m);
        });
    }

    static Arbitrary<double[]> weights(int m, WeightKind kind) {
        return switch (kind) {
            case NONE -> Arbitraries.<double[]>just(null);
            case INTEGER -> Arbitraries.integers().between(0, 4).map(Integer::doubleValue)
                    .array(double[].class).ofSize(m);
            case REAL -> Arbitraries.doubles().between(0, 4).ofScale(6).array(double[].class).ofSize(m);
        };
    }

    /** &lambda; = 0 or log-uniform in [1e-3, 1]. */
    static Arbitrary<Double> penalty() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(-3, 0).map(e -> Math.pow(10, e)));
    }

    static Arbitrary<double[]> point(int n) {
        return Arbitraries.doubles().between(-3, 3).ofScale(6).array(double[].class).ofSize(n);
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.integers().between(4, 60), Arbitraries.integers().between(1, 5),
                        Arbitraries.of(true, false), Arbitraries.of(WeightKind.class))
                .flatAs((m, n, intercept, kind) -> {
                    int cols = n + (intercept ? 1 : 0);
                    return Combinators.combine(features(m, n), Arbitraries.of(0.0, 1.0).array(double[].class).ofSize(m),
                                    weights(m, kind), penalty(), point(cols), point(cols))
                            .as((x, y, w, l2, theta, other) -> {
                                double[] ws = w == null ? null : w.clone();
                                if (ws != null && Arrays.stream(ws).sum() == 0) {
                                    ws[0] = 1.0;  // BinaryProblem needs W > 0
                                }
                                return new Case(x, y.clone(), ws, l2, intercept, theta, other);
                            });
                });
    }

    /** Cases whose weights are integers in [0, 4] with W &gt; 0. */
    @Provide
    Arbitrary<Case> integerWeighted() {
        return cases().filter(c -> c.w() != null).map(c -> {
            double[] w = new double[c.rows()];
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.floor(c.w()[i]);
            }
            if (Arrays.stream(w).sum() == 0) {
                w[0] = 1.0;
            }
            return new Case(c.x(), c.y(), w, c.l2(), c.intercept(), c.theta(), c.other());
        });
    }

    // ------------------------------------------------------------------------------------------
    // Computed here

    /** &sigma;(z), written independently of {@code dev.logreg.math.Logistic}. */
    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * The scale of the gradient's summands, max<sub>j</sub> [&Sigma; wᵢ|xᵢⱼ||&sigma;(zᵢ) &minus; yᵢ| / W
     * + &lambda;|&theta;ⱼ|]: two summation orders of g differ by a few ulps of this, however much the
     * sums cancel. The floor for the norm-wise comparison of gradients.
     */
    static double gradientScale(BinaryProblem p, double[] theta) {
        int n = p.columns();
        double[] s = new double[n];
        for (int i = 0; i < p.rows(); i++) {
            double z = 0;
            for (int j = 0; j < n; j++) {
                z += p.x(i, j) * theta[j];
            }
            double r = Math.abs(sigmoid(z) - p.label(i));
            for (int j = 0; j < n; j++) {
                s[j] += p.weight(i) * Math.abs(p.x(i, j)) * r;
            }
        }
        double max = 0;
        for (int j = 0; j < n; j++) {
            double penalty = j == p.interceptColumn() ? 0 : p.l2() * Math.abs(theta[j]);
            max = Math.max(max, s[j] / p.totalWeight() + penalty);
        }
        return max;
    }

    /** J, g and H of one objective at one point, through each of the three entry points. */
    record Evaluation(double value, double valueAlone, double valueWithGradient, double[] gradient,
                      double[] gradientAlone, double[] hessian) {

        static Evaluation of(Objective f, double[] theta) {
            int n = theta.length;
            double[] g = new double[n];
            double[] h = new double[n * n];
            double j = f.valueGradientHessian(theta.clone(), g, h);
            double[] g2 = new double[n];
            double j2 = f.valueAndGradient(theta.clone(), g2);
            return new Evaluation(j, f.value(theta.clone()), j2, g, g2, h);
        }
    }

    /**
     * Each of J, g and H from {@code actual} equals that from {@code expected}: J relative (all its
     * terms are positive), g norm-wise with the summands' scale as floor, H norm-wise (its diagonal,
     * a sum of positive terms, bounds every element's summands).
     */
    static void assertSame(Evaluation expected, Evaluation actual, double gradientFloor, String what) {
        double tol = Tolerances.SAME_MATH;
        assertClose(expected.value(), actual.value(), tol, 0, what + ": J with g and H");
        assertClose(expected.value(), actual.valueAlone(), tol, 0, what + ": J alone");
        assertClose(expected.value(), actual.valueWithGradient(), tol, 0, what + ": J with g");
        assertArrayClose(expected.gradient(), actual.gradient(), tol, gradientFloor, what + ": g with H");
        assertArrayClose(expected.gradient(), actual.gradientAlone(), tol, gradientFloor, what + ": g alone");
        assertArrayClose(expected.hessian(), actual.hessian(), tol, 0, what + ": H");
    }

    // ------------------------------------------------------------------------------------------
    // Properties

    /**
     * The EJML objective equals the loop reference in J, g and H at a random &theta;, with and
     * without weights, penalty and intercept; also after it was evaluated elsewhere first, so that
     * no work array carries anything over from one evaluation to the next.
     */
    @Property(tries = 200)
    void vectorizedEqualsLoopReference(@ForAll("cases") Case c) {
        BinaryProblem p = c.problem();
        double[] theta = c.theta();
        Evaluation expected = Evaluation.of(new LoopBinaryObjective(p), theta);
        double floor = gradientScale(p, theta);

        VectorizedBinaryObjective fast = new VectorizedBinaryObjective(p);
        assertSame(expected, Evaluation.of(fast, theta), floor, "fresh");
        Evaluation.of(fast, c.other());
        assertSame(expected, Evaluation.of(fast, theta), floor, "after another point");
    }

    /**
     * In both implementations, integer weight k on a row gives the J, g and H of the data with that
     * row k times over and unit weights (W is the same sum), and weight 0 those of the row removed.
     */
    @Property(tries = 200)
    void integerWeightsEqualRepeatedRows(@ForAll("integerWeighted") Case c) {
        int total = (int) Arrays.stream(c.w()).sum();
        double[][] x = new double[total][];
        double[] y = new double[total];
        int r = 0;
        for (int i = 0; i < c.rows(); i++) {
            for (int k = 0; k < (int) c.w()[i]; k++) {
                x[r] = c.x()[i].clone();
                y[r] = c.y()[i];
                r++;
            }
        }
        Case repeated = new Case(x, y, null, c.l2(), c.intercept(), c.theta(), c.other());
        BinaryProblem weightedProblem = c.problem();
        BinaryProblem repeatedProblem = repeated.problem();
        Evaluation expected = Evaluation.of(new LoopBinaryObjective(repeatedProblem), c.theta());
        double floor = gradientScale(repeatedProblem, c.theta());
        assertSame(expected, Evaluation.of(new LoopBinaryObjective(weightedProblem), c.theta()), floor,
                "loop, weighted against repeated");
        assertSame(expected, Evaluation.of(new VectorizedBinaryObjective(weightedProblem), c.theta()), floor,
                "vectorized, weighted against repeated");
    }

    /**
     * At &theta; = 0 every row's loss is log 2, so J(0) = log 2 for any data, weights and penalty, in
     * both implementations; and g(0) = Xᵀ(w &#8728; (1/2 &minus; y))/W, computed here.
     */
    @Property(tries = 200)
    void atZeroTheLossIsLogTwo(@ForAll("cases") Case c) {
        BinaryProblem p = c.problem();
        int n = p.columns();
        double[] expectedGradient = new double[n];
        for (int i = 0; i < p.rows(); i++) {
            for (int j = 0; j < n; j++) {
                expectedGradient[j] += p.weight(i) * p.x(i, j) * (0.5 - p.label(i)) / p.totalWeight();
            }
        }
        double floor = gradientScale(p, new double[n]);
        for (Objective f : new Objective[] {new LoopBinaryObjective(p), new VectorizedBinaryObjective(p)}) {
            String what = f.getClass().getSimpleName();
            double[] g = new double[n];
            assertClose(Math.log(2), f.value(new double[n]), Tolerances.SCALAR, 0, what + ": J(0)");
            double withGradient = f.valueAndGradient(new double[n], g);
            assertClose(Math.log(2), withGradient, Tolerances.SCALAR, 0, what + ": J(0) with g");
            assertArrayClose(expectedGradient, g, Tolerances.SAME_MATH, floor, what + ": g(0)");
        }
    }
}
