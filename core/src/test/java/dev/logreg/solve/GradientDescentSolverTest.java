package dev.logreg.solve;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertFinite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.BinomialFit;
import dev.logreg.LogisticRegression;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.VectorizedBinaryObjective;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientDescentSolverTest {

    @Test
    void standardizedUclaMatchesRAndNeedsFarMoreIterationsThanNewton() {
        Data.Dataset d = Data.ucla();
        BinomialFit gd = LogisticRegression.gradientDescent().withStandardize(true).withTolerance(1e-10).fit(d.x(), d.y());
        BinomialFit newton = LogisticRegression.newton().withTolerance(1e-10).fit(d.x(), d.y());
        assertTrue(gd.converged(), gd.warnings().toString());
        NewtonSolverTest.assertMatchesR("a", gd, Tolerances.R_REFERENCE);
        assertTrue(gd.iterations() >= 10 * newton.iterations(),
                "gradient descent " + gd.iterations() + " vs Newton " + newton.iterations() + " iterations");
    }

    @Test
    void onRawUclaColumnsGradientDescentRunsOutOfIterationsHonestly() {
        // gre (~600) next to dummies makes the Hessian's condition number ~1e7: plain gradient descent crawls.
        Data.Dataset d = Data.ucla();
        BinomialFit gd = LogisticRegression.gradientDescent().withMaxIterations(2000).fit(d.x(), d.y());
        assertFalse(gd.converged());
        assertEquals(Termination.MAX_ITERATIONS, gd.termination());
        assertFinite(gd.theta(), "theta");
        assertTrue(gd.warnings().get(0).message().contains("did not converge"), gd.warnings().toString());
        assertEquals(Warning.Kind.NOT_CONVERGED, gd.warnings().get(0).kind());
    }

    @Test
    void theDefaultStepOneOverLNeverIncreasesTheLoss() {
        BinaryProblem p = Data.randomProblem(21, 300, 6, true, 0.0);
        VectorizedBinaryObjective objective = new VectorizedBinaryObjective(p);
        Solution s = new GradientDescentSolver(GradientDescentOptions.defaults().withMaxIterations(500))
                .minimize(objective, new double[6]);
        // L from the eigenvalues of H(0) = X^T W X / 4W, and from power iteration without forming it.
        assertEquals(p.lipschitzBound(), objective.lipschitzBound(), 1e-8 * p.lipschitzBound(), "L two ways");
        List<Iteration> trace = s.trace();
        for (int k = 1; k < trace.size(); k++) {
            assertTrue(trace.get(k).loss() <= trace.get(k - 1).loss(), "loss non-increasing at " + k);
            assertEquals(1.0 / objective.lipschitzBound(), trace.get(k).stepLength(), 0.0, "eta = 1/L");
        }
        assertTrue(s.warnings().stream().noneMatch(w -> w.message().contains("increased")), s.warnings().toString());
    }

    @Test
    void gradientDescentAndNewtonReachTheSameOptimum() {
        BinaryProblem p = Data.randomProblem(22, 400, 5, true, 0.05);
        Solution gd = new GradientDescentSolver(GradientDescentOptions.defaults().withTolerance(1e-11))
                .minimize(new VectorizedBinaryObjective(p), new double[5]);
        Solution newton = new NewtonSolver(NewtonOptions.defaults().withTolerance(1e-11))
                .minimize(new VectorizedBinaryObjective(p), new double[5]);
        assertTrue(gd.converged() && newton.converged());
        assertArrayClose(newton.theta(), gd.theta(), Tolerances.SAME_OPTIMUM, 1, "theta");
        assertTrue(gd.iterations() > newton.iterations());
    }

    @Test
    void armijoBacktrackingRescuesAHugeLearningRate() {
        BinaryProblem p = Data.randomProblem(23, 300, 4, false, 0.1);
        Solution s = new GradientDescentSolver(GradientDescentOptions.defaults().withLearningRate(1e4).withLineSearch(true))
                .minimize(new VectorizedBinaryObjective(p), new double[4]);
        assertTrue(s.converged(), s.warnings().toString());
        List<Iteration> trace = s.trace();
        assertTrue(trace.get(1).stepLength() < 1e4, "the step was halved");
        for (int k = 1; k < trace.size(); k++) {
            assertTrue(trace.get(k).loss() <= trace.get(k - 1).loss() + LineSearch.LOSS_NOISE, "Armijo at " + k);
            assertTrue(trace.get(k).stepLength() <= trace.get(k - 1).stepLength() || k == 1, "eta never grows");
        }
    }

    @Test
    void aHugeFixedLearningRateGivesAWarningNotNaN() {
        BinaryProblem p = Data.randomProblem(24, 300, 4, false, 0.0);
        Solution s = new GradientDescentSolver(GradientDescentOptions.defaults().withLearningRate(1e3).withMaxIterations(200))
                .minimize(new VectorizedBinaryObjective(p), new double[4]);
        assertFalse(s.converged());
        assertFinite(s.theta(), "theta");
        assertTrue(Double.isFinite(s.loss()), "finite loss");
        assertTrue(s.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.SOLVER
                && w.message().contains("too large")), s.warnings().toString());
    }

    @Test
    void onTheSeparableSeedExampleGradientDescentStopsFiniteWithoutClaimingConvergence() {
        // On separable data the loss of gradient descent falls only like 1/t: it runs out of
        // iterations (or, on an easier margin, reaches the separation level) but never converges.
        Data.Dataset d = Data.separableSeedExample(42);
        BinomialFit fit = LogisticRegression.gradientDescent().withStandardize(true).withMaxIterations(20_000)
                .fit(d.x(), d.y());
        assertFalse(fit.converged());
        assertTrue(fit.termination() == Termination.SEPARATION || fit.termination() == Termination.MAX_ITERATIONS,
                fit.termination().toString());
        assertFinite(fit.theta(), "theta");
        assertFalse(fit.warnings().isEmpty());
        List<Iteration> trace = fit.trace();
        assertTrue(trace.get(trace.size() - 1).loss() < 0.05 * trace.get(0).loss(), "the loss keeps falling");
    }

    @Test
    void aWideMarginSeparationIsDetectedByGradientDescent() {
        double[][] x = {{-3}, {-2}, {-1}, {1}, {2}, {3}};
        double[] y = {0, 0, 0, 1, 1, 1};
        BinomialFit fit = LogisticRegression.gradientDescent().fit(x, y);
        assertEquals(Termination.SEPARATION, fit.termination());
        assertFinite(fit.theta(), "theta");
        assertTrue(fit.warnings().get(0).message().contains("separation"), fit.warnings().toString());
        assertEquals(Warning.Kind.SEPARATION, fit.warnings().get(0).kind());
    }

    @Test
    void aWarmStartIsUsed() {
        BinaryProblem p = Data.randomProblem(25, 200, 3, false, 0.1);
        GradientDescentSolver solver = new GradientDescentSolver(GradientDescentOptions.defaults().withTolerance(1e-10));
        Solution cold = solver.minimize(new VectorizedBinaryObjective(p), new double[3]);
        Solution warm = solver.minimize(new VectorizedBinaryObjective(p), cold.theta());
        assertEquals(0, warm.iterations());
        assertArrayClose(cold.theta(), warm.theta(), 0, 0, "theta");
    }

    @Test
    void badStartsAndOptionsAreRejected() {
        BinaryProblem p = Data.randomProblem(26, 20, 3, false, 0.0);
        GradientDescentSolver solver = new GradientDescentSolver(GradientDescentOptions.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver.minimize(new VectorizedBinaryObjective(p), new double[2]));
        assertTrue(e.getMessage().contains("length 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> solver.minimize(new VectorizedBinaryObjective(p), new double[] {0, Double.NaN, 0}));
        assertTrue(e.getMessage().contains("start[1] = NaN"), e.getMessage());
        // theta = +-1e308 makes z = x^T theta overflow to +-Inf and their sum NaN.
        double[] absurd = {1e308, 1e308, -1e308};
        e = assertThrows(IllegalArgumentException.class,
                () -> solver.minimize(new VectorizedBinaryObjective(p), absurd));
        assertTrue(e.getMessage().contains("start closer to zero"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NewtonSolver(NewtonOptions.defaults()).minimize(new VectorizedBinaryObjective(p), absurd));
        assertTrue(e.getMessage().contains("start closer to zero"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientDescentOptions.defaults().withLearningRate(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientDescentOptions.defaults().withTolerance(0));
        assertTrue(e.getMessage().contains("tolerance"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NewtonOptions.defaults().withMaxIterations(0));
        assertTrue(e.getMessage().contains("maxIterations"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NewtonOptions.defaults().withTolerance(Double.NaN));
    }

    @Test
    void aTimeLimitStopsTheSolverWithItsOwnTerminationAndTheListenerSeesEveryIteration() {
        // UCLA's raw columns: gradient descent needs far more than 100000 iterations here.
        dev.logreg.testing.Data.Dataset d = dev.logreg.testing.Data.ucla();
        int m = d.y().length;
        double[] x = new double[m * 6];
        for (int i = 0; i < m; i++) {
            x[i * 6] = 1;
            System.arraycopy(d.x()[i], 0, x, i * 6 + 1, 5);
        }
        dev.logreg.objective.BinaryProblem p = new dev.logreg.objective.BinaryProblem(x, m, 6, d.y(), null, 0, 0);
        java.util.List<Iteration> seen = new java.util.ArrayList<>();
        GradientDescentOptions options = GradientDescentOptions.defaults().withMaxIterations(Integer.MAX_VALUE)
                .withTimeLimit(java.time.Duration.ofMillis(200));
        Solution s = new GradientDescentSolver(options, seen::add)
                .minimize(new dev.logreg.objective.FusedBinaryObjective(p), new double[6]);
        assertEquals(Termination.TIME_LIMIT, s.termination());
        assertTrue(s.warnings().get(0).message().startsWith("stopped at the time limit of 0.200 s after "
                + s.iterations() + " iterations, not converged"), s.warnings().get(0).message());
        assertEquals(Warning.Kind.NOT_CONVERGED, s.warnings().get(0).kind());
        assertEquals(s.trace(), seen, "the listener sees what the trace records");
        assertTrue(s.trace().get(s.trace().size() - 1).elapsedNanos() >= 190_000_000L);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> options.withTimeLimit(java.time.Duration.ZERO));
    }
}
