package dev.logreg.solve;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertClose;
import static dev.logreg.testing.Close.assertFinite;
import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.BinomialFit;
import dev.logreg.LogisticRegression;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.Objective;
import dev.logreg.objective.VectorizedBinaryObjective;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NewtonSolverTest {

    /** R's names for the UCLA terms, in model-matrix order. */
    static final String[] UCLA_TERMS = {"Intercept", "gre", "gpa", "factorrank2", "factorrank3", "factorrank4"};

    /**
     * The loss at the optimum is J = deviance/(2m): with a gradient of 1e-8 the loss is within
     * ~1e-16 of the optimum, so it can be compared with R far below 1e-6.
     */
    static final double LOSS_AT_OPTIMUM = 1e-12;

    static void assertMatchesR(String fit, BinomialFit result, double tol) {
        double[] theta = result.theta();
        for (int j = 0; j < UCLA_TERMS.length; j++) {
            assertRelative(Data.r(fit + ".coef." + UCLA_TERMS[j]), theta[j], tol, UCLA_TERMS[j]);
        }
    }

    @Test
    void uclaMatchesRWithinTenIterations() {
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y());
        assertTrue(fit.converged(), fit.warnings().toString());
        assertTrue(fit.iterations() <= 10, "iterations " + fit.iterations());
        assertTrue(fit.maxAbsGradient() <= 1e-8, "max|g| " + fit.maxAbsGradient());
        assertMatchesR("a", fit, Tolerances.R_REFERENCE);
        assertEquals(List.of(), fit.warnings());
    }

    @Test
    void uclaLossIsHalfRsDeviancePerObservation() {
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y());
        assertRelative(Data.r("a.deviance") / (2 * 400), fit.loss(), LOSS_AT_OPTIMUM, "J = deviance/2m");
    }

    @Test
    void uclaMatchesRToTheLastDigits() {
        // Newton's last step is quadratic: at the default tolerance the fit is already exact.
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y());
        assertMatchesR("a", fit, Tolerances.R_LAST_DIGITS);
        assertMatchesR("b", LogisticRegression.newton().fit(d.x(), d.y(), Data.uclaWeights(400)), Tolerances.R_LAST_DIGITS);
    }

    @Test
    void weightedUclaMatchesRsPriorWeights() {
        Data.Dataset d = Data.ucla();
        double[] w = Data.uclaWeights(400);
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y(), w);
        assertTrue(fit.converged(), fit.warnings().toString());
        assertMatchesR("b", fit, Tolerances.R_REFERENCE);
        // R's deviance sums w_i * unit deviance; J divides by W = 800.
        assertRelative(Data.r("b.deviance") / (2 * 800), fit.loss(), LOSS_AT_OPTIMUM, "J = deviance/2W");
    }

    @Test
    void integerWeightsEqualRepeatedRows() {
        Data.Dataset d = Data.ucla();
        double[] w = Data.uclaWeights(400);
        int total = 800;
        double[][] x = new double[total][];
        double[] y = new double[total];
        int r = 0;
        for (int i = 0; i < 400; i++) {
            for (int k = 0; k < w[i]; k++) {
                x[r] = d.x()[i];
                y[r++] = d.y()[i];
            }
        }
        LogisticRegression newton = LogisticRegression.newton().withTolerance(1e-11);
        BinomialFit weighted = newton.fit(d.x(), d.y(), w);
        BinomialFit repeated = newton.fit(x, y);
        assertArrayClose(repeated.theta(), weighted.theta(), Tolerances.SAME_OPTIMUM, 1, "theta");
        assertRelative(repeated.loss(), weighted.loss(), Tolerances.SAME_MATH, "loss");
    }

    @Test
    void theTraceRecordsEveryIterationFromTheStart() {
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y());
        List<Iteration> trace = fit.trace();
        assertEquals(fit.iterations() + 1, trace.size());
        assertClose(Math.log(2), trace.get(0).loss(), Tolerances.SAME_MATH, 0, "J(0) = log 2");
        assertEquals(0.0, trace.get(0).stepLength());
        for (int k = 1; k < trace.size(); k++) {
            Iteration it = trace.get(k);
            assertEquals(k, it.index());
            // A step may only raise the loss within its rounding noise (and then it shrinks the gradient).
            assertTrue(it.loss() <= trace.get(k - 1).loss() + LineSearch.LOSS_NOISE, "loss never increases at " + k);
            assertTrue(it.stepLength() > 0 && it.stepLength() <= 1, "0 < alpha <= 1");
            assertTrue(it.stepNorm() > 0, "the step moves");
            assertTrue(it.damping() >= 0, "mu >= 0");
            assertTrue(it.elapsedNanos() >= trace.get(k - 1).elapsedNanos(), "time runs forward");
            assertTrue(it.evaluations() > trace.get(k - 1).evaluations(), "each iteration evaluates");
        }
        Iteration last = trace.get(trace.size() - 1);
        assertEquals(fit.loss(), last.loss());
        assertEquals(fit.maxAbsGradient(), last.maxAbsGradient());
        // Quadratic convergence: the last gradient is far below the one before.
        assertTrue(last.maxAbsGradient() < 1e-3 * trace.get(trace.size() - 2).maxAbsGradient(),
                "quadratic convergence at the end");
    }

    @Test
    void aWarmStartAtTheOptimumNeedsNoIteration() {
        Data.Dataset d = Data.ucla();
        BinomialFit first = LogisticRegression.newton().withTolerance(1e-12).fit(d.x(), d.y());
        BinomialFit again = LogisticRegression.newton().withWarmStart(first.theta()).fit(d.x(), d.y());
        assertTrue(again.converged());
        assertEquals(0, again.iterations());
        assertArrayClose(first.theta(), again.theta(), 0, 0, "theta");
    }

    @Test
    void aWarmStartNearTheOptimumNeedsFewerIterations() {
        Data.Dataset d = Data.ucla();
        BinomialFit cold = LogisticRegression.newton().fit(d.x(), d.y());
        double[] near = cold.theta();
        for (int j = 0; j < near.length; j++) {
            near[j] *= 1.01;
        }
        BinomialFit warm = LogisticRegression.newton().withWarmStart(near).fit(d.x(), d.y());
        assertTrue(warm.converged());
        assertTrue(warm.iterations() < cold.iterations(), warm.iterations() + " < " + cold.iterations());
        assertMatchesR("a", warm, Tolerances.R_REFERENCE);
    }

    @Test
    void runningOutOfIterationsIsAResultWithAWarning() {
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.newton().withMaxIterations(2).fit(d.x(), d.y());
        assertFalse(fit.converged());
        assertEquals(Termination.MAX_ITERATIONS, fit.termination());
        assertEquals(2, fit.iterations());
        assertFinite(fit.theta(), "theta");
        assertTrue(fit.maxAbsGradient() > 1e-8);
        assertTrue(fit.warnings().get(0).message().contains("did not converge in 2 iterations"),
                fit.warnings().toString());
        assertEquals(Warning.Kind.NOT_CONVERGED, fit.warnings().get(0).kind());
    }

    @Test
    void theSeparableSeedExampleStopsWithFiniteCoefficientsAndSaysSo() {
        Data.Dataset d = Data.separableSeedExample(42);
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y());
        assertFalse(fit.converged());
        assertEquals(Termination.SEPARATION, fit.termination());
        assertFinite(fit.theta(), "theta");
        assertTrue(fit.warnings().get(0).message().contains("separation"), fit.warnings().toString());
        assertEquals(Warning.Kind.SEPARATION, fit.warnings().get(0).kind());
        // The stopping rule is a proof: every observation is classified correctly.
        for (int i = 0; i < d.y().length; i++) {
            double z = fit.model().logOdds(d.x()[i]);
            assertTrue(d.y()[i] == 1 ? z > 0 : z < 0, "row " + i + " classified correctly");
        }
    }

    @Test
    void theSeparableSeedExampleConvergesWithAPenalty() {
        Data.Dataset d = Data.separableSeedExample(42);
        BinomialFit fit = LogisticRegression.newton().withL2(0.01).fit(d.x(), d.y());
        assertTrue(fit.converged(), fit.warnings().toString());
        assertTrue(fit.maxAbsGradient() <= 1e-8);
        // The separating direction is x2 - 1.2 x1 - 3.4: the penalized fit points along it.
        double[] beta = fit.featureCoefficients();
        assertTrue(beta[1] > 0 && beta[0] < 0, "signs of the separating line");
        assertClose(-1.2, beta[0] / beta[1], 0.2, 1, "slope ratio near the separating line's");
    }

    /** UCLA with gpa twice: columns intercept, gre, gpa, gpa, rank2..4 (row-major, 7 columns). */
    private static double[] uclaWithGpaTwice() {
        Data.Dataset d = Data.ucla();
        double[] design = new double[400 * 7];
        for (int i = 0; i < 400; i++) {
            double[] r = d.x()[i];
            double[] row = {1, r[0], r[1], r[1], r[2], r[3], r[4]};
            System.arraycopy(row, 0, design, i * 7, 7);
        }
        return design;
    }

    @Test
    void aDuplicatedColumnIsHandledByDampingAndSplitsTheCoefficient() {
        // The solver on its own (no aliasing check): the singular Hessian is damped and the optimum,
        // a line of minimizers, is reached with gpa's coefficient split over the two copies.
        Data.Dataset d = Data.ucla();
        BinaryProblem problem = new BinaryProblem(uclaWithGpaTwice(), 400, 7, d.y(), null, 0, 0);
        Solution s = new NewtonSolver(NewtonOptions.defaults()).minimize(new VectorizedBinaryObjective(problem),
                new double[7]);
        assertTrue(s.converged(), s.warnings().toString());
        assertTrue(s.warnings().stream().anyMatch(w -> w.message().contains("damped")), s.warnings().toString());
        assertTrue(s.trace().stream().anyMatch(it -> it.damping() > 0), "mu > 0 recorded");
        double[] t = s.theta();
        assertRelative(Data.r("a.coef.gpa"), t[2] + t[3], Tolerances.R_REFERENCE, "gpa split over two copies");
        assertRelative(Data.r("a.coef.gre"), t[1], Tolerances.R_REFERENCE, "gre");
        assertRelative(Data.r("a.deviance") / 800, s.loss(), LOSS_AT_OPTIMUM, "same optimum loss");
    }

    @Test
    void theApiDropsADuplicatedColumnAsAliasedAsRDoes() {
        Data.Dataset d = Data.ucla();
        double[][] x = new double[400][];
        for (int i = 0; i < 400; i++) {
            double[] r = d.x()[i];
            x[i] = new double[] {r[0], r[1], r[1], r[2], r[3], r[4]};
        }
        BinomialFit fit = LogisticRegression.newton().fit(x, d.y());
        assertTrue(fit.converged(), fit.warnings().toString());
        assertEquals(List.of("x3"), fit.aliased());
        assertTrue(fit.warnings().get(0).message().contains("x3")
                && fit.warnings().get(0).message().contains("singularities"), fit.warnings().toString());
        assertEquals(Warning.Kind.ALIASED, fit.warnings().get(0).kind());
        assertFalse(fit.warnings().stream().anyMatch(w -> w.message().contains("damped")), fit.warnings().toString());
        double[] b = fit.featureCoefficients();
        assertEquals(0.0, b[2], "the aliased copy's coefficient");
        assertRelative(Data.r("a.coef.gpa"), b[1], Tolerances.R_LAST_DIGITS, "gpa on the first copy");
        assertRelative(Data.r("a.coef.gre"), b[0], Tolerances.R_LAST_DIGITS, "gre");
    }

    @Test
    void featuresOnWildlyDifferentScalesConvergeWithASmallPenalty() {
        Random random = new Random(7);
        int m = 500;
        double[][] x = new double[m][];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            x[i] = new double[] {1e3 * a, 1e-3 * b};
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(a - b))) ? 1 : 0;
        }
        BinomialFit unpenalized = LogisticRegression.newton().fit(x, y);
        for (double l2 : new double[] {1e-12, 1e-6}) {
            BinomialFit fit = LogisticRegression.newton().withL2(l2).fit(x, y);
            assertTrue(fit.converged(), fit.warnings().toString());
            assertTrue(fit.maxAbsGradient() <= 1e-8, "max|g| " + fit.maxAbsGradient());
            assertTrue(fit.iterations() <= 10, "iterations " + fit.iterations());
        }
        // True coefficients on these scales: 1e-3 and -1e3. A 1e-12 penalty barely moves the fit.
        assertTrue(unpenalized.converged());
        assertClose(1e-3, unpenalized.featureCoefficients()[0], 0.3, 0, "beta_1 ~ 1e-3");
        assertClose(-1e3, unpenalized.featureCoefficients()[1], 0.3, 0, "beta_2 ~ -1e3");
        BinomialFit tiny = LogisticRegression.newton().withL2(1e-12).fit(x, y);
        assertArrayClose(unpenalized.featureCoefficients(), tiny.featureCoefficients(), 1e-4, 0, "lambda = 1e-12 vs 0");
    }

    @Test
    void oneSolverInstanceRefitsProblemsOfTheSameAndOtherShapes() {
        NewtonSolver solver = new NewtonSolver(NewtonOptions.defaults());
        BinaryProblem a = Data.randomProblem(1, 200, 4, false, 0.1);
        BinaryProblem b = Data.randomProblem(2, 300, 6, true, 0.1);
        Solution a1 = solver.minimize(new VectorizedBinaryObjective(a), new double[4]);
        Solution b1 = solver.minimize(new VectorizedBinaryObjective(b), new double[6]);
        Solution a2 = solver.minimize(new VectorizedBinaryObjective(a), new double[4]);
        assertTrue(a1.converged() && b1.converged() && a2.converged());
        assertArrayClose(a1.theta(), a2.theta(), 0, 0, "same problem, same answer");
        assertEquals(6, b1.theta().length);
    }

    @Test
    void aSingleObservationIsSeparable() {
        BinomialFit fit = LogisticRegression.newton().fit(new double[][] {{1.0}, {2.0}}, new double[] {0, 1});
        assertEquals(Termination.SEPARATION, fit.termination());
        assertFinite(fit.theta(), "theta");
    }

    @Test
    void theLastPassSkipsTheHessianWhenQuadraticConvergencePredictsTheEnd() {
        BinaryProblem p = Data.randomProblem(31, 5000, 8, false, 0.0);
        VectorizedBinaryObjective f = new VectorizedBinaryObjective(p);
        int[] hessianPasses = {0};
        int[] gradientPasses = {0};
        Objective counting = new Objective() {
            @Override
            public int dimension() {
                return f.dimension();
            }

            @Override
            public double value(double[] t) {
                return f.value(t);
            }

            @Override
            public double valueAndGradient(double[] t, double[] g) {
                gradientPasses[0]++;
                return f.valueAndGradient(t, g);
            }

            @Override
            public double valueGradientHessian(double[] t, double[] g, double[] h) {
                hessianPasses[0]++;
                return f.valueGradientHessian(t, g, h);
            }

            @Override
            public double lipschitzBound() {
                return f.lipschitzBound();
            }
        };
        Solution s = new NewtonSolver(NewtonOptions.defaults()).minimize(counting, new double[8]);
        Solution plain = new NewtonSolver(NewtonOptions.defaults()).minimize(f, new double[8]);
        assertTrue(s.converged() && s.maxAbsGradient() <= 1e-8, s.warnings().toString());
        assertEquals(1, gradientPasses[0], "one pass without H: the last");
        assertEquals(s.iterations(), hessianPasses[0], "H at the start and at every iterate but the last");
        assertArrayClose(plain.theta(), s.theta(), 0, 0, "the same iterates as before");
    }
}
