package dev.logreg;

import dev.logreg.solve.Iteration;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Termination;
import dev.logreg.solve.Warning;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a fit, binomial or multinomial: the estimates, whether and why the solver stopped, a
 * convergence trace, structured warnings, and, on demand, the {@linkplain #inference() inference} and
 * an R-style {@linkplain #summary() summary}. A fit that did not converge is still a result:
 * {@link #converged()} is false and {@link #warnings()} says why. Immutable and safe to share.
 *
 * <p>Every fit is read the same way: C coefficient classes (one for a binomial fit, its event class;
 * K &minus; 1 against a reference class or K symmetric ones for a multinomial fit), each with one
 * coefficient per {@linkplain #terms() term}, the intercept first when there is one. The names say
 * whether the intercept is included: {@link #coefficientsWithIntercept()} has it, in column 0;
 * {@link #intercepts()} is that column alone. {@link #theta()} is all of them as one vector, block after
 * block, the solver's own layout. The estimates are always on the scale of the input features; for a
 * {@linkplain LogisticRegression#withStandardize standardized} fit, the loss, gradient and trace are those
 * of the problem the solver saw.
 *
 * <p>A fit keeps the model matrix it was computed on (its own copy, so later changes to the caller's
 * arrays change nothing) for {@link #inference()}; the inference is computed at its first call, by one
 * pass of the fit's kernel for the information matrix and one over the rows for the likelihoods, and
 * kept. A fit therefore holds about as much memory as its model matrix until it is dropped.
 */
public abstract sealed class Fit permits BinomialFit, MultinomialFit {

    private final LogisticRegression settings;
    private final List<String> classes;
    private final List<String> terms;
    private final double[][] coefficients;
    private final Solution solution;
    private final int[] aliased;
    private final int[][] diverging;
    private final Termination termination;
    private final List<Warning> warnings;
    private final Inference.Context context;
    private Inference inference;
    /** The encoder of the table the fit came from, or null; set once, before the fit is returned. */
    private dev.logreg.data.Encoder encoder;

    Fit(FitPipeline.Outcome outcome) {
        this.settings = outcome.settings();
        this.classes = List.copyOf(outcome.classes());
        this.terms = List.copyOf(outcome.terms());
        this.coefficients = copy(outcome.coefficients());
        this.solution = outcome.solution();
        this.aliased = outcome.aliased().clone();
        this.diverging = copyPairs(outcome.diverging());
        this.termination = separationTermination(solution.termination(), diverging.length > 0);
        this.warnings = List.copyOf(outcome.warnings());
        this.context = outcome.context();
    }

    /**
     * A result's termination: the solver's, except that a solver that met its tolerance on data shown to
     * be separated did not find an optimum (there is none), and the result says
     * {@link Termination#SEPARATION}. A solver that ran out of iterations or made no progress says so,
     * also when the data are separated: that is why it stopped, and separation is reported beside it.
     */
    static Termination separationTermination(Termination solver, boolean separated) {
        return separated && solver == Termination.CONVERGED ? Termination.SEPARATION : solver;
    }

    private static int[][] copyPairs(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Records the encoder of the table the fit came from (by {@link LogisticRegression#fit(dev.logreg.data.Design)}). */
    final void attach(dev.logreg.data.Encoder value) {
        this.encoder = value;
    }

    /**
     * The header of this fit's model: its terms and classes, the encoder, and the summary.
     */
    final ModelHeader modelHeader() {
        return new ModelHeader(terms, settings.intercept(), classes, encoder, FitSummary.of(this));
    }

    /** @return {n, deviance}: from the inference if it was computed, else by one pass over the rows alone */
    final synchronized double[] observationsAndDeviance() {
        return inference != null ? new double[] {inference.observations(), inference.deviance()}
                : Inference.observationsAndDeviance(context);
    }

    /**
     * @return the fitted model, to score new data and to save: a {@link LogisticModel} for a binomial
     *         fit, a {@link MultinomialModel} for a multinomial one; made at the first call (with one pass
     *         over the rows for the deviance it records) and kept. The model predicts from the features
     *         alone: a fit {@linkplain LogisticRegression#withOffset with an offset} gives a model whose
     *         probabilities leave the offset out (add o to its logit to score a row with one)
     */
    public abstract Model model();

    /** @return the settings this fit was made with */
    public LogisticRegression settings() {
        return settings;
    }

    /** @return the optimizer that produced this fit */
    public Method method() {
        return settings.method();
    }

    /** @return whether the model has an intercept (one per coefficient class) */
    public boolean hasIntercept() {
        return settings.intercept();
    }

    /** @return the L2 penalty &lambda; the model was fitted with (0 for maximum likelihood) */
    public double l2() {
        return settings.l2();
    }

    /** @return whether this is a binomial fit (two classes) rather than a multinomial one */
    public abstract boolean binomial();

    /** @return all class names, in label order: two for a binomial fit, the second its event */
    public List<String> classes() {
        return classes;
    }

    /**
     * @return the classes that own a row of {@link #coefficientsWithIntercept()}: the event class for a
     *         binomial fit; every class but the reference, or every class in the symmetric parametrization,
     *         for a multinomial fit
     */
    public abstract List<String> coefficientClasses();

    /**
     * @return the term names of each coefficient row: {@code (Intercept)} first when there is one, then
     *         the feature names (by default x1, x2, &hellip;)
     */
    public List<String> terms() {
        return terms;
    }

    /** @return the coefficients, one row per coefficient class, one column per term, the intercept in column 0 (a copy) */
    public double[][] coefficientsWithIntercept() {
        return copy(coefficients);
    }

    /**
     * @return {@link #coefficientsWithIntercept()} with NaN, R's NA, at the aliased terms, as R's {@code coef}
     *         reports a fit with singularities (a copy)
     */
    public double[][] coefficientsWithNa() {
        double[][] b = coefficientsWithIntercept();
        for (double[] row : b) {
            for (int j : aliased) {
                row[j] = Double.NaN;
            }
        }
        return b;
    }

    /** @return the intercept of each coefficient class, 0 without intercepts (a copy) */
    public double[] intercepts() {
        double[] out = new double[coefficients.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = hasIntercept() ? coefficients[c][0] : 0.0;
        }
        return out;
    }

    /** @return all parameters as one vector, block after block (row-major {@link #coefficientsWithIntercept()}) */
    public double[] theta() {
        int p = terms.size();
        double[] theta = new double[coefficients.length * p];
        for (int c = 0; c < coefficients.length; c++) {
            System.arraycopy(coefficients[c], 0, theta, c * p, p);
        }
        return theta;
    }

    /**
     * @return true when max|g| reached the tolerance at a finite optimum: false after running out of
     *         iterations or time, without progress, or under separation
     */
    public boolean converged() {
        return termination == Termination.CONVERGED;
    }

    /**
     * @return why the fit stopped: {@link Termination#SEPARATION} when the loss proved complete separation,
     *         or when the solver met its tolerance on data shown to be quasi-completely separated; the
     *         solver's reason ({@link Termination#MAX_ITERATIONS}, &hellip;) when it stopped otherwise
     */
    public Termination termination() {
        return termination;
    }

    /**
     * @return the names of the aliased terms: columns that are linear combinations of earlier ones (as
     *         R's {@code glm} finds them), dropped from the fit in every class; their coefficients are 0
     *         and predictions do not depend on them. Empty for penalized fits, which are identifiable.
     */
    public List<String> aliased() {
        List<String> names = new ArrayList<>();
        for (int j : aliased) {
            names.add(terms.get(j));
        }
        return List.copyOf(names);
    }

    /** @return the indices into {@link #terms()} of the aliased terms, increasing (a copy) */
    public int[] aliasedIndices() {
        return aliased.clone();
    }

    /**
     * @return true if the classes are separated (completely or quasi-completely), as proved by the loss
     *         or by a direction verified row by row: no finite maximum-likelihood estimate exists. Also
     *         true when the solver stopped first for another reason ({@link #termination()} says which).
     */
    public boolean separation() {
        return termination == Termination.SEPARATION || diverging.length > 0;
    }

    /**
     * @return under separation, the terms whose coefficient diverges in some coefficient class, in term
     *         order; empty if none, or if complete separation was found but the diverging direction could
     *         not be isolated
     */
    public List<String> divergingTerms() {
        boolean[] any = new boolean[terms.size()];
        for (int[] d : diverging) {
            any[d[1]] = true;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < any.length; j++) {
            if (any[j]) {
                names.add(terms.get(j));
            }
        }
        return List.copyOf(names);
    }

    /** @return the (coefficient class, term) index pairs of the diverging coefficients */
    int[][] diverging() {
        return copyPairs(diverging);
    }

    /** @return iterations taken */
    public int iterations() {
        return solution.iterations();
    }

    /** @return the final value of the objective J (mean cross-entropy plus penalty) */
    public double loss() {
        return solution.loss();
    }

    /** @return max|g| at the final parameters */
    public double maxAbsGradient() {
        return solution.maxAbsGradient();
    }

    /** @return the convergence trace, starting point first; unmodifiable */
    public List<Iteration> trace() {
        return solution.trace();
    }

    /** @return the fit's warnings, in order, empty for a clean fit; unmodifiable */
    public List<Warning> warnings() {
        return warnings;
    }

    /**
     * The inference at this fit, with 95% intervals ({@link Inference#atLevel} for others): standard
     * errors, z, p-values and intervals, deviances, log-likelihoods, AIC, BIC and the likelihood-ratio
     * test. Computed at the first call from the data the fit kept (two passes over them), then kept.
     *
     * @return the inference
     */
    public synchronized Inference inference() {
        if (inference == null) {
            inference = Inference.of(context);
        }
        return inference;
    }

    /**
     * @param level the confidence level of the intervals, in (0, 1)
     * @return the inference with intervals at that level
     * @throws IllegalArgumentException for a bad level
     */
    public Inference inference(double level) {
        return inference().atLevel(level);
    }

    /**
     * The report R's {@code summary.glm} prints (for K classes, statsmodels' {@code MNLogit} summary): the
     * solver, the coefficient table with standard errors, z values, p-values and significance stars,
     * the deviances, AIC, BIC, the likelihood-ratio test, odds ratios with their intervals, and the
     * warnings. Lines end in newlines; the first line names the model, and a blank line follows it.
     *
     * @return the summary text
     */
    public String summary() {
        return Summary.of(this, inference());
    }

    /**
     * @param level the confidence level of the intervals, in (0, 1)
     * @return the summary with intervals at that level
     * @throws IllegalArgumentException for a bad level
     */
    public String summary(double level) {
        return Summary.of(this, inference(level));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[method=" + method() + ", termination=" + termination + ", iterations="
                + iterations() + ", loss=" + loss() + ", maxAbsGradient=" + maxAbsGradient() + ", classes=" + classes
                + ", terms=" + terms + ", coefficients=" + java.util.Arrays.deepToString(coefficients) + "]";
    }
}
