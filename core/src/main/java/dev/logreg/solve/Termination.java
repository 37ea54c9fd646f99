package dev.logreg.solve;

/** Why a solver stopped. Only {@link #CONVERGED} means the optimum was found. */
public enum Termination {
    /** max|g| &le; tolerance: a minimizer to the requested precision. */
    CONVERGED,
    /** The iteration limit was reached first. */
    MAX_ITERATIONS,
    /**
     * The classes are separated and no finite minimizer exists: completely (the loss fell below the
     * objective's separation level, every observation classified correctly) or, found after the
     * solve by the fit's separation check, quasi-completely (some fitted probabilities go to 0 or 1
     * along a direction that no observation contradicts).
     */
    SEPARATION,
    /**
     * No step decreased the loss: the line search failed, no descent direction was found, or
     * (gradient descent without line search) the loss became non-finite.
     */
    NO_PROGRESS,
    /** The time limit was reached first (only when one was set). */
    TIME_LIMIT
}
