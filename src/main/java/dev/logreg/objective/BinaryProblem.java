package dev.logreg.objective;

/**
 * The data of a binary logistic regression: a model matrix X (m&times;n, row-major), labels
 * y &isin; {0,1}<sup>m</sup>, sample weights w &ge; 0 (total W = &Sigma;w<sub>i</sub> &gt; 0), an
 * L2 penalty &lambda; &ge; 0 and the index of the unpenalized intercept column, if any.
 *
 * <p>The objective defined on these data is
 * <pre>
 *   J(&theta;) = (1/W) &Sigma; wᵢ [ log(1 + e^zᵢ) &minus; yᵢ zᵢ ] + (&lambda;/2)&Vert;&beta;&Vert;²,   z = X&theta;
 * </pre>
 * where &beta; is &theta; without the intercept. Optional penalty factors f<sub>j</sub> &ge; 0 make the
 * penalty (&lambda;/2) &Sigma; f<sub>j</sub>&beta;<sub>j</sub>&sup2;: a fit on rescaled columns
 * x&#771;<sub>j</sub> = x<sub>j</sub>/s<sub>j</sub> keeps the penalty of the original coefficients with
 * f<sub>j</sub> = 1/s<sub>j</sub>&sup2;.
 *
 * <p>The arrays are validated but not copied: callers must not modify them while the problem is in
 * use. {@link dev.logreg.LogisticRegression} always passes arrays of its own.
 */
public final class BinaryProblem {

    final double[] x;
    final int rows;
    final int cols;
    final double[] y;
    final double[] w;
    final double totalWeight;
    final double l2;
    final int interceptColumn;
    /** f<sub>j</sub> per column, or null for ones. */
    final double[] penaltyFactors;

    /**
     * Validates and wraps the data of a binary problem.
     *
     * @param x model matrix, row-major, length rows&times;cols, every element finite; not copied
     * @param rows m &ge; 1
     * @param cols n &ge; 1
     * @param y labels, length m, each 0 or 1; not copied
     * @param weights sample weights, length m, finite and &ge; 0 with a positive sum, or
     *        {@code null} for unit weights
     * @param l2 the penalty &lambda; &ge; 0
     * @param interceptColumn the column that is not penalized, or &minus;1 for none
     * @throws IllegalArgumentException naming the offending row, column or value
     */
    public BinaryProblem(double[] x, int rows, int cols, double[] y, double[] weights, double l2,
                         int interceptColumn) {
        this(x, rows, cols, y, weights, l2, interceptColumn, null);
    }

