package dev.logreg.solve;

/**
 * Settings of {@link GradientDescentSolver}; immutable, validated on construction.
 *
 * @param tolerance stop when max|g| &le; tolerance; finite and &gt; 0
 * @param maxIterations the iteration limit, &ge; 1
 * @param learningRate the step &eta;, finite and &gt; 0, or {@link #AUTOMATIC_LEARNING_RATE} for
 *        &eta; = 1/L with L the objective's {@linkplain dev.logreg.objective.Objective#lipschitzBound()
 *        Lipschitz bound}, which never increases the loss
 * @param lineSearch when true, halve &eta; until the Armijo condition holds (the step then never
 *        grows again); when false, every step uses &eta;
 * @param timeLimit the wall-clock budget, positive, checked between iterations; or {@code null} for none
 *        (the default)
 */
public record GradientDescentOptions(double tolerance, int maxIterations, double learningRate, boolean lineSearch,
                                     java.time.Duration timeLimit) {

    /** The value of {@code learningRate} that selects &eta; = 1/L. */
    public static final double AUTOMATIC_LEARNING_RATE = 0.0;
    /** The default gradient tolerance, 1e-8. */
    public static final double DEFAULT_TOLERANCE = 1e-8;
    /** The default iteration limit, 100000. */
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;

    /**
     * @param tolerance stop when max|g| &le; tolerance
     * @param maxIterations the iteration limit
     * @param learningRate &eta;, or {@link #AUTOMATIC_LEARNING_RATE}
     * @param lineSearch whether to backtrack
     * @param timeLimit the time budget, or {@code null} for none
     * @throws IllegalArgumentException naming the bad value
     */
    public GradientDescentOptions {
        Checks.tolerance(tolerance);
        Checks.maxIterations(maxIterations);
        Checks.timeLimit(timeLimit);
        if (learningRate != AUTOMATIC_LEARNING_RATE && !(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learningRate must be finite and > 0 (or 0 for 1/L), got "
                    + learningRate);
        }
    }

    /**
     * Options without a time limit.
     *
     * @param tolerance stop when max|g| &le; tolerance
     * @param maxIterations the iteration limit
     * @param learningRate &eta;, or {@link #AUTOMATIC_LEARNING_RATE}
     * @param lineSearch whether to backtrack
     * @throws IllegalArgumentException naming the bad value
     */
    public GradientDescentOptions(double tolerance, int maxIterations, double learningRate, boolean lineSearch) {
        this(tolerance, maxIterations, learningRate, lineSearch, null);
    }

    /** @return tolerance 1e-8, at most 100000 iterations, &eta; = 1/L, no line search, no time limit */
    public static GradientDescentOptions defaults() {
        return new GradientDescentOptions(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, AUTOMATIC_LEARNING_RATE, false);
    }

    /**
     * @param value the new tolerance
     * @return a copy with that tolerance
     */
    public GradientDescentOptions withTolerance(double value) {
        return new GradientDescentOptions(value, maxIterations, learningRate, lineSearch, timeLimit);
    }

    /**
     * @param value the new iteration limit
     * @return a copy with that limit
     */
    public GradientDescentOptions withMaxIterations(int value) {
        return new GradientDescentOptions(tolerance, value, learningRate, lineSearch, timeLimit);
    }

    /**
     * @param value the new learning rate, or {@link #AUTOMATIC_LEARNING_RATE}
     * @return a copy with that learning rate
     */
    public GradientDescentOptions withLearningRate(double value) {
        return new GradientDescentOptions(tolerance, maxIterations, value, lineSearch, timeLimit);
    }

    /**
     * @param value whether to backtrack
     * @return a copy with the line search on or off
     */
    public GradientDescentOptions withLineSearch(boolean value) {
        return new GradientDescentOptions(tolerance, maxIterations, learningRate, value, timeLimit);
    }

    /**
     * @param value the new time limit, or {@code null} for none
     * @return a copy with that limit
     */
    public GradientDescentOptions withTimeLimit(java.time.Duration value) {
        return new GradientDescentOptions(tolerance, maxIterations, learningRate, lineSearch, value);
    }
}
