package dev.logreg;

/**
 * On which scale of the features the L2 penalty (&lambda;/2) &Sigma; &beta;<sub>j</sub>&sup2; is measured.
 * The choice changes the model whenever &lambda; &gt; 0; standardizing for the solver
 * ({@code withStandardize}) never does.
 */
public enum PenaltyScale {
    /**
     * The coefficients of the features as given: the penalty is (&lambda;/2) &Sigma; &beta;<sub>j</sub>&sup2;
     * whatever the solver works on. The default.
     */
    ORIGINAL,
    /**
     * The coefficients of the features standardized to weighted mean 0 and unit weighted standard
     * deviation (the population one, &Sigma;w(x &minus; x&#772;)&sup2;/&Sigma;w): the penalty is
     * (&lambda;/2) &Sigma; (s<sub>j</sub>&beta;<sub>j</sub>)&sup2;, glmnet's {@code standardize = TRUE}
     * with {@code alpha = 0}. The solver then works on standardized features; the coefficients are
     * reported on the original scale. Constant columns are penalized as if their deviation were 1.
     */
    STANDARDIZED
}
