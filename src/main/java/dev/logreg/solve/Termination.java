package dev.logreg.solve;

/** Why a solver stopped. Only {@link #CONVERGED} means the optimum was found. */
public enum Termination {
    /** max|g| &le; tolerance: a minimizer to the requested precision. */
    CONVERGED,
    /** The iteration limit was reached first. */
    MAX_ITERATIONS,
    /**
     * The loss fell below the objective's separation level: the linear predictor classifies every
     * observation correctly, the classes are completely separated and no finite minimizer exists.
     */
    SEPARATION,
    /**
     * No step decreased the loss: the line search failed, no descent direction was found, or
     * (gradient descent without line search) the loss became non-finite.
     */
    NO_PROGRESS
}
