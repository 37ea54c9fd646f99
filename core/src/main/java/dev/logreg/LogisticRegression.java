package dev.logreg;

import dev.logreg.objective.DesignMatrix;
import dev.logreg.objective.MultinomialProblem;
import dev.logreg.objective.RowSource;
import dev.logreg.solve.GradientDescentOptions;
import dev.logreg.solve.Iteration;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.Termination;
import dev.logreg.solve.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;

/**
 * Logistic regression, for two classes and for K: the entry point. Fitting labels with two classes
 * gives a {@link BinomialFit}, more give a {@link MultinomialFit}, and {@link Fit#binomial()} says which:
 *
 * <pre>{@code
 * Fit fit = LogisticRegression.newton().withL2(0.1).fit(x, labels);   // int labels 0..K-1
 * System.out.print(fit.summary());                                     // as R's summary.glm
 * double[] se = fit.inference().standardErrors();
 * if (fit instanceof BinomialFit b) {
 *     double p = b.model().probability(new double[] {1.5, 2.0});
 * }
 * }</pre>
 *
 * <p>The explicit entry points are {@link #fit(double[][], double[])} (labels 0 and 1, always binomial)
 * and {@link #fitMultinomial(double[][], int[])} (always multinomial, also for two classes).
 *
 * <p>The binomial model minimizes
 * J(&theta;) = (1/W) &Sigma; w<sub>i</sub> [log(1 + e<sup>z<sub>i</sub></sup>) &minus; y<sub>i</sub>z<sub>i</sub>]
 * + (&lambda;/2)&Vert;&beta;&Vert;&sup2;, z = &beta;<sub>0</sub> + X&beta;. The multinomial one gives class k the
 * logit z<sub>k</sub> = x&middot;&beta;<sub>k</sub> and the probability softmax(z)<sub>k</sub>, and minimizes
 * J = (1/W) &Sigma; w<sub>i</sub> [logsumexp(z<sub>i</sub>) &minus; z<sub>i,y<sub>i</sub></sub>] +
 * (&lambda;/2)&Vert;B&Vert;&sup2;; since adding one vector to every &beta;<sub>k</sub> changes no probability,
 * its coefficients need a {@link Parametrization}. The intercepts are never penalized.
 *
 * <p>Immutable: each {@code withX} returns a configured copy, and one configuration may fit many data
 * sets, also concurrently. The intercept column is added by the library ({@link #withIntercept}); the
 * inputs are never modified nor kept. Caller mistakes (shapes, NaN or infinite values, bad labels, a
 * class without rows, negative weights, bad options) throw {@link IllegalArgumentException} naming the
 * row, column or value; numerical trouble (no convergence, separation, aliased columns) is reported in
 * the fit's {@linkplain Fit#warnings() warnings}.
 *
 * <p>A fit can be cancelled by interrupting its thread (as {@code Future.cancel(true)} does): every pass
 * over the data checks for interruption at each chunk of rows, on one thread or several, and the solvers
 * between iterations, so the fit stops within a fraction of a pass and throws
 * {@link java.util.concurrent.CancellationException}, leaving the thread's interrupt status set. No partial
 * result is returned; for a bounded run use {@link #withMaxIterations} or {@link #withTimeLimit}, which
 * return one.
 */
public final class LogisticRegression {

    private Method method = Method.NEWTON;
    private double l2;
    private boolean intercept = true;
    private boolean standardize;
    private NewtonOptions newton = NewtonOptions.defaults();
    private GradientDescentOptions gradientDescent = GradientDescentOptions.defaults();
    private double[] warmStart;
    private List<String> featureNames;
    private List<String> classNames;
    private PenaltyScale penaltyScale = PenaltyScale.ORIGINAL;
    private Consumer<Iteration> listener;
    /** The parametrization asked for, or null for the automatic choice (see {@link #parametrization(int)}). */
    private Parametrization parametrization;
    private int reference;
    /** The offsets of the rows' linear predictors (a copy of the caller's), or null for none. */
    private double[] offsets;

    private LogisticRegression() {
    }

