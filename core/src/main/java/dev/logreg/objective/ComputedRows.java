package dev.logreg.objective;

/**
 * Rows computed on every read by a {@link RowSource.RowFill} into the view's own scratch, with labels and
 * weights held in arrays: a model matrix that is never stored, such as the encoding of a table's
 * columns, read in blocks as the kernel asks for them. Reads are as thread-safe as the fill.
 */
final class ComputedRows extends RowSource {

    private final double[] y;
    private final double[] w;
    private final RowFill fill;

    /**
     * @param cols n
     * @param largest max|x| per column, which the fill's rows must not exceed (not copied)
     * @param y labels, one per row (not copied)
     * @param w weights, one per row, or null (not copied)
     * @param fill writes the rows
     */
    ComputedRows(int cols, double[] largest, double[] y, double[] w, RowFill fill) {
        super(y.length, cols, largest);
        if (w != null && w.length != y.length) {
            throw new IllegalArgumentException("weights has length " + w.length + ", expected " + y.length);
        }
        if (fill == null) {
            throw new IllegalArgumentException("fill is null");
        }
        this.y = y;
        this.w = w;
        this.fill = fill;
    }

    @Override
    public boolean weighted() {
        return w != null;
    }

    @Override
    public void read(int from, int to, RowBlock into) {
        checkRange(from, to);
        into.scratch(from, to, cols(), false);
        fill.fill(from, to, into.x);
        labels(from, into);
    }

    @Override
    public void readLabels(int from, int to, RowBlock into) {
        checkRange(from, to);
        into.scratch(from, to, 0, false);
        into.cols = cols();
        labels(from, into);
    }

    private void labels(int from, RowBlock into) {
        into.y = y;
        into.yBase = from;
        into.w = w;
        into.wBase = from;
    }

    /** Already in memory: computing a row costs about what reading it from a copy would. */
    @Override
    public RowSource inMemory() {
        return this;
    }
}
