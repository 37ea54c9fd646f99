package dev.logreg.spark;

import dev.logreg.objective.Objective;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;

/**
 * The objective J(&theta;) = (1/W) &Sigma; w<sub>i</sub> &#8467;<sub>i</sub>(&theta;) + &Sigma;<sub>j</sub>
 * (&lambda;<sub>j</sub>/2) &theta;<sub>j</sub><sup>2</sup> over rows spread across a cluster, binary or
 * multinomial: each evaluation is one {@code treeAggregate} of the weighted sums of the loss, the gradient
 * and, when asked for, the upper triangle of the Hessian, each partition's computed by the core library's
 * fused kernel; the driver adds the penalty. The core's solvers run on the driver unchanged, one pass over
 * the data per evaluation. The last evaluation is kept, so that asking again at the same &theta; (as the
 * aliasing check and the solver's first iteration do) costs no pass.
 */
final class DistributedObjective implements Objective {

    private final JavaRDD<RowBlocks> blocks;
    private final RowBlocks.Classes classes;
    private final int dimension;
    private final double[] penalty;
    private final int depth;
    private final double totalWeight;
    private int passes;
    private double[] lastTheta;
    private double lastLoss;
    private double[] lastGradient;
    private double[] lastHessian;

    /**
     * @param blocks the cached partitions, each one block
     * @param classes the classes and their parametrization
     * @param dimension C &times; n, n the columns with the intercept's
     * @param penalty &lambda;<sub>j</sub> &ge; 0 per parameter (0 at the intercepts); copied
     * @param depth the depth of the tree aggregation, &ge; 2
     * @param totalWeight W, the sum of all weights (positive)
     */
    DistributedObjective(JavaRDD<RowBlocks> blocks, RowBlocks.Classes classes, int dimension, double[] penalty,
                         int depth, double totalWeight) {
        this.blocks = blocks;
        this.classes = classes;
        this.dimension = dimension;
        this.penalty = penalty.clone();
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
        return dimension;
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

    /**
     * An upper bound of the Hessian's largest eigenvalue: the partitions' bounds weighted by W<sub>p</sub>/W
     * (the Hessian is their weighted mean), plus the largest penalty. One pass.
     */
    @Override
    public double lipschitzBound() {
        passes++;
        RowBlocks.Classes model = classes;
        double sum = blocks.map(b -> b.counts() ? b.totalWeight * b.kernel(model).lipschitzBound() : 0.0)
                .fold(0.0, Double::sum);
        double largest = 0;
        for (double v : penalty) {
            largest = Math.max(largest, v);
        }
        return sum / totalWeight + largest;
    }

    private double evaluate(double[] theta, double[] gradient, double[] hessian) {
        if (theta.length != dimension) {
            throw new IllegalArgumentException("theta has length " + theta.length + ", expected " + dimension);
        }
        int d = dimension;
        if (lastTheta != null && Arrays.equals(theta, lastTheta) && (gradient == null || lastGradient != null)
                && (hessian == null || lastHessian != null)) {
            if (gradient != null) {
                System.arraycopy(lastGradient, 0, gradient, 0, d);
            }
            if (hessian != null) {
                System.arraycopy(lastHessian, 0, hessian, 0, d * d);
            }
            return lastLoss;
        }
        passes++;
        boolean wantGradient = gradient != null || hessian != null;
        boolean wantHessian = hessian != null;
        double[] at = theta.clone();
        RowBlocks.Classes model = classes;
        int triangle = d * (d + 1) / 2;
        // Layout of the sums: [loss, gradient (d), upper triangle of the Hessian by rows], each weighted by
        // W_p so that they add.
        int size = 1 + (wantGradient ? d : 0) + (wantHessian ? triangle : 0);
        double[] sums = blocks.treeAggregate(new double[size], (acc, b) -> {
            if (!b.counts()) {
                return acc;
            }
            Objective kernel = b.kernel(model);
            double[] g = wantGradient ? new double[d] : null;
            double[] h = wantHessian ? new double[d * d] : null;
            double loss = wantHessian ? kernel.valueGradientHessian(at, g, h)
                    : wantGradient ? kernel.valueAndGradient(at, g) : kernel.value(at);
            double scale = b.totalWeight;
            acc[0] += scale * loss;
            for (int j = 0; wantGradient && j < d; j++) {
                acc[1 + j] += scale * g[j];
            }
            int next = 1 + d;
            for (int r = 0; wantHessian && r < d; r++) {
                for (int c = r; c < d; c++) {
                    acc[next++] += scale * h[r * d + c];
                }
            }
            return acc;
        }, (a, b) -> {
            for (int j = 0; j < a.length; j++) {
                a[j] += b[j];
            }
            return a;
        }, depth);
        double inverse = 1.0 / totalWeight;
        double loss = sums[0] * inverse;
        for (int j = 0; j < d; j++) {
            loss += 0.5 * penalty[j] * theta[j] * theta[j];
        }
        lastTheta = theta.clone();
        lastLoss = loss;
        lastGradient = null;
        lastHessian = null;
        if (wantGradient) {
            double[] g = new double[d];
            for (int j = 0; j < d; j++) {
                g[j] = sums[1 + j] * inverse + penalty[j] * theta[j];
            }
            lastGradient = g;
            if (gradient != null) {
                System.arraycopy(g, 0, gradient, 0, d);
            }
        }
        if (wantHessian) {
            double[] h = new double[d * d];
            int next = 1 + d;
            for (int r = 0; r < d; r++) {
                for (int c = r; c < d; c++) {
                    double v = sums[next++] * inverse;
                    h[r * d + c] = v;
                    h[c * d + r] = v;
                }
                h[r * d + r] += penalty[r];
            }
            lastHessian = h;
            System.arraycopy(h, 0, hessian, 0, d * d);
        }
        return loss;
    }
}
