package dev.logreg.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The heap a CSV file's table will need at its peak, while it is read, estimated before the file is read:
 * 8 bytes per cell for the table's typed columns and 8 per cell for the blocks the parts of the file are
 * parsed into, which are copied into the columns (the model matrix of a design in memory is computed from
 * the columns, not stored), the number of cells from the cells per byte of the file's first
 * {@value #SAMPLE_BYTES} bytes. A gzip-compressed file is taken to be {@value #GZIP_RATIO} times
 * larger uncompressed. The command line reads a file whose estimate exceeds a share of the heap in
 * chunks, out of core.
 */
final class HeapEstimate {

    /** The bytes sampled from the start of the file. */
    static final int SAMPLE_BYTES = 1 << 20;
    /** The assumed ratio of a gzip-compressed CSV file's text to its size. */
    static final long GZIP_RATIO = 5;
    /** Heap bytes per cell: the table's double and the parsed block's. */
    private static final long BYTES_PER_CELL = 2L * Double.BYTES;

    private HeapEstimate() {
    }

    /**
     * @param file a CSV file
     * @param delimiter its cell separator
     * @return the estimated heap in bytes, or 0 if the file cannot be read (reading it will say why)
     */
    static long table(Path file, char delimiter) {
        try {
            long size = Files.size(file);
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
                raw.mark(2);
                boolean gzip = raw.read() == 0x1F && raw.read() == 0x8B;
                raw.reset();
                InputStream in = gzip ? new GZIPInputStream(raw) : raw;
                byte[] sample = in.readNBytes(SAMPLE_BYTES);
                long cells = 0;
                for (byte b : sample) {
                    if (b == delimiter || b == '\n') {
                        cells++;
                    }
                }
                if (cells == 0 || sample.length == 0) {
                    return 0;
                }
                double text = gzip ? (double) size * GZIP_RATIO : size;
                return (long) (text / sample.length * cells) * BYTES_PER_CELL;
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
