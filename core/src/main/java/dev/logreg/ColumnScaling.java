package dev.logreg;


/**
 * An affine change of the feature columns of a model matrix, applied by new rows
 * ({@link dev.logreg.objective.RowSource#mapColumns}), and the maps of the
 * parameters between the two scales: column j becomes x&#771;<sub>j</sub> = (x<sub>j</sub> &minus;
 * &mu;<sub>j</sub>)/s<sub>j</sub>, so &beta;&#771;<sub>j</sub> = &beta;<sub>j</sub>s<sub>j</sub> and the
 * intercept absorbs the centres. Two kinds, both of which leave the optimum where it is:
 * <ul>
 * <li>{@linkplain #equilibrate equilibration}: a column whose magnitude would overflow or underflow
 *     X<sup>T</sup>DX (max|x<sub>j</sub>| outside [2<sup>&minus;64</sup>, 2<sup>64</sup>]) is divided by
 *     the power of two that brings its largest |x| into [1, 2). Scaling by a power of two is exact, so
 *     the rescaled problem is the same problem, and the scale of a column never decides anything
 *     (aliasing, convergence).</li>
 * <li>{@linkplain #standardize standardization}: centred on the weighted mean (when there is an
 *     intercept; without one, centring would add an intercept) and divided by the weighted standard
 *     deviation, or by the weighted root mean square without intercept. Constant columns are left alone.</li>
 * </ul>
 * With a penalty, the coefficients keep the penalty they have on the original scale through the
 * factors f&#771;<sub>j</sub> = f<sub>j</sub>/s<sub>j</sub>&sup2; ({@link #penaltyFactors}).
 */
final class ColumnScaling {

    /** Columns with max|x| above this are equilibrated. */
    static final double LARGE = 0x1p64;
    /** Columns with max|x| below this are equilibrated when the fit is unpenalized. */
    static final double SMALL = 0x1p-64;
    /**
     * A penalized column is not scaled up by more than this: its coefficient on the new scale,
     * &beta;s, would leave the range of normal doubles, and the penalty factor 1/s&sup2; would overflow.
     */
    static final double SMALLEST_PENALIZED_SCALE = 0x1p-256;

    private final int cols;
    private final boolean intercept;
    private final double[] center;
    private final double[] scale;

    private ColumnScaling(int cols, boolean intercept, double[] center, double[] scale) {
        this.cols = cols;
        this.intercept = intercept;
        this.center = center;
        this.scale = scale;
    }

    /**
     * Divides each column whose largest |x| lies outside [{@link #SMALL}, {@link #LARGE}] by the power
     * of two that brings it into [1, 2) (exactly). Columns of zeros stay. A penalized fit leaves small
     * columns alone: their penalty keeps the Hessian well away from zero, while scaling them up would push
     * their coefficients out of the double range. The rows are not read: the largest |x| of each column
     * is what the source found when its rows were written.
     *
     * @param cols n
     * @param intercept whether column 0 is the intercept (never scaled)
     * @param penalized whether the fit has a penalty
     * @param largestOf max|x<sub>j</sub>| per column
     * @return the scaling, the identity when no column needs it
     */
    static ColumnScaling equilibrate(int cols, boolean intercept, boolean penalized, double[] largestOf) {
        double[] scale = new double[cols];
        java.util.Arrays.fill(scale, 1.0);
        for (int j = intercept ? 1 : 0; j < cols; j++) {
            double largest = largestOf[j];
            if (largest > LARGE || (largest > 0 && largest < SMALL && !penalized)) {
                scale[j] = Math.scalb(1.0, Math.getExponent(largest));
            }
        }
        return new ColumnScaling(cols, intercept, new double[cols], scale);
    }

