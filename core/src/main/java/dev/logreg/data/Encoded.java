package dev.logreg.data;

import java.util.Arrays;

/**
 * A table encoded by a model's {@link Encoder}: one row per table row, in table order, stored row-major
 * in one array. A row is complete when every cell the model reads is there (and, encoding unseen levels
 * as missing, every level was seen in fitting); an incomplete row is all NaN. Rows are never dropped,
 * so row i is table row i.
 *
 * <p>{@link #values()} and {@link #complete()} are the encoding's own arrays, not copies (an encoding of
 * a million rows is not copied twice); equality compares their contents.
 */
public final class Encoded {

    private final double[] values;
    private final int rows;
    private final int cols;
    private final boolean[] complete;
    private final double[] offsets;

    /**
     * Wraps a row-major encoding.
     *
     * @param values rows &times; cols values, row-major (not copied)
     * @param rows the number of rows
     * @param cols the number of columns (the model's terms without the intercept)
     * @param complete for each row, whether it is complete (not copied)
     * @throws IllegalArgumentException if an array is null or a length does not fit the shape
     */
    public Encoded(double[] values, int rows, int cols, boolean[] complete) {
        this(values, rows, cols, complete, null);
    }

    /** As {@link #Encoded(double[], int, int, boolean[])}, with each row's offset (null for none). */
    Encoded(double[] values, int rows, int cols, boolean[] complete, double[] offsets) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        if (complete == null) {
            throw new IllegalArgumentException("complete is null");
        }
        if (rows < 0 || cols < 0 || values.length != (long) rows * cols) {
            throw new IllegalArgumentException("values has length " + values.length + ", not rows*cols = " + rows
                    + "*" + cols);
        }
        if (complete.length != rows) {
            throw new IllegalArgumentException("complete has " + complete.length + " rows, not " + rows);
        }
        this.values = values;
        this.rows = rows;
        this.cols = cols;
        this.complete = complete;
        if (offsets != null && offsets.length != rows) {
            throw new IllegalArgumentException("offsets has " + offsets.length + " rows, not " + rows);
        }
        this.offsets = offsets;
    }

    /**
     * Copies an encoding given as one array per row.
     *
     * @param x the model matrix without the intercept, one row per table row
     * @param complete for each row, whether it is complete (not copied)
     * @throws IllegalArgumentException if an array or a row is null, if {@code x} and {@code complete}
     *         differ in length, or if the rows differ in length
     */
    public Encoded(double[][] x, boolean[] complete) {
        this(flatten(x), x.length, x.length == 0 ? 0 : x[0].length, checkedLength(x, complete));
    }

    private static double[] flatten(double[][] x) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        int cols = x.length == 0 || x[0] == null ? 0 : x[0].length;
        double[] flat = new double[x.length * cols];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException("x[" + i + "] is null");
            }
            if (x[i].length != cols) {
                throw new IllegalArgumentException("x[" + i + "] has " + x[i].length + " columns but x[0] has " + cols);
            }
            System.arraycopy(x[i], 0, flat, i * cols, cols);
        }
        return flat;
    }

    private static boolean[] checkedLength(double[][] x, boolean[] complete) {
        if (complete == null) {
            throw new IllegalArgumentException("complete is null");
        }
        if (x.length != complete.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows but complete has " + complete.length);
        }
        return complete;
    }

    /** @return the number of rows: the table's */
    public int rows() {
        return rows;
    }

    /** @return the number of columns: the model's terms without the intercept */
    public int cols() {
        return cols;
    }

    /** @return the values, row-major, rows &times; cols (the encoding's own array) */
    public double[] values() {
        return values;
    }

    /** @return for each row, whether it is complete (the encoding's own array) */
    public boolean[] complete() {
        return complete;
    }

    /**
     * @param i a row
     * @return a copy of its values
     */
    public double[] row(int i) {
        return Arrays.copyOfRange(values, i * cols, (i + 1) * cols);
    }

    /** @return a copy of the values, one array per row */
    public double[][] x() {
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = row(i);
        }
        return x;
    }

    /** @return the number of complete rows */
    public int completeRows() {
        int n = 0;
        for (boolean c : complete) {
            n += c ? 1 : 0;
        }
        return n;
    }

    /**
     * @param other an object
     * @return whether it is an encoding of the same shape and values (NaN equal to NaN) and the same complete rows
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Encoded e && rows == e.rows && cols == e.cols && Arrays.equals(values, e.values)
                && Arrays.equals(complete, e.complete);
    }

    /** @return a hash of the shape, the values and the complete rows */
    @Override
    public int hashCode() {
        return (31 * (31 * rows + cols) + Arrays.hashCode(values)) * 31 + Arrays.hashCode(complete);
    }

    /** @return the shape, not the values: {@code Encoded[400 rows, 5 columns, 398 complete]} */
    @Override
    public String toString() {
        return "Encoded[" + rows + " rows, " + cols + " columns, " + completeRows() + " complete]";
    }

    /**
     * @return each row's offset, added to the linear predictor when the row is scored (NaN for an incomplete
     *         row), or null when the model has no offset: only the encoding of a formula with {@code offset()}
     *         has them (not copied)
     */
    public double[] offsets() {
        return offsets;
    }
}
