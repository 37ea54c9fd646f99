/**
 * The optimizers: minimizers of an {@link dev.logreg.objective.Objective} from a starting point,
 * behind the {@link dev.logreg.solve.Solver} interface. {@link dev.logreg.solve.NewtonSolver} solves
 * the damped system (H + &mu;I)d = &minus;g by Cholesky, raising &mu; until the factor is well
 * conditioned and d a descent direction, then backtracks (Armijo);
 * {@link dev.logreg.solve.GradientDescentSolver} steps by &eta; = 1/L (or a given rate, optionally
 * with backtracking). Both stop when the loss falls below the separation level (a proof of complete
 * separation), at max|g| &le; tolerance, at the iteration limit, without progress or at the time
 * limit, and return a {@link dev.logreg.solve.Solution} whatever happened: the parameters, the
 * {@link dev.logreg.solve.Termination}, a trace of {@link dev.logreg.solve.Iteration}s (with the passes
 * over the data) and {@link dev.logreg.solve.Warning}s. {@link dev.logreg.solve.NewtonOptions} and
 * {@link dev.logreg.solve.GradientDescentOptions} hold the settings.
 *
 * <p>This is part of the engine under {@link dev.logreg}'s API. Its types are public because the root
 * package and the benchmarks use them, with no promise of stability beyond the root package's
 * ({@code Iteration}, {@code Termination} and {@code Warning} appear in that API and share its
 * stability). It depends on {@link dev.logreg.objective} (the {@code Objective} contract only) and EJML;
 * it must not import the root package or anything above it, and knows nothing of the data behind an
 * objective.
 */
package dev.logreg.solve;
