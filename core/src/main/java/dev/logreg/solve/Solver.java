package dev.logreg.solve;

import dev.logreg.objective.Objective;

/**
 * A minimizer of an {@link Objective}. Solvers keep work buffers sized to the last problem, so one
 * instance refits problems of the same dimension without allocating them again; an instance is
 * not safe for concurrent use.
 */
public interface Solver {

    /**
     * Minimizes f from a starting point, without a separation level.
     *
     * @param f the objective
     * @param start the starting &theta; (a warm start), length {@code f.dimension()}, finite; not modified
     * @return the solution, whether or not it converged
     * @throws IllegalArgumentException if {@code start} has the wrong length, is not finite, or gives a
     *         non-finite loss or gradient
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     */
    default Solution minimize(Objective f, double[] start) {
        return minimize(f, start, 0.0);
    }

    /**
     * Minimizes f from a starting point.
     *
     * @param f the objective
     * @param separationLevel a loss below which the data are proved separated, so that f has no minimizer
     *        (for the logistic losses, {@code problem.separationLevel()}): the solver stops there with
     *        {@link Termination#SEPARATION}; 0 for none
     * @param start the starting &theta; (a warm start), length {@code f.dimension()}, finite; not modified
     * @return the solution, whether or not it converged
     * @throws IllegalArgumentException if {@code start} has the wrong length, is not finite, or gives a
     *         non-finite loss or gradient
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted: solvers
     *         check between iterations, the fused objectives within each pass; the thread's interrupt
     *         status stays set and no solution is returned
     */
    Solution minimize(Objective f, double[] start, double separationLevel);
}
