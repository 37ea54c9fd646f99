package dev.logreg.objective;

/**
 * A view of consecutive rows [from, to) of a {@link RowSource}: their model-matrix rows, labels and
 * prior weights. A source fills it by {@link RowSource#read}, either pointing it into arrays of its
 * own (an in-memory source: nothing is copied) or copying the rows into the view's own scratch
 * arrays (a mapped file). A view belongs to one thread; it is reused for every read, and its
 * scratch arrays grow to the largest range read.
 *
 * <p>Row r of the range is at {@code x[(xRow + r − from)·cols + j]}, its label at
 * {@code y[yBase + r − from]} and its weight at {@code w[wBase + r − from]}, or 1 when {@code w} is
 * null. The fused kernels read these fields directly; other readers use the accessors.
 */
public final class RowBlock {

    double[] x;
    int xRow;
    double[] y;
    int yBase;
    /** Null for unit weights. */
    double[] w;
    int wBase;
    int from;
    int to;
    int cols;

    /** The view a source that reads another one reads it into (see {@link #inner}). */
    private RowBlock inner;
    private double[] xScratch = new double[0];
    private double[] yScratch = new double[0];
    private double[] wScratch = new double[0];
    private double[] zeros = new double[0];

    /** An empty view; the first read sizes it. */
    public RowBlock() {
    }

    /** @return the first row of the range read last */
    public int from() {
        return from;
    }

    /** @return one past its last row */
    public int to() {
        return to;
    }

    /** @return the number of rows read last */
    public int rows() {
        return to - from;
    }

    /** @return the number of columns of X */
    public int cols() {
        return cols;
    }

    /**
     * @param r a row in [from, to)
     * @param j a column in [0, cols)
     * @return x<sub>rj</sub>
     */
    public double x(int r, int j) {
        return x[(xRow + r - from) * cols + j];
    }

    /**
     * @param r a row in [from, to)
     * @return its label: 0 or 1 for a binary problem, the class index for a multinomial one
     */
    public double y(int r) {
        return y[yBase + r - from];
    }

    /**
     * @param r a row in [from, to)
     * @return its prior weight (1 without weights)
     */
    public double weight(int r) {
        return w == null ? 1.0 : w[wBase + r - from];
    }

    /**
     * Where a row starts in {@link #array()}: x<sub>rj</sub> is {@code array()[offset(r) + j]}.
     *
     * @param r a row in [from, to)
     * @return the index of x<sub>r0</sub>
     */
    public int offset(int r) {
        return (xRow + r - from) * cols;
    }

    /** @return the array holding the rows of X read last (see {@link #offset}); read only */
    public double[] array() {
        return x;
    }

    /** @return a second view, this one's own, for a source that reads another source before changing its rows */
    RowBlock inner() {
        if (inner == null) {
            inner = new RowBlock();
        }
        return inner;
    }

    /** Points the view's labels at zeros (an array of its own, never written). */
    void zeroLabels() {
        if (zeros.length < to - from) {
            zeros = new double[to - from];
        }
        y = zeros;
        yBase = 0;
    }

    /** Points the view at rows of arrays the source owns. */
    void point(int from, int to, int cols, double[] x, int xRow, double[] y, int yBase, double[] w, int wBase) {
        this.from = from;
        this.to = to;
        this.cols = cols;
        this.x = x;
        this.xRow = xRow;
        this.y = y;
        this.yBase = yBase;
        this.w = w;
        this.wBase = wBase;
    }

    /**
     * Points the view at its own scratch arrays, grown to hold rows [from, to), for the source to copy
     * the rows into ({@link #x}, {@link #y} and, when weighted, {@link #w}, each from index 0).
     */
    void scratch(int from, int to, int cols, boolean weighted) {
        int rows = to - from;
        long elements = (long) rows * cols;
        if (elements > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a read of " + rows + " rows of " + cols + " columns is too large");
        }
        if (xScratch.length < elements) {
            xScratch = new double[(int) elements];
        }
        if (yScratch.length < rows) {
            yScratch = new double[rows];
        }
        if (weighted && wScratch.length < rows) {
            wScratch = new double[rows];
        }
        point(from, to, cols, xScratch, 0, yScratch, 0, weighted ? wScratch : null, 0);
    }
}
