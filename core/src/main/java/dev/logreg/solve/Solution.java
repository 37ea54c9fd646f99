package dev.logreg.solve;

import java.util.List;

/**
 * What a solver returns: the final parameters, why it stopped, and a convergence trace. It is a
 * result even when the solver did not converge; {@link #warnings()} then says what went wrong.
 * Immutable.
 */
public final class Solution {

    private final double[] theta;
    private final Termination termination;
    private final int iterations;
    private final double loss;
    private final double maxAbsGradient;
    private final List<Iteration> trace;
    private final List<Warning> warnings;

    Solution(double[] theta, Termination termination, int iterations, double loss, double maxAbsGradient,
             List<Iteration> trace, List<Warning> warnings) {
        this.theta = theta.clone();
        this.termination = termination;
        this.iterations = iterations;
        this.loss = loss;
        this.maxAbsGradient = maxAbsGradient;
        this.trace = List.copyOf(trace);
        this.warnings = List.copyOf(warnings);
    }

    /** @return a copy of the final parameters &theta; */
    public double[] theta() {
        return theta.clone();
    }

    /** @return true when the gradient tolerance was met */
    public boolean converged() {
        return termination == Termination.CONVERGED;
    }

    /** @return why the solver stopped */
    public Termination termination() {
        return termination;
    }

    /** @return the number of iterations taken */
    public int iterations() {
        return iterations;
    }

    /** @return J at the final parameters */
    public double loss() {
        return loss;
    }

    /** @return max|g| at the final parameters */
    public double maxAbsGradient() {
        return maxAbsGradient;
    }

    /** @return the trace, one entry per iteration plus the start; unmodifiable */
    public List<Iteration> trace() {
        return trace;
    }

    /** @return warnings about the fit, empty when it converged cleanly; unmodifiable */
    public List<Warning> warnings() {
        return warnings;
    }
}
