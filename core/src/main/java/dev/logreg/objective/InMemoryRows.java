package dev.logreg.objective;

import java.util.stream.IntStream;

/**
 * Rows held in memory: X in one or more row-major arrays (slabs) of whole rows, so that a model
 * matrix may exceed the 2<sup>31</sup> elements of one Java array, and one array each of labels and
 * weights. A read within one slab points the view into it (nothing is copied); a read across two
 * slabs copies the rows into the view's scratch arrays.
 */
final class InMemoryRows extends RowSource {

    /** The largest slab, in elements: 2<sup>30</sup> doubles (8 GiB). */
    static final long SLAB_ELEMENTS = 1L << 30;

    private final double[][] slabs;
    private final int slabRows;
    private final double[] y;
    private final double[] w;

    /** One slab: a checked model matrix. */
    InMemoryRows(DesignMatrix x, double[] y, double[] w) {
        this(new double[][] {x.data()}, x.rows(), x.rows(), x.cols(), x.largestReference(), y, w);
    }

    /**
     * @param slabs the slabs, each of {@code slabRows} rows but the last (not copied)
     * @param slabRows rows per slab
     * @param rows m
     * @param cols n
     * @param largest max|x| per column (not copied)
     * @param y labels, length m (not copied)
     * @param w weights, length m, or null (not copied)
     */
    InMemoryRows(double[][] slabs, int slabRows, int rows, int cols, double[] largest, double[] y, double[] w) {
        super(rows, cols, largest);
        if (y == null) {
            throw new IllegalArgumentException("y is null");
        }
        if (y.length != rows) {
            throw new IllegalArgumentException("y has length " + y.length + ", expected " + rows);
        }
        if (w != null && w.length != rows) {
            throw new IllegalArgumentException("weights has length " + w.length + ", expected " + rows);
        }
        this.slabs = slabs;
        this.slabRows = slabRows;
        this.y = y;
        this.w = w;
    }

    /** The rows per slab for n columns: as many as {@link #SLAB_ELEMENTS} holds, at least one. */
    static int slabRows(int cols, long slabElements) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, slabElements / cols));
    }

    /**
     * New slabs for m rows of n columns, zero.
     *
     * @param slabRows rows per slab
     */
    static double[][] allocate(int rows, int cols, int slabRows) {
        int count = (int) ((rows + (long) slabRows - 1) / slabRows);
        double[][] slabs = new double[count][];
        for (int s = 0; s < count; s++) {
            int r = (int) Math.min(slabRows, rows - (long) s * slabRows);
            slabs[s] = new double[Math.multiplyExact(r, cols)];
        }
        return slabs;
    }

    @Override
    public RowSource inMemory() {
        return this;
    }

    @Override
    public boolean weighted() {
        return w != null;
    }

    /** @return the model matrix's one array, or null when it has several slabs */
    double[] singleArray() {
        return slabs.length == 1 ? slabs[0] : null;
    }

    /** @return the labels (not a copy) */
    double[] labels() {
        return y;
    }

    /** @return the weights (not a copy), or null */
    double[] weights() {
        return w;
    }

    @Override
    public void read(int from, int to, RowBlock into) {
        checkRange(from, to);
        int n = cols();
        int first = from / slabRows;
        int last = (to - 1) / slabRows;
        if (first == last) {
            into.point(from, to, n, slabs[first], from - first * slabRows, y, from, w, from);
            return;
        }
        into.scratch(from, to, n, false);
        int done = 0;
        for (int s = first; s <= last; s++) {
            int start = Math.max(from, s * slabRows);
            int end = (int) Math.min(to, (long) (s + 1) * slabRows);
            System.arraycopy(slabs[s], (start - s * slabRows) * n, into.x, done * n, (end - start) * n);
            done += end - start;
        }
        into.y = y;
        into.yBase = from;
        into.w = w;
        into.wBase = from;
    }

    /**
     * Materializes the change: the rows are copied once, in parallel ranges, and the labels shared; a change
     * of the weights alone copies only the weights.
     */
    @Override
    public RowSource mapColumns(int[] kept, double[] center, double[] scale, int weightExponent) {
        MappedColumns view = new MappedColumns(this, kept, center, scale, weightExponent);
        if (center == null && scale == null && kept.length == cols() && kept[cols() - 1] == cols() - 1) {
            double[] scaled = w;
            if (w != null && weightExponent != 0) {
                scaled = new double[w.length];
                for (int i = 0; i < w.length; i++) {
                    scaled[i] = Math.scalb(w[i], -weightExponent);
                }
            }
            return new InMemoryRows(slabs, slabRows, rows(), cols(), view.largest(), y, scaled);
        }
        return copyOf(view, y);
    }

    /**
     * Copies any source into memory, in parallel ranges.
     *
     * @param source the rows
     * @param labels the source's labels if already in memory (shared), or null to copy them
     * @return the copy, one slab when it fits {@link #SLAB_ELEMENTS}
     */
    static InMemoryRows copyOf(RowSource source, double[] labels) {
        int m = source.rows();
        int n = source.cols();
        int slab = slabRows(n, SLAB_ELEMENTS);
        double[][] slabs = allocate(m, n, slab);
        double[] y = labels != null ? labels : new double[m];
        double[] w = source.weighted() ? new double[m] : null;
        int ranges = (m + RowSource.SCAN_ROWS - 1) / RowSource.SCAN_ROWS;
        IntStream.range(0, ranges).parallel().forEach(k -> {
            RowBlock block = new RowBlock();
            int from = k * RowSource.SCAN_ROWS;
            int to = (int) Math.min(m, (long) from + RowSource.SCAN_ROWS);
            source.read(from, to, block);
            for (int r = from; r < to; r++) {
                int s = r / slab;
                System.arraycopy(block.x, block.offset(r), slabs[s], (r - s * slab) * n, n);
                if (labels == null) {
                    y[r] = block.y(r);
                }
                if (w != null) {
                    w[r] = block.weight(r);
                }
            }
        });
        return new InMemoryRows(slabs, slab, m, n, source.largest(), y, w);
    }
}
