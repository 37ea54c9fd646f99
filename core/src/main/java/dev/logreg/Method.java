package dev.logreg;

/** The optimizer of a fit. */
public enum Method {
    /** Newton's method with damped Cholesky solves and Armijo backtracking. */
    NEWTON,
    /** Batch gradient descent, by default with step 1/L. */
    GRADIENT_DESCENT
}