    /**
     * The standardization of the feature columns of a fit's rows: weighted means and standard deviations,
     * each summed over the rows in order, two passes.
     *
     * @param data the fit's data; not changed (the caller makes new rows with {@link #center()} and
     *        {@link #scale()}). The intercept, if any, is column 0.
     * @param penalized whether the penalty stays on the original scale, so that columns are not scaled
     *        up by more than {@link #SMALLEST_PENALIZED_SCALE}
     * @return the scaling
     */
    static ColumnScaling standardize(FitData data, boolean penalized) {
        boolean intercept = data.intercept;
        int cols = data.cols;
        int first = intercept ? 1 : 0;
        double[] center = new double[cols];
        double[] scale = new double[cols];
        java.util.Arrays.fill(scale, 1.0);
        double total = data.totalWeight();
        double[] mean = new double[cols];
        data.scan(block -> {
            double[] x = block.array();
            for (int i = block.from(); i < block.to(); i++) {
                int row = block.offset(i);
                double w = block.weight(i);
                for (int j = first; j < cols; j++) {
                    mean[j] += w * x[row + j];
                }
            }
        });
        for (int j = first; j < cols; j++) {
            mean[j] = intercept ? mean[j] / total : 0.0;
        }
        double[] ss = new double[cols];
        data.scan(block -> {
            double[] x = block.array();
            for (int i = block.from(); i < block.to(); i++) {
                int row = block.offset(i);
                double w = block.weight(i);
                for (int j = first; j < cols; j++) {
                    double dev = x[row + j] - mean[j];
                    ss[j] += w * dev * dev;
                }
            }
        });
        for (int j = first; j < cols; j++) {
            double s = Math.sqrt(ss[j] / total);
            if (s > 0 && Double.isFinite(s) && (!penalized || s >= SMALLEST_PENALIZED_SCALE)) {
                center[j] = mean[j];
                scale[j] = s;
            }
        }
        return new ColumnScaling(cols, intercept, center, scale);
    }

    /** @return whether no column changes */
    boolean isIdentity() {
        for (int j = 0; j < cols; j++) {
            if (scale[j] != 1.0 || center[j] != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** @return &mu;<sub>j</sub> per column (a copy) */
    double[] center() {
        return center.clone();
    }

    /** @return s<sub>j</sub> per column (a copy) */
    double[] scale() {
        return scale.clone();
    }

    /**
     * @param j a column
     * @return whether it was rescaled (its scale is not 1)
     */
    boolean scaled(int j) {
        return scale[j] != 1.0;
    }

    /**
     * The penalty factors a fit on the new scale needs: none without a penalty or when the penalty is
     * measured on the standardized scale (the new scale is then the penalty's own), otherwise those
     * that keep the penalty of the old scale ({@link #penaltyFactors(double[])}).
     *
     * @param l2 the penalty &lambda;
     * @param scale where it is measured
     * @param factors the factors on the old scale, or null for ones
     * @return the factors on the new scale, or null for ones
     */
    double[] penaltyFactors(double l2, PenaltyScale scale, double[] factors) {
        return l2 > 0 && scale == PenaltyScale.ORIGINAL ? penaltyFactors(factors) : null;
    }

    /**
     * The penalty factors on the new scale that keep a penalty &Sigma; f<sub>j</sub>&beta;<sub>j</sub>&sup2;
     * of the old one: f<sub>j</sub>/s<sub>j</sub>&sup2;.
     *
     * @param factors the factors on the old scale, or null for ones
     * @return the factors on the new scale, or null when they are all 1 (no column rescaled, ones given)
     */
    double[] penaltyFactors(double[] factors) {
        boolean any = factors != null;
        double[] f = new double[cols];
        for (int j = 0; j < cols; j++) {
            double base = factors == null ? 1.0 : factors[j];
            f[j] = base / scale[j] / scale[j];
            any |= scale[j] != 1.0;
        }
        return any ? f : null;
    }

    /**
     * @param theta parameters on the original scale
     * @return them on the new scale: &beta;&#771;<sub>j</sub> = &beta;<sub>j</sub>s<sub>j</sub>,
     *         &beta;&#771;<sub>0</sub> = &beta;<sub>0</sub> + &Sigma;&beta;<sub>j</sub>&mu;<sub>j</sub>
     */
    double[] toScaled(double[] theta) {
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

    /**
     * @param scaled parameters on the new scale
     * @return them on the original scale: &beta;<sub>j</sub> = &beta;&#771;<sub>j</sub>/s<sub>j</sub>,
     *         &beta;<sub>0</sub> = &beta;&#771;<sub>0</sub> &minus; &Sigma;&beta;<sub>j</sub>&mu;<sub>j</sub>
     */
    double[] toOriginal(double[] scaled) {
        double[] t = new double[cols];
        for (int j = intercept ? 1 : 0; j < cols; j++) {
            t[j] = scaled[j] / scale[j];
            if (intercept) {
                t[0] -= t[j] * center[j];
            }
        }
        if (intercept) {
            t[0] += scaled[0];
        }
        return t;
    }
}