    private LogisticRegression copy() {
        LogisticRegression c = new LogisticRegression();
        c.method = method;
        c.l2 = l2;
        c.intercept = intercept;
        c.standardize = standardize;
        c.newton = newton;
        c.gradientDescent = gradientDescent;
        c.warmStart = warmStart;
        c.featureNames = featureNames;
        c.classNames = classNames;
        c.penaltyScale = penaltyScale;
        c.listener = listener;
        c.parametrization = parametrization;
        c.reference = reference;
        c.offsets = offsets;
        return c;
    }

    /** @return Newton's method, tolerance 1e-8, at most 100 iterations, no penalty, with intercept */
    public static LogisticRegression newton() {
        return new LogisticRegression();
    }

    /** @return gradient descent with &eta; = 1/L, tolerance 1e-8, at most 100000 iterations, no penalty, with intercept */
    public static LogisticRegression gradientDescent() {
        return newton().withMethod(Method.GRADIENT_DESCENT);
    }

    /**
     * @param value the optimizer
     * @return a copy using it
     * @throws IllegalArgumentException if the value is null
     */
    public LogisticRegression withMethod(Method value) {
        if (value == null) {
            throw new IllegalArgumentException("method is null");
        }
        LogisticRegression c = copy();
        c.method = value;
        return c;
    }

