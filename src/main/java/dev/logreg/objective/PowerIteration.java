package dev.logreg.objective;

/**
 * The largest eigenvalue of X<sup>T</sup>WX by power iteration, applying v &rarr; X<sup>T</sup>(w &#8728; Xv)
 * in two passes over X, so the n&times;n matrix is never formed.
 */
final class PowerIteration {

    /** Relative change of the Rayleigh quotient at which the iteration stops. */
    static final double RELATIVE_CHANGE = 1e-9;
    static final int MAX_ITERATIONS = 500;

    private PowerIteration() {
    }

    static double largestEigenvalueOfWeightedGram(BinaryProblem p) {
        int m = p.rows;
        int n = p.cols;
        double[] v = new double[n];
        double[] u = new double[m];
        double[] next = new double[n];
        // A start with unequal positive entries is not orthogonal to the top eigenvector of a
        // Gram matrix in any case met in practice.
        for (int j = 0; j < n; j++) {
            v[j] = 1.0 + 0.5 * j / n;
        }
        normalize(v);
        double lambda = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("interrupted while bounding the Hessian");
            }
            // u = w o (X v)
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += p.x[i * n + j] * v[j];
                }
                u[i] = p.w[i] * s;
            }
            // next = X^T u
            java.util.Arrays.fill(next, 0.0);
            for (int i = 0; i < m; i++) {
                double ui = u[i];
                for (int j = 0; j < n; j++) {
                    next[j] += p.x[i * n + j] * ui;
                }
            }
            double rayleigh = 0;
            for (int j = 0; j < n; j++) {
                rayleigh += v[j] * next[j];
            }
            double norm = normalize(next);
            if (norm == 0) {
                // X v = 0 for the start: X^T W X is zero in that direction; fall back to the trace.
                return Math.max(rayleigh, trace(p));
            }
            double[] t = v;
            v = next;
            next = t;
            boolean done = Math.abs(rayleigh - lambda) <= RELATIVE_CHANGE * Math.abs(rayleigh);
            lambda = rayleigh;
            if (done) {
                break;
            }
        }
        return lambda > 0 ? lambda : trace(p);
    }

    /** The trace of X<sup>T</sup>WX, an upper bound of its largest eigenvalue. */
    private static double trace(BinaryProblem p) {
        double t = 0;
        for (int i = 0; i < p.rows; i++) {
            for (int j = 0; j < p.cols; j++) {
                double v = p.x[i * p.cols + j];
                t += p.w[i] * v * v;
            }
        }
        return t > 0 ? t : 1.0;
    }

    private static double normalize(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        double norm = Math.sqrt(s);
        if (norm > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= norm;
            }
        }
        return norm;
    }
}
