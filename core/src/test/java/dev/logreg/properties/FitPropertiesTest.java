package dev.logreg.properties;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.BinomialFit;
import dev.logreg.LogisticModel;
import dev.logreg.LogisticRegression;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.LoopBinaryObjective;
import dev.logreg.testing.Tolerances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

/**
 * Properties of {@code LogisticRegression.newton()} over random data: m in [4, 60] rows, n in [1, 5]
 * features in [-3, 3] (Gaussian-ish or uniform), 0/1 labels with at least two rows of positive
 * weight in each class, integer weights in [0, 4] and an L2 penalty &lambda; in [1e-3, 1], so that
 * the optimum is unique even when the data are separable. Every fit is Newton to max|g| &le; 1e-10
 * and must report convergence before anything else is compared.
 *
 * <p>The expected values come from a second fit on data transformed by hand (rows repeated,
 * removed or permuted), from the order of the penalties, or from {@link LoopBinaryObjective} and a
 * sigmoid written here; never from the fit under test alone.
 */
class FitPropertiesTest {

    /** Newton's stopping tolerance on max|g| for every fit here. */
    static final double FIT_TOLERANCE = 1e-10;

    /**
     * Norm-wise floor for comparing two optima with {@link Tolerances#SAME_OPTIMUM}: below |&theta;| ~ 1
     * the comparison is absolute, 1e-7. Two fits stopped at max|g| &le; 1e-10 on curvature &ge; ~1e-3
     * (&lambda; &ge; 1e-3) can differ absolutely by ~1e-7 however small &theta; is.
     */
    static final double THETA_FLOOR = 1.0;

    /** Slack for ‖&beta;(&lambda;2)‖ &le; ‖&beta;(&lambda;1)‖: relative part, for two fits' solver error. */
    static final double NORM_RELATIVE_SLACK = 1e-9;
    /** Slack for ‖&beta;(&lambda;2)‖ &le; ‖&beta;(&lambda;1)‖: absolute part, for &beta; &asymp; 0. */
    static final double NORM_ABSOLUTE_SLACK = 1e-12;

    /**
     * J(&theta;&#770;) &le; J(0) up to rounding: both evaluated by the loop objective, which sums at most
     * a few hundred terms of size ~1, so its rounding error is far below 1e-14 relative.
     */
    static final double LOSS_ROUNDING = 1e-14;

    /**
     * The loop reference's max|g| at the fitted &theta;: the solver's tolerance 1e-10 (measured by the
     * vectorized objective) plus rounding between the two implementations (~1e-15).
     */
    static final double GRADIENT_RECHECK = 1.01 * FIT_TOLERANCE;

    // ------------------------------------------------------------------------------------------
    // Data

    /** One weighted, penalized problem as {@link LogisticRegression#fit(double[][], double[], double[])} takes it. */
    record Sample(double[][] x, double[] y, double[] w, double l2) {

        int rows() {
            return y.length;
        }

        int features() {
            return x[0].length;
        }

        @Override
        public String toString() {
            return "Sample[m=" + rows() + ", n=" + features() + ", l2=" + l2 + ",\n  x=" + Arrays.deepToString(x)
                    + ",\n  y=" + Arrays.toString(y) + ",\n  w=" + Arrays.toString(w) + "]";
        }
    }

    /** A sample and a permutation of its rows: row i of the permuted data is row order[i] of the sample. */
    record Permuted(Sample sample, List<Integer> order) {
    }

    /** A sample and two penalties &lambda;1 &lt; &lambda;2 (the sample's own l2 is unused). */
    record TwoPenalties(Sample sample, double l2Small, double l2Large) {
    }

    /** m rows of n features in [-3, 3], per sample either all Gaussian-ish (centred) or all uniform. */
    static Arbitrary<double[][]> features(int m, int n) {
        return Arbitraries.of(true, false).flatMap(gaussian -> {
            Arbitrary<Double> f = Arbitraries.doubles().between(-3, 3).ofScale(6)
                    .withDistribution(gaussian ? RandomDistribution.gaussian() : RandomDistribution.uniform());
            return f.array(double[].class).ofSize(n).array(double[][].class).ofSize(m);
        });
    }

    static Arbitrary<double[]> labels(int m) {
        return Arbitraries.of(0.0, 1.0).array(double[].class).ofSize(m);
    }

    static Arbitrary<double[]> integerWeights(int m) {
        return Arbitraries.integers().between(0, 4).map(Integer::doubleValue).array(double[].class).ofSize(m);
    }

    /** &lambda; log-uniform in [1e-3, 1]. */
    static Arbitrary<Double> penalty() {
        return Arbitraries.doubles().between(-3, 0).map(e -> Math.pow(10, e));
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.integers().between(4, 60).flatMap(m -> Arbitraries.integers().between(1, 5).flatMap(n ->
                Combinators.combine(features(m, n), labels(m), integerWeights(m), penalty())
                        .as(FitPropertiesTest::sample)));
    }

