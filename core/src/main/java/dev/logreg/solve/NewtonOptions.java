package dev.logreg.solve;

/**
 * Settings of {@link NewtonSolver}; immutable, validated on construction.
 *
 * @param tolerance stop when max|g| &le; tolerance; finite and &gt; 0
 * @param maxIterations the iteration limit, &ge; 1
 * @param timeLimit the wall-clock budget, positive, checked between iterations; or {@code null} for none
 *        (the default)
 */
public record NewtonOptions(double tolerance, int maxIterations, java.time.Duration timeLimit) {

    /** The default gradient tolerance, 1e-8. */
    public static final double DEFAULT_TOLERANCE = 1e-8;
    /** The default iteration limit, 100. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    /**
     * @param tolerance stop when max|g| &le; tolerance
     * @param maxIterations the iteration limit
     * @param timeLimit the time budget, or {@code null} for none
     * @throws IllegalArgumentException naming the bad value
     */
    public NewtonOptions {
        Checks.tolerance(tolerance);
        Checks.maxIterations(maxIterations);
        Checks.timeLimit(timeLimit);
    }

    /**
     * Options without a time limit.
     *
     * @param tolerance stop when max|g| &le; tolerance
     * @param maxIterations the iteration limit
     * @throws IllegalArgumentException naming the bad value
     */
    public NewtonOptions(double tolerance, int maxIterations) {
        this(tolerance, maxIterations, null);
    }

    /** @return tolerance 1e-8, at most 100 iterations, no time limit */
    public static NewtonOptions defaults() {
        return new NewtonOptions(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param value the new tolerance
     * @return a copy with that tolerance
     */
    public NewtonOptions withTolerance(double value) {
        return new NewtonOptions(value, maxIterations, timeLimit);
    }

    /**
     * @param value the new iteration limit
     * @return a copy with that limit
     */
    public NewtonOptions withMaxIterations(int value) {
        return new NewtonOptions(tolerance, value, timeLimit);
    }

    /**
     * @param value the new time limit, or {@code null} for none
     * @return a copy with that limit
     */
    public NewtonOptions withTimeLimit(java.time.Duration value) {
        return new NewtonOptions(tolerance, maxIterations, value);
    }
}
