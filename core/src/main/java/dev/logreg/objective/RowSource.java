package dev.logreg.objective;

import java.util.function.Consumer;

/**
 * The rows a fit reads: a model matrix X (m&times;n), a label and a prior weight per row, read as
 * ranges of consecutive rows, repeatedly and from several threads at once (each with its own
 * {@link RowBlock}). The fused kernels, the line search and the inference read their data through a
 * source, so the data may be an array in memory, several arrays (beyond 2<sup>31</sup> elements) or a
 * file mapped in windows ({@link MappedRows}), and the solvers do not know which.
 *
 * <p>A source knows each column's largest |x| (the equilibration reads it) and whether it has
 * weights. Its rows are checked finite when it is made; the problem built on it checks the labels and
 * weights. Sources are immutable: {@link #mapColumns} gives a new one.
 */
public abstract class RowSource {

    /** The rows per read of {@link #scan}: a few hundred KB of X for tens of columns. */
    public static final int SCAN_ROWS = 4096;

    private final int rows;
    private final int cols;
    private final double[] largest;

    /**
     * @param rows m &ge; 1
     * @param cols n &ge; 1
     * @param largest max<sub>i</sub>|x<sub>ij</sub>| per column (length n; not copied)
     */
    RowSource(int rows, int cols, double[] largest) {
        if (rows < 1) {
            throw new IllegalArgumentException("the model matrix needs at least one row, got " + rows);
        }
        if (cols < 1) {
            throw new IllegalArgumentException("the model matrix needs at least one column, got " + cols);
        }
        if (largest.length != cols) {
            throw new IllegalArgumentException("largest has length " + largest.length + ", expected " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.largest = largest;
    }

    /**
     * Writes rows of a model matrix that is computed, not stored (see {@link #computed}).
     */
    @FunctionalInterface
    public interface RowFill {
        /**
         * Writes rows [from, to), row-major, into {@code x} from index 0: (to &minus; from) &times; n values,
         * each finite and within the source's {@link #largest()}. Called from several threads at once, each
         * with its own {@code x}.
         *
         * @param from the first row
         * @param to one past the last
         * @param x where the rows go (at least as long as they are; its contents are not defined)
         */
        void fill(int from, int to, double[] x);
    }

    /**
     * A source whose model-matrix rows are computed on every read (into the reader's scratch), not stored:
     * for rows that are cheap to compute from data already in memory, such as the encoding of a table's
     * columns, so that the matrix is never held twice. Labels and weights are held.
     *
     * @param cols n
     * @param largest max<sub>i</sub>|x<sub>ij</sub>| per column of the rows the fill writes (not copied)
     * @param y one label per row (not copied)
     * @param weights one weight per row, or {@code null} for unit weights (not copied)
     * @param fill writes the rows
     * @return the source
     * @throws IllegalArgumentException if a length does not match or {@code fill} is null
     */
    public static RowSource computed(int cols, double[] largest, double[] y, double[] weights, RowFill fill) {
        if (y == null || largest == null) {
            throw new IllegalArgumentException((y == null ? "y" : "largest") + " is null");
        }
        return new ComputedRows(cols, largest, y, weights, fill);
    }

    /**
     * An in-memory source on a checked model matrix, its labels and weights, none of them copied.
     *
     * @param x the model matrix
     * @param y one label per row (0/1, or a class index)
     * @param weights one weight per row, or {@code null} for unit weights
     * @return the source
     * @throws IllegalArgumentException if a length does not match
     */
    public static RowSource of(DesignMatrix x, double[] y, double[] weights) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        return new InMemoryRows(x, y, weights);
    }

    /**
     * Rows to be written into memory, one after the other, in slabs of at most 2<sup>30</sup> elements
     * (so a model matrix may exceed one Java array), each element checked finite on the way.
     *
     * @param rows m &ge; 1, the rows that will be added
     * @param cols n &ge; 1
     * @param weighted whether the rows have weights
     * @return the builder; {@link Builder#build()} gives the source once every row is added
     */
    public static Builder builder(int rows, int cols, boolean weighted) {
        return new Builder(rows, cols, weighted, InMemoryRows.SLAB_ELEMENTS);
    }

    /** Collects rows in memory for {@link #builder}. */
    public static final class Builder implements RowSink {
        private final int rows;
        private final int cols;
        private final int slabRows;
        private final double[][] slabs;
        private final double[] y;
        private final double[] w;
        private final double[] largest;
        private int count;

        Builder(int rows, int cols, boolean weighted, long slabElements) {
            if (rows < 1 || cols < 1) {
                throw new IllegalArgumentException("the rows need a shape of at least 1 x 1, got " + rows + " x "
                        + cols);
            }
            this.rows = rows;
            this.cols = cols;
            this.slabRows = InMemoryRows.slabRows(cols, slabElements);
            this.slabs = InMemoryRows.allocate(rows, cols, slabRows);
            this.y = new double[rows];
            this.w = weighted ? new double[rows] : null;
            this.largest = new double[cols];
        }

        @Override
        public void add(double[] values, int from, double label, double weight) {
            if (count == rows) {
                throw new IllegalArgumentException("more than the " + rows + " rows announced");
            }
            int s = count / slabRows;
            int base = (count - s * slabRows) * cols;
            double[] slab = slabs[s];
            RowWriter.checkRow(values, from, cols, count, largest);
            System.arraycopy(values, from, slab, base, cols);
            y[count] = label;
            if (w != null) {
                w[count] = weight;
            }
            count++;
        }

        /**
         * @return the rows
         * @throws IllegalStateException if fewer rows were added than announced
         */
        public RowSource build() {
            if (count != rows) {
                throw new IllegalStateException(count + " rows were added, " + rows + " announced");
            }
            return new InMemoryRows(slabs, slabRows, rows, cols, largest.clone(), y, w);
        }
    }

    /** @return m */
    public final int rows() {
        return rows;
    }

    /** @return n */
    public final int cols() {
        return cols;
    }

    /** @return max<sub>i</sub>|x<sub>ij</sub>| per column, as found when the rows were written (a copy) */
    public final double[] largest() {
        return largest.clone();
    }

    /** @return whether the rows have prior weights (else every weight is 1) */
    public abstract boolean weighted();

    /**
     * Reads rows [from, to) into a view. Thread-safe for distinct views.
     *
     * @param from the first row, in [0, m)
     * @param to one past the last, in (from, m]
     * @param into the caller's view, filled (it may point into the source's own arrays: read only)
     */
    public abstract void read(int from, int to, RowBlock into);

    /**
     * The same rows with columns selected and changed: column c of the result is
     * (x<sub>kept[c]</sub> &minus; center[c]) / scale[c], computed in that order (so a source that
     * materializes the change and one that applies it on every read give the same bits), and the weights
     * divided by 2<sup>weightExponent</sup> (exactly).
     *
     * @param kept the columns kept, increasing
     * @param center what is subtracted from each kept column (length kept), or {@code null} for zeros
     * @param scale what each kept column is then divided by (length kept), or {@code null} for ones
     * @param weightExponent the weights' divisor's binary exponent (0 to keep them)
     * @return the changed rows: materialized for an in-memory source, a view applied on every read for a
     *         mapped one
     */
    public RowSource mapColumns(int[] kept, double[] center, double[] scale, int weightExponent) {
        return new MappedColumns(this, kept, center, scale, weightExponent);
    }

    /**
     * The same rows held in memory: this source itself if it is in memory, else a copy read in parallel
     * ranges (for rows mapped from a file that fit the heap).
     *
     * @return the rows in memory
     */
    public RowSource inMemory() {
        return InMemoryRows.copyOf(this, null);
    }

    /**
     * Reads every row in order, in ranges of {@link #SCAN_ROWS}, on the calling thread.
     *
     * @param visit told of each range; the view is reused
     */
    public final void scan(Consumer<RowBlock> visit) {
        RowBlock block = new RowBlock();
        for (int from = 0; from < rows; from += SCAN_ROWS) {
            read(from, (int) Math.min(rows, (long) from + SCAN_ROWS), block);
            visit.accept(block);
        }
    }

    /**
     * Reads the labels and weights of rows [from, to), and perhaps their model-matrix rows: a source that
     * must copy X to read it (a mapped file) reads only the labels and weights here.
     *
     * @param from the first row, in [0, m)
     * @param to one past the last, in (from, m]
     * @param into the caller's view, whose labels and weights are filled
     */
    public void readLabels(int from, int to, RowBlock into) {
        read(from, to, into);
    }

    /**
     * Reads the labels and weights of every row in order, as {@link #scan} (the model-matrix rows may not
     * be read).
     *
     * @param visit told of each range; only its labels and weights are to be read
     */
    public final void scanLabels(Consumer<RowBlock> visit) {
        RowBlock block = new RowBlock();
        for (int from = 0; from < rows; from += SCAN_ROWS) {
            readLabels(from, (int) Math.min(rows, (long) from + SCAN_ROWS), block);
            visit.accept(block);
        }
    }

    /** Checks a range against the rows. */
    final void checkRange(int from, int to) {
        if (from < 0 || to > rows || from >= to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") are not a range of the " + rows
                    + " rows");
        }
    }
}
