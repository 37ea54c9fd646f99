package dev.logreg.spark;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.DesignMatrix;
import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.objective.Objective;
import java.io.Serializable;

/**
 * The rows of one partition as one block in the core kernel's layout: the model matrix row-major with the
 * intercept column first (when there is one), the labels (0/1) and the prior weights. Cached once
 * ({@code MEMORY_AND_DISK}); its kernel is made on the executor at the first pass and kept with the
 * deserialized block.
 */
final class RowBlocks implements Serializable {

    private static final long serialVersionUID = 1L;

    final double[] x;
    final int rows;
    final int cols;
    final double[] y;
    final double[] w;
    /** Sum of the weights. */
    final double totalWeight;
    private transient Objective kernel;

    RowBlocks(double[] x, int rows, int cols, double[] y, double[] w) {
        this.x = x;
        this.rows = rows;
        this.cols = cols;
        this.y = y;
        this.w = w;
        double total = 0;
        for (double v : w) {
            total += v;
        }
        this.totalWeight = total;
    }

    /** The core fused kernel on this block, unpenalized, one thread (Spark runs the partitions in parallel). */
    Objective kernel() {
        if (kernel == null) {
            BinaryProblem problem = new BinaryProblem(DesignMatrix.wrap(x, rows, cols), y, w, 0.0, -1, null);
            kernel = new FusedBinaryObjective(problem, 1);
        }
        return kernel;
    }
}
