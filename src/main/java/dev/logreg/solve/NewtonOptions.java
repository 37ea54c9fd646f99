package dev.logreg.solve;

/**
 * Settings of {@link NewtonSolver}; immutable, validated on construction.
 *
 * @param tolerance stop when max|g| &le; tolerance; finite and &gt; 0
 * @param maxIterations the iteration limit, &ge; 1
 */
public record NewtonOptions(double tolerance, int maxIterations) {

    /** The default gradient tolerance, 1e-8. */
    public static final double DEFAULT_TOLERANCE = 1e-8;
    /** The default iteration limit, 100. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    /**
     * @param tolerance stop when max|g| &le; tolerance
     * @param maxIterations the iteration limit
     * @throws IllegalArgumentException naming the bad value
     */
    public NewtonOptions {
        Checks.tolerance(tolerance);
        Checks.maxIterations(maxIterations);
    }

    /** @return tolerance 1e-8, at most 100 iterations */
    public static NewtonOptions defaults() {
        return new NewtonOptions(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param value the new tolerance
     * @return a copy with that tolerance
     */
    public NewtonOptions withTolerance(double value) {
        return new NewtonOptions(value, maxIterations);
    }

    /**
     * @param value the new iteration limit
     * @return a copy with that limit
     */
    public NewtonOptions withMaxIterations(int value) {
        return new NewtonOptions(tolerance, value);
    }
}
