/**
 * Binary and multinomial (softmax) logistic regression: the library's public API, and the only
 * package whose API is meant to stay stable. {@link dev.logreg.LogisticRegression} holds the options
 * (immutable, each {@code withX} a configured copy) and fits {@code double[][]} features or an EJML
 * {@code DMatrixRMaj}; a fit returns a {@link dev.logreg.Fit}, sealed to {@link dev.logreg.BinomialFit}
 * (two classes) and {@link dev.logreg.MultinomialFit} (K classes, in a
 * {@link dev.logreg.Parametrization}). A fit carries the estimates on the caller's scale, the
 * termination, the trace and structured warnings; on demand its {@link dev.logreg.Inference} (standard
 * errors, z, p, intervals, deviances, log-likelihood, AIC, BIC, the likelihood-ratio test) and an
 * R-style {@link dev.logreg.Fit#summary() summary}; and for predictions a
 * {@link dev.logreg.LogisticModel} or a {@link dev.logreg.MultinomialModel}. {@link dev.logreg.Method}
 * chooses the optimizer, {@link dev.logreg.PenaltyScale} the scale of the L2 penalty, and
 * {@link dev.logreg.TextTable} prints numbers the way R prints a coefficient matrix.
 *
 * <p>Behind the API, package-private classes run one pipeline for two classes and for K
 * ({@code FitPipeline}, over the data view {@code FitData}): input checks, weights normalized by a
 * power of two, exact rescaling of extreme columns and standardization ({@code ColumnScaling}),
 * aliased columns ({@code Aliasing}), the solve, the separation check ({@code SeparationCheck}) and the
 * map of the estimates back to the caller's scale. Each numerical threshold is a named constant of
 * the class that makes the decision; {@code docs/ARCHITECTURE.md} lists them.
 *
 * <p>This package builds on {@link dev.logreg.objective} (the loss, its gradient and Hessian),
 * {@link dev.logreg.solve} (the optimizers) and {@link dev.logreg.math} (scalar functions), and on EJML
 * and Commons Math. It must not depend on {@link dev.logreg.data}, {@link dev.logreg.check} or
 * {@link dev.logreg.cli}, the layers above it, and the layers below it never import it. A few types of
 * {@link dev.logreg.solve} appear in this API ({@link dev.logreg.solve.Iteration},
 * {@link dev.logreg.solve.Termination}, {@link dev.logreg.solve.Warning}) and are as stable as it is.
 */
package dev.logreg;
