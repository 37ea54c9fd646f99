package dev.logreg.spark;

import dev.logreg.SeparationCheck;
import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.objective.FusedMultinomialObjective;
import dev.logreg.objective.Objective;
import org.apache.spark.api.java.JavaRDD;

/**
 * The rows on the cluster as the core's separation check reads them, restricted to the parameters the fit
 * estimated: each question is one pass over the cached blocks.
 */
final class DistributedRows implements SeparationCheck.Rows {

    private final JavaRDD<RowBlocks> blocks;
    private final RowBlocks.Classes classes;
    private final KeptParameters kept;
    private final int[] keptColumns;
    private final int n;
    private final double totalWeight;

    /**
     * @param blocks the fit's blocks
     * @param classes the classes and their parametrization
     * @param kept the estimated parameters
     * @param keptColumns the columns they belong to, increasing
     * @param n the columns of the blocks
     * @param totalWeight W
     */
    DistributedRows(JavaRDD<RowBlocks> blocks, RowBlocks.Classes classes, KeptParameters kept, int[] keptColumns,
                    int n, double totalWeight) {
        this.blocks = blocks;
        this.classes = classes;
        this.kept = kept;
        this.keptColumns = keptColumns.clone();
        this.n = n;
        this.totalWeight = totalWeight;
    }

    @Override
    public int cols() {
        return keptColumns.length;
    }

    @Override
    public int blocks() {
        return classes.blocks();
    }

    @Override
    public double totalWeight() {
        return totalWeight;
    }

    @Override
    public double largestLogitRange(double[] theta) {
        double[] at = kept.expand(theta);
        RowBlocks.Classes model = classes;
        return blocks.map(b -> {
            if (!b.counts()) {
                return 0.0;
            }
            Objective kernel = b.kernel(model);
            return kernel instanceof FusedBinaryObjective binary ? binary.largestLogitRange(at)
                    : ((FusedMultinomialObjective) kernel).largestLogitRange(at);
        }).fold(0.0, Math::max);
    }

    @Override
    public SeparationCheck.Margins margins(double[] v) {
        double[] direction = kept.expand(v);
        RowBlocks.Classes model = classes;
        int cols = n;
        int[] columns = keptColumns;
        return blocks.map(b -> margins(b, direction, model, cols, columns)).reduce(SeparationCheck.Margins::merge);
    }

    private static SeparationCheck.Margins margins(RowBlocks b, double[] v, RowBlocks.Classes classes, int n,
                                                   int[] columns) {
        double[] running = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0};
        double[] sumSquares = new double[columns.length];
        double[] logits = new double[classes.count()];
        for (int i = 0; i < b.rows; i++) {
            double w = b.w[i];
            for (int a = 0; a < columns.length; a++) {
                double x = b.x[i * n + columns[a]];
                sumSquares[a] += w * x * x;
            }
            if (!(w > 0)) {
                continue;
            }
            b.logits(i, v, classes, false, logits);
            SeparationCheck.addRow(logits, (int) b.y[i], running);
        }
        return new SeparationCheck.Margins(running[0], running[1], running[2], sumSquares);
    }
}
