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
 * where &beta; is &theta; without the intercept.
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
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = x[i * cols + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("x at row " + i + ", column " + j + " is " + v
                            + ": the model matrix must be finite");
                }
            }
            if (y[i] != 0.0 && y[i] != 1.0) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not a label: labels must be 0 or 1");
            }
        }
        this.w = weights != null ? weights : filled(rows, 1.0);
        double total = 0;
        for (int i = 0; i < rows; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("weights[" + i + "] = " + w[i]
                        + ": weights must be finite and >= 0");
            }
            total += w[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the weights sum to " + total + ": at least one must be positive");
        }
        this.x = x;
        this.rows = rows;
        this.cols = cols;
        this.y = y;
        this.totalWeight = total;
        this.l2 = l2;
        this.interceptColumn = interceptColumn;
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
     * The Lipschitz constant of the gradient, L = &lambda;<sub>max</sub>(X<sup>T</sup>WX)/(4W) + &lambda;,
     * found by power iteration on X<sup>T</sup>WX without forming it. Since &sigma;' &le; 1/4, the Hessian
     * never exceeds this bound.
     *
     * @return L &gt; 0
     */
    public double lipschitzBound() {
        return PowerIteration.largestEigenvalueOfWeightedGram(this) / (4 * totalWeight) + l2;
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
