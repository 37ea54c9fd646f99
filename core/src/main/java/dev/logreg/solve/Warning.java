package dev.logreg.solve;

/**
 * One warning of a fit or its inference: what kind of trouble, and the sentence that explains it.
 * Callers test the {@link #kind()}; the {@link #message()} is for people and may be reworded.
 *
 * @param kind what the warning is about
 * @param message the explanation, one sentence or a few, without a trailing newline
 */
public record Warning(Kind kind, String message) {

    /** What a warning is about. */
    public enum Kind {
        /** Columns that are linear combinations of earlier ones were dropped from the fit. */
        ALIASED,
        /** The classes are separated, completely or quasi-completely: no finite estimate exists. */
        SEPARATION,
        /** The solver stopped before its tolerance: iteration limit, time limit, or no progress. */
        NOT_CONVERGED,
        /** The solver met trouble on the way (a damped Hessian, a failed line search, a step too long). */
        SOLVER,
        /** The chosen parametrization makes the penalized fit depend on an arbitrary choice. */
        PARAMETRIZATION,
        /** Standard errors are missing or meaningless. */
        INFERENCE
    }

    /**
     * @throws IllegalArgumentException if the kind or the message is null
     */
    public Warning {
        Checks.argument(kind, "kind");
        Checks.argument(message, "message");
    }

    /** @return the message */
    @Override
    public String toString() {
        return message;
    }
}
