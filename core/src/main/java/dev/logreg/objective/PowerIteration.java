package dev.logreg.objective;

/**
 * The largest eigenvalue of X<sup>T</sup>WX by power iteration, applying v &rarr; X<sup>T</sup>(w &#8728; Xv)
 * in one pass over the rows of the problem's source, so the n&times;n matrix is never formed.
 */
final class PowerIteration {

    /** Relative change of the Rayleigh quotient at which the iteration stops. */
    static final double RELATIVE_CHANGE = 1e-9;
    static final int MAX_ITERATIONS = 500;

    private PowerIteration() {
    }

    static double largestEigenvalueOfWeightedGram(BinaryProblem p) {
        int n = p.cols;
        double[] v = new double[n];
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
            // next = X^T (w o (X v)), a range of rows at a time, the rows in order
            java.util.Arrays.fill(next, 0.0);
            double[] direction = v;
            double[] image = next;
            p.source.scan(block -> {
                double[] x = block.x;
                for (int i = block.from; i < block.to; i++) {
                    int row = block.offset(i);
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += x[row + j] * direction[j];
                    }
                    double ui = block.weight(i) * s;
                    for (int j = 0; j < n; j++) {
                        image[j] += x[row + j] * ui;
                    }
                }
            });
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
        double[] t = {0.0};
        p.source.scan(block -> {
            for (int i = block.from; i < block.to; i++) {
                int row = block.offset(i);
                for (int j = 0; j < p.cols; j++) {
                    double v = block.x[row + j];
                    t[0] += block.weight(i) * v * v;
                }
            }
        });
        return t[0] > 0 ? t[0] : 1.0;
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
