package dev.logreg.objective;

/**
 * Where model-matrix rows are written, one after the other, with their labels and weights: memory
 * ({@link RowSource#builder}) or a file ({@link RowWriter}). The number of rows is announced when the
 * sink is made.
 */
public interface RowSink {

    /**
     * Adds the next row.
     *
     * @param values the row's n values, from {@code from}; each finite
     * @param from where they start
     * @param label its label (0/1, or a class index)
     * @param weight its prior weight (ignored by a sink without weights)
     * @throws IllegalArgumentException if a value is not finite (naming its row and column) or more rows
     *         are added than announced
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    void add(double[] values, int from, double label, double weight);
}
