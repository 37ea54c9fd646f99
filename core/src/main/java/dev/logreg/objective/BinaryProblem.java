package dev.logreg.objective;

/**
 * The data of a binary logistic regression: a model matrix X (m&times;n, row-major), labels
 * y &isin; {0,1}<sup>m</sup>, sample weights w &ge; 0 (total W = &Sigma;w<sub>i</sub> &gt; 0), an
 * L2 penalty &lambda; &ge; 0, the index of the unpenalized intercept column, if any, and optional
 * offsets o &isin; &#8477;<sup>m</sup>.
 *
 * <p>The objective defined on these data is
 * <pre>
 *   J(&theta;) = (1/W) &Sigma; wᵢ [ log(1 + e^zᵢ) &minus; yᵢ zᵢ ] + (&lambda;/2)&Vert;&beta;&Vert;²
 *   z = X&theta; + o
 * </pre>
 * where &beta; is &theta; without the intercept. An offset is a known term of a row's linear predictor
 * with a coefficient fixed at 1 (R's {@code glm(..., offset = o)}); without offsets, o = 0. Every
 * objective of this package adds it wherever it forms z. Optional penalty factors f<sub>j</sub> &ge; 0
 * make the penalty (&lambda;/2) &Sigma; f<sub>j</sub>&beta;<sub>j</sub>&sup2;: a fit on rescaled columns
 * x&#771;<sub>j</sub> = x<sub>j</sub>/s<sub>j</sub> keeps the penalty of the original coefficients with
 * f<sub>j</sub> = 1/s<sub>j</sub>&sup2;.
 *
 * <p>The arrays are validated but not copied: callers must not modify them while the problem is in
 * use. {@link dev.logreg.LogisticRegression} always passes arrays of its own.
 */
public final class BinaryProblem extends ProblemData {

