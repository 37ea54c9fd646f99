package dev.logreg.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The bookkeeping both solvers share: the trace, the evaluation count, the stopping tests in
 * their order, and the warnings attached to the solution.
 */
final class Progress {

    private final long start = System.nanoTime();
    private final List<Iteration> trace = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final double tolerance;
    private final int maxIterations;
    private final double separationLevel;
    private final long timeLimitNanos;
    private final java.util.function.Consumer<Iteration> listener;
    private int evaluations;

    /**
     * Starts the clock.
     *
     * @param separationLevel the loss below which the data are proved separated (0 for none)
     * @param timeLimit the time budget, or null for none
     * @param listener told of every iteration as it is recorded, or null
     */
    Progress(double separationLevel, double tolerance, int maxIterations, java.time.Duration timeLimit,
             java.util.function.Consumer<Iteration> listener) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.separationLevel = separationLevel;
        this.timeLimitNanos = timeLimit == null ? Long.MAX_VALUE : saturatedNanos(timeLimit);
        this.listener = listener;
    }

    private static long saturatedNanos(java.time.Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Counts one pass over the data. */
    void evaluated() {
        evaluations++;
    }

    void record(int k, double loss, double maxAbsGradient, double stepLength, double stepNorm, double damping) {
        Iteration it = new Iteration(k, loss, maxAbsGradient, stepLength, stepNorm, damping, evaluations,
                System.nanoTime() - start);
        trace.add(it);
        if (listener != null) {
            listener.accept(it);
        }
    }

    void warn(String warning) {
        warnings.add(new Warning(Warning.Kind.SOLVER, warning));
    }

    /**
     * The stopping tests at iterate k: separation first (it is proof that no minimizer exists,
     * however small the gradient), then the gradient tolerance, then the iteration limit.
     *
     * @return why to stop, or null to go on
     * @throws CancellationException if the thread has been interrupted (its interrupt status stays set)
     */
    Termination check(double loss, double maxAbsGradient, int k) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted at iteration " + k);
        }
        if (loss < separationLevel) {
            return Termination.SEPARATION;
        }
        if (maxAbsGradient <= tolerance) {
            return Termination.CONVERGED;
        }
        if (k >= maxIterations) {
            return Termination.MAX_ITERATIONS;
        }
        if (System.nanoTime() - start >= timeLimitNanos) {
            return Termination.TIME_LIMIT;
        }
        return null;
    }

    Solution finish(double[] theta, Termination termination, int k, double loss, double maxAbsGradient) {
        switch (termination) {
            case SEPARATION -> warnings.add(0, new Warning(Warning.Kind.SEPARATION, String.format(
                    "complete separation: the linear predictor classifies every observation correctly at "
                            + "iteration %d, so the maximum-likelihood estimate does not exist and the "
                            + "coefficients diverge; stopped with finite coefficients (loss %.3g, max|g| %.3g). "
                            + "An L2 penalty gives a finite fit.", k, loss, maxAbsGradient)));
            case MAX_ITERATIONS -> warnings.add(0, new Warning(Warning.Kind.NOT_CONVERGED, String.format(
                    "did not converge in %d iterations: max|g| = %.3g > tolerance %.3g", k, maxAbsGradient,
                    tolerance)));
            case NO_PROGRESS -> warnings.add(0, new Warning(Warning.Kind.NOT_CONVERGED, String.format(
                    "stopped at iteration %d without converging: no step decreased the loss "
                            + "(max|g| = %.3g > tolerance %.3g)", k, maxAbsGradient, tolerance)));
            case TIME_LIMIT -> warnings.add(0, new Warning(Warning.Kind.NOT_CONVERGED, String.format(
                    "stopped at the time limit of %s after %d iterations, not converged: max|g| = %.3g > tolerance"
                            + " %.3g", seconds(timeLimitNanos), k, maxAbsGradient, tolerance)));
            case CONVERGED -> {
            }
        }
        return new Solution(theta, termination, k, loss, maxAbsGradient, trace, warnings);
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s == Math.rint(s) ? String.format("%.0f s", s) : String.format("%.3g s", s);
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    static double norm2(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    /** out = a + alpha d */
    static void step(double[] a, double alpha, double[] d, double[] out) {
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] + alpha * d[j];
        }
    }
}
