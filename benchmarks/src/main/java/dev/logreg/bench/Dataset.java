package dev.logreg.bench;

import dev.logreg.objective.BinaryProblem;

/**
 * The data of one benchmark shape: a model matrix X (m&times;n, row-major, the intercept column of
 * ones first, n = p + 1), labels y &isin; {0,1}<sup>m</sup>, and, for synthetic data, the &theta; the
 * labels were drawn from. Built once per trial; the arrays are shared and never modified.
 *
 * <p>Shapes are written {@code "MxP"} (m rows, p features, so n = p + 1 parameters) or
 * {@code "skin"} for the UCI Skin Segmentation data ({@link SkinSegmentation}).
 */
final class Dataset {

    /** The seed of every synthetic data set, so that each run measures the same problems. */
    static final long SEED = 20_240_607L;
    /** The standard deviation of z = X&beta; without the intercept, for synthetic data. */
    static final double LINEAR_PREDICTOR_SD = 2.0;
    /** The intercept of the synthetic models (P(y = 1) a little above 1/2). */
    static final double INTERCEPT = 0.5;

    final String shape;
    final int rows;
    final int cols;
    /** X, m&times;n row-major, column 0 all ones. */
    final double[] design;
    /** y, labels 0 or 1. */
    final double[] y;
    /** The &theta; the labels were drawn from (intercept first), or null for real data. */
    final double[] trueTheta;

    Dataset(String shape, int rows, int cols, double[] design, double[] y, double[] trueTheta) {
        this.shape = shape;
        this.rows = rows;
        this.cols = cols;
        this.design = design;
        this.y = y;
        this.trueTheta = trueTheta;
    }

    /**
     * @param shape {@code "MxP"} or {@code "skin"}
     * @return the data set of that shape
     * @throws IllegalArgumentException for a shape that is neither
     */
    static Dataset of(String shape) {
        if (shape.equals("skin")) {
            return SkinSegmentation.load();
        }
        String[] parts = shape.split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("shape must be MxP (rows x features) or skin, got " + shape);
        }
        return synthetic(shape, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), SEED);
    }

    /**
     * Gaussian features x<sub>ij</sub> ~ N(0, 1); &beta;<sub>j</sub> ~ N(0, 1/p) rescaled so that
     * &Vert;&beta;&Vert; = 2, hence z &minus; &beta;<sub>0</sub> = x<sup>T</sup>&beta; ~ N(0, 4);
     * &beta;<sub>0</sub> = {@link #INTERCEPT}; y<sub>i</sub> ~ Bernoulli(&sigma;(z<sub>i</sub>)).
     */
    static Dataset synthetic(String shape, int m, int p, long seed) {
        if (m < 1 || p < 1) {
            throw new IllegalArgumentException("shape " + shape + " needs m >= 1 rows and p >= 1 features");
        }
        java.util.Random random = new java.util.Random(seed);
        int n = p + 1;
        double[] theta = new double[n];
        theta[0] = INTERCEPT;
        double norm = 0;
        for (int j = 1; j < n; j++) {
            theta[j] = random.nextGaussian() / Math.sqrt(p);
            norm += theta[j] * theta[j];
        }
        double scale = LINEAR_PREDICTOR_SD / Math.sqrt(norm);
        for (int j = 1; j < n; j++) {
            theta[j] *= scale;
        }
        double[] x = new double[Math.multiplyExact(m, n)];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            int row = i * n;
            x[row] = 1.0;
            double z = theta[0];
            for (int j = 1; j < n; j++) {
                double v = random.nextGaussian();
                x[row + j] = v;
                z += v * theta[j];
            }
            y[i] = random.nextDouble() < 1.0 / (1.0 + Math.exp(-z)) ? 1.0 : 0.0;
        }
        return new Dataset(shape, m, n, x, y, theta);
    }

    /** @return the unpenalized problem on these data, the intercept in column 0 */
    BinaryProblem problem() {
        return new BinaryProblem(design, rows, cols, y, null, 0.0, 0);
    }

    /** @return the features as rows without the intercept column, m&times;p, a fresh copy */
    double[][] features() {
        double[][] x = new double[rows][cols - 1];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(design, i * cols + 1, x[i], 0, cols - 1);
        }
        return x;
    }

    /** @return the labels as 0/1 integers, a fresh copy */
    int[] labels() {
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = (int) y[i];
        }
        return labels;
    }

    @Override
    public String toString() {
        return shape + " (" + rows + " x " + cols + " with the intercept)";
    }
}
