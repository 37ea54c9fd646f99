/**
 * The objective: the logistic loss J(&theta;), its gradient and its Hessian, written into
 * caller-owned buffers, for two classes and for K. {@link dev.logreg.objective.Objective} is the
 * contract the solvers minimize; {@link dev.logreg.objective.DesignMatrix} is a model matrix checked
 * finite once, as it is copied; {@link dev.logreg.objective.BinaryProblem} and
 * {@link dev.logreg.objective.MultinomialProblem} hold and validate the data (model matrix, labels,
 * weights, penalty and its per-column factors, and for the binary model optional offsets in the linear
 * predictor) and give the separation level, the loss below which
 * the data are proved completely separated; {@link dev.logreg.objective.BinaryObjective} and
 * {@link dev.logreg.objective.MultinomialObjective} are the losses' base classes, which add the
 * penalty and check the buffers, so that every implementation agrees on both.
 *
 * <p>Each loss is computed three ways, which the tests hold to agree to 1e-12 relative: as EJML
 * matrix operations, the readable specification ({@link dev.logreg.objective.VectorizedBinaryObjective},
 * {@link dev.logreg.objective.VectorizedMultinomialObjective}); as a fused kernel, one multi-threaded
 * pass over the rows with an optional SIMD Hessian update, which the fits use
 * ({@link dev.logreg.objective.FusedBinaryObjective},
 * {@link dev.logreg.objective.FusedMultinomialObjective}); and as plain loops, the oracle of the tests
 * ({@link dev.logreg.objective.LoopBinaryObjective}, {@link dev.logreg.objective.LoopMultinomialObjective}).
 * The fused kernels add their partial sums in a fixed chunk order, so a result does not depend on the
 * number of threads, and check for interruption at every chunk.
 *
 * <p>This is part of the engine under {@link dev.logreg}'s API. Its types are public because the root
 * package and the benchmarks use them, with no promise of stability beyond the root package's. It
 * depends only on {@link dev.logreg.math} and EJML; it must not import {@link dev.logreg.solve}, the
 * root package or anything above it, and knows nothing of tables, term names or reports.
 */
package dev.logreg.objective;
