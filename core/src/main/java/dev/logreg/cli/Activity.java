package dev.logreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the command line is doing, and how much heap that needs, for the one-line message that
 * replaces an {@link OutOfMemoryError}. Set by the commands as they go; read only by {@link Main}.
 */
final class Activity {

    /** Copies of the model matrix a fit holds at once (the caller's rows, the solver's, the inference's). */
    static final long MATRIX_COPIES = 3;

    private static volatile String what = "starting";
    private static volatile long needed;

    private Activity() {
    }

    /**
     * @param file the data file about to be read
     * @param heap the heap its table is estimated to need while it is read (see {@link HeapEstimate})
     */
    static void reading(Path file, long heap) {
        long size = -1;
        try {
            size = Files.size(file);
        } catch (java.io.IOException | RuntimeException e) {
            // the read itself will say what is wrong with the file
        }
        what = "reading " + file + (size >= 0 ? " (" + bytes(size) + ")" : "");
        needed = Math.max(0, heap);
    }

    /**
     * @param rows the model matrix's rows
     * @param columns its columns
     */
    static void fitting(long rows, long columns) {
        what = "fitting a model matrix of " + rows + " rows and " + columns + " columns";
        needed = rows * columns * Double.BYTES * MATRIX_COPIES;
    }

    /** @param step what is being done, without an estimate of its memory */
    static void doing(String step) {
        what = step;
        needed = 0;
    }

    /**
     * @param maxHeap the JVM's heap limit in bytes
     * @return the message for running out of memory now
     */
    static String outOfMemory(long maxHeap) {
        StringBuilder sb = new StringBuilder("out of memory while ").append(what).append(": the heap limit is ")
                .append(bytes(maxHeap));
        long want = Math.max(needed, maxHeap + maxHeap / 2);
        if (needed > 0) {
            sb.append(", about ").append(bytes(needed)).append(" is needed");
        }
        long gigabytes = Math.max(1, (long) Math.ceil(want * 1.25 / (1L << 30)));
        sb.append("; run java with a larger heap, e.g. java -Xmx").append(gigabytes).append("g -jar logreg.jar ...");
        return sb.toString();
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", n / (double) (1L << 20));
        }
        return n + " bytes";
    }
}
