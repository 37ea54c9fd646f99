package dev.logreg;

import dev.logreg.solve.Iteration;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Termination;
import java.util.List;

/**
 * The result of {@link LogisticRegression#fit}: the coefficients with the intercept apart, whether
 * and why the solver stopped, a convergence trace and warnings. A fit that did not converge is
 * still a result: {@link #converged()} is false and {@link #warnings()} says why. Immutable.
 *
 * <p>The coefficients are always on the scale of the input features. For a
 * {@linkplain LogisticRegression#withStandardize(boolean) standardized} fit, the loss, gradient
 * and trace are those of the problem the solver saw, on standardized features.
 */
public final class FitResult {

    private final LogisticRegression.Method method;
    private final boolean hasIntercept;
    private final double l2;
    private final double[] theta;
    private final Solution solution;
    private final LogisticModel model;
    private final List<String> terms;
    private final int[] aliased;
    private final int[] diverging;
    private final Termination termination;
    private final List<String> warnings;

    /**
     * @param theta all parameters, 0 at aliased positions
     * @param terms the parameters' names
     * @param aliased indices (into theta) of aliased columns, dropped from the fit
     * @param diverging indices of the parameters that diverge under separation, empty if none
     * @param extraWarnings warnings beyond the solver's, first
     */
    FitResult(LogisticRegression.Method method, boolean hasIntercept, double l2, double[] theta, Solution solution,
              List<String> terms, int[] aliased, int[] diverging, List<String> extraWarnings) {
        this.method = method;
        this.hasIntercept = hasIntercept;
        this.l2 = l2;
        this.theta = theta.clone();
        this.solution = solution;
        this.terms = List.copyOf(terms);
        this.aliased = aliased.clone();
        this.diverging = diverging.clone();
        this.termination = Warnings.termination(solution.termination(), diverging.length > 0);
        List<String> all = new java.util.ArrayList<>(extraWarnings);
        if (diverging.length > 0) {
            all.add(Warnings.separation(solution.termination(), solution.iterations(),
                    Warnings.terms(divergingTerms()), diverging.length));
        }
        if (diverging.length > 0 && solution.termination() == Termination.SEPARATION) {
            // The solver's own complete-separation warning (its first) says less than the one above.
            all.addAll(solution.warnings().subList(1, solution.warnings().size()));
        } else {
            all.addAll(solution.warnings());
        }
        this.warnings = List.copyOf(all);
        double[] beta = java.util.Arrays.copyOfRange(theta, hasIntercept ? 1 : 0, theta.length);
        this.model = LogisticModel.of(hasIntercept ? theta[0] : 0.0, beta);
    }

    /** @return the optimizer that produced this fit */
    public LogisticRegression.Method method() {
        return method;
    }

    /** @return whether the model has an intercept */
    public boolean hasIntercept() {
        return hasIntercept;
    }

    /** @return the L2 penalty &lambda; the model was fitted with (0 for maximum likelihood) */
    public double l2() {
        return l2;
    }

    /** @return &beta;<sub>0</sub>, or 0 for a model without intercept */
    public double intercept() {
        return model.intercept();
    }

    /** @return a copy of &beta;, one coefficient per feature, without the intercept */
    public double[] coefficients() {
        return model.coefficients();
    }

    /** @return a copy of all parameters, the intercept first when there is one */
    public double[] theta() {
        return theta.clone();
    }

    /** @return the fitted model, for predictions */
    public LogisticModel model() {
        return model;
    }

    /**
     * @return true when max|g| reached the tolerance at a finite optimum: false after running out of
     *         iterations, without progress, or under separation (complete or quasi-complete)
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
     * @return the parameters' names, in {@link #theta()}'s order: {@code (Intercept)} first when there
     *         is one, then the feature names given to {@link LogisticRegression#withFeatureNames} (by
     *         default x1, x2, &hellip;)
     */
    public List<String> terms() {
        return terms;
    }

    /**
     * @return the names of the aliased parameters: columns that are linear combinations of earlier
     *         ones (as R's {@code glm} finds them), dropped from the fit; their coefficients are 0 and
     *         predictions do not depend on them. Empty for penalized fits, which are identifiable.
     */
    public List<String> aliased() {
        List<String> names = new java.util.ArrayList<>();
        for (int j : aliased) {
            names.add(terms.get(j));
        }
        return List.copyOf(names);
    }

    /** @return the indices into {@link #theta()} of the aliased parameters, increasing (a copy) */
    public int[] aliasedIndices() {
        return aliased.clone();
    }

    /**
     * @return true if the classes are separated (completely or quasi-completely), as proved by the loss
     *         or by a direction verified row by row: no finite MLE exists. Also true when the solver ran
     *         out of iterations first ({@link #termination()} then says so).
     */
    public boolean separation() {
        return termination == Termination.SEPARATION || diverging.length > 0;
    }

    /**
     * @return under separation, the names of the parameters whose estimates diverge (empty if none, or
     *         if complete separation was found but the diverging direction could not be isolated)
     */
    public List<String> divergingTerms() {
        List<String> names = new java.util.ArrayList<>();
        for (int j : diverging) {
            names.add(terms.get(j));
        }
        return List.copyOf(names);
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

    /** @return warnings, empty for a clean fit; unmodifiable */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "FitResult[method=" + method + ", termination=" + termination() + ", iterations=" + iterations()
                + ", loss=" + loss() + ", maxAbsGradient=" + maxAbsGradient() + ", theta="
                + java.util.Arrays.toString(theta) + "]";
    }
}
