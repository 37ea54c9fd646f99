package dev.logreg.bench;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.VectorizedBinaryObjective;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;

/**
 * The answers the benchmarks are checked against in {@code @TearDown}, and the tolerances, in one place.
 * A check that fails throws {@link IllegalStateException}, which fails the benchmark run.
 */
final class Verify {

    /** Kernels of the same math on O(1) data: loss, gradient and Hessian entries within this, absolutely. */
    static final double SAME_MATH = 1e-10;
    /** A Newton direction d solves H d = &minus;g to this, relative to max|g|. */
    static final double LINEAR_SOLVE = 1e-8;
    /** The reference optimum is solved to max|g| &le; this. */
    static final double REFERENCE_TOLERANCE = 1e-10;
    /** This library's fits at tolerance 1e-8: max|&theta; &minus; &theta;&#770;| / max|&theta;&#770;|. */
    static final double OWN_OPTIMUM = 1e-6;
    /** Peers with their own stopping rules: max|&theta; &minus; &theta;&#770;| / max|&theta;&#770;|. */
    static final double PEER_OPTIMUM = 1e-4;

    private Verify() {
    }

    /**
     * @param problem the data
     * @return the optimum &theta;&#770;, by this library's Newton on the EJML objective to max|g| &le; 1e-10
     * @throws IllegalStateException if it did not converge
     */
    static double[] referenceOptimum(BinaryProblem problem) {
        Solution s = new NewtonSolver(new NewtonOptions(REFERENCE_TOLERANCE, 100))
                .minimize(new VectorizedBinaryObjective(problem), new double[problem.columns()]);
        if (!s.converged()) {
            throw new IllegalStateException("the reference Newton fit did not converge: " + s.termination()
                    + ", max|g| = " + s.maxAbsGradient() + ", " + s.warnings());
        }
        return s.theta();
    }

    static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** @return max<sub>j</sub> |a<sub>j</sub> &minus; b<sub>j</sub>|, infinite for NaN or a length mismatch */
    static double maxAbsDifference(double[] a, double[] b) {
        if (a == null || b == null || a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int j = 0; j < a.length; j++) {
            double d = Math.abs(a[j] - b[j]);
            if (!(d <= max)) {
                max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
            }
        }
        return max;
    }

    /**
     * Compares a fit with the reference optimum, prints one line and throws if it is too far.
     *
     * @param what names the benchmark, shape and method
     * @param theta the fit, intercept first; null if the benchmark never ran
     * @param reference &theta;&#770;
     * @param tolerance on max|&theta; &minus; &theta;&#770;| / max|&theta;&#770;|
     */
    static void optimum(String what, double[] theta, double[] reference, double tolerance) {
        if (theta == null) {
            return;
        }
        double diff = maxAbsDifference(theta, reference);
        double relative = diff / maxAbs(reference);
        System.out.printf("%n[verify] %s: max|theta - theta_ref| = %.3e (relative %.3e, limit %.0e)%n",
                what, diff, relative, tolerance);
        if (!(relative <= tolerance)) {
            throw new IllegalStateException(what + ": the fit is " + relative + " (relative) from the reference optimum, "
                    + "limit " + tolerance + "; theta = " + java.util.Arrays.toString(theta) + ", reference = "
                    + java.util.Arrays.toString(reference));
        }
    }

    /** Throws unless max|a &minus; b| &le; tolerance. */
    static void close(String what, double[] a, double[] b, double tolerance) {
        double diff = maxAbsDifference(a, b);
        if (!(diff <= tolerance)) {
            throw new IllegalStateException(what + " differs from the reference by " + diff + " > " + tolerance);
        }
    }

    /** Throws unless |a &minus; b| &le; tolerance. */
    static void close(String what, double a, double b, double tolerance) {
        if (!(Math.abs(a - b) <= tolerance)) {
            throw new IllegalStateException(what + " = " + a + ", the reference gives " + b);
        }
    }
}
