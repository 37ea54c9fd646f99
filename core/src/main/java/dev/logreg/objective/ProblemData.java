package dev.logreg.objective;

/**
 * What a binary and a multinomial problem share: a model matrix X (m&times;n, row-major), prior
 * weights w &ge; 0 with a positive, finite total W whose reciprocal is finite, an L2 penalty &lambda;
 * &ge; 0 with optional per-column factors f<sub>j</sub>, and the unpenalized intercept column, if any.
 * The constructor validates all of them (X, a {@link DesignMatrix}, was checked finite when it was
 * made); the subclasses add and check the labels. The arrays are referenced, not copied (the factors
 * are copied).
 */
abstract class ProblemData {

    /** X as given, checked; null for a problem on a {@link RowSource} that is not one array in memory. */
    final DesignMatrix matrix;
    /** X's array, or null (as {@link #matrix}). */
    final double[] x;
    /** The rows, labels and weights as the fused kernels read them. */
    final RowSource source;
    final int rows;
    final int cols;
    /** The weights, or null (as {@link #matrix}). */
    final double[] w;
    final double totalWeight;
    /** The smallest positive weight. */
    final double smallestWeight;
    final double l2;
    final int interceptColumn;
    /** f<sub>j</sub> per column, or null for ones. */
    final double[] penaltyFactors;

