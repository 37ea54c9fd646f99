package dev.logreg;

import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.objective.MultinomialObjective;
import dev.logreg.objective.MultinomialProblem;
import dev.logreg.objective.Objective;
import dev.logreg.solve.Aliasing;
import dev.logreg.solve.GradientDescentOptions;
import dev.logreg.solve.GradientDescentSolver;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.SeparationCheck;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Solver;
import java.util.List;

/**
 * Multinomial (softmax) logistic regression for K &ge; 2 classes, fitted by Newton's method or
 * gradient descent: the entry point for a class label with more than two levels.
 *
 * <p>The model gives class k the logit z<sub>k</sub> = x&middot;&beta;<sub>k</sub> and the
 * probability softmax(z)<sub>k</sub>, and minimizes
 * J = (1/W) &Sigma; w<sub>i</sub> [logsumexp(z<sub>i</sub>) &minus; z<sub>i,y<sub>i</sub></sub>]
 * + (&lambda;/2)&Vert;B&Vert;&sup2;, the intercepts unpenalized. Since adding one vector to every
 * &beta;<sub>k</sub> changes no probability, the coefficients need a
 * {@link Parametrization parametrization}; the predicted probabilities are the same whichever is
 * used (for &lambda; = 0) and are what to compare across libraries.
 *
 * <p>Like {@link LogisticRegression}, an instance is an immutable set of options:
 *
 * <pre>{@code
 * MultinomialFitResult fit = MultinomialRegression.newton()
 *         .withClassNames(List.of("setosa", "versicolor", "virginica"))
 *         .withFeatureNames(List.of("sepal_length"))
 *         .fit(x, y);                       // y[i] in {0, 1, 2}
 * double[][] b = fit.coefficients();        // one row per non-reference class
 * double[] p = fit.model().probabilities(new double[] {5.8});
 * }</pre>
 *
 * <p>With K = 2 and the reference parametrization the fit is the binary logistic regression of
 * class 1 against class 0. Numerical trouble (separation, aliased columns, no convergence) is
 * reported in {@link MultinomialFitResult#warnings()}; caller mistakes are
 * {@link IllegalArgumentException}s. Interrupting the fitting thread cancels the fit as for
 * {@link LogisticRegression}: a {@link java.util.concurrent.CancellationException}, the interrupt
 * status kept.
 */
public final class MultinomialRegression {

    /** How the K class logits are made identifiable. */
    public enum Parametrization {
        /**
         * K&minus;1 coefficient vectors; the reference class's logit is fixed at 0, so each vector is
         * the log of a class's odds against the reference (statsmodels {@code MNLogit}, R's
         * {@code nnet::multinom}). The default, and the only choice without a penalty.
         */
        REFERENCE,
        /**
         * K coefficient vectors, one per class (scikit-learn, glmnet); identifiable only with an
         * L2 penalty &lambda; &gt; 0, which makes the coefficients of each feature sum to zero
         * across classes. The intercepts are centred to sum to zero.
         */
        SYMMETRIC
    }

    private LogisticRegression.Method method = LogisticRegression.Method.NEWTON;
    /** The parametrization asked for, or null for the automatic choice (see {@link #parametrization(int)}). */
    private Parametrization parametrization;
    private PenaltyScale penaltyScale = PenaltyScale.ORIGINAL;
    private java.util.function.Consumer<dev.logreg.solve.Iteration> listener;
    private int reference;
    private double l2;
    private boolean intercept = true;
    private boolean standardize;
    private NewtonOptions newton = NewtonOptions.defaults();
    private GradientDescentOptions gradientDescent = GradientDescentOptions.defaults();
    private List<String> featureNames;
    private List<String> classNames;

    private MultinomialRegression() {
    }