    /**
     * Validates and wraps the data of a binary problem with a penalty factor per column.
     *
     * @param x model matrix, row-major, length rows&times;cols, every element finite; not copied
     * @param rows m &ge; 1
     * @param cols n &ge; 1
     * @param y labels, length m, each 0 or 1; not copied
     * @param weights sample weights, length m, finite and &ge; 0 with a positive, finite sum whose
     *        reciprocal is finite, or {@code null} for unit weights
     * @param l2 the penalty &lambda; &ge; 0
     * @param interceptColumn the column that is not penalized, or &minus;1 for none
     * @param penaltyFactors f<sub>j</sub> per column (length cols), each finite and &ge; 0; the
     *        intercept's is ignored; or {@code null} for ones; copied
     * @throws IllegalArgumentException naming the offending row, column or value
     */
    public BinaryProblem(double[] x, int rows, int cols, double[] y, double[] weights, double l2,
                         int interceptColumn, double[] penaltyFactors) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (y == null) {
            throw new IllegalArgumentException("y is null");
        }
        if (rows < 1) {
            throw new IllegalArgumentException("the model matrix needs at least one row, got " + rows);
        }
        if (cols < 1) {
            throw new IllegalArgumentException("the model matrix needs at least one column, got " + cols);
        }
        if (x.length != (long) rows * cols) {
            throw new IllegalArgumentException("x has length " + x.length + ", expected rows*cols = "
                    + rows + "*" + cols);
        }
        if (y.length != rows) {
            throw new IllegalArgumentException("y has length " + y.length + ", expected " + rows);
        }
        if (weights != null && weights.length != rows) {
            throw new IllegalArgumentException("weights has length " + weights.length + ", expected " + rows);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("the L2 penalty must be finite and >= 0, got " + l2);
        }
        if (interceptColumn < -1 || interceptColumn >= cols) {
            throw new IllegalArgumentException("interceptColumn must be -1 or in [0, " + cols + "), got "
                    + interceptColumn);
        }
        int bad = dev.logreg.math.FiniteCheck.firstNonFinite(x, 0, x.length);
        if (bad >= 0) {
            throw new IllegalArgumentException("x at row " + bad / cols + ", column " + bad % cols + " is " + x[bad]
                    + ": the model matrix must be finite");
        }
        for (int i = 0; i < rows; i++) {
            if (y[i] != 0.0 && y[i] != 1.0) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not a label: labels must be 0 or 1");
            }
        }
        this.w = weights != null ? weights : filled(rows, 1.0);
        checkWeights(w);
        double total = 0;
        for (int i = 0; i < rows; i++) {
            total += w[i];
        }
        if (Double.isInfinite(total)) {
            throw new IllegalArgumentException("the weights sum to Infinity (the sum overflows the double range):"
                    + " divide them by a common factor, which changes no estimate");
        }
        if (Double.isInfinite(1.0 / total)) {
            throw new IllegalArgumentException("the weights sum to " + total + ", too small to divide by (1/W"
                    + " overflows): multiply them by a common factor, which changes no estimate");
        }
        if (penaltyFactors != null) {
            if (penaltyFactors.length != cols) {
                throw new IllegalArgumentException("penaltyFactors has length " + penaltyFactors.length
                        + ", expected " + cols);
            }
            for (int j = 0; j < cols; j++) {
                if (!(penaltyFactors[j] >= 0) || Double.isInfinite(penaltyFactors[j])) {
                    throw new IllegalArgumentException("penaltyFactors[" + j + "] = " + penaltyFactors[j]
                            + ": penalty factors must be finite and >= 0");
                }
            }
        }
        this.penaltyFactors = penaltyFactors == null ? null : penaltyFactors.clone();
        this.x = x;
        this.rows = rows;
        this.cols = cols;
        this.y = y;
        this.totalWeight = total;
        this.l2 = l2;
        this.interceptColumn = interceptColumn;
    }

    /** Each weight finite and &ge; 0, one positive; else an exception naming the first bad one. */
    private static void checkWeights(double[] w) {
        boolean positive = false;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("weights[" + i + "] = " + w[i]
                        + ": weights must be finite and >= 0");
            }
            positive |= w[i] > 0;
        }
        if (!positive) {
            throw new IllegalArgumentException("every weight is 0 (the weights sum to 0.0): at least one must be positive");
        }
    }

    /**
     * Checks prior weights by the rules of a problem: one per row, finite, &ge; 0, one positive.
     *
     * @param weights the weights, or {@code null} for unit weights (always valid)
     * @param rows m, the length they must have
     * @throws IllegalArgumentException for a wrong length, a weight that is negative or not finite, or
     *         no positive weight, naming the first
     */
    public static void requireWeights(double[] weights, int rows) {
        if (weights == null) {
            return;
        }
        if (weights.length != rows) {
            throw new IllegalArgumentException("weights has length " + weights.length + ", expected " + rows);
        }
        checkWeights(weights);
    }

    /**
     * Prior weights made safe to sum: validated, then multiplied by the power of two that brings the
     * largest into [1, 2). The change is exact and leaves every estimate as it was (J divides by W),
     * and W = &Sigma;w and 1/W are finite for any m &lt; 2<sup>52</sup>, whether the weights are near
     * the top of the double range or all subnormal. A weight below 2<sup>&minus;1074</sup> times the
     * largest becomes 0: it is beyond double precision's reach in every sum.
     *
     * @param weights the weights, or {@code null} for unit weights
     * @param rows m, the length they must have
     * @return a rescaled copy, or {@code null} for unit weights
     * @throws IllegalArgumentException for a wrong length, a weight that is negative or not finite, or
     *         no positive weight, naming the first
     */
    public static double[] normalizedWeights(double[] weights, int rows) {
        if (weights == null) {
            return null;
        }
        requireWeights(weights, rows);
        int exponent = weightExponent(weights);
        double[] scaled = new double[rows];
        for (int i = 0; i < rows; i++) {
            scaled[i] = Math.scalb(weights[i], -exponent);
        }
        return scaled;
    }

    /**
     * @param weights valid prior weights (see {@link #requireWeights}), or {@code null}
     * @return e such that {@link #normalizedWeights} divides them by 2<sup>e</sup>: the binary exponent of
     *         the largest weight; 0 for {@code null}
     */
    public static int weightExponent(double[] weights) {
        if (weights == null) {
            return 0;
        }
        double largest = 0;
        for (double v : weights) {
            largest = Math.max(largest, v);
        }
        // A subnormal largest weight is first scaled up exactly by 2^54.
        return largest < Double.MIN_NORMAL ? Math.getExponent(Math.scalb(largest, 54)) - 54 : Math.getExponent(largest);
    }

    private static double[] filled(int length, double value) {
        double[] a = new double[length];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** @return the number of observations m */
    public int rows() {
        return rows;
    }

    /** @return the number of parameters n, the columns of X */
    public int columns() {
        return cols;
    }

    /** @return the L2 penalty &lambda; */
    public double l2() {
        return l2;
    }

    /**
     * @param j a column
     * @return its penalty factor f<sub>j</sub> (1 by default; the intercept's is not used)
     */
    public double penaltyFactor(int j) {
        return penaltyFactors == null ? 1.0 : penaltyFactors[j];
    }

    /** @return the unpenalized column, or &minus;1 */
    public int interceptColumn() {
        return interceptColumn;
    }

    /** @return W, the sum of the sample weights */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * @param i a row in [0, m)
     * @return element (i, j) of X
     * @param j a column in [0, n)
     */
    public double x(int i, int j) {
        return x[i * cols + j];
    }

    /**
     * @param i a row in [0, m)
     * @return the label y<sub>i</sub>
     */
    public double label(int i) {
        return y[i];
    }

    /**
     * @param i a row in [0, m)
     * @return the weight w<sub>i</sub> (1 when no weights were given)
     */
    public double weight(int i) {
        return w[i];
    }

    /**
     * The Lipschitz constant of the gradient, L = &lambda;<sub>max</sub>(X<sup>T</sup>WX)/(4W) + &lambda; max f<sub>j</sub>,
     * found by power iteration on X<sup>T</sup>WX without forming it. Since &sigma;' &le; 1/4, the Hessian
     * never exceeds this bound.
     *
     * @return L &gt; 0
     */
    public double lipschitzBound() {
        return PowerIteration.largestEigenvalueOfWeightedGram(this) / (4 * totalWeight)
                + new Penalty(l2, penaltyFactors, cols, interceptColumn).largestCurvature();
    }

    /**
     * A misclassified row (y<sub>i</sub> = 1 with z<sub>i</sub> &le; 0, or y<sub>i</sub> = 0 with
     * z<sub>i</sub> &ge; 0) adds at least w<sub>i</sub> log 2 / W to J; so a loss below
     * log 2 &middot; min{w<sub>i</sub> : w<sub>i</sub> &gt; 0} / W proves that X&theta; separates
     * the classes completely. Penalized problems always have a finite minimizer: level 0.
     *
     * @return the separation level of {@link Objective#separationLevel()}
     */
    public double separationLevel() {
        if (l2 > 0) {
            return 0.0;
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (double wi : w) {
            if (wi > 0) {
                smallest = Math.min(smallest, wi);
            }
        }
        return Math.log(2.0) * smallest / totalWeight;
    }
}
