package dev.logreg.spark;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.DesignMatrix;
import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.objective.FusedMultinomialObjective;
import dev.logreg.objective.MultinomialProblem;
import dev.logreg.objective.Objective;
import java.io.Serializable;

/**
 * The rows of one partition as one block in the core kernel's layout: the model matrix row-major with the
 * intercept column first (when there is one), the labels (class indices), the prior weights and, for two
 * classes, optional offsets. Cached once
 * ({@code MEMORY_AND_DISK}); its kernel is made on the executor at the first pass and kept with the
 * deserialized block.
 */
final class RowBlocks implements Serializable {

    private static final long serialVersionUID = 2L;

    final double[] x;
    final int rows;
    final int cols;
    final double[] y;
    final double[] w;
    /** Offsets added to the linear predictor (two classes only), or null for none. */
    final double[] offsets;
    /** Sum of the weights. */
    final double totalWeight;
    private transient Objective kernel;

    RowBlocks(double[] x, int rows, int cols, double[] y, double[] w) {
        this(x, rows, cols, y, w, null);
    }

    RowBlocks(double[] x, int rows, int cols, double[] y, double[] w, double[] offsets) {
        this.offsets = offsets;
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

    /** @return whether the block holds rows of positive total weight, the only ones a pass reads */
    boolean counts() {
        return rows > 0 && totalWeight > 0;
    }

    /**
     * Writes row i's K logits at &theta; (C blocks of n) into z, the reference class's 0; with {@code offset},
     * the row's offset added to the event's (two classes).
     */
    void logits(int i, double[] theta, Classes classes, boolean offset, double[] z) {
        java.util.Arrays.fill(z, 0.0);
        for (int c = 0; c < classes.blocks(); c++) {
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += x[i * cols + j] * theta[c * cols + j];
            }
            z[classes.blockClass(c)] = sum;
        }
        if (offset && offsets != null) {
            z[1] += offsets[i];
        }
    }

    /**
     * The core fused kernel on this block, unpenalized, one thread (Spark runs the partitions in parallel):
     * binary for two classes, multinomial for more.
     *
     * @param model the fit's classes and parametrization (the same at every pass)
     */
    Objective kernel(Classes model) {
        if (kernel == null) {
            DesignMatrix matrix = DesignMatrix.wrap(x, rows, cols);
            if (model.binomial()) {
                kernel = new FusedBinaryObjective(new BinaryProblem(matrix, y, w, 0.0, -1, null, offsets), 1);
            } else {
                int[] labels = new int[rows];
                for (int i = 0; i < rows; i++) {
                    labels[i] = (int) y[i];
                }
                kernel = new FusedMultinomialObjective(new MultinomialProblem(matrix, labels, w, 0.0, -1,
                        model.count(), model.reference(), null), 1);
            }
        }
        return kernel;
    }

    /**
     * The classes of a fit and how their logits are parametrized.
     *
     * @param count K &ge; 2
     * @param reference the class whose logit is 0, or &minus;1 for the symmetric parametrization (K blocks);
     *        0 for two classes (one block: class 1 against class 0)
     */
    record Classes(int count, int reference) implements Serializable {

        /** @return whether the model is the binary one */
        boolean binomial() {
            return count == 2 && reference == 0;
        }

        /** @return the blocks of coefficients C: 1 for two classes, K &minus; 1 against a reference, K symmetric */
        int blocks() {
            return binomial() ? 1 : reference < 0 ? count : count - 1;
        }

        /** @return the class whose coefficients block c holds */
        int blockClass(int c) {
            return binomial() ? 1 : reference < 0 || c < reference ? c : c + 1;
        }
    }
}