    private MultinomialRegression copy() {
        MultinomialRegression c = new MultinomialRegression();
        c.method = method;
        c.parametrization = parametrization;
        c.penaltyScale = penaltyScale;
        c.listener = listener;
        c.reference = reference;
        c.l2 = l2;
        c.intercept = intercept;
        c.standardize = standardize;
        c.newton = newton;
        c.gradientDescent = gradientDescent;
        c.featureNames = featureNames;
        c.classNames = classNames;
        return c;
    }

    /**
     * Newton's method with the default options: the parametrization chosen by the penalty (reference
     * with class 0 as the reference when unpenalized, symmetric with an L2 penalty and more than two
     * classes; see {@link #withParametrization}), an intercept, no penalty, tolerance 1e-8 on max|g|, at
     * most 100 iterations.
     *
     * @return the options
     */
    public static MultinomialRegression newton() {
        return new MultinomialRegression();
    }

    /**
     * Batch gradient descent with step 1/L (Böhning's bound on the Hessian), tolerance 1e-8 on
     * max|g|, at most 100,000 iterations.
     *
     * @return the options
     */
    public static MultinomialRegression gradientDescent() {
        return newton().withMethod(LogisticRegression.Method.GRADIENT_DESCENT);
    }

    /**
     * @param value the optimizer
     * @return a copy with it
     */
    public MultinomialRegression withMethod(LogisticRegression.Method value) {
        if (value == null) {
            throw new IllegalArgumentException("method is null");
        }
        MultinomialRegression c = copy();
        c.method = value;
        return c;
    }

    /**
     * The parametrization. By default (or with {@code null}) it follows the penalty: without one, the
     * reference parametrization; with &lambda; &gt; 0 and more than two classes, the symmetric one (as
     * scikit-learn and glmnet), because a penalty on K&minus;1 contrasts against a reference class is not
     * symmetric in the classes: the fit would depend on which class is the reference. Asking for
     * {@link Parametrization#REFERENCE} explicitly with &lambda; &gt; 0 and more than two classes fits it
     * and warns of that. {@link Parametrization#SYMMETRIC} needs an L2 penalty.
     *
     * @param value the parametrization, or {@code null} for the choice by penalty
     * @return a copy with it
     */
    public MultinomialRegression withParametrization(Parametrization value) {
        MultinomialRegression c = copy();
        c.parametrization = value;
        return c;
    }

    /**
     * @param value the scale on which the L2 penalty is measured ({@link PenaltyScale#ORIGINAL} by
     *        default; {@link PenaltyScale#STANDARDIZED} is glmnet's convention and has the solver work on
     *        standardized features)
     * @return a copy with it
     * @throws IllegalArgumentException if the value is null
     */
    public MultinomialRegression withPenaltyScale(PenaltyScale value) {
        if (value == null) {
            throw new IllegalArgumentException("penaltyScale is null");
        }
        MultinomialRegression c = copy();
        c.penaltyScale = value;
        return c;
    }

    /**
     * @param classIndex the reference class of the reference parametrization, in [0, K)
     * @return a copy with it
     * @throws IllegalArgumentException if negative (K is checked at fit)
     */
    public MultinomialRegression withReference(int classIndex) {
        if (classIndex < 0) {
            throw new IllegalArgumentException("the reference class must be >= 0, got " + classIndex);
        }
        MultinomialRegression c = copy();
        c.reference = classIndex;
        return c;
    }

