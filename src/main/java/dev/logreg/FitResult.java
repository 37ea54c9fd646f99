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

    FitResult(LogisticRegression.Method method, boolean hasIntercept, double l2, double[] theta, Solution solution) {
        this.method = method;
        this.hasIntercept = hasIntercept;
        this.l2 = l2;
        this.theta = theta.clone();
        this.solution = solution;
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

    /** @return true when max|g| reached the tolerance */
    public boolean converged() {
        return solution.converged();
    }

    /** @return why the solver stopped */
    public Termination termination() {
        return solution.termination();
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
        return solution.warnings();
    }

    @Override
    public String toString() {
        return "FitResult[method=" + method + ", termination=" + termination() + ", iterations=" + iterations()
                + ", loss=" + loss() + ", maxAbsGradient=" + maxAbsGradient() + ", theta="
                + java.util.Arrays.toString(theta) + "]";
    }
}
