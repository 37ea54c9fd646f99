package dev.logreg.properties;

import static dev.logreg.testing.Close.assertArrayClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.MultinomialFit;
import dev.logreg.LogisticRegression;
import dev.logreg.Parametrization;
import dev.logreg.objective.LoopMultinomialObjective;
import dev.logreg.objective.MultinomialProblem;
import dev.logreg.testing.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@code LogisticRegression.newton()} over random penalized problems: K in [2, 5]
 * classes, m in [2K, 60] rows with every class present, n in [1, 4] Gaussian features, integer
 * weights in [1, 4] and &lambda; in [1e-3, 1], so the optimum is unique. Expected values come from a
 * second fit on data transformed by hand, or from {@link LoopMultinomialObjective}.
 */
class MultinomialPropertiesTest {

    /** Newton's stopping tolerance on max|g| for every fit here. */
    static final double FIT_TOLERANCE = 1e-10;

    /** Two optima compared norm-wise with {@link Tolerances#SAME_OPTIMUM}, absolute below |&theta;| ~ 1. */
    static final double THETA_FLOOR = 1.0;

    /** The loop reference's max|g| at the fitted &theta;: the tolerance plus rounding between implementations. */
    static final double GRADIENT_RECHECK = 1.01 * FIT_TOLERANCE;

    record Sample(double[][] x, int[] y, double[] w, int k, double l2, Parametrization parametrization) {
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.longs().map(MultinomialPropertiesTest::sample);
    }

    static Sample sample(long seed) {
        Random r = new Random(seed);
        int k = 2 + r.nextInt(4);
        int m = 2 * k + r.nextInt(61 - 2 * k);
        int n = 1 + r.nextInt(4);
        double[][] x = new double[m][n];
        int[] y = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = i < k ? i : r.nextInt(k);
            w[i] = 1 + r.nextInt(4);
        }
        double l2 = Math.pow(10, -3 + 3 * r.nextDouble());
        return new Sample(x, y, w, k, l2, r.nextBoolean() ? Parametrization.REFERENCE : Parametrization.SYMMETRIC);
    }

    static MultinomialFit fit(Sample s, double[][] x, int[] y, double[] w) {
        MultinomialFit fit = LogisticRegression.newton().withL2(s.l2()).withParametrization(s.parametrization())
                .withTolerance(FIT_TOLERANCE).withClassNames(names(s.k())).fitMultinomial(x, y, w);
        assertTrue(fit.converged(), fit.toString());
        return fit;
    }

    static List<String> names(int k) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add("c" + c);
        }
        return names;
    }

    @Property(tries = 100)
    void integerWeightsAreRepeatedRows(@ForAll("samples") Sample s) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < s.y().length; i++) {
            for (int t = 0; t < (int) s.w()[i]; t++) {
                rows.add(s.x()[i]);
                labels.add(s.y()[i]);
            }
        }
        MultinomialFit weighted = fit(s, s.x(), s.y(), s.w());
        MultinomialFit repeated = fit(s, rows.toArray(new double[0][]),
                labels.stream().mapToInt(Integer::intValue).toArray(), null);
        assertArrayClose(weighted.theta(), repeated.theta(), Tolerances.SAME_OPTIMUM, THETA_FLOOR, "theta");
    }

    @Property(tries = 100)
    void rowOrderDoesNotMatter(@ForAll("samples") Sample s) {
        int m = s.y().length;
        double[][] x = new double[m][];
        int[] y = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = s.x()[m - 1 - i];
            y[i] = s.y()[m - 1 - i];
            w[i] = s.w()[m - 1 - i];
        }
        assertArrayClose(fit(s, s.x(), s.y(), s.w()).theta(), fit(s, x, y, w).theta(), Tolerances.SAME_OPTIMUM,
                THETA_FLOOR, "theta");
    }

    @Property(tries = 100)
    void relabelledClassesPermuteTheBlocks(@ForAll("samples") Sample s) {
        // class c becomes class K-1-c; in the reference parametrization the reference moves with it
        int k = s.k();
        int[] y = new int[s.y().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = k - 1 - s.y()[i];
        }
        MultinomialFit original = fit(s, s.x(), s.y(), s.w());
        MultinomialFit relabelled = LogisticRegression.newton().withL2(s.l2())
                .withParametrization(s.parametrization()).withTolerance(FIT_TOLERANCE).withClassNames(names(k))
                .withReference(k - 1).fitMultinomial(s.x(), y, s.w());
        assertTrue(relabelled.converged());
        for (int c = 0; c < k; c++) {
            assertArrayClose(original.coefficientsWithIntercept("c" + c),
                    relabelled.coefficientsWithIntercept("c" + (k - 1 - c)), Tolerances.SAME_OPTIMUM, THETA_FLOOR,
                    "class " + c);
        }
    }

    @Property(tries = 100)
    void theLoopReferenceConfirmsTheOptimum(@ForAll("samples") Sample s) {
        MultinomialFit fit = fit(s, s.x(), s.y(), s.w());
        int m = s.y().length;
        int n = s.x()[0].length + 1;
        double[] design = new double[m * n];
        for (int i = 0; i < m; i++) {
            design[i * n] = 1;
            System.arraycopy(s.x()[i], 0, design, i * n + 1, n - 1);
        }
        boolean symmetric = s.parametrization() == Parametrization.SYMMETRIC;
        MultinomialProblem problem = new MultinomialProblem(design, m, n, s.y(), s.w(), s.l2(), 0, s.k(),
                symmetric ? -1 : 0);
        double[] theta = fit.theta();
        double[] g = new double[theta.length];
        new LoopMultinomialObjective(problem).valueAndGradient(theta, g);
        for (int j = 0; j < g.length; j++) {
            assertTrue(Math.abs(g[j]) <= GRADIENT_RECHECK, "g[" + j + "] = " + g[j]);
        }
        if (symmetric) {
            // at the penalized optimum each term's coefficients sum to zero across classes (J is flat
            // along a common shift but the penalty is not), and the intercepts are centred
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (double[] block : fit.coefficientsWithIntercept()) {
                    sum += block[j];
                }
                assertEquals(0.0, sum, j == 0 ? 1e-12 : GRADIENT_RECHECK * s.k() / s.l2(), "sum of term " + j);
            }
        }
    }
}
