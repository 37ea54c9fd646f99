package dev.logreg;

import dev.logreg.solve.Termination;
import dev.logreg.solve.Warning;
import java.util.List;

/**
 * What a saved model keeps of the fit that made it: the settings that shape the estimates and the
 * figures a reader checks first.
 *
 * @param method the solver
 * @param l2 the L2 penalty &lambda;
 * @param standardized whether the features were standardized for the solve
 * @param tolerance the gradient tolerance the solver stopped at
 * @param observations n, the rows of positive weight (R's {@code nobs})
 * @param deviance the residual deviance (R's {@code deviance})
 * @param converged whether the solver met its tolerance at a finite optimum
 * @param termination why the solver stopped
 * @param iterations the solver's iterations
 * @param aliased the aliased terms (coefficient 0, R's NA)
 * @param separation whether the classes are separated (no finite estimate exists)
 * @param warnings the fit's warnings, in order
 * @param offset whether the fit had an offset in its linear predictor ({@link LogisticRegression#withOffset}):
 *        its deviance is that of the model with the offset, which the saved model's predictions leave out
 */
public record FitSummary(Method method, double l2, boolean standardized, double tolerance, int observations,
                         double deviance, boolean converged, Termination termination, int iterations,
                         List<String> aliased, boolean separation, List<Warning> warnings, boolean offset) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException for a null, a negative or non-finite figure
     */
    public FitSummary {
        if (method == null) {
            throw new IllegalArgumentException("method is null");
        }
        if (termination == null) {
            throw new IllegalArgumentException("termination is null");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, got " + l2);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, got " + tolerance);
        }
        if (observations < 1) {
            throw new IllegalArgumentException("observations must be >= 1, got " + observations);
        }
        if (!(deviance >= 0) || Double.isInfinite(deviance)) {
            throw new IllegalArgumentException("deviance must be finite and >= 0, got " + deviance);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (aliased == null) {
            throw new IllegalArgumentException("aliased is null");
        }
        if (warnings == null) {
            throw new IllegalArgumentException("warnings is null");
        }
        aliased = List.copyOf(aliased);
        warnings = List.copyOf(warnings);
    }

    /**
     * The summary of a fit without an offset.
     *
     * @param method the solver
     * @param l2 the L2 penalty &lambda;
     * @param standardized whether the features were standardized for the solve
     * @param tolerance the gradient tolerance the solver stopped at
     * @param observations n, the rows of positive weight
     * @param deviance the residual deviance
     * @param converged whether the solver met its tolerance at a finite optimum
     * @param termination why the solver stopped
     * @param iterations the solver's iterations
     * @param aliased the aliased terms
     * @param separation whether the classes are separated
     * @param warnings the fit's warnings, in order
     * @throws IllegalArgumentException for a null, a negative or non-finite figure
     */
    public FitSummary(Method method, double l2, boolean standardized, double tolerance, int observations,
                      double deviance, boolean converged, Termination termination, int iterations,
                      List<String> aliased, boolean separation, List<Warning> warnings) {
        this(method, l2, standardized, tolerance, observations, deviance, converged, termination, iterations, aliased,
                separation, warnings, false);
    }

    /** The summary of a fit. */
    static FitSummary of(Fit fit) {
        LogisticRegression s = fit.settings();
        double[] figures = fit.observationsAndDeviance();
        return new FitSummary(s.method(), s.l2(), s.standardize(), s.tolerance(), (int) figures[0], figures[1],
                fit.converged(), fit.termination(), fit.iterations(), fit.aliased(), fit.separation(), fit.warnings(),
                s.hasOffset());
    }
}
