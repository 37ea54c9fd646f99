package dev.logreg.objective;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * A model matrix X (m&times;n, row-major, one {@code double[]}) whose every element has been checked
 * finite, with each column's largest |x| found by the same check. A problem built on it does not
 * check X again, so data copied into a model matrix are read once before the fit, not twice.
 *
 * <p>{@link #data()} is the array itself, not a copy, as the problems wrap it: a caller that
 * rescales it in place must keep it finite, and {@link #largest()} keeps the magnitudes found when the
 * matrix was made.
 */
public final class DesignMatrix {

    /** Below this many elements a check or a copy runs on the calling thread alone. */
    private static final int PARALLEL_MIN_ELEMENTS = 1 << 16;

    private final double[] data;
    private final int rows;
    private final int cols;
    private final double[] largest;

    private DesignMatrix(double[] data, int rows, int cols, double[] largest) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        this.largest = largest;
    }

    /**
     * Checks a row-major array and wraps it, not copied.
     *
     * @param x the model matrix, row-major, length rows&times;cols, every element finite
     * @param rows m &ge; 1
     * @param cols n &ge; 1
     * @return the matrix
     * @throws IllegalArgumentException for a null array, a wrong shape or a non-finite element, naming the
     *         first (in row order)
     */
    public static DesignMatrix wrap(double[] x, int rows, int cols) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
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
        double[] largest = largestPerColumn(rows, cols, (from, to, mx) -> {
            for (int i = from; i < to; i++) {
                int base = i * cols;
                for (int j = 0; j < cols; j++) {
                    mx[j] = Math.max(mx[j], Math.abs(x[base + j]));
                }
            }
        });
        if (!allFinite(largest)) {
            for (int k = 0; k < x.length; k++) {
                if (!Double.isFinite(x[k])) {
                    throw new IllegalArgumentException("x at row " + k / cols + ", column " + k % cols + " is " + x[k]
                            + ": the model matrix must be finite");
                }
            }
        }
        return new DesignMatrix(x, rows, cols, largest);
    }

    /**
     * Copies feature rows into a new model matrix, a column of ones first when asked, checking them on
     * the way.
     *
     * @param x feature rows, one per observation, all the same length, finite; not modified
     * @param intercept whether to put a column of ones first
     * @return the matrix: rows &times; (p + 1 if intercept)
     * @throws IllegalArgumentException for null or ragged rows, no rows, no columns at all or a non-finite
     *         value, naming the first (in row order)
     */
    public static DesignMatrix copyOf(double[][] x, boolean intercept) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("x has no rows");
        }
        if (x[0] == null) {
            throw new IllegalArgumentException("x[0] is null");
        }
        int p = x[0].length;
        int cols = p + (intercept ? 1 : 0);
        if (cols == 0) {
            throw new IllegalArgumentException("x has no columns and the model has no intercept: nothing to fit");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException("x[" + i + "] is null");
            }
            if (x[i].length != p) {
                throw new IllegalArgumentException("x[" + i + "] has " + x[i].length + " columns, x[0] has " + p);
            }
        }
        int rows = x.length;
        double[] design = new double[Math.multiplyExact(rows, cols)];
        int offset = cols - p;
        // Each row range copies its rows and keeps its columns' largest |x|: a NaN or an infinity makes the
        // maximum non-finite (Math.max passes NaN on), and only then are the rows searched for the first.
        double[] largest = largestPerColumn(rows, cols, (from, to, mx) -> {
            for (int i = from; i < to; i++) {
                double[] row = x[i];
                if (intercept) {
                    design[i * cols] = 1.0;
                }
                System.arraycopy(row, 0, design, i * cols + offset, p);
                for (int j = 0; j < p; j++) {
                    mx[offset + j] = Math.max(mx[offset + j], Math.abs(row[j]));
                }
            }
        });
        if (!allFinite(largest)) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < p; j++) {
                    if (!Double.isFinite(x[i][j])) {
                        throw new IllegalArgumentException("x[" + i + "][" + j + "] = " + x[i][j]
                                + ": features must be finite");
                    }
                }
            }
        }
        if (intercept) {
            largest[0] = 1.0;
        }
        return new DesignMatrix(design, rows, cols, largest);
    }

    /**
     * Copies an EJML matrix of x into a new model matrix.
     *
     * @param x m &times; p, finite; not modified
     * @param intercept whether to put a column of ones first
     * @return the matrix: m &times; (p + 1 if intercept)
     * @throws IllegalArgumentException for a null or empty matrix or a non-finite value, naming the first
     */
    public static DesignMatrix copyOf(DMatrixRMaj x, boolean intercept) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (x.numRows == 0) {
            throw new IllegalArgumentException("x has no rows");
        }
        int rows = x.numRows;
        int p = x.numCols;
        int cols = p + (intercept ? 1 : 0);
        if (cols == 0) {
            throw new IllegalArgumentException("x has no columns and the model has no intercept: nothing to fit");
        }
        double[] design = new double[Math.multiplyExact(rows, cols)];
        double[] largest = new double[cols];
        int offset = cols - p;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < p; j++) {
                double v = x.data[i * p + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("x(" + i + ", " + j + ") = " + v + ": features must be finite");
                }
                design[i * cols + offset + j] = v;
                largest[offset + j] = Math.max(largest[offset + j], Math.abs(v));
            }
            if (intercept) {
                design[i * cols] = 1.0;
            }
        }
        if (intercept) {
            largest[0] = 1.0;
        }
        return new DesignMatrix(design, rows, cols, largest);
    }

    /**
     * @param kept the columns to keep, increasing, each in [0, cols)
     * @return a new model matrix of those columns, copied (already checked, so not checked again)
     * @throws IllegalArgumentException if no column is kept or one is out of range or out of order
     */
    public DesignMatrix columns(int[] kept) {
        if (kept.length == 0) {
            throw new IllegalArgumentException("no column kept: a model matrix needs at least one");
        }
        for (int c = 0; c < kept.length; c++) {
            if (kept[c] < 0 || kept[c] >= cols || (c > 0 && kept[c] <= kept[c - 1])) {
                throw new IllegalArgumentException("kept column " + kept[c] + " at " + c + " is out of range [0, "
                        + cols + ") or out of order");
            }
        }
        int n = kept.length;
        double[] reduced = new double[rows * n];
        double[] reducedLargest = new double[n];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < n; c++) {
                reduced[i * n + c] = data[i * cols + kept[c]];
            }
        }
        for (int c = 0; c < n; c++) {
            reducedLargest[c] = largest[kept[c]];
        }
        return new DesignMatrix(reduced, rows, n, reducedLargest);
    }

    /** @return X itself, row-major, rows&times;cols (not a copy) */
    public double[] data() {
        return data;
    }

    /** @return m */
    public int rows() {
        return rows;
    }

    /** @return n */
    public int cols() {
        return cols;
    }

    /** @return max<sub>i</sub> |x<sub>ij</sub>| per column, as found when the matrix was made (a copy) */
    public double[] largest() {
        return largest.clone();
    }

    /** @return {@link #largest()} itself, not a copy, for the sources built on this matrix */
    double[] largestReference() {
        return largest;
    }

    /** Work on a range of rows that raises the column maxima it is given. */
    private interface RowRange {
        void run(int from, int to, double[] largest);
    }

    /** Runs the work over parallel row ranges, each with maxima of its own, and merges their maxima. */
    private static double[] largestPerColumn(int rows, int cols, RowRange work) {
        int chunks = (long) rows * cols < PARALLEL_MIN_ELEMENTS ? 1 : Runtime.getRuntime().availableProcessors();
        double[][] partial = new double[chunks][cols];
        IntStream.range(0, chunks).parallel().forEach(c ->
                work.run((int) ((long) rows * c / chunks), (int) ((long) rows * (c + 1) / chunks), partial[c]));
        double[] largest = new double[cols];
        for (double[] mx : partial) {
            for (int j = 0; j < cols; j++) {
                largest[j] = Math.max(largest[j], mx[j]);
            }
        }
        return largest;
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
