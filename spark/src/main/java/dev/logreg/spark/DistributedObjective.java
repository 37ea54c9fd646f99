package dev.logreg.spark;

import dev.logreg.objective.Objective;
import org.apache.spark.api.java.JavaRDD;

/**
 * The objective J(&theta;) = (1/W) &Sigma; w<sub>i</sub> &#8467;<sub>i</sub>(&theta;) + (&lambda;/2)
 * &Sigma;<sub>j &ne; intercept</sub> &theta;<sub>j</sub><sup>2</sup> over rows spread across a cluster: each
 * evaluation is one {@code treeAggregate} of the weighted sums of the loss, the gradient and, when asked
 * for, the Hessian, each partition's computed by the core library's fused kernel; the driver adds the
 * penalty. The core's solvers run on the driver unchanged, one pass over the data per evaluation.
 */
final class DistributedObjective implements Objective {

    private final JavaRDD<RowBlocks> blocks;
    private final int cols;
    private final double lambda;
    private final int intercept;
    private final int depth;
    private final double totalWeight;
    private int passes;

    /**
     * @param blocks the cached partitions, each one block
     * @param cols n, the intercept column included
     * @param lambda the L2 penalty &ge; 0
     * @param intercept the intercept's column (not penalized), or &minus;1
     * @param depth the depth of the tree aggregation, &ge; 2
     * @param totalWeight W, the sum of all weights (positive)
     */
    DistributedObjective(JavaRDD<RowBlocks> blocks, int cols, double lambda, int intercept, int depth,
                         double totalWeight) {
        this.blocks = blocks;
        this.cols = cols;
        this.lambda = lambda;
        this.intercept = intercept;
        this.depth = depth;
        this.totalWeight = totalWeight;
    }

    /** @return W, the sum of the weights */
    double totalWeight() {
        return totalWeight;
    }

    /** @return the passes over the data so far (Spark jobs of this objective) */
    int passes() {
        return passes;
    }

    @Override
    public int dimension() {
        return cols;
    }

    @Override
    public double value(double[] theta) {
        return evaluate(theta, null, null);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        return evaluate(theta, gradient, null);
    }

    @Override
    public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
        return evaluate(theta, gradient, hessian);
    }

    /** An upper bound of the Hessian's largest eigenvalue: &Sigma; w ||x||<sup>2</sup> / (4W) + &lambda;. */
    @Override
    public double lipschitzBound() {
        passes++;
        double sum = blocks.map(b -> {
            double s = 0;
            for (int i = 0; i < b.rows; i++) {
                double r = 0;
                for (int j = 0; j < b.cols; j++) {
                    double v = b.x[i * b.cols + j];
                    r += v * v;
                }
                s += b.w[i] * r;
            }
            return s;
        }).fold(0.0, Double::sum);
        return sum / (4 * totalWeight) + lambda;
    }

    private double evaluate(double[] theta, double[] gradient, double[] hessian) {
        passes++;
        int n = cols;
        boolean wantGradient = gradient != null || hessian != null;
        boolean wantHessian = hessian != null;
        double[] at = theta.clone();
        // Layout of the sums: [loss, gradient (n), Hessian (n * n)], each weighted by W_p, so that they add.
        int size = 1 + (wantGradient ? n : 0) + (wantHessian ? n * n : 0);
        double[] sums = blocks.treeAggregate(new double[size], (acc, b) -> {
            if (b.rows == 0 || !(b.totalWeight > 0)) {
                return acc;
            }
            double[] g = wantGradient ? new double[n] : null;
            double[] h = wantHessian ? new double[n * n] : null;
            double loss = wantHessian ? b.kernel().valueGradientHessian(at, g, h)
                    : wantGradient ? b.kernel().valueAndGradient(at, g) : b.kernel().value(at);
            double scale = b.totalWeight;
            acc[0] += scale * loss;
            for (int j = 0; wantGradient && j < n; j++) {
                acc[1 + j] += scale * g[j];
            }
            for (int j = 0; wantHessian && j < n * n; j++) {
                acc[1 + n + j] += scale * h[j];
            }
            return acc;
        }, (a, b) -> {
            for (int j = 0; j < a.length; j++) {
                a[j] += b[j];
            }
            return a;
        }, depth);
        double inverse = 1.0 / totalWeight;
        double penalty = 0;
        for (int j = 0; j < n; j++) {
            if (j != intercept) {
                penalty += 0.5 * lambda * theta[j] * theta[j];
            }
        }
        if (wantGradient) {
            double[] g = gradient != null ? gradient : new double[n];
            for (int j = 0; j < n; j++) {
                g[j] = sums[1 + j] * inverse + (j != intercept ? lambda * theta[j] : 0.0);
            }
        }
        if (wantHessian) {
            for (int j = 0; j < n * n; j++) {
                hessian[j] = sums[1 + n + j] * inverse;
            }
            for (int j = 0; j < n; j++) {
                if (j != intercept) {
                    hessian[j * n + j] += lambda;
                }
            }
        }
        return sums[0] * inverse + penalty;
    }
}
