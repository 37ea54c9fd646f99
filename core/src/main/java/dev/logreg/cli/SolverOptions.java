package dev.logreg.cli;

import dev.logreg.LogisticRegression;
import picocli.CommandLine.Option;

/** The options that configure the optimizer; shared by the commands that fit. */
final class SolverOptions {

    /** The optimizer, by its command-line name. */
    enum Solver {
        /** Newton's method. */
        NEWTON,
        /** Gradient descent. */
        GD
    }

    @Option(names = "--solver", paramLabel = "newton|gd", defaultValue = "newton",
            description = "Newton's method or gradient descent (default: ${DEFAULT-VALUE}).")
    Solver solver;

    @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "0",
            description = "L2 penalty (lambda/2)|beta|^2, not applied to the intercept (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--max-iter", paramLabel = "N",
            description = "Iteration limit (default: 100 for Newton, 100000 for gradient descent).")
    Integer maxIterations;

    @Option(names = {"--tol", "--tolerance"}, paramLabel = "T",
            description = "Stop when max|gradient| <= T (default: 1e-8).")
    Double tolerance;

    @Option(names = "--standardize",
            description = "Let the solver work on centred, scaled features (the same optimum, better conditioned);"
                    + " report on the original scale.")
    boolean standardize;

    @Option(names = "--penalty-scale", paramLabel = "original|standardized", defaultValue = "original",
            description = "Measure the --l2 penalty on the coefficients of the features as given (default), or of"
                    + " the standardized features (glmnet's standardize = TRUE; another model).")
    dev.logreg.PenaltyScale penaltyScale;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop the solver after this many seconds if it has not converged (default: none);"
                    + " progress goes to a terminal's stderr every 5 s of a long fit.")
    Double timeLimit;

    @Option(names = "--learning-rate", paramLabel = "ETA",
            description = "Gradient descent's step (default: 1/L, L the gradient's Lipschitz bound).")
    Double learningRate;

    @Option(names = "--line-search", description = "Gradient descent with Armijo backtracking.")
    boolean lineSearch;

    /**
     * @param progress told of every iteration, for progress lines
     * @return the configured regression; bad values throw IllegalArgumentException naming them
     */
    LogisticRegression regression(java.util.function.Consumer<dev.logreg.solve.Iteration> progress) {
        check();
        LogisticRegression r = solver == Solver.NEWTON
                ? LogisticRegression.newton() : LogisticRegression.gradientDescent();
        r = r.withL2(l2).withStandardize(standardize).withPenaltyScale(penaltyScale).withIterationListener(progress);
        if (timeLimit != null) {
            r = r.withTimeLimit(duration(timeLimit));
        }
        if (maxIterations != null) {
            r = r.withMaxIterations(maxIterations);
        }
        if (tolerance != null) {
            r = r.withTolerance(tolerance);
        }
        if (learningRate != null) {
            r = r.withLearningRate(learningRate);
        }
        return lineSearch ? r.withLineSearch(true) : r;
    }


    /** Rejects bad values and options that do not apply to the chosen solver. */
    private void check() {
        requirePenalty(l2);
        if (penaltyScale == dev.logreg.PenaltyScale.STANDARDIZED && !(l2 > 0)) {
            throw new IllegalArgumentException("--penalty-scale standardized needs --l2 > 0: it says on which scale"
                    + " the penalty is measured");
        }
        if (maxIterations != null) {
            requireIterations(maxIterations);
        }
        if (tolerance != null) {
            requirePositive("--tol", tolerance);
        }
        if (timeLimit != null) {
            requirePositive("--time-limit", timeLimit);
        }
        if (learningRate != null || lineSearch) {
            if (solver != Solver.GD) {
                throw new IllegalArgumentException("--learning-rate and --line-search apply to --solver gd only");
            }
            if (learningRate != null) {
                requirePositive("--learning-rate", learningRate);
            }
        }
    }

    /** @throws IllegalArgumentException unless {@code --l2} is finite and &ge; 0 */
    static void requirePenalty(double l2) {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("--l2 must be a finite number >= 0, got " + l2);
        }
    }

    /** @throws IllegalArgumentException unless the option's value is finite and &gt; 0 */
    static void requirePositive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a finite number > 0, got " + value);
        }
    }

    /**
     * @param seconds a positive number of seconds
     * @return it as a duration, rounded to the nanosecond: at least 1 ns, at most Long.MAX_VALUE ns
     *         (about 292 years)
     */
    static java.time.Duration duration(double seconds) {
        double nanos = seconds * 1e9;
        if (nanos >= Long.MAX_VALUE) {
            return java.time.Duration.ofNanos(Long.MAX_VALUE);
        }
        return java.time.Duration.ofNanos(Math.max(1, Math.round(nanos)));
    }

    /** @throws IllegalArgumentException unless {@code --max-iter} is positive */
    static void requireIterations(int maxIterations) {
        if (maxIterations <= 0) {
            throw new IllegalArgumentException("--max-iter must be a positive integer, got " + maxIterations);
        }
    }
}
