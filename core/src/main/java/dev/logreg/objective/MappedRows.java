package dev.logreg.objective;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Rows in a file, mapped into memory in windows of whole rows ({@link FileChannel#map}), read by
 * copying each range into the view's scratch arrays. The file holds three sections of little-endian
 * doubles: X row-major (m&middot;n), the labels (m) and, when weighted, the weights (m), each starting
 * at an offset that is a multiple of 8. Nothing of the rows is on the heap but the views' scratch
 * arrays: the operating system pages the file in and out, so the rows may exceed the heap and, read
 * sequentially, memory.
 */
public final class MappedRows extends RowSource {

    /** The largest window: 1 GiB, within the 2 GiB one mapping may have. */
    static final long WINDOW_BYTES = 1L << 30;

    private final Section x;
    private final Section y;
    private final Section w;

    /**
     * Maps the sections of an open file; the mapping stays valid after the channel is closed.
     *
     * @param channel the file, open for reading
     * @param rows m
     * @param cols n
     * @param largest max|x| per column, as the writer found it
     * @param xOffset where X starts, in bytes
     * @param yOffset where the labels start
     * @param wOffset where the weights start, or &minus;1 without weights
     * @return the rows
     * @throws IllegalArgumentException if a section lies outside the file or is not aligned
     * @throws UncheckedIOException if the file cannot be mapped
     */
    public static MappedRows map(FileChannel channel, int rows, int cols, double[] largest, long xOffset,
                                 long yOffset, long wOffset) {
        if (channel == null) {
            throw new IllegalArgumentException("channel is null");
        }
        if (largest == null) {
            throw new IllegalArgumentException("largest is null");
        }
        return new MappedRows(channel, rows, cols, largest.clone(), xOffset, yOffset, wOffset, WINDOW_BYTES);
    }

    MappedRows(FileChannel channel, int rows, int cols, double[] largest, long xOffset, long yOffset, long wOffset,
               long windowBytes) {
        super(rows, cols, largest);
        try {
            long size = channel.size();
            this.x = new Section(channel, size, xOffset, rows, cols, windowBytes);
            this.y = new Section(channel, size, yOffset, rows, 1, windowBytes);
            this.w = wOffset < 0 ? null : new Section(channel, size, wOffset, rows, 1, windowBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the rows: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean weighted() {
        return w != null;
    }

    @Override
    public void read(int from, int to, RowBlock into) {
        checkRange(from, to);
        into.scratch(from, to, cols(), w != null);
        x.copy(from, to, into.x);
        y.copy(from, to, into.y);
        if (w != null) {
            w.copy(from, to, into.w);
        }
    }

    @Override
    public void readLabels(int from, int to, RowBlock into) {
        checkRange(from, to);
        into.scratch(from, to, 0, w != null);
        into.cols = cols();
        y.copy(from, to, into.y);
        if (w != null) {
            w.copy(from, to, into.w);
        }
    }

    /** One section of rows of {@code width} doubles, mapped in windows of whole rows. */
    private static final class Section {
        private final DoubleBuffer[] windows;
        private final int windowRows;
        private final int width;

        Section(FileChannel channel, long size, long offset, int rows, int width, long windowBytes) throws IOException {
            long bytes = (long) rows * width * Double.BYTES;
            if (offset < 0 || offset % Double.BYTES != 0 || offset + bytes > size) {
                throw new IllegalArgumentException("a section of " + bytes + " bytes at " + offset
                        + " does not lie aligned within the file's " + size + " bytes");
            }
            this.width = width;
            this.windowRows = (int) Math.max(1, Math.min(rows, windowBytes / ((long) width * Double.BYTES)));
            int count = (rows + windowRows - 1) / windowRows;
            this.windows = new DoubleBuffer[count];
            for (int k = 0; k < count; k++) {
                long first = (long) k * windowRows;
                long length = Math.min(windowRows, rows - first) * width * Double.BYTES;
                MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, offset + first * width * Double.BYTES,
                        length);
                windows[k] = map.order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
            }
        }

        /** Copies rows [from, to) into {@code out} from index 0. */
        void copy(int from, int to, double[] out) {
            int done = 0;
            for (int k = from / windowRows; k * (long) windowRows < to; k++) {
                int start = Math.max(from, k * windowRows);
                int end = (int) Math.min(to, (long) (k + 1) * windowRows);
                windows[k].get((start - k * windowRows) * width, out, done * width, (end - start) * width);
                done += end - start;
            }
        }
    }
}
