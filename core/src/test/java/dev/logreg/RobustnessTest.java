package dev.logreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.solve.Termination;
import dev.logreg.solve.Warning;
import dev.logreg.testing.Close;
import dev.logreg.testing.Data;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Separation, aliased columns, shapes at the edges: results with warnings, never NaN or exceptions. */
class RobustnessTest {

    private static void assertFiniteFit(BinomialFit fit) {
        Close.assertFinite(fit.theta(), "theta");
        assertTrue(Double.isFinite(fit.loss()) && Double.isFinite(fit.maxAbsGradient()), fit.toString());
    }

    @Test
    void completeSeparationNamesTheDivergingTerms() {
        Data.Dataset d = Data.separableSeedExample(42);
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y());
        assertFiniteFit(fit);
        assertEquals(Termination.SEPARATION, fit.termination());
        assertTrue(fit.separation());
        assertFalse(fit.converged());
        // The separating line is x2 - 1.2 x1 - 3.4 = 0: all three parameters diverge.
        assertEquals(List.of("(Intercept)", "x1", "x2"), fit.divergingTerms());
        Warning first = fit.warnings().get(0);
        assertEquals(Warning.Kind.SEPARATION, first.kind(), first.message());
        String warning = first.message();
        assertTrue(warning.contains("complete separation") && warning.contains("(Intercept), x1, x2"), warning);
    }

    @Test
    void quasiCompleteSeparationIsFoundAndOnlyTheSeparatingTermNamed() {
        // x = 0 holds both classes; x < 0 only 0s, x > 0 only 1s: the slope diverges, the intercept does not.
        double[][] x = {{-2}, {-1.5}, {-1}, {0}, {0}, {0}, {0}, {1}, {1.5}, {2}};
        double[] y = {0, 0, 0, 0, 1, 0, 1, 1, 1, 1};
        BinomialFit fit = LogisticRegression.newton().withFeatureNames(List.of("dose")).fit(x, y);
        assertFiniteFit(fit);
        assertTrue(fit.separation(), fit.toString());
        assertEquals(List.of("dose"), fit.divergingTerms());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.SEPARATION
                && w.message().contains("quasi-complete separation") && w.message().contains("dose")),
                fit.warnings().toString());
        // The overlap at x = 0 is two 0s and two 1s: the intercept stays at logit(1/2) = 0.
        Close.assertClose(0.0, fit.intercept(), 1e-6, 1, "intercept from the overlapping rows");
        assertTrue(fit.featureCoefficients()[0] > 10, "the slope has run off: " + fit.featureCoefficients()[0]);
    }

    @Test
    void gradientDescentOutOfIterationsOnSeparatedDataSaysMaxIterationsAndReportsTheSeparation() {
        double[][] x = {{-2}, {-1.5}, {-1}, {0}, {0}, {0}, {0}, {1}, {1.5}, {2}};
        double[] y = {0, 0, 0, 0, 1, 0, 1, 1, 1, 1};
        BinomialFit fit = LogisticRegression.gradientDescent().withMaxIterations(200).withFeatureNames(List.of("dose"))
                .fit(x, y);
        assertEquals(Termination.MAX_ITERATIONS, fit.termination(), "why the solver stopped");
        assertTrue(fit.separation(), "the separation, certified by the Newton probe, is reported beside it");
        assertEquals(List.of("dose"), fit.divergingTerms());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.SEPARATION
                && w.message().contains("quasi-complete separation")
                && w.message().contains("stopped for another reason first (MAX_ITERATIONS after 200 iterations)")),
                fit.warnings().toString());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.NOT_CONVERGED
                && w.message().contains("did not converge in 200 iterations")), fit.warnings().toString());
        // Overlapping data that gradient descent merely has not finished: no separation.
        Data.Dataset d = Data.ucla();
        BinomialFit slow = LogisticRegression.gradientDescent().withMaxIterations(100).fit(d.x(), d.y());
        assertEquals(Termination.MAX_ITERATIONS, slow.termination());
        assertFalse(slow.separation(), slow.warnings().toString());
    }

    @Test
    void aPenaltyGivesAFiniteOptimumInsteadOfSeparation() {
        Data.Dataset d = Data.separableSeedExample(42);
        BinomialFit fit = LogisticRegression.newton().withL2(0.01).fit(d.x(), d.y());
        assertTrue(fit.converged(), fit.warnings().toString());
        assertFalse(fit.separation());
        assertTrue(fit.divergingTerms().isEmpty());
        assertTrue(fit.maxAbsGradient() <= 1e-8);
        assertTrue(fit.warnings().isEmpty(), fit.warnings().toString());
    }

    @Test
    void wellBehavedDataWithExtremeProbabilitiesIsNotCalledSeparated() {
        // A strong effect gives fitted probabilities within 1e-9 of 0 and 1 at the ends, but the
        // classes overlap in the middle: no direction separates them.
        Random random = new Random(3);
        int m = 2000;
        double[][] x = new double[m][];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double v = 12 * random.nextGaussian();
            x[i] = new double[] {v};
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-2 * v)) ? 1 : 0;
        }
        BinomialFit fit = LogisticRegression.newton().fit(x, y);
        double largest = 0;
        for (double[] row : x) {
            largest = Math.max(largest, Math.abs(fit.model().logOdds(row)));
        }
        assertTrue(largest > 20, "the check is reached: max |z| = " + largest);
        assertTrue(fit.converged(), fit.warnings().toString());
        assertFalse(fit.separation());
    }

    @Test
    void aConstantColumnIsAliasedWithTheIntercept() {
        Data.Dataset d = Data.ucla();
        double[][] x = new double[400][];
        for (int i = 0; i < 400; i++) {
            double[] r = d.x()[i];
            x[i] = new double[] {r[0], 7.5, r[1], r[2], r[3], r[4]};
        }
        BinomialFit fit = LogisticRegression.newton()
                .withFeatureNames(List.of("gre", "seven", "gpa", "rank2", "rank3", "rank4")).fit(x, d.y());
        assertTrue(fit.converged(), fit.warnings().toString());
        assertEquals(List.of("seven"), fit.aliased());
        assertEquals(0.0, fit.featureCoefficients()[1]);
        Close.assertRelative(Data.r("a.coef.gre"), fit.featureCoefficients()[0], 1e-12, "gre unchanged");
        // Without an intercept the constant column is the intercept, and nothing is aliased.
        BinomialFit noIntercept = LogisticRegression.newton().withIntercept(false).fit(x, d.y());
        assertTrue(noIntercept.aliased().isEmpty(), noIntercept.aliased().toString());
        Close.assertRelative(Data.r("a.coef.Intercept"), 7.5 * noIntercept.theta()[1], 1e-10, "7.5 beta = beta0");
    }

    @Test
    void anAllZeroColumnIsAliased() {
        Data.Dataset d = Data.ucla();
        double[][] x = new double[400][];
        for (int i = 0; i < 400; i++) {
            double[] r = d.x()[i];
            x[i] = new double[] {r[0], r[1], 0, r[2], r[3], r[4]};
        }
        BinomialFit fit = LogisticRegression.newton().fit(x, d.y());
        assertEquals(List.of("x3"), fit.aliased());
        assertTrue(fit.converged(), fit.warnings().toString());
        // As R's coef: NA (NaN) at the aliased term, the estimate elsewhere; column 3 is x3 after the intercept.
        double[] withNa = fit.coefficientsWithNa()[0];
        double[] theta = fit.theta();
        for (int j = 0; j < theta.length; j++) {
            if (j == 3) {
                assertTrue(Double.isNaN(withNa[j]), "the aliased x3");
                assertEquals(0.0, theta[j], "theta keeps 0 there");
            } else {
                assertEquals(theta[j], withNa[j], "term " + j);
            }
        }
    }

    @Test
    void moreColumnsThanRowsIsAResultNotAnException() {
        Random random = new Random(11);
        int m = 6;
        int n = 10;
        double[][] x = new double[m][n];
        double[] y = {0, 1, 0, 1, 1, 0};
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        BinomialFit fit = LogisticRegression.newton().fit(x, y);
        assertFiniteFit(fit);
        // The intercept and 5 columns span R^6; the other 5 columns are aliased, and 6 points in general
        // position are separable.
        assertEquals(5, fit.aliased().size(), fit.aliased().toString());
        assertTrue(fit.separation(), fit.warnings().toString());
        BinomialFit penalized = LogisticRegression.newton().withL2(0.1).fit(x, y);
        assertTrue(penalized.converged(), penalized.warnings().toString());
        assertTrue(penalized.maxAbsGradient() <= 1e-8);
        assertTrue(penalized.aliased().isEmpty(), "a penalized fit is identifiable and keeps every column");
    }

    @Test
    void oneRowIsACallerMistakeTwoRowsAreSeparated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().fit(new double[][] {{1.0}}, new double[] {1}));
        assertTrue(e.getMessage().contains("only the label 1"), e.getMessage());
        BinomialFit two = LogisticRegression.newton().fit(new double[][] {{-1.0}, {1.0}}, new double[] {0, 1});
        assertFiniteFit(two);
        assertTrue(two.separation(), two.toString());
    }

    @Test
    void runningOutOfIterationsSaysSoWithTheLastGradient() {
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.gradientDescent().withMaxIterations(50).fit(d.x(), d.y());
        assertFalse(fit.converged());
        assertEquals(Termination.MAX_ITERATIONS, fit.termination());
        assertTrue(fit.maxAbsGradient() > 1e-8);
        Warning first = fit.warnings().get(0);
        assertEquals(Warning.Kind.NOT_CONVERGED, first.kind(), first.message());
        String warning = first.message();
        assertTrue(warning.contains("did not converge in 50 iterations")
                && warning.contains(String.format("%.3g", fit.maxAbsGradient())), warning);
    }

    @Test
    void featureNamesAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().withFeatureNames(List.of("a", "a")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().withFeatureNames(List.of("a", "b")).fit(new double[][] {{1}, {2}},
                        new double[] {0, 1}));
        assertTrue(e.getMessage().contains("2 feature names for 1 columns"), e.getMessage());
        // A feature may not take the intercept's name: the result would list it twice.
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().withFeatureNames(List.of("(Intercept)", "b")));
        assertTrue(e.getMessage().contains("'(Intercept)', the name of the intercept term"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().withFeatureNames(List.of("b", "(Intercept)")));
        // A class may be called anything.
        LogisticRegression.newton().withClassNames(List.of("(Intercept)", "b"));
    }
}