    /**
     * @param matrix the model matrix, checked finite when it was made; its array is referenced, not copied
     * @param labels the labels as the source holds them (the subclass checks them), or null
     * @param weights sample weights, length m, finite and &ge; 0 with a positive, finite sum whose
     *        reciprocal is finite, or {@code null} for unit weights
     * @param l2 the penalty &lambda; &ge; 0
     * @param interceptColumn the column that is not penalized, or &minus;1 for none
     * @param penaltyFactors f<sub>j</sub> per column (length cols), each finite and &ge; 0; the intercept's is
     *        ignored; or {@code null} for ones; copied
     * @throws IllegalArgumentException naming the offending row, column or value
     */
    ProblemData(DesignMatrix matrix, double[] labels, double[] weights, double l2, int interceptColumn,
                double[] penaltyFactors) {
        if (matrix == null) {
            throw new IllegalArgumentException("the model matrix is null");
        }
        int rows = matrix.rows();
        int cols = matrix.cols();
        if (weights != null && weights.length != rows) {
            throw new IllegalArgumentException("weights has length " + weights.length + ", expected " + rows);
        }
        checkPenalty(l2, interceptColumn, penaltyFactors, cols);
        this.w = weights != null ? weights : filled(rows, 1.0);
        checkWeights(w);
        double total = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows; i++) {
            total += w[i];
            if (w[i] > 0) {
                smallest = Math.min(smallest, w[i]);
            }
        }
        checkTotal(total);
        this.penaltyFactors = penaltyFactors == null ? null : penaltyFactors.clone();
        this.matrix = matrix;
        this.x = matrix.data();
        this.source = new InMemoryRows(matrix, labels, w);
        this.rows = rows;
        this.cols = cols;
        this.totalWeight = total;
        this.smallestWeight = smallest;
        this.l2 = l2;
        this.interceptColumn = interceptColumn;
    }

    /**
     * A problem on rows read from a source (the subclass checks the labels): the weights are checked and
     * summed in one pass, in row order, so W is the same sum as an in-memory problem's on the same rows.
     *
     * @param source the rows, labels and weights
     * @param l2 the penalty &lambda; &ge; 0
     * @param interceptColumn the column that is not penalized, or &minus;1 for none
     * @param penaltyFactors f<sub>j</sub> per column, or {@code null} for ones; copied
     * @throws IllegalArgumentException naming the offending row or value
     */
    ProblemData(RowSource source, double l2, int interceptColumn, double[] penaltyFactors) {
        if (source == null) {
            throw new IllegalArgumentException("source is null");
        }
        int cols = source.cols();
        checkPenalty(l2, interceptColumn, penaltyFactors, cols);
        double[] sums = {0.0, Double.POSITIVE_INFINITY};
        source.scanLabels(block -> {
            for (int i = block.from(); i < block.to(); i++) {
                double wi = block.weight(i);
                checkWeight(i, wi);
                sums[0] += wi;
                if (wi > 0) {
                    sums[1] = Math.min(sums[1], wi);
                }
            }
        });
        if (sums[1] == Double.POSITIVE_INFINITY) {
            throw everyWeightZero();
        }
        checkTotal(sums[0]);
        this.penaltyFactors = penaltyFactors == null ? null : penaltyFactors.clone();
        this.matrix = null;
        this.x = null;
        this.w = null;
        this.source = source;
        this.rows = source.rows();
        this.cols = cols;
        this.totalWeight = sums[0];
        this.smallestWeight = sums[1];
        this.l2 = l2;
        this.interceptColumn = interceptColumn;
    }

    /**
     * The same data as another problem: every field shared, nothing checked again.
     *
     * @param other a problem already made
     */
    ProblemData(ProblemData other) {
        this.matrix = other.matrix;
        this.x = other.x;
        this.source = other.source;
        this.rows = other.rows;
        this.cols = other.cols;
        this.w = other.w;
        this.totalWeight = other.totalWeight;
        this.smallestWeight = other.smallestWeight;
        this.l2 = other.l2;
        this.interceptColumn = other.interceptColumn;
        this.penaltyFactors = other.penaltyFactors;
    }

    private static void checkPenalty(double l2, int interceptColumn, double[] penaltyFactors, int cols) {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("the L2 penalty must be finite and >= 0, got " + l2);
        }
        if (interceptColumn < -1 || interceptColumn >= cols) {
            throw new IllegalArgumentException("interceptColumn must be -1 or in [0, " + cols + "), got "
                    + interceptColumn);
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
    }

    private static void checkTotal(double total) {
        if (Double.isInfinite(total)) {
            throw new IllegalArgumentException("the weights sum to Infinity (the sum overflows the double range):"
                    + " divide them by a common factor, which changes no estimate");
        }
        if (Double.isInfinite(1.0 / total)) {
            throw new IllegalArgumentException("the weights sum to " + total + ", too small to divide by (1/W"
                    + " overflows): multiply them by a common factor, which changes no estimate");
        }
    }

    /** @return the rows, labels and weights the fused kernels read */
    public RowSource source() {
        return source;
    }

    /** X's array, or an exception naming why there is none. */
    final double[] array() {
        if (x == null) {
            throw new IllegalStateException("the rows are read from a source, not held in one array: only the fused"
                    + " kernels read them");
        }
        return x;
    }

    /** Each weight finite and &ge; 0, one positive; else an exception naming the first bad one. */
    static void checkWeights(double[] w) {
        boolean positive = false;
        for (int i = 0; i < w.length; i++) {
            checkWeight(i, w[i]);
            positive |= w[i] > 0;
        }
        if (!positive) {
            throw everyWeightZero();
        }
    }

    /** Weight i finite and &ge; 0, else an exception naming it. */
    static void checkWeight(int i, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("weights[" + i + "] = " + w + ": weights must be finite and >= 0");
        }
    }

    /** The error for weights that are all 0. */
    static IllegalArgumentException everyWeightZero() {
        return new IllegalArgumentException("every weight is 0 (the weights sum to 0.0): at least one must be positive");
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

    /** @return n, the number of columns of X (for the multinomial model, the coefficients per block) */
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
     * @param j a column in [0, n)
     * @return element (i, j) of X
     */
    public double x(int i, int j) {
        return array()[i * cols + j];
    }

    /**
     * @param i a row in [0, m)
     * @return the weight w<sub>i</sub> (1 when no weights were given)
     */
    public double weight(int i) {
        array();
        return w[i];
    }

    /**
     * The loss level below which the data are proved completely separated. A row whose own class does
     * not have the largest logit (for two classes: y<sub>i</sub> = 1 with z<sub>i</sub> &le; 0, or 0 with
     * z<sub>i</sub> &ge; 0) adds at least w<sub>i</sub> log 2 / W to J; so a loss below
     * log 2 &middot; min{w<sub>i</sub> : w<sub>i</sub> &gt; 0} / W means that every row is classified
     * correctly, and scaling &theta; up drives the loss to 0: no finite minimizer exists. Solvers stop there
     * ({@code Solver.minimize(f, start, separationLevel)}). Penalized problems always have a finite
     * minimizer: level 0.
     *
     * @return the level, 0 with a penalty
     */
    public double separationLevel() {
        if (l2 > 0) {
            return 0.0;
        }
        return Math.log(2.0) * smallestWeight / totalWeight;
    }
}
