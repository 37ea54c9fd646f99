package dev.logreg.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Streams a file and prints its rows and the sum of one column, for a test that runs it in a JVM with
 * a small heap: {@code StreamSum FILE COLUMN CHUNK_ROWS}.
 */
public final class StreamSum {

    private StreamSum() {
    }

    /**
     * @param args the file, the column, the rows per chunk
     */
    public static void main(String[] args) {
        long[] rows = {0};
        double[] sum = {0};
        Table.stream(Path.of(args[0]), ',', List.of(), Integer.parseInt(args[2]), chunk -> {
            Column c = chunk.column(args[1]);
            for (int i = 0; i < chunk.rows(); i++) {
                sum[0] += c.number(i);
            }
            rows[0] += chunk.rows();
        });
        System.out.println(rows[0] + " rows, sum " + sum[0]);
    }
}
