package dev.logreg.check;

/**
 * What one independent minimization returned, before the common loss is evaluated at its
 * &theta;: the parameters (intercept first), the iterations it took, whether it met its own
 * stopping rule, why it stopped, and its wall-clock time.
 *
 * @param theta the final parameters; owned by the record's creator, copied by
 *        {@link ValidationReport.Method}
 * @param iterations the method's own iteration count
 * @param converged whether the method's own stopping rule was met
 * @param nanos wall-clock time in nanoseconds
 * @param stopped why the method stopped, in words ({@link ValidationReport.Method#stopped()})
 */
record Run(double[] theta, int iterations, boolean converged, long nanos, String stopped) {
}
