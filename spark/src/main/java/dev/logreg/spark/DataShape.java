package dev.logreg.spark;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * What one pass over the blocks finds before a fit: the rows, the columns, the total and the smallest positive
 * weight, and each class's weight. Partitions' shapes merge, and the merged shape checks the data a fit needs.
 */
final class DataShape implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long rows;
    /** The columns with the intercept's, or &minus;1 for a block without rows. */
    private final int cols;
    private final double totalWeight;
    private final double smallestWeight;
    /** Weight by class label, for the labels seen. */
    private final TreeMap<Integer, Double> classWeights;

    private DataShape(long rows, int cols, double totalWeight, double smallestWeight,
                      TreeMap<Integer, Double> classWeights) {
        this.rows = rows;
        this.cols = cols;
        this.totalWeight = totalWeight;
        this.smallestWeight = smallestWeight;
        this.classWeights = classWeights;
    }

    /** The shape of one block. */
    static DataShape of(RowBlocks block) {
        TreeMap<Integer, Double> weights = new TreeMap<>();
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < block.rows; i++) {
            weights.merge((int) block.y[i], block.w[i], Double::sum);
            if (block.w[i] > 0) {
                smallest = Math.min(smallest, block.w[i]);
            }
        }
        return new DataShape(block.rows, block.rows == 0 ? -1 : block.cols, block.totalWeight, smallest, weights);
    }

    /** Two shapes as one, checking that their feature vectors agree in size. */
    static DataShape merge(DataShape a, DataShape b) {
        if (a.cols >= 0 && b.cols >= 0 && a.cols != b.cols) {
            throw new IllegalArgumentException("the feature vectors differ in size: " + a.cols + " and " + b.cols
                    + " columns with the intercept's");
        }
        TreeMap<Integer, Double> weights = new TreeMap<>(a.classWeights);
        b.classWeights.forEach((k, w) -> weights.merge(k, w, Double::sum));
        return new DataShape(a.rows + b.rows, Math.max(a.cols, b.cols), a.totalWeight + b.totalWeight,
                Math.min(a.smallestWeight, b.smallestWeight), weights);
    }

    /**
     * @return K, the largest label plus one
     * @throws IllegalArgumentException without rows, without a positive total weight, or with a class in 0..K&minus;1
     *         that has no row of positive weight (a class must be seen to be fitted)
     */
    int classes() {
        if (rows == 0) {
            throw new IllegalArgumentException("the dataset has no rows");
        }
        if (!(totalWeight > 0) || !Double.isFinite(totalWeight)) {
            throw new IllegalArgumentException("the weights sum to " + totalWeight + ": a fit needs a positive,"
                    + " finite total");
        }
        int k = classWeights.lastKey() + 1;
        if (k < 2) {
            throw new IllegalArgumentException("every label is 0: a fit needs two classes or more (labels 0 and 1"
                    + " at least)");
        }
        for (int c = 0; c < k; c++) {
            Double w = classWeights.get(c);
            if (w == null || !(w > 0)) {
                throw new IllegalArgumentException("class " + c + " has no rows with positive weight, but the"
                        + " labels go up to " + (k - 1) + ": labels must be the class indices 0.." + (k - 1)
                        + ", each observed");
            }
        }
        return k;
    }

    /** @return the columns, the intercept's included */
    int cols() {
        return cols;
    }

    /** @return W */
    double totalWeight() {
        return totalWeight;
    }

    /** @return the smallest positive weight */
    double smallestWeight() {
        return smallestWeight;
    }
}
