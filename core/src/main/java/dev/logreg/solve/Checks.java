package dev.logreg.solve;

/** Argument checks shared by the solver options and solvers. */
final class Checks {

    private Checks() {
    }

    /** @throws IllegalArgumentException naming the argument if it is null */
    static void argument(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }

    static void tolerance(double tolerance) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, got " + tolerance);
        }
    }

    static void timeLimit(java.time.Duration timeLimit) {
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("timeLimit must be positive (or null for none), got " + timeLimit);
        }
    }

    static void maxIterations(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
    }

    static void start(double[] start, int dimension) {
        if (start == null) {
            throw new IllegalArgumentException("the starting point is null");
        }
        if (start.length != dimension) {
            throw new IllegalArgumentException("the starting point has length " + start.length + ", expected "
                    + dimension);
        }
        for (int j = 0; j < start.length; j++) {
            if (!Double.isFinite(start[j])) {
                throw new IllegalArgumentException("the starting point has start[" + j + "] = " + start[j]
                        + ": it must be finite");
            }
        }
    }

    /** A start so large that the loss or gradient overflows is the caller's mistake. */
    static void finiteAtStart(double loss, double maxAbsGradient) {
        if (!Double.isFinite(loss) || !Double.isFinite(maxAbsGradient)) {
            throw new IllegalArgumentException("the starting point gives J = " + loss + " and max|g| = "
                    + maxAbsGradient + ": start closer to zero");
        }
    }
}
