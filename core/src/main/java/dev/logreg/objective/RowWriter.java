package dev.logreg.objective;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Writes rows into a file in the layout {@link MappedRows} maps: X row-major, then the labels, then
 * the weights (when weighted), little-endian doubles, starting at a given offset (a multiple of 8).
 * The number of rows is known in advance, so every section has its place from the start and the rows
 * are written once, in order, through buffers of {@value #BUFFER_BYTES} bytes: memory does not grow
 * with the rows. Each element is checked finite on the way and each column's largest |x| kept.
 */
public final class RowWriter implements RowSink {

    /** Bytes buffered per section before a write. */
    static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final int rows;
    private final int cols;
    private final long xOffset;
    private final long yOffset;
    private final long wOffset;
    private final ByteBuffer x;
    private final ByteBuffer y;
    private final ByteBuffer w;
    private final double[] largest;
    private long xWritten;
    private long yWritten;
    private long wWritten;
    private int count;

    /**
     * @param channel the file, open for writing
     * @param offset where X starts, a multiple of 8
     * @param rows m &ge; 1, the rows that will be added
     * @param cols n &ge; 1
     * @param weighted whether a weight is written per row
     * @throws IllegalArgumentException for a bad offset or shape
     */
    public RowWriter(FileChannel channel, long offset, int rows, int cols, boolean weighted) {
        if (channel == null) {
            throw new IllegalArgumentException("channel is null");
        }
        if (offset < 0 || offset % Double.BYTES != 0) {
            throw new IllegalArgumentException("the rows must start at a multiple of 8 bytes, got " + offset);
        }
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("the rows need a shape of at least 1 x 1, got " + rows + " x " + cols);
        }
        this.channel = channel;
        this.rows = rows;
        this.cols = cols;
        this.xOffset = offset;
        this.yOffset = offset + (long) rows * cols * Double.BYTES;
        this.wOffset = weighted ? yOffset + (long) rows * Double.BYTES : -1;
        this.x = ByteBuffer.allocateDirect(BUFFER_BYTES - BUFFER_BYTES % (cols * Double.BYTES) + cols * Double.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        this.y = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        this.w = weighted ? ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN) : null;
        this.largest = new double[cols];
    }

    /** @return where the labels start */
    public long labelOffset() {
        return yOffset;
    }

    /** @return where the weights start, or &minus;1 without weights */
    public long weightOffset() {
        return wOffset;
    }

    /** @return one past the last byte the rows occupy */
    public long end() {
        return (wOffset >= 0 ? wOffset : yOffset) + (long) rows * Double.BYTES;
    }

    /** {@inheritDoc} */
    @Override
    public void add(double[] values, int from, double label, double weight) {
        try {
            put(values, from, label, weight);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rows: " + e.getMessage(), e);
        }
    }

    private void put(double[] values, int from, double label, double weight) throws IOException {
        if (count == rows) {
            throw new IllegalArgumentException("more than the " + rows + " rows announced");
        }
        if (x.remaining() < cols * Double.BYTES) {
            xWritten = flush(x, xOffset + xWritten, xWritten);
        }
        checkRow(values, from, cols, count, largest);
        for (int j = 0; j < cols; j++) {
            x.putDouble(values[from + j]);
        }
        if (y.remaining() < Double.BYTES) {
            yWritten = flush(y, yOffset + yWritten, yWritten);
        }
        y.putDouble(label);
        if (w != null) {
            if (w.remaining() < Double.BYTES) {
                wWritten = flush(w, wOffset + wWritten, wWritten);
            }
            w.putDouble(weight);
        }
        count++;
    }

    /**
     * Writes what is buffered.
     *
     * @return max|x| per column of the rows written
     * @throws IllegalStateException if fewer rows were added than announced
     * @throws IOException if the file cannot be written
     */
    public double[] finish() throws IOException {
        if (count != rows) {
            throw new IllegalStateException(count + " rows were added, " + rows + " announced");
        }
        xWritten = flush(x, xOffset + xWritten, xWritten);
        yWritten = flush(y, yOffset + yWritten, yWritten);
        if (w != null) {
            wWritten = flush(w, wOffset + wWritten, wWritten);
        }
        return largest.clone();
    }

    /**
     * Checks a row finite and raises the column maxima by it.
     *
     * @throws IllegalArgumentException naming the row and column of a value that is not finite
     */
    static void checkRow(double[] values, int from, int cols, int row, double[] largest) {
        for (int j = 0; j < cols; j++) {
            double v = values[from + j];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("x at row " + row + ", column " + j + " is " + v
                        + ": the model matrix must be finite");
            }
            largest[j] = Math.max(largest[j], Math.abs(v));
        }
    }

    /** Writes the buffer at a position; returns the bytes of its section written so far. */
    private long flush(ByteBuffer buffer, long position, long written) throws IOException {
        buffer.flip();
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        buffer.clear();
        return written + (at - position);
    }
}
