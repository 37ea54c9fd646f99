package dev.logreg;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.Objective;
import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.solve.Aliasing;
import dev.logreg.solve.GradientDescentOptions;
import dev.logreg.solve.GradientDescentSolver;
import dev.logreg.solve.Iteration;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.SeparationCheck;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Solver;
import dev.logreg.solve.Termination;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Fits binary logistic regression by minimizing
 * <pre>
 *   J(&theta;) = (1/W) &Sigma; wᵢ [ log(1 + e^zᵢ) &minus; yᵢ zᵢ ] + (&lambda;/2)&Vert;&beta;&Vert;²,   z = &beta;₀ + X&beta;
 * </pre>
 * with Newton's method (the default) or gradient descent. Immutable: each {@code withX} returns a
 * configured copy, and one configuration may fit many data sets, also concurrently.
 *
 * <pre>{@code
 * FitResult fit = LogisticRegression.newton().withL2(0.1).fit(x, y);
 * double p = fit.model().probability(new double[] {1.5, 2.0});
 * }</pre>
 *
 * <p>The intercept column is added by the library (see {@link #withIntercept(boolean)}); the
 * inputs are never modified nor kept. Caller mistakes (shapes, NaN or infinite values, labels
 * other than 0 and 1, a single class, negative weights) throw {@link IllegalArgumentException}
 * naming the row, column or value; numerical trouble (no convergence, separation) is reported in
 * the {@link FitResult}.
 *
 * <p>A fit can be cancelled by interrupting its thread (as {@code Future.cancel(true)} does): every
 * pass over the data checks for interruption at each chunk of rows, on one thread or several, and
 * the solvers between iterations, so the fit stops within a fraction of a pass and throws
 * {@link java.util.concurrent.CancellationException}, leaving the thread's interrupt status set. No
 * partial result is returned; for a bounded run use {@link #withMaxIterations} or {@link #withTimeLimit},
 * which return one.
 */
public final class LogisticRegression {

    /** The optimizer. */
    public enum Method {
        /** Newton's method with damped Cholesky solves and Armijo backtracking. */
        NEWTON,
        /** Batch gradient descent, by default with step 1/L. */
        GRADIENT_DESCENT
    }

    private final Method method;
    private final double l2;
    private final boolean intercept;
    private final boolean standardize;
    private final NewtonOptions newton;
    private final GradientDescentOptions gradientDescent;
    private final double[] warmStart;
    private final List<String> featureNames;
    private final PenaltyScale penaltyScale;
    private final java.util.function.Consumer<Iteration> listener;

    private LogisticRegression(Method method, double l2, boolean intercept, boolean standardize,
                               NewtonOptions newton, GradientDescentOptions gradientDescent, double[] warmStart,
                               List<String> featureNames, PenaltyScale penaltyScale,
                               java.util.function.Consumer<Iteration> listener) {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("the L2 penalty must be finite and >= 0, got " + l2);
        }
        if (method == null) {
            throw new IllegalArgumentException("method is null");
        }
        if (penaltyScale == null) {
            throw new IllegalArgumentException("penaltyScale is null");
        }
        this.method = method;
        this.penaltyScale = penaltyScale;
        this.listener = listener;
        this.l2 = l2;
        this.intercept = intercept;
        this.standardize = standardize;
        this.newton = newton;
        this.gradientDescent = gradientDescent;
        this.warmStart = warmStart;
        this.featureNames = featureNames;
    }

    /** @return Newton's method, tolerance 1e-8, at most 100 iterations, no penalty, with intercept */
    public static LogisticRegression newton() {
        return new LogisticRegression(Method.NEWTON, 0.0, true, false, NewtonOptions.defaults(),
                GradientDescentOptions.defaults(), null, null, PenaltyScale.ORIGINAL, null);
    }

    /** @return gradient descent with &eta; = 1/L, tolerance 1e-8, at most 100000 iterations, no penalty, with intercept */
    public static LogisticRegression gradientDescent() {
        return newton().withMethod(Method.GRADIENT_DESCENT);
    }

    /**
     * @param value the optimizer
     * @return a copy using it
     */
    public LogisticRegression withMethod(Method value) {
        return new LogisticRegression(value, l2, intercept, standardize, newton, gradientDescent, warmStart, featureNames, penaltyScale, listener);
    }

    /**
     * @param value the L2 penalty &lambda; &ge; 0 on the coefficients (never on the intercept)
     * @return a copy with that penalty
     * @throws IllegalArgumentException if &lambda; is negative or not finite
     */
    public LogisticRegression withL2(double value) {
        return new LogisticRegression(method, value, intercept, standardize, newton, gradientDescent, warmStart, featureNames, penaltyScale, listener);
    }

    /**
     * @param value whether to add an intercept column of ones (default true)
     * @return a copy with or without intercept
     */
    public LogisticRegression withIntercept(boolean value) {
        return new LogisticRegression(method, l2, value, standardize, newton, gradientDescent, warmStart, featureNames, penaltyScale, listener);
    }

    /**
     * Fits on standardized features (centered when there is an intercept, scaled to unit weighted
     * standard deviation) and reports the coefficients on the original scale. A pure conditioning
     * device: the optimum is the same with or without it, also with &lambda; &gt; 0 (the penalty stays on
     * the coefficients of the original features, see {@link #withPenaltyScale}); the solver's problem
     * is far better conditioned, which gradient descent needs.
     *
     * @param value whether to standardize (default false)
     * @return a copy with that setting
     */
    public LogisticRegression withStandardize(boolean value) {
        return new LogisticRegression(method, l2, intercept, value, newton, gradientDescent, warmStart, featureNames, penaltyScale, listener);
    }

    /**
     * @param value the scale on which the L2 penalty is measured: {@link PenaltyScale#ORIGINAL} (the
     *        default) or {@link PenaltyScale#STANDARDIZED}, glmnet's convention, which also has the
     *        solver work on standardized features
     * @return a copy with that setting
     * @throws IllegalArgumentException if the value is null
     */
    public LogisticRegression withPenaltyScale(PenaltyScale value) {
        return new LogisticRegression(method, l2, intercept, standardize, newton, gradientDescent, warmStart,
                featureNames, value, listener);
    }

    /**
     * @param value the wall-clock budget of the solver, checked between iterations; a fit that reaches it
     *        stops with {@link Termination#TIME_LIMIT}; or {@code null} for none (the default)
     * @return a copy with that limit, for either method
     * @throws IllegalArgumentException if the value is zero or negative
     */
    public LogisticRegression withTimeLimit(java.time.Duration value) {
        return new LogisticRegression(method, l2, intercept, standardize, newton.withTimeLimit(value),
                gradientDescent.withTimeLimit(value), warmStart, featureNames, penaltyScale, listener);
    }

    /**
     * @param value told of each solver iteration as it is recorded (as in {@link FitResult#trace()}, on
     *        the fitting thread), for progress reports; or {@code null} for none (the default)
     * @return a copy with that listener
     */
    public LogisticRegression withIterationListener(java.util.function.Consumer<Iteration> value) {
        return new LogisticRegression(method, l2, intercept, standardize, newton, gradientDescent, warmStart,
                featureNames, penaltyScale, value);
    }

    /**
     * @param value stop when max|g| &le; value; finite and &gt; 0 (default 1e-8)
     * @return a copy with that tolerance, for either method
     * @throws IllegalArgumentException for a bad value
     */
    public LogisticRegression withTolerance(double value) {
        return new LogisticRegression(method, l2, intercept, standardize, newton.withTolerance(value),
                gradientDescent.withTolerance(value), warmStart, featureNames, penaltyScale, listener);
    }

    /**
     * @param value the iteration limit &ge; 1 (defaults: 100 for Newton, 100000 for gradient descent)
     * @return a copy with that limit, for either method
     * @throws IllegalArgumentException for a bad value
     */
    public LogisticRegression withMaxIterations(int value) {
        return new LogisticRegression(method, l2, intercept, standardize, newton.withMaxIterations(value),
                gradientDescent.withMaxIterations(value), warmStart, featureNames, penaltyScale, listener);
    }

    /**
     * @param value gradient descent's step &eta; &gt; 0, or
     *        {@link GradientDescentOptions#AUTOMATIC_LEARNING_RATE} for 1/L (the default); Newton ignores it
     * @return a copy with that learning rate
     * @throws IllegalArgumentException for a bad value
     */
    public LogisticRegression withLearningRate(double value) {
        return new LogisticRegression(method, l2, intercept, standardize, newton,
                gradientDescent.withLearningRate(value), warmStart, featureNames, penaltyScale, listener);
    }

    /**
     * @param value whether gradient descent backtracks (Armijo); Newton always does
     * @return a copy with that setting
     */
    public LogisticRegression withLineSearch(boolean value) {
        return new LogisticRegression(method, l2, intercept, standardize, newton,
                gradientDescent.withLineSearch(value), warmStart, featureNames, penaltyScale, listener);
    }

    /**
     * @param theta the starting parameters, the intercept first when there is one, or null for zeros
     *        (the default); copied, and its length checked against the data at {@code fit}
     * @return a copy with that warm start
     * @throws IllegalArgumentException if an element is not finite
     */
    public LogisticRegression withWarmStart(double[] theta) {
        if (theta != null) {
            for (int j = 0; j < theta.length; j++) {
                if (!Double.isFinite(theta[j])) {
                    throw new IllegalArgumentException("warm start[" + j + "] = " + theta[j] + ": it must be finite");
                }
            }
        }
        return new LogisticRegression(method, l2, intercept, standardize, newton, gradientDescent,
                theta == null ? null : theta.clone(), featureNames, penaltyScale, listener);
    }

    /**
     * @param names one name per feature column, used for {@link FitResult#terms()} and in warnings
     *        (aliased columns, diverging coefficients), or null for x1, x2, &hellip;; the count is
     *        checked at {@code fit}
     * @return a copy with those names
     * @throws IllegalArgumentException if a name is null or empty, or names repeat
     */
    public LogisticRegression withFeatureNames(List<String> names) {
        return new LogisticRegression(method, l2, intercept, standardize, newton, gradientDescent, warmStart,
                ModelMatrix.names(ModelMatrix.FEATURE_NAME, names), penaltyScale, listener);
    }

    /** @return the optimizer */
    public Method method() {
        return method;
    }

    /** @return the L2 penalty &lambda; */
    public double l2() {
        return l2;
    }

    /** @return whether an intercept is added */
    public boolean intercept() {
        return intercept;
    }

    /**
     * @return whether the solver works on standardized features: asked for by
     *         {@link #withStandardize}, or implied by {@link PenaltyScale#STANDARDIZED}
     */
    public boolean standardize() {
        return standardize || penaltyScale == PenaltyScale.STANDARDIZED;
    }

    /** @return the scale on which the L2 penalty is measured */
    public PenaltyScale penaltyScale() {
        return penaltyScale;
    }

    /** @return the stopping tolerance on max|g| of the chosen method */
    public double tolerance() {
        return method == Method.NEWTON ? newton.tolerance() : gradientDescent.tolerance();
    }

    /** @return the iteration limit of the chosen method */
    public int maxIterations() {
        return method == Method.NEWTON ? newton.maxIterations() : gradientDescent.maxIterations();
    }

    /**
     * Fits with unit weights.
     *
     * @param x features, one row per observation, all rows of equal length, finite
     * @param y labels 0 or 1, one per row, both present
     * @return the fit
     * @throws IllegalArgumentException on bad input, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     *         (see the class comment)
     */
    public FitResult fit(double[][] x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * Fits with sample weights.
     *
     * @param x features, one row per observation, all rows of equal length, finite
     * @param y labels 0 or 1, one per row, both present among rows of positive weight
     * @param weights finite weights &ge; 0, one per row, or null for unit weights
     * @return the fit
     * @throws IllegalArgumentException on bad input, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     *         (see the class comment)
     */
    public FitResult fit(double[][] x, double[] y, double[] weights) {
        double[] design = ModelMatrix.of(x, intercept);
        return fitDesign(design, x.length, design.length / x.length, y, weights);
    }

    /**
     * Fits with unit weights.
     *
     * @param x features, m&times;p, finite; not modified
     * @param y labels 0 or 1, length m, both present
     * @return the fit
     * @throws IllegalArgumentException on bad input, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     *         (see the class comment)
     */
    public FitResult fit(DMatrixRMaj x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * Fits with sample weights.
     *
     * @param x features, m&times;p, finite; not modified
     * @param y labels 0 or 1, length m, both present among rows of positive weight
     * @param weights finite weights &ge; 0, length m, or null for unit weights
     * @return the fit
     * @throws IllegalArgumentException on bad input, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     *         (see the class comment)
     */
    public FitResult fit(DMatrixRMaj x, double[] y, double[] weights) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (x.numRows == 0) {
            throw new IllegalArgumentException("x has no rows");
        }
        int features = x.numCols;
        int cols = features + (intercept ? 1 : 0);
        double[] design = new double[x.numRows * cols];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < features; j++) {
                double v = x.unsafe_get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("x(" + i + ", " + j + ") = " + v + ": features must be finite");
                }
                design[i * cols + j + (cols - features)] = v;
            }
        }
        return fitDesign(design, x.numRows, cols, y, weights);
    }

    /** Fits on a fresh row-major design whose feature columns are filled; sets the intercept column. */
    private FitResult fitDesign(double[] design, int rows, int cols, double[] y, double[] weights) {
        if (cols == 0) {
            throw new IllegalArgumentException("x has no columns and the model has no intercept: nothing to fit");
        }
        if (y == null) {
            throw new IllegalArgumentException("y is null");
        }
        if (intercept) {
            for (int i = 0; i < rows; i++) {
                design[i * cols] = 1.0;
            }
        }
        List<String> terms = terms(cols);
        double[] labels = y.clone();
        // Weights rescaled by a power of two (exact, no estimate changes): W and 1/W stay finite.
        double[] w = BinaryProblem.normalizedWeights(weights, rows);
        int interceptColumn = intercept ? 0 : -1;
        // Columns whose magnitude would overflow or underflow X'DX are rescaled exactly (by powers of two);
        // the penalty keeps the original scale through the factors.
        ColumnScaling equilibration = ColumnScaling.equilibrate(design, rows, cols, intercept, l2 > 0);
        double[] factors = equilibration.penaltyFactors(l2, PenaltyScale.ORIGINAL, null);
        // Validates the shapes, labels and weights before anything else uses them.
        BinaryProblem problem = new BinaryProblem(design, rows, cols, labels, w, l2, interceptColumn, factors);
        requireBothClasses(problem);
        double[] start = warmStart == null ? new double[cols] : warmStart.clone();
        if (start.length != cols) {
            throw new IllegalArgumentException("the warm start has " + start.length + " parameters, the model has "
                    + cols + (intercept ? " (intercept first)" : ""));
        }
        start = equilibration.toScaled(start);
        // Aliased columns (exactly collinear with earlier ones) are dropped, as R's glm does; a penalized
        // problem is identifiable and keeps them.
        // The aliasing check's pass at theta = 0 is also Newton's first evaluation when it starts there.
        double[] g0 = new double[cols];
        double[] h0 = l2 == 0 ? new double[cols * cols] : null;
        double j0 = l2 == 0 ? new FusedBinaryObjective(problem).valueGradientHessian(new double[cols], g0, h0) : 0;
        int[] aliased = l2 == 0 ? Aliasing.find(h0, cols) : new int[0];
        int[] kept = Aliasing.kept(aliased, cols);
        BinaryProblem working = problem;
        double[] workingDesign = design;
        double[] workingFactors = factors;
        if (aliased.length > 0) {
            workingDesign = ModelMatrix.columns(design, rows, cols, kept);
            workingFactors = factors == null ? null : ModelMatrix.select(factors, kept);
            working = new BinaryProblem(workingDesign, rows, kept.length, labels, w, l2, interceptColumn,
                    workingFactors);
            start = ModelMatrix.select(start, kept);
        }
        ColumnScaling standardizer = null;
        if (standardize()) {
            // In place: the problem wraps the design, so it now holds the standardized columns. The penalty
            // stays on the original coefficients (factors 1/s^2), or moves to the standardized ones.
            standardizer = ColumnScaling.standardize(workingDesign, working, intercept,
                    l2 > 0 && penaltyScale == PenaltyScale.ORIGINAL);
            double[] standardizedFactors = standardizer.penaltyFactors(l2, penaltyScale, workingFactors);
            if (standardizedFactors != workingFactors) {
                working = new BinaryProblem(workingDesign, rows, kept.length, labels, w, l2, interceptColumn,
                        standardizedFactors);
            }
            start = standardizer.toScaled(start);
        }
        // The fused kernel: loss, gradient and Hessian in one multi-threaded pass over the data.
        FusedBinaryObjective fused = new FusedBinaryObjective(working);
        Objective objective = fused;
        if (h0 != null && standardizer == null && isZero(start)) {
            int k = kept.length;
            double[] g = ModelMatrix.select(g0, kept);
            double[] h = new double[k * k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    h[a * k + b] = h0[kept[a] * cols + kept[b]];
                }
            }
            objective = new StartCache(objective, start, j0, g, h);
        }
        Solver solver = method == Method.NEWTON ? new NewtonSolver(newton, listener)
                : new GradientDescentSolver(gradientDescent, listener);
        Solution solution = solver.minimize(objective, start);
        int[] diverging = SeparationCheck.diverging(working, fused, solution, method == Method.GRADIENT_DESCENT);
        double[] reduced = solution.theta();
        if (standardizer != null) {
            reduced = standardizer.toOriginal(reduced);
        }
        double[] theta = new double[cols];
        for (int c = 0; c < kept.length; c++) {
            theta[kept[c]] = reduced[c];
        }
        theta = equilibration.toOriginal(theta);
        int[] divergingFull = new int[diverging.length];
        for (int d = 0; d < diverging.length; d++) {
            divergingFull[d] = kept[diverging[d]];
        }
        List<String> notes = new java.util.ArrayList<>();
        if (aliased.length > 0) {
            notes.add(aliased.length + (aliased.length == 1 ? " coefficient" : " coefficients")
                    + " not defined because of singularities: " + Warnings.terms(names(terms, aliased))
                    + (aliased.length == 1 ? " is a linear combination" : " are linear combinations")
                    + " of earlier columns and " + (aliased.length == 1 ? "was" : "were") + " dropped from the fit"
                    + " (coefficient reported as 0; predictions do not depend on it)");
        }
        return new FitResult(method, intercept, l2, theta, solution, terms, aliased, divergingFull, notes);
    }

    private List<String> terms(int cols) {
        return ModelMatrix.terms(featureNames, cols - (intercept ? 1 : 0), intercept);
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0.0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> names(List<String> terms, int[] indices) {
        List<String> names = new java.util.ArrayList<>();
        for (int j : indices) {
            names.add(terms.get(j));
        }
        return names;
    }

    private static void requireBothClasses(BinaryProblem p) {
        boolean zero = false;
        boolean one = false;
        for (int i = 0; i < p.rows(); i++) {
            if (p.weight(i) > 0) {
                zero |= p.label(i) == 0.0;
                one |= p.label(i) == 1.0;
            }
        }
        if (!zero || !one) {
            throw new IllegalArgumentException("y has only the label " + (one ? "1" : "0")
                    + " among rows with positive weight: both classes 0 and 1 are needed");
        }
    }
}