    /**
     * @param value the L2 penalty &lambda; &ge; 0 on the coefficients (never on the intercepts)
     * @return a copy with that penalty
     * @throws IllegalArgumentException if &lambda; is negative or not finite
     */
    public LogisticRegression withL2(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("the L2 penalty must be finite and >= 0, got " + value);
        }
        LogisticRegression c = copy();
        c.l2 = value;
        return c;
    }

    /**
     * @param value whether to add an intercept column of ones (default true)
     * @return a copy with or without intercept
     */
    public LogisticRegression withIntercept(boolean value) {
        LogisticRegression c = copy();
        c.intercept = value;
        return c;
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
        LogisticRegression c = copy();
        c.standardize = value;
        return c;
    }

    /**
     * @param value the scale on which the L2 penalty is measured: {@link PenaltyScale#ORIGINAL} (the
     *        default) or {@link PenaltyScale#STANDARDIZED}, glmnet's convention, which also has the
     *        solver work on standardized features
     * @return a copy with that setting
     * @throws IllegalArgumentException if the value is null
     */
    public LogisticRegression withPenaltyScale(PenaltyScale value) {
        if (value == null) {
            throw new IllegalArgumentException("penaltyScale is null");
        }
        LogisticRegression c = copy();
        c.penaltyScale = value;
        return c;
    }

    /**
     * @param value the wall-clock budget of the solver, checked between iterations; a fit that reaches it
     *        stops with {@link Termination#TIME_LIMIT}; or {@code null} for none (the default)
     * @return a copy with that limit, for either method
     * @throws IllegalArgumentException if the value is zero or negative
     */
    public LogisticRegression withTimeLimit(java.time.Duration value) {
        LogisticRegression c = copy();
        c.newton = newton.withTimeLimit(value);
        c.gradientDescent = gradientDescent.withTimeLimit(value);
        return c;
    }

    /**
     * @param value told of each solver iteration as it is recorded (as in {@link Fit#trace()}, on the
     *        fitting thread), for progress reports; or {@code null} for none (the default)
     * @return a copy with that listener
     */
    public LogisticRegression withIterationListener(Consumer<Iteration> value) {
        LogisticRegression c = copy();
        c.listener = value;
        return c;
    }

    /**
     * @param value stop when max|g| &le; value; finite and &gt; 0 (default 1e-8)
     * @return a copy with that tolerance, for either method
     * @throws IllegalArgumentException for a bad value
     */
    public LogisticRegression withTolerance(double value) {
        LogisticRegression c = copy();
        c.newton = newton.withTolerance(value);
        c.gradientDescent = gradientDescent.withTolerance(value);
        return c;
    }

    /**
     * @param value the iteration limit &ge; 1 (defaults: 100 for Newton, 100000 for gradient descent)
     * @return a copy with that limit, for either method
     * @throws IllegalArgumentException for a bad value
     */
    public LogisticRegression withMaxIterations(int value) {
        LogisticRegression c = copy();
        c.newton = newton.withMaxIterations(value);
        c.gradientDescent = gradientDescent.withMaxIterations(value);
        return c;
    }

    /**
     * @param value gradient descent's step &eta; &gt; 0, or
     *        {@link GradientDescentOptions#AUTOMATIC_LEARNING_RATE} for 1/L (the default); Newton ignores it
     * @return a copy with that learning rate
     * @throws IllegalArgumentException for a bad value
     */
    public LogisticRegression withLearningRate(double value) {
        LogisticRegression c = copy();
        c.gradientDescent = gradientDescent.withLearningRate(value);
        return c;
    }

    /**
     * @param value whether gradient descent backtracks (Armijo); Newton always does
     * @return a copy with that setting
     */
    public LogisticRegression withLineSearch(boolean value) {
        LogisticRegression c = copy();
        c.gradientDescent = gradientDescent.withLineSearch(value);
        return c;
    }

    /**
     * @param theta the starting parameters in {@link Fit#theta()}'s layout (block after block, the
     *        intercept first in each), or null for zeros (the default); copied, and its length checked
     *        against the data at {@code fit}
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
        LogisticRegression c = copy();
        c.warmStart = theta == null ? null : theta.clone();
        return c;
    }

    /**
     * @param names one name per feature column, used for {@link Fit#terms()} and in warnings (aliased
     *        columns, diverging coefficients), or null for x1, x2, &hellip;; the count is checked at
     *        {@code fit}
     * @return a copy with those names
     * @throws IllegalArgumentException if a name is null or empty, or names repeat
     */
    public LogisticRegression withFeatureNames(List<String> names) {
        LogisticRegression c = copy();
        c.featureNames = ModelMatrix.names(ModelMatrix.FEATURE_NAME, names);
        return c;
    }

    /**
     * @param names one name per class, in label order, or {@code null} for "0", "1", &hellip;; their number
     *        is K, so a class may be named that no row has (an error at fit)
     * @return a copy with them
     * @throws IllegalArgumentException for a null, empty or repeated name
     */
    public LogisticRegression withClassNames(List<String> names) {
        LogisticRegression c = copy();
        c.classNames = ModelMatrix.names("class name", names);
        return c;
    }

    /**
     * The parametrization of a multinomial fit. By default (or with {@code null}) it follows the penalty:
     * without one, the reference parametrization; with &lambda; &gt; 0 and more than two classes, the
     * symmetric one (as scikit-learn and glmnet), because a penalty on K&minus;1 contrasts against a
     * reference class is not symmetric in the classes: the fit would depend on which class is the
     * reference. Asking for {@link Parametrization#REFERENCE} explicitly with &lambda; &gt; 0 and more than
     * two classes fits it and warns of that. {@link Parametrization#SYMMETRIC} needs an L2 penalty; asked
     * for explicitly, {@link #fit(double[][], int[])} fits it also for two classes.
     *
     * @param value the parametrization, or {@code null} for the choice by penalty
     * @return a copy with it
     */
    public LogisticRegression withParametrization(Parametrization value) {
        LogisticRegression c = copy();
        c.parametrization = value;
        return c;
    }

    /**
     * @param classIndex the reference class of the reference parametrization, in [0, K) (default 0); for
     *        two classes the other class is the binomial model's event
     * @return a copy with it
     * @throws IllegalArgumentException if negative (K is checked at fit)
     */
    public LogisticRegression withReference(int classIndex) {
        if (classIndex < 0) {
            throw new IllegalArgumentException("the reference class must be >= 0, got " + classIndex);
        }
        LogisticRegression c = copy();
        c.reference = classIndex;
        return c;
    }

    /**
     * Gives each row a known term of its linear predictor, with a coefficient fixed at 1: the binomial
     * model becomes logit P(y<sub>i</sub> = 1) = &beta;<sub>0</sub> + x<sub>i</sub>&beta; + o<sub>i</sub>, R's
     * {@code glm(..., offset = o)}. The deviance, log-likelihood, AIC and standard errors are those of that
     * model, and the null deviance is R's: that of the intercept-only model fitted with the offset (the
     * deviance at &eta; = o without an intercept). The fitted {@link Fit#model() model} stays a predictor
     * of x alone: its probabilities leave the offset out (an offset belongs to the data, not the model), so
     * a caller scoring rows with offsets adds o<sub>i</sub> to the model's logit.
     *
     * <p>For two classes only: a multinomial fit with an offset is refused, and so is a fit of a
     * {@link dev.logreg.data.Design} (whose offsets come from its formula instead). The offsets are checked at {@code fit}: one per row, each finite.
     *
     * @param offsets o, one per row of the data to fit, or {@code null} for none (the default); copied
     * @return a copy with those offsets
     */
    public LogisticRegression withOffset(double[] offsets) {
        LogisticRegression c = copy();
        c.offsets = offsets == null ? null : offsets.clone();
        return c;
    }

    /** @return whether offsets were given ({@link #withOffset}) */
    public boolean hasOffset() {
        return offsets != null;
    }

    /** @return the offsets given by {@link #withOffset} (a copy), or {@code null} for none */
    public double[] offset() {
        return offsets == null ? null : offsets.clone();
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
     * @return whether the solver works on standardized features: asked for by {@link #withStandardize},
     *         or implied by {@link PenaltyScale#STANDARDIZED}
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

    /** @return the parametrization asked for, or {@code null} for the choice by penalty */
    public Parametrization parametrization() {
        return parametrization;
    }

    /**
     * @param classes K
     * @return the parametrization a multinomial fit with K classes uses: the one asked for, else symmetric
     *         when &lambda; &gt; 0 and K &gt; 2, reference otherwise
     */
    public Parametrization parametrization(int classes) {
        if (parametrization != null) {
            return parametrization;
        }
        return l2 > 0 && classes > 2 ? Parametrization.SYMMETRIC : Parametrization.REFERENCE;
    }

    /** @return the reference class index (used by the reference parametrization) */
    public int reference() {
        return reference;
    }

    /** @return the class names given, or {@code null} */
    public List<String> classNames() {
        return classNames;
    }

    NewtonOptions newtonOptions() {
        return newton;
    }

    GradientDescentOptions gradientDescentOptions() {
        return gradientDescent;
    }

    Consumer<Iteration> iterationListener() {
        return listener;
    }

    double[] warmStart() {
        return warmStart;
    }

    List<String> featureNames() {
        return featureNames;
    }

    /**
     * The offsets, checked against the rows of a binomial fit.
     *
     * @param rows m, the rows of the data
     * @return the offsets (the settings' own copy, not to be modified), or null for none
     * @throws IllegalArgumentException for a wrong length or a value that is not finite, naming the row
     */
    double[] checkedOffsets(int rows) {
        if (offsets == null) {
            return null;
        }
        if (offsets.length != rows) {
            throw new IllegalArgumentException("the offset has length " + offsets.length + ", the data have " + rows
                    + " rows: one offset per row is needed");
        }
        for (int i = 0; i < rows; i++) {
            if (!Double.isFinite(offsets[i])) {
                throw new IllegalArgumentException("offset[" + i + "] = " + offsets[i] + " (row " + i
                        + ") is not finite: offsets must be finite");
            }
        }
        return offsets;
    }

    /** Refuses offsets for a fit of K classes. */
    private void refuseOffsets(int k) {
        if (offsets != null) {
            throw new IllegalArgumentException("an offset was given (withOffset), but this is a multinomial fit of " + k
                    + " classes: offsets are for two classes (a binomial fit)");
        }
    }

    /**
     * Fits the binomial model with unit weights.
     *
     * @param x features, one row per observation, all rows of equal length, finite
     * @param y labels 0 or 1, one per row, both present
     * @return the fit
     * @throws IllegalArgumentException on bad input, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     *         (see the class comment)
     */
    public BinomialFit fit(double[][] x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * Fits the binomial model with prior weights: the explicit binomial entry point.
     *
     * @param x features, one row per observation, all rows of equal length, finite
     * @param y labels 0 or 1, one per row, both present among rows of positive weight
     * @param weights finite weights &ge; 0, one per row, or null for unit weights
     * @return the fit
     * @throws IllegalArgumentException on bad input, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     *         (see the class comment)
     */
    public BinomialFit fit(double[][] x, double[] y, double[] weights) {
        return fitBinomial(DesignMatrix.copyOf(x, intercept), y, weights);
    }

    /**
     * Fits the binomial model with unit weights.
     *
     * @param x features, m&times;p, finite; not modified
     * @param y labels 0 or 1, length m, both present
     * @return the fit
     * @throws IllegalArgumentException on bad input, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     *         (see the class comment)
     */
    public BinomialFit fit(DMatrixRMaj x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * Fits the binomial model with prior weights.
     *
     * @param x features, m&times;p, finite; not modified
     * @param y labels 0 or 1, length m, both present among rows of positive weight
     * @param weights finite weights &ge; 0, length m, or null for unit weights
     * @return the fit
     * @throws IllegalArgumentException on bad input, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     *         (see the class comment)
     */
    public BinomialFit fit(DMatrixRMaj x, double[] y, double[] weights) {
        return fitBinomial(DesignMatrix.copyOf(x, intercept), y, weights);
    }

    /**
     * Fits with unit weights; two classes give a binomial fit, more a multinomial one.
     *
     * @param x feature rows (no intercept column), finite, all the same length
     * @param y class labels in [0, K)
     * @return the fit: a {@link BinomialFit} or a {@link MultinomialFit}
     * @throws IllegalArgumentException for a caller mistake, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     */
    public Fit fit(double[][] x, int[] y) {
        return fit(x, y, null);
    }

    /**
     * Fits with prior weights: the entry point for class labels. Two classes give a {@link BinomialFit}
     * of the other class against the {@linkplain #withReference reference} class (class 1 against class 0
     * by default), unless the symmetric parametrization was asked for; more classes give a
     * {@link MultinomialFit}.
     *
     * @param x feature rows (no intercept column), finite, all the same length
     * @param y class labels in [0, K), K = the number of class names, or the largest label + 1
     * @param weights prior weights, finite and &ge; 0, or {@code null} for 1
     * @return the fit: a {@link BinomialFit} or a {@link MultinomialFit}
     * @throws IllegalArgumentException for a caller mistake, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     */
    public Fit fit(double[][] x, int[] y, double[] weights) {
        int k = classCount(x, y);
        if (k == 2 && parametrization != Parametrization.SYMMETRIC) {
            if (reference >= k) {
                throw new IllegalArgumentException("the reference class " + reference + " is not a class: there are " + k);
            }
            double[] events = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                events[i] = y[i] == reference ? 0.0 : 1.0;
            }
            List<String> names = classes(k);
            List<String> ordered = List.of(names.get(reference), names.get(1 - reference));
            return fitBinomial(DesignMatrix.copyOf(x, intercept), events, weights, ordered);
        }
        return fitMultinomial(x, y, weights);
    }

    /**
     * Fits a design built from a table: binomial for a design with two classes (its event against the
     * other), multinomial for more, with the design's term and class names and weights. The fit's
     * {@link Fit#model() model} keeps the design's {@link dev.logreg.data.Encoder}, so that it scores new
     * tables by column name and saves with the encoding (a design of a formula has none: its model scores
     * model-matrix rows only). A design of a formula without an intercept is fitted without one, and a
     * design with offsets ({@code offset()} in its formula) is fitted with them, for two classes only.
     *
     * @param design the model matrix, labels and weights of a table
     * @return the fit
     * @throws IllegalArgumentException for a null design, or as the other entry points
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     */
    public Fit fit(dev.logreg.data.Design design) {
        if (design == null) {
            throw new IllegalArgumentException("design is null");
        }
        if (offsets != null) {
            throw new IllegalArgumentException("an offset was given (withOffset), but fits of a Design do not take"
                    + " offsets from withOffset: give the design a formula with offset(), or fit its model matrix with"
                    + " fit(x, y, weights)");
        }
        if (design.hasOffsets() && design.multinomial()) {
            throw new IllegalArgumentException("the design has offsets but " + design.classes().size()
                    + " classes: offsets are for two classes (a binomial fit)");
        }
        LogisticRegression named = withFeatureNames(design.columnNames()).withClassNames(design.classes());
        if (!design.intercept()) {
            named = named.withIntercept(false);
        }
        if (design.hasOffsets()) {
            named = named.withOffset(design.offsets());
        }
        // The design's rows are read, never changed: no copy. Without an intercept its column of ones is left out.
        RowSource rows = design.rowSource();
        if (!named.intercept) {
            int[] features = new int[rows.cols() - 1];
            for (int j = 0; j < features.length; j++) {
                features[j] = j + 1;
            }
            if (features.length == 0) {
                throw new IllegalArgumentException("x has no columns and the model has no intercept: nothing to fit");
            }
            rows = rows.mapColumns(features, null, null, 0);
        }
        Fit fit = design.multinomial() ? named.fitMultinomial(rows, design.classes().size())
                : named.fitBinomial(rows, design.classes());
        fit.attach(design.encoder());
        return fit;
    }

    /**
     * Fits the multinomial model with unit weights.
     *
     * @param x feature rows (no intercept column), finite, all the same length
     * @param y class labels in [0, K)
     * @return the fit
     * @throws IllegalArgumentException for a caller mistake, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     */
    public MultinomialFit fitMultinomial(double[][] x, int[] y) {
        return fitMultinomial(x, y, null);
    }

    /**
     * Fits the multinomial model with prior weights: the explicit multinomial entry point, also for two
     * classes (with the reference parametrization and class 0 as the reference, the same model as the
     * binomial one).
     *
     * @param x feature rows (no intercept column), finite, all the same length
     * @param y class labels in [0, K), K = the number of class names, or the largest label + 1
     * @param weights prior weights, finite and &ge; 0, or {@code null} for 1
     * @return the fit
     * @throws IllegalArgumentException for a caller mistake, naming the row, column or value
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted during the fit
     */
    public MultinomialFit fitMultinomial(double[][] x, int[] y, double[] weights) {
        DesignMatrix matrix = DesignMatrix.copyOf(x, intercept);
        int k = classCount(x, y);
        return fitMultinomial(RowSource.of(matrix, MultinomialProblem.asDoubles(y), weights == null ? null
                : weights.clone()), k);
    }

    /** The multinomial fit of rows whose labels are valid class indices in [0, k). */
    private MultinomialFit fitMultinomial(RowSource rows, int k) {
        refuseOffsets(k);
        List<String> classes = classes(k);
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
        List<Warning> extra = new ArrayList<>();
        if (!symmetric && l2 > 0 && k > 2) {
            extra.add(new Warning(Warning.Kind.PARAMETRIZATION, "the L2 penalty on the " + (k - 1)
                    + " contrasts against the reference class " + classes.get(ref) + " is not symmetric in the"
                    + " classes: another reference class gives other probabilities. The symmetric parametrization"
                    + " (the default with a penalty) does not depend on that choice"));
        }
        FitPipeline.Outcome outcome = FitPipeline.run(this, rows, classes,
                (r, e, f) -> new FitData.Multinomial(r, intercept, k, ref, l2, e, f), symmetric, extra);
        return new MultinomialFit(outcome, chosen, ref);
    }

    private BinomialFit fitBinomial(DesignMatrix matrix, double[] y, double[] weights) {
        if (classNames != null && classNames.size() != 2) {
            throw new IllegalArgumentException("the labels 0 and 1 are two classes, but " + classNames.size()
                    + " class names were given: " + classNames);
        }
        return fitBinomial(matrix, y, weights, classes(2));
    }

    private BinomialFit fitBinomial(DesignMatrix matrix, double[] y, double[] weights, List<String> classes) {
        if (y == null) {
            throw new IllegalArgumentException("y is null");
        }
        return fitBinomial(RowSource.of(matrix, y.clone(), weights == null ? null : weights.clone()), classes);
    }

    /** The binomial fit of rows (their labels are checked to be 0 or 1). */
    private BinomialFit fitBinomial(RowSource rows, List<String> classes) {
        double[] o = checkedOffsets(rows.rows());
        FitPipeline.Outcome outcome = FitPipeline.run(this, rows, classes,
                (r, e, f) -> new FitData.Binary(r, intercept, l2, e, f, o), false, List.of());
        return new BinomialFit(outcome);
    }

    /** K: the number of class names, or the largest label + 1; checks the labels. */
    private int classCount(double[][] x, int[] y) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (y == null) {
            throw new IllegalArgumentException("y is null");
        }
        int rows = x.length;
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
        if (k < 2) {
            throw new IllegalArgumentException("y has only the class " + classes(Math.max(k, 1)).get(0)
                    + ": at least 2 are needed");
        }
        return k;
    }

    private List<String> classes(int k) {
        if (classNames != null) {
            return classNames;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(String.valueOf(c));
        }
        return names;
    }
}
