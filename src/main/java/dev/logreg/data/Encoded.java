package dev.logreg.data;

import java.util.Arrays;

/**
 * A table encoded by a model's {@link Encoder}: one row per table row, in table order. A row is
 * complete when every cell the model reads is there (and, encoding unseen levels as missing, every
 * level was seen in fitting); an incomplete row is all NaN. Rows are never dropped, so row i is
 * table row i.
 *
 * <p>The arrays are the record's own, not copied (an encoding of a million rows is not copied twice);
 * equality compares their contents.
 *
 * @param x the model matrix without the intercept, one row per table row (not copied)
 * @param complete for each row, whether it is complete (not copied)
 */
public record Encoded(double[][] x, boolean[] complete) {

    /**
     * Checks the shape.
     *
     * @throws IllegalArgumentException if an array or a row is null, if {@code x} and {@code complete}
     *         differ in length, or if the rows differ in length
     */
    public Encoded {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (complete == null) {
            throw new IllegalArgumentException("complete is null");
        }
        if (x.length != complete.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows but complete has " + complete.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException("x[" + i + "] is null");
            }
            if (x[i].length != x[0].length) {
                throw new IllegalArgumentException("x[" + i + "] has " + x[i].length + " columns but x[0] has "
                        + x[0].length);
            }
        }
    }

    /** @return the number of rows: the table's */
    public int rows() {
        return x.length;
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
     * @return whether it is an encoding with the same values (NaN equal to NaN) and the same complete rows
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Encoded e && Arrays.deepEquals(x, e.x) && Arrays.equals(complete, e.complete);
    }

    /** @return a hash of the values and the complete rows */
    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(x) + Arrays.hashCode(complete);
    }

    /** @return the shape, not the values: {@code Encoded[400 rows, 5 columns, 398 complete]} */
    @Override
    public String toString() {
        return "Encoded[" + x.length + " rows, " + (x.length == 0 ? 0 : x[0].length) + " columns, " + completeRows()
                + " complete]";
    }
}
