package dev.logreg;

import dev.logreg.objective.BinaryProblem;

/**
 * Centers and scales the feature columns of a design matrix in place, and maps parameters between
 * the two scales. With an intercept, column j becomes (x<sub>j</sub> &minus; &mu;<sub>j</sub>)/s<sub>j</sub>
 * with the weighted mean &mu;<sub>j</sub> and standard deviation s<sub>j</sub>; without one it is only
 * divided by its weighted root mean square, since centering would add an intercept. Constant
 * columns are left alone. The map &theta; &harr; &theta;&#771; is affine and exact, so unpenalized
 * fits have the same optimum on either scale.
 */
final class Standardizer {

    private final int cols;
    private final boolean intercept;
    private final double[] center;
    private final double[] scale;

    /**
     * Standardizes the model matrix of a problem in place.
     *
     * @param x the row-major array the problem wraps; the intercept, if any, in column 0. The
     *        problem stays valid: its labels, weights and W do not change.
     * @param p the problem, for its shape and weights
     */
    Standardizer(double[] x, BinaryProblem p, boolean intercept) {
        int rows = p.rows();
        this.cols = p.columns();
        this.intercept = intercept;
        this.center = new double[cols];
        this.scale = new double[cols];
        double total = p.totalWeight();
        for (int j = intercept ? 1 : 0; j < cols; j++) {
            double mean = 0;
            for (int i = 0; i < rows; i++) {
                mean += p.weight(i) * x[i * cols + j];
            }
            mean = intercept ? mean / total : 0.0;
            double ss = 0;
            for (int i = 0; i < rows; i++) {
                double dev = x[i * cols + j] - mean;
                ss += p.weight(i) * dev * dev;
            }
            double s = Math.sqrt(ss / total);
            if (s > 0 && Double.isFinite(s)) {
                center[j] = mean;
                scale[j] = s;
            } else {
                center[j] = 0.0;
                scale[j] = 1.0;
            }
        }
        if (intercept) {
            scale[0] = 1.0;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = intercept ? 1 : 0; j < cols; j++) {
                x[i * cols + j] = (x[i * cols + j] - center[j]) / scale[j];
            }
        }
    }

    /** &theta; (original scale) &rarr; &theta;&#771;: &beta;&#771;<sub>j</sub> = &beta;<sub>j</sub>s<sub>j</sub>, &beta;&#771;<sub>0</sub> = &beta;<sub>0</sub> + &Sigma;&beta;<sub>j</sub>&mu;<sub>j</sub> */
    double[] toStandardized(double[] theta) {
        double[] t = new double[cols];
        for (int j = intercept ? 1 : 0; j < cols; j++) {
            t[j] = theta[j] * scale[j];
            if (intercept) {
                t[0] += theta[j] * center[j];
            }
        }
        if (intercept) {
            t[0] += theta[0];
        }
        return t;
    }

    /** &theta;&#771; &rarr; &theta;: &beta;<sub>j</sub> = &beta;&#771;<sub>j</sub>/s<sub>j</sub>, &beta;<sub>0</sub> = &beta;&#771;<sub>0</sub> &minus; &Sigma;&beta;<sub>j</sub>&mu;<sub>j</sub> */
    double[] toOriginal(double[] standardized) {
        double[] t = new double[cols];
        for (int j = intercept ? 1 : 0; j < cols; j++) {
            t[j] = standardized[j] / scale[j];
            if (intercept) {
                t[0] -= t[j] * center[j];
            }
        }
        if (intercept) {
            t[0] += standardized[0];
        }
        return t;
    }
}