    final double[] y;
    /** The offsets o, one per row (indexed by the row's number, whatever the source), or null for none. */
    final double[] offsets;
    /** The same problem without its offsets (see {@link #withoutOffsets()}), made once asked. */
    private BinaryProblem withoutOffsets;

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
        this(DesignMatrix.wrap(x, rows, cols), y, weights, l2, interceptColumn, penaltyFactors);
    }

    /**
     * Wraps the data of a binary problem on a model matrix already checked; validates the rest.
     *
     * @param x the model matrix; its array is referenced, not copied
     * @param y labels, length m, each 0 or 1; not copied
     * @param weights sample weights, length m, finite and &ge; 0 with a positive, finite sum whose
     *        reciprocal is finite, or {@code null} for unit weights
     * @param l2 the penalty &lambda; &ge; 0
     * @param interceptColumn the column that is not penalized, or &minus;1 for none
     * @param penaltyFactors f<sub>j</sub> per column (length cols), each finite and &ge; 0; the
     *        intercept's is ignored; or {@code null} for ones; copied
     * @throws IllegalArgumentException naming the offending row, column or value
     */
    public BinaryProblem(DesignMatrix x, double[] y, double[] weights, double l2, int interceptColumn,
                         double[] penaltyFactors) {
        this(x, y, weights, l2, interceptColumn, penaltyFactors, null);
    }

    /**
     * Wraps the data of a binary problem with offsets on a model matrix already checked; validates the
     * rest. The linear predictor is z = X&theta; + o.
     *
     * @param x the model matrix; its array is referenced, not copied
     * @param y labels, length m, each 0 or 1; not copied
     * @param weights sample weights, length m, finite and &ge; 0 with a positive, finite sum whose
     *        reciprocal is finite, or {@code null} for unit weights
     * @param l2 the penalty &lambda; &ge; 0
     * @param interceptColumn the column that is not penalized, or &minus;1 for none
     * @param penaltyFactors f<sub>j</sub> per column (length cols), each finite and &ge; 0; the
     *        intercept's is ignored; or {@code null} for ones; copied
     * @param offsets o, length m, every value finite, or {@code null} for none (o = 0); referenced, not
     *        copied
     * @throws IllegalArgumentException naming the offending row, column or value
     */
    public BinaryProblem(DesignMatrix x, double[] y, double[] weights, double l2, int interceptColumn,
                         double[] penaltyFactors, double[] offsets) {
        super(x, y, weights, l2, interceptColumn, penaltyFactors);
        if (y == null) {
            throw new IllegalArgumentException("y is null");
        }
        if (y.length != rows) {
            throw new IllegalArgumentException("y has length " + y.length + ", expected " + rows);
        }
        for (int i = 0; i < rows; i++) {
            if (y[i] != 0.0 && y[i] != 1.0) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not a label: labels must be 0 or 1");
            }
        }
        this.y = y;
        this.offsets = checkOffsets(offsets, rows);
    }

    /**
     * A binary problem on rows read from a source: their labels (0 or 1) and weights are checked in one
     * pass, which also sums W.
     *
     * @param source the rows; its labels must be 0 or 1
     * @param l2 the penalty &lambda; &ge; 0
     * @param interceptColumn the column that is not penalized, or &minus;1 for none
     * @param penaltyFactors f<sub>j</sub> per column, finite and &ge; 0, or {@code null} for ones; copied
     * @throws IllegalArgumentException naming the first bad row or value
     */
    public BinaryProblem(RowSource source, double l2, int interceptColumn, double[] penaltyFactors) {
        this(source, l2, interceptColumn, penaltyFactors, null);
    }

    /**
     * A binary problem with offsets on rows read from a source: their labels (0 or 1) and weights are
     * checked in one pass, which also sums W. The offsets are held in memory, whatever the source.
     *
     * @param source the rows; its labels must be 0 or 1
     * @param l2 the penalty &lambda; &ge; 0
     * @param interceptColumn the column that is not penalized, or &minus;1 for none
     * @param penaltyFactors f<sub>j</sub> per column, finite and &ge; 0, or {@code null} for ones; copied
     * @param offsets o, one per row of the source (o<sub>i</sub> for row i), every value finite, or
     *        {@code null} for none (o = 0); referenced, not copied
     * @throws IllegalArgumentException naming the first bad row or value
     */
    public BinaryProblem(RowSource source, double l2, int interceptColumn, double[] penaltyFactors,
                         double[] offsets) {
        super(source, l2, interceptColumn, penaltyFactors);
        source.scanLabels(block -> {
            for (int i = block.from(); i < block.to(); i++) {
                double yi = block.y(i);
                if (yi != 0.0 && yi != 1.0) {
                    throw new IllegalArgumentException("y[" + i + "] = " + yi + " is not a label: labels must be 0 or 1");
                }
            }
        });
        this.y = null;
        this.offsets = checkOffsets(offsets, rows);
    }

    /** The same data without offsets: every array and the source shared, nothing checked again. */
    private BinaryProblem(BinaryProblem problem) {
        super(problem);
        this.y = problem.y;
        this.offsets = null;
    }

    /** The offsets if they are one finite value per row, else an exception naming the first bad one. */
    private static double[] checkOffsets(double[] offsets, int rows) {
        if (offsets == null) {
            return null;
        }
        if (offsets.length != rows) {
            throw new IllegalArgumentException("offsets has length " + offsets.length + ", expected " + rows);
        }
        for (int i = 0; i < rows; i++) {
            if (!Double.isFinite(offsets[i])) {
                throw new IllegalArgumentException("offset[" + i + "] = " + offsets[i]
                        + " is not finite: offsets must be finite");
            }
        }
        return offsets;
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
        return exponentOf(largest);
    }

    /**
     * Checks the weights of rows, as {@link #requireWeights} checks an array, and finds their
     * {@link #weightExponent}, in one pass over the labels and weights (not the model matrix).
     *
     * @param rows the rows
     * @return e, 0 without weights
     * @throws IllegalArgumentException for a weight that is negative or not finite, or no positive weight,
     *         naming the first
     */
    public static int weightExponent(RowSource rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows is null");
        }
        if (!rows.weighted()) {
            return 0;
        }
        double[] largest = {0.0};
        rows.scanLabels(block -> {
            for (int i = block.from(); i < block.to(); i++) {
                double w = block.weight(i);
                checkWeight(i, w);
                largest[0] = Math.max(largest[0], w);
            }
        });
        if (largest[0] == 0) {
            throw everyWeightZero();
        }
        return exponentOf(largest[0]);
    }

    /** The binary exponent of the largest weight; a subnormal one is first scaled up exactly by 2^54. */
    private static int exponentOf(double largest) {
        return largest < Double.MIN_NORMAL ? Math.getExponent(Math.scalb(largest, 54)) - 54 : Math.getExponent(largest);
    }

    /** @return whether the problem has offsets (else every o<sub>i</sub> is 0) */
    public boolean hasOffsets() {
        return offsets != null;
    }

    /**
     * @param i a row in [0, m)
     * @return the offset o<sub>i</sub> of the row's linear predictor (0 without offsets)
     */
    public double offset(int i) {
        return offsets == null ? 0.0 : offsets[i];
    }

    /**
     * The problem on the same data without offsets: itself when it has none. Its Hessian at &theta; = 0
     * is X<sup>T</sup>WX/(4W), which bounds the Hessian of both.
     *
     * @return a problem sharing every array and the source, with o = 0
     */
    public synchronized BinaryProblem withoutOffsets() {
        if (offsets == null) {
            return this;
        }
        if (withoutOffsets == null) {
            withoutOffsets = new BinaryProblem(this);
        }
        return withoutOffsets;
    }

    /**
     * The level of {@link ProblemData#separationLevel()} without offsets, and 0 (none) with them: an offset
     * can bring every row's loss below any level at a finite minimizer (a row whose offset alone already
     * classifies it well), so a small loss proves nothing about X.
     *
     * @return the level; 0 with a penalty or with offsets
     */
    @Override
    public double separationLevel() {
        return offsets != null ? 0.0 : super.separationLevel();
    }

    /**
     * @param i a row in [0, m)
     * @return the label y<sub>i</sub>
     */
    public double label(int i) {
        array();
        return y[i];
    }

    /**
     * The Lipschitz constant of the gradient, L = &lambda;<sub>max</sub>(X<sup>T</sup>WX)/(4W) + &lambda; max f<sub>j</sub>,
     * found by power iteration on X<sup>T</sup>WX without forming it. Since &sigma;' &le; 1/4, the Hessian
     * never exceeds this bound, whatever the offsets (they do not enter it).
     *
     * @return L &gt; 0
     */
    public double lipschitzBound() {
        return PowerIteration.largestEigenvalueOfWeightedGram(this) / (4 * totalWeight)
                + new Penalty(l2, penaltyFactors, cols, interceptColumn).largestCurvature();
    }
}