    /** Copies the arrays and makes sure each class has at least two rows of positive weight. */
    static Sample sample(double[][] x, double[] y, double[] w, double l2) {
        double[][] xs = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            xs[i] = x[i].clone();
        }
        double[] ys = y.clone();
        double[] ws = w.clone();
        if (positiveRows(ys, ws, 0.0) < 2 || positiveRows(ys, ws, 1.0) < 2) {
            for (int i = 0; i < 4; i++) {
                ys[i] = i < 2 ? 0.0 : 1.0;
                ws[i] = Math.max(ws[i], 1.0);
            }
        }
        return new Sample(xs, ys, ws, l2);
    }

    static int positiveRows(double[] y, double[] w, double label) {
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == label && w[i] > 0) {
                count++;
            }
        }
        return count;
    }

    @Provide
    Arbitrary<Permuted> permuted() {
        return samples().flatMap(s -> Arbitraries.shuffle(IntStream.range(0, s.rows()).boxed().toList())
                .map(order -> new Permuted(s, order)));
    }

    /**
     * A sample with 1 to 10 extra rows of weight zero, features in [-3, 3] and either label, put at
     * random places among the others; returns the combined sample.
     */
    @Provide
    Arbitrary<Sample> withZeroWeightRows() {
        return samples().flatMap(s -> Arbitraries.integers().between(1, 10).flatMap(k ->
                Combinators.combine(features(k, s.features()), labels(k),
                                Arbitraries.shuffle(IntStream.range(0, s.rows() + k).boxed().toList()))
                        .as((xz, yz, order) -> {
                            int m = s.rows() + k;
                            double[][] x = new double[m][];
                            double[] y = new double[m];
                            double[] w = new double[m];
                            for (int i = 0; i < m; i++) {
                                int source = order.get(i);
                                if (source < s.rows()) {
                                    x[i] = s.x()[source].clone();
                                    y[i] = s.y()[source];
                                    w[i] = s.w()[source];
                                } else {
                                    x[i] = xz[source - s.rows()].clone();
                                    y[i] = yz[source - s.rows()];
                                    w[i] = 0.0;
                                }
                            }
                            return new Sample(x, y, w, s.l2());
                        })));
    }

    /** &lambda;1 &lt; &lambda;2, both log-uniform in [1e-3, 10]. */
    @Provide
    Arbitrary<TwoPenalties> twoPenalties() {
        Arbitrary<Double> exponent = Arbitraries.doubles().between(-3, 1);
        return Combinators.combine(samples(), exponent, exponent).as((s, a, b) ->
                new TwoPenalties(s, Math.pow(10, Math.min(a, b)), Math.pow(10, Math.max(a, b))))
                .filter(t -> t.l2Small() < t.l2Large());
    }

    // ------------------------------------------------------------------------------------------
    // Fitting

    static BinomialFit fit(double[][] x, double[] y, double[] w, double l2) {
        BinomialFit fit = LogisticRegression.newton().withL2(l2).withTolerance(FIT_TOLERANCE).fit(x, y, w);
        assertTrue(fit.converged(), () -> "the fit did not converge: max|g| = " + fit.maxAbsGradient());
        assertTrue(fit.maxAbsGradient() <= FIT_TOLERANCE, () -> "converged, but max|g| = " + fit.maxAbsGradient());
        return fit;
    }

    static BinomialFit fit(Sample s) {
        return fit(s.x(), s.y(), s.w(), s.l2());
    }

    /** The same problem as the library builds it: a column of ones first, then the features. */
    static BinaryProblem problem(Sample s) {
        int m = s.rows();
        int cols = s.features() + 1;
        double[] design = new double[m * cols];
        for (int i = 0; i < m; i++) {
            design[i * cols] = 1.0;
            for (int j = 0; j < s.features(); j++) {
                design[i * cols + 1 + j] = s.x()[i][j];
            }
        }
        return new BinaryProblem(design, m, cols, s.y().clone(), s.w().clone(), s.l2(), 0);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    // ------------------------------------------------------------------------------------------
    // Properties

    /** Weight k on a row gives the optimum of the data with that row k times over, unit weights. */
    @Property(tries = 200)
    void integerWeightEqualsRepeatedRows(@ForAll("samples") Sample s) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < s.rows(); i++) {
            for (int k = 0; k < (int) s.w()[i]; k++) {
                x.add(s.x()[i].clone());
                y.add(s.y()[i]);
            }
        }
        double[][] xr = x.toArray(new double[0][]);
        double[] yr = y.stream().mapToDouble(Double::doubleValue).toArray();

        BinomialFit weighted = fit(s);
        BinomialFit repeated = fit(xr, yr, null, s.l2());
        assertArrayClose(repeated.theta(), weighted.theta(), Tolerances.SAME_OPTIMUM, THETA_FLOOR,
                "theta, weights against repeated rows");
    }

    /** A row of weight zero is the same as no row at all. */
    @Property(tries = 200)
    void zeroWeightEqualsRowRemoved(@ForAll("withZeroWeightRows") Sample s) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int i = 0; i < s.rows(); i++) {
            if (s.w()[i] > 0) {
                x.add(s.x()[i].clone());
                y.add(s.y()[i]);
                w.add(s.w()[i]);
            }
        }
        assertTrue(x.size() < s.rows(), "the sample has rows of weight zero");
        BinomialFit withZeros = fit(s);
        BinomialFit removed = fit(x.toArray(new double[0][]), y.stream().mapToDouble(Double::doubleValue).toArray(),
                w.stream().mapToDouble(Double::doubleValue).toArray(), s.l2());
        assertArrayClose(removed.theta(), withZeros.theta(), Tolerances.SAME_OPTIMUM, THETA_FLOOR,
                "theta, zero weights against rows removed");
    }

    /** The order of the rows (each with its label and weight) does not matter. */
    @Property(tries = 200)
    void rowOrderDoesNotMatter(@ForAll("permuted") Permuted p) {
        Sample s = p.sample();
        int m = s.rows();
        double[][] x = new double[m][];
        double[] y = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            int source = p.order().get(i);
            x[i] = s.x()[source].clone();
            y[i] = s.y()[source];
            w[i] = s.w()[source];
        }
        BinomialFit original = fit(s);
        BinomialFit shuffled = fit(x, y, w, s.l2());
        assertArrayClose(original.theta(), shuffled.theta(), Tolerances.SAME_OPTIMUM, THETA_FLOOR,
                "theta, permuted rows");
    }

    /**
     * A larger penalty never gives larger coefficients: from the optimality of each fit,
     * (&lambda;2 &minus; &lambda;1)(‖&beta;1‖² &minus; ‖&beta;2‖²) &ge; 0 for any loss, the intercept
     * unpenalized.
     */
    @Property(tries = 200)
    void largerPenaltyNeverGivesLargerCoefficients(@ForAll("twoPenalties") TwoPenalties t) {
        Sample s = t.sample();
        BinomialFit small = fit(s.x(), s.y(), s.w(), t.l2Small());
        BinomialFit large = fit(s.x(), s.y(), s.w(), t.l2Large());
        double normSmall = norm(small.featureCoefficients());
        double normLarge = norm(large.featureCoefficients());
        assertTrue(normLarge <= normSmall * (1 + NORM_RELATIVE_SLACK) + NORM_ABSOLUTE_SLACK,
                () -> String.format("||beta|| = %.17g at lambda = %.6g, but %.17g at the larger lambda = %.6g",
                        normSmall, t.l2Small(), normLarge, t.l2Large()));
    }

    /**
     * At the fit the loss (by the loop reference) is finite and no larger than at &theta; = 0, where it
     * is log 2; the reference's gradient there is as small as the solver claims; the model's
     * probabilities are in [0, 1] and equal the sigmoid of the linear predictor.
     */
    @Property(tries = 200)
    void lossDecreasesAndProbabilitiesAreProbabilities(@ForAll("samples") Sample s) {
        BinomialFit fit = fit(s);
        double[] theta = fit.theta();
        assertEquals(s.features() + 1, theta.length, "theta: intercept and one coefficient per feature");
        assertEquals(theta[0], fit.intercept(), "intercept is theta[0]");
        assertArrayEquals(Arrays.copyOfRange(theta, 1, theta.length), fit.featureCoefficients(), "coefficients");

        LoopBinaryObjective reference = new LoopBinaryObjective(problem(s));
        double atZero = reference.value(new double[theta.length]);
        assertClose(Math.log(2), atZero, Tolerances.SCALAR, 0, "J(0)");
        double[] g = new double[theta.length];
        double atFit = reference.valueAndGradient(theta, g);
        assertTrue(!Double.isNaN(atFit) && Double.isFinite(atFit), () -> "J at the fit is " + atFit);
        assertTrue(atFit <= atZero * (1 + LOSS_ROUNDING),
                () -> String.format("J at the fit %.17g > J(0) = %.17g", atFit, atZero));
        double maxAbsG = Arrays.stream(g).map(Math::abs).max().orElseThrow();
        assertTrue(maxAbsG <= GRADIENT_RECHECK, () -> "the reference's max|g| at the fit is " + maxAbsG);

        LogisticModel model = LogisticModel.of(fit.intercept(), fit.featureCoefficients());
        for (int i = 0; i < s.rows(); i++) {
            double p = model.probability(s.x()[i]);
            int row = i;
            assertTrue(p >= 0 && p <= 1, () -> "P(y = 1 | x[" + row + "]) = " + p);
            double z = theta[0];
            for (int j = 0; j < s.features(); j++) {
                z += theta[j + 1] * s.x()[i][j];
            }
            double expected = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            assertClose(expected, p, Tolerances.SAME_MATH, 0, "P(y = 1 | x[" + i + "])");
        }
    }
}
