package dev.logreg;

import dev.logreg.math.Softmax;

/**
 * A fitted multinomial logistic model: one coefficient vector per class (all zero for the
 * reference class), the class probabilities their softmax. Immutable.
 */
public final class MultinomialModel {

    private final java.util.List<String> classes;
    private final boolean intercept;
    private final double[][] beta;

    /**
     * @param classes class names, K of them
     * @param intercept whether column 0 of each vector is an intercept
     * @param beta K vectors, each (intercept +) features long; copied
     */
    MultinomialModel(java.util.List<String> classes, boolean intercept, double[][] beta) {
        this.classes = java.util.List.copyOf(classes);
        this.intercept = intercept;
        this.beta = new double[beta.length][];
        for (int k = 0; k < beta.length; k++) {
            this.beta[k] = beta[k].clone();
        }
    }

    /** @return the class names, in label order */
    public java.util.List<String> classes() {
        return classes;
    }

    /** @return the number of features a row must have (no intercept column) */
    public int features() {
        return beta[0].length - (intercept ? 1 : 0);
    }

    /**
     * The K logits of one row: z<sub>k</sub> = &beta;<sub>k</sub>&middot;(1, x).
     *
     * @param x one row of features
     * @return the logits, 0 for a reference class
     * @throws IllegalArgumentException for a row of the wrong length or with a non-finite value
     */
    public double[] logits(double[] x) {
        check(x);
        double[] z = new double[beta.length];
        int offset = intercept ? 1 : 0;
        for (int k = 0; k < beta.length; k++) {
            double s = intercept ? beta[k][0] : 0.0;
            for (int j = 0; j < x.length; j++) {
                s += beta[k][j + offset] * x[j];
            }
            z[k] = s;
        }
        return z;
    }

    /**
     * The class probabilities of one row, computed stably (they sum to 1 up to rounding).
     *
     * @param x one row of features
     * @return K probabilities
     */
    public double[] probabilities(double[] x) {
        double[] z = logits(x);
        Softmax.softmax(z, z);
        return z;
    }

    /**
     * The class probabilities of many rows.
     *
     * @param x rows of features
     * @return one row of K probabilities per row of x
     */
    public double[][] probabilities(double[][] x) {
        double[][] p = new double[x == null ? 0 : x.length][];
        ModelMatrix.perRow(x, (row, i) -> p[i] = probabilities(row));
        return p;
    }

    /**
     * The most probable class of one row (the first on a tie).
     *
     * @param x one row of features
     * @return its index into {@link #classes()}
     */
    public int predict(double[] x) {
        double[] z = logits(x);
        int best = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] > z[best]) {
                best = k;
            }
        }
        return best;
    }

    private void check(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (x.length != features()) {
            throw new IllegalArgumentException("the row has " + x.length + " features, the model " + features());
        }
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                throw new IllegalArgumentException("feature " + j + " is " + x[j] + ": features must be finite");
            }
        }
    }
}
