package dev.logreg.spark;

import org.apache.spark.api.java.JavaRDD;

/**
 * The penalty factors of the {@code standardization} Param: the penalty (&lambda;/2) &Sigma;
 * (s<sub>j</sub>&beta;<sub>j</sub>)<sup>2</sup> on the original coefficients is the penalty on the
 * coefficients of the standardized features, s<sub>j</sub> the weighted population standard deviation
 * (&Sigma;w(x &minus; x&#772;)<sup>2</sup>/W)<sup>1/2</sup> with an intercept, the weighted root mean
 * square without one (centring would add an intercept), as the core library's
 * {@code PenaltyScale.STANDARDIZED}. A constant feature (s = 0) is penalized as if s were 1. One pass: each
 * partition's weighted means and sums of squared deviations, merged pairwise (Chan, Golub and LeVeque).
 */
final class Standardization {

    private Standardization() {
    }

    /**
     * @param blocks the fit's blocks
     * @param n the columns, the intercept's (column 0) included when there is one
     * @param intercept whether column 0 is the intercept (factor 0: it is never penalized)
     * @param totalWeight W
     * @return f<sub>j</sub> = s<sub>j</sub><sup>2</sup> per column (1 for a constant one)
     */
    static double[] penaltyFactors(JavaRDD<RowBlocks> blocks, int n, boolean intercept, double totalWeight) {
        // Per partition: [W_p, means (n), sums of squared deviations from them (n)].
        double[] moments = blocks.map(b -> moments(b, n, intercept)).reduce((a, b) -> merge(a, b, n));
        double[] factors = new double[n];
        for (int j = intercept ? 1 : 0; j < n; j++) {
            double variance = moments[1 + n + j] / totalWeight;
            factors[j] = variance > 0 && Double.isFinite(variance) ? variance : 1.0;
        }
        return factors;
    }

    /** A block's weight, weighted means (0 without an intercept: moments about 0) and squared deviations. */
    private static double[] moments(RowBlocks b, int n, boolean intercept) {
        double[] m = new double[1 + 2 * n];
        if (!b.counts()) {
            return m;
        }
        m[0] = b.totalWeight;
        for (int i = 0; i < b.rows; i++) {
            for (int j = 0; intercept && j < n; j++) {
                m[1 + j] += b.w[i] * b.x[i * n + j];
            }
        }
        for (int j = 0; j < n; j++) {
            m[1 + j] /= b.totalWeight;
        }
        for (int i = 0; i < b.rows; i++) {
            for (int j = 0; j < n; j++) {
                double deviation = b.x[i * n + j] - m[1 + j];
                m[1 + n + j] += b.w[i] * deviation * deviation;
            }
        }
        return m;
    }

    /** Two partitions' moments as one. */
    private static double[] merge(double[] a, double[] b, int n) {
        if (a[0] == 0) {
            return b;
        }
        if (b[0] == 0) {
            return a;
        }
        double total = a[0] + b[0];
        double[] m = new double[1 + 2 * n];
        m[0] = total;
        for (int j = 0; j < n; j++) {
            double delta = b[1 + j] - a[1 + j];
            m[1 + j] = a[1 + j] + delta * b[0] / total;
            m[1 + n + j] = a[1 + n + j] + b[1 + n + j] + delta * delta * a[0] * b[0] / total;
        }
        return m;
    }
}