    /**
     * @param value the L2 penalty &lambda; &ge; 0 on every coefficient but the intercepts
     * @return a copy with it
     * @throws IllegalArgumentException if negative or not finite
     */
    public MultinomialRegression withL2(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("the L2 penalty must be finite and >= 0, got " + value);
        }
        MultinomialRegression c = copy();
        c.l2 = value;
        return c;
    }

    /**
     * @param value whether to fit an intercept per class (default true)
     * @return a copy with it
     */
    public MultinomialRegression withIntercept(boolean value) {
        MultinomialRegression c = copy();
        c.intercept = value;
        return c;
    }

    /**
     * Fit on centred, scaled columns and report on the original scale: a conditioning device that
     * never changes the optimum (the penalty stays on the original coefficients unless
     * {@link #withPenaltyScale} says otherwise).
     *
     * @param value whether to standardize
     * @return a copy with it
     */
    public MultinomialRegression withStandardize(boolean value) {
        MultinomialRegression c = copy();
        c.standardize = value;
        return c;
    }

    /**
     * @param value the wall-clock budget of the solver, checked between iterations (a fit that reaches it
     *        stops with {@code TIME_LIMIT}), or {@code null} for none (the default)
     * @return a copy with it, for both methods
     * @throws IllegalArgumentException if the value is zero or negative
     */
    public MultinomialRegression withTimeLimit(java.time.Duration value) {
        MultinomialRegression c = copy();
        c.newton = newton.withTimeLimit(value);
        c.gradientDescent = gradientDescent.withTimeLimit(value);
        return c;
    }

    /**
     * @param value told of each solver iteration as it is recorded (on the fitting thread), for progress
     *        reports, or {@code null} for none (the default)
     * @return a copy with it
     */
    public MultinomialRegression withIterationListener(java.util.function.Consumer<dev.logreg.solve.Iteration> value) {
        MultinomialRegression c = copy();
        c.listener = value;
        return c;
    }

    /**
     * @param value the tolerance on max|&nabla;J|, &gt; 0
     * @return a copy with it, for both methods
     */
    public MultinomialRegression withTolerance(double value) {
        MultinomialRegression c = copy();
        c.newton = newton.withTolerance(value);
        c.gradientDescent = gradientDescent.withTolerance(value);
        return c;
    }

    /**
     * @param value the iteration limit, &ge; 1
     * @return a copy with it, for both methods
     */
    public MultinomialRegression withMaxIterations(int value) {
        MultinomialRegression c = copy();
        c.newton = newton.withMaxIterations(value);
        c.gradientDescent = gradientDescent.withMaxIterations(value);
        return c;
    }

    /**
     * @param value gradient descent's fixed step, or 0 for 1/L
     * @return a copy with it
     */
    public MultinomialRegression withLearningRate(double value) {
        MultinomialRegression c = copy();
        c.gradientDescent = gradientDescent.withLearningRate(value);
        return c;
    }

    /**
     * @param value whether gradient descent backtracks (Armijo)
     * @return a copy with it
     */
    public MultinomialRegression withLineSearch(boolean value) {
        MultinomialRegression c = copy();
        c.gradientDescent = gradientDescent.withLineSearch(value);
        return c;
    }

    /**
     * @param names one name per feature column, or {@code null} for x1, x2, &hellip;
     * @return a copy with them
     * @throws IllegalArgumentException for a null, empty or repeated name
     */
    public MultinomialRegression withFeatureNames(List<String> names) {
        MultinomialRegression c = copy();
        c.featureNames = ModelMatrix.names(ModelMatrix.FEATURE_NAME, names);
        return c;
    }

    /**
     * @param names one name per class, in label order, or {@code null} for "0", "1", &hellip;; their
     *              number is K, so a class may be named that no row has (an error at fit)
     * @return a copy with them
     * @throws IllegalArgumentException for a null, empty or repeated name
     */
    public MultinomialRegression withClassNames(List<String> names) {
        MultinomialRegression c = copy();
        c.classNames = ModelMatrix.names("class name", names);
        return c;
    }

    /** @return the optimizer */
    public LogisticRegression.Method method() {
        return method;
    }

    /** @return the parametrization asked for, or {@code null} for the choice by penalty */
    public Parametrization parametrization() {
        return parametrization;
    }

    /**
     * @param classes K
     * @return the parametrization a fit with K classes uses: the one asked for, else symmetric when
     *         &lambda; &gt; 0 and K &gt; 2, reference otherwise
     */
    public Parametrization parametrization(int classes) {
        if (parametrization != null) {
            return parametrization;
        }
        return l2 > 0 && classes > 2 ? Parametrization.SYMMETRIC : Parametrization.REFERENCE;
    }

    /** @return the scale on which the L2 penalty is measured */
    public PenaltyScale penaltyScale() {
        return penaltyScale;
    }

    /** @return the reference class index (used by the reference parametrization) */
    public int reference() {
        return reference;
    }

    /** @return the L2 penalty */
    public double l2() {
        return l2;
    }

    /**
     * @return whether the solver works on standardized features: asked for, or implied by
     *         {@link PenaltyScale#STANDARDIZED}
     */
    public boolean standardize() {
        return standardize || penaltyScale == PenaltyScale.STANDARDIZED;
    }

    /** @return the stopping tolerance on max|g| of the chosen method */
    public double tolerance() {
        return method == LogisticRegression.Method.NEWTON ? newton.tolerance() : gradientDescent.tolerance();
    }

    /** @return the iteration limit of the chosen method */
    public int maxIterations() {
        return method == LogisticRegression.Method.NEWTON ? newton.maxIterations() : gradientDescent.maxIterations();
    }

    /**
     * Fits with unit weights.
     *
     * @param x feature rows (no intercept column), finite, all the same length
     * @param y class labels in [0, K)
     * @return the fit
     * @throws IllegalArgumentException for a caller mistake, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     *         (see the class comment)
     */
    public MultinomialFitResult fit(double[][] x, int[] y) {
        return fit(x, y, null);
    }

    /**
     * Fits with prior weights.
     *
     * @param x feature rows (no intercept column), finite, all the same length
     * @param y class labels in [0, K), K = the number of class names, or the largest label + 1
     * @param weights prior weights, finite and &ge; 0, or {@code null} for 1
     * @return the fit
     * @throws IllegalArgumentException for a caller mistake, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     *         (see the class comment)
     */
    public MultinomialFitResult fit(double[][] x, int[] y, double[] weights) {
        double[] design = ModelMatrix.of(x, intercept);
        int rows = x.length;
        int cols = design.length / rows;
        if (y == null) {
            throw new IllegalArgumentException("y is null");
        }
        if (y.length != rows) {
            throw new IllegalArgumentException("y has length " + y.length + ", x has " + rows + " rows");
        }
        int largest = -1;
        for (int i = 0; i < rows; i++) {
            if (y[i] < 0 || (classNames != null && y[i] >= classNames.size())) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not a class: labels must be in [0, "
                        + (classNames == null ? "K" : String.valueOf(classNames.size())) + ")");
            }
            if (classNames == null && y[i] >= rows) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not a class: without class names"
                        + " the classes are 0, 1, ..., K-1 with K the largest label + 1, and every class needs rows,"
                        + " so with " + rows + " rows a label is at most " + (rows - 1));
            }
            largest = Math.max(largest, y[i]);
        }
        int k = classNames != null ? classNames.size() : largest + 1;
        List<String> classes = classNames != null ? classNames : defaultClassNames(k);
        if (k < 2) {
            throw new IllegalArgumentException("y has only the class " + classes.get(0) + ": at least 2 are needed");
        }
        Parametrization chosen = parametrization(k);
        boolean symmetric = chosen == Parametrization.SYMMETRIC;
        if (symmetric && l2 == 0) {
            throw new IllegalArgumentException("the symmetric parametrization needs an L2 penalty > 0: without one its"
                    + " coefficients are not identifiable (use the reference parametrization)");
        }
        if (!symmetric && reference >= k) {
            throw new IllegalArgumentException("the reference class " + reference + " is not a class: there are " + k);
        }
        int ref = symmetric ? -1 : reference;
        int[] labels = y.clone();
        // Weights rescaled by a power of two (exact): W and 1/W stay finite.
        double[] w = dev.logreg.objective.BinaryProblem.normalizedWeights(weights, rows);
        int interceptColumn = intercept ? 0 : -1;
        // Columns whose magnitude would overflow or underflow the Hessian are rescaled exactly.
        ColumnScaling equilibration = ColumnScaling.equilibrate(design, rows, cols, intercept, l2 > 0);
        double[] factors = equilibration.penaltyFactors(l2, PenaltyScale.ORIGINAL, null);
        MultinomialProblem problem = new MultinomialProblem(design, rows, cols, labels, w, l2, interceptColumn, k, ref,
                factors);
        requireEveryClass(problem, classes);
        List<String> terms = ModelMatrix.terms(featureNames, cols - (intercept ? 1 : 0), intercept);

        // Aliased columns (collinear with earlier ones) are dropped from every class, as for the
        // binary model; a penalized problem keeps them.
        int[] aliased = new int[0];
        if (l2 == 0) {
            double[] g0 = new double[cols];
            double[] gram = new double[cols * cols];
            new FusedBinaryObjective(problem.gramProblem()).valueGradientHessian(new double[cols], g0, gram);
            aliased = Aliasing.find(gram, cols);
        }
        int[] kept = Aliasing.kept(aliased, cols);
        MultinomialProblem working = problem;
        double[] workingDesign = design;
        double[] workingFactors = factors;
        if (aliased.length > 0) {
            workingDesign = ModelMatrix.columns(design, rows, cols, kept);
            workingFactors = factors == null ? null : ModelMatrix.select(factors, kept);
            working = new MultinomialProblem(workingDesign, rows, kept.length, labels, w, l2, interceptColumn, k, ref,
                    workingFactors);
        }
        ColumnScaling standardizer = null;
        if (standardize()) {
            // In place: the working problem wraps the design, so it now holds the standardized columns. The
            // penalty stays on the original coefficients (factors 1/s^2), or moves to the standardized ones.
            standardizer = ColumnScaling.standardize(workingDesign, working.gramProblem(), intercept,
                    l2 > 0 && penaltyScale == PenaltyScale.ORIGINAL);
            double[] standardizedFactors = standardizer.penaltyFactors(l2, penaltyScale, workingFactors);
            if (standardizedFactors != workingFactors) {
                working = new MultinomialProblem(workingDesign, rows, kept.length, labels, w, l2, interceptColumn, k,
                        ref, standardizedFactors);
            }
        }
        MultinomialObjective objective = MultinomialRegression.objective(working);
        int n = kept.length;
        int blocks = working.blocks();
        Solver solver = method == LogisticRegression.Method.NEWTON
                ? new NewtonSolver(newton, listener) : new GradientDescentSolver(gradientDescent, listener);
        Objective solved = symmetric && intercept && method == LogisticRegression.Method.NEWTON
                ? new InterceptShiftCurvature(objective) : objective;
        Solution solution = solver.minimize(solved, new double[blocks * n]);
        double[] reduced = solution.theta();
        int[] diverging = SeparationCheck.diverging(working, objective, solution,
                method == LogisticRegression.Method.GRADIENT_DESCENT);
        double[][] coefficients = new double[blocks][cols];
        for (int c = 0; c < blocks; c++) {
            double[] block = java.util.Arrays.copyOfRange(reduced, c * n, (c + 1) * n);
            if (standardizer != null) {
                block = standardizer.toOriginal(block);
            }
            for (int j = 0; j < n; j++) {
                coefficients[c][kept[j]] = block[j];
            }
            coefficients[c] = equilibration.toOriginal(coefficients[c]);
        }
        if (symmetric && intercept) {
            centreIntercepts(coefficients);
        }
        int[][] divergingFull = new int[diverging.length][];
        for (int d = 0; d < diverging.length; d++) {
            divergingFull[d] = new int[] {diverging[d] / n, kept[diverging[d] % n]};
        }
        List<String> notes = new java.util.ArrayList<>();
        if (aliased.length > 0) {
            List<String> names = new java.util.ArrayList<>();
            for (int j : aliased) {
                names.add(terms.get(j));
            }
            notes.add(aliased.length + (aliased.length == 1 ? " column" : " columns")
                    + " not defined because of singularities: " + Warnings.terms(names)
                    + (aliased.length == 1 ? " is a linear combination" : " are linear combinations")
                    + " of earlier columns and " + (aliased.length == 1 ? "was" : "were") + " dropped from every class"
                    + " (coefficients reported as 0; predictions do not depend on them)");
        }
        if (!symmetric && l2 > 0 && k > 2) {
            notes.add("the L2 penalty on the " + (k - 1) + " contrasts against the reference class " + classes.get(ref)
                    + " is not symmetric in the classes: another reference class gives other probabilities."
                    + " The symmetric parametrization (the default with a penalty) does not depend on that choice");
        }
        MultinomialFitResult result = new MultinomialFitResult(method, chosen, intercept, l2, classes, ref,
                terms, coefficients, solution, aliased, divergingFull, notes);
        return result;
    }

    /**
     * The objective the fit minimizes: the fused kernel (one multi-threaded pass for the loss, the
     * gradient and the Hessian blocks).
     */
    static MultinomialObjective objective(MultinomialProblem problem) {
        return new dev.logreg.objective.FusedMultinomialObjective(problem);
    }

    /** Shifts the intercepts (column 0) by their mean, which changes no probability. */
    private static void centreIntercepts(double[][] coefficients) {
        double mean = 0;
        for (double[] block : coefficients) {
            mean += block[0];
        }
        mean /= coefficients.length;
        for (double[] block : coefficients) {
            block[0] -= mean;
        }
    }

    private static List<String> defaultClassNames(int k) {
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < Math.max(k, 1); c++) {
            names.add(String.valueOf(c));
        }
        return names;
    }

    private static void requireEveryClass(MultinomialProblem p, List<String> classes) {
        boolean[] seen = new boolean[p.classes()];
        for (int i = 0; i < p.rows(); i++) {
            if (p.weight(i) > 0) {
                seen[p.label(i)] = true;
            }
        }
        for (int k = 0; k < seen.length; k++) {
            if (!seen[k]) {
                throw new IllegalArgumentException("class " + classes.get(k) + " (label " + k + ") has no rows with"
                        + " positive weight: every class needs observations");
            }
        }
    }

    /**
     * The symmetric objective with curvature added along the common shift of the intercepts, the
     * one direction in which J is flat: H + (1/C) u u&#7488; with u the indicator of the intercepts.
     * J and its gradient are unchanged, and the gradient is orthogonal to u, so Newton's steps
     * (H + uu&#7488;/C)&#8315;&sup1;g keep the intercepts' sum where it started (zero) instead of
     * meeting a singular Hessian.
     */
    static final class InterceptShiftCurvature implements Objective {

        private final MultinomialObjective inner;

        InterceptShiftCurvature(MultinomialObjective inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double value(double[] theta) {
            return inner.value(theta);
        }

        @Override
        public double valueAndGradient(double[] theta, double[] gradient) {
            return inner.valueAndGradient(theta, gradient);
        }

        @Override
        public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
            double loss = inner.valueGradientHessian(theta, gradient, hessian);
            int d = dimension();
            int n = inner.problem().columns();
            int blocks = inner.problem().blocks();
            int j = inner.problem().interceptColumn();
            for (int a = 0; a < blocks; a++) {
                for (int b = 0; b < blocks; b++) {
                    hessian[(a * n + j) * d + b * n + j] += 1.0 / blocks;
                }
            }
            return loss;
        }

        @Override
        public double lipschitzBound() {
            return inner.lipschitzBound() + 1.0;
        }

        @Override
        public double separationLevel() {
            return inner.separationLevel();
        }
    }
}
