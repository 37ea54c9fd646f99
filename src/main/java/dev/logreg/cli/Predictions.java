package dev.logreg.cli;

import dev.logreg.FitResult;
import dev.logreg.data.Design;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes predicted probabilities as CSV: one row per row of the input table, in input order, one
 * column per class (named by the class, the non-event first); both cells are empty for a row that
 * was dropped for missing values.
 */
final class Predictions {

    private Predictions() {
    }

    /**
     * @param x the design's features ({@link Design#x()}), one row per observation used
     */
    static void write(Path file, Design design, double[][] x, FitResult fit) {
        double[] p = fit.model().probabilities(x);
        int[] rows = design.rows();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build().print(out)) {
            csv.printRecord(design.classes());
            int next = 0;
            for (int i = 0; i < design.tableRows(); i++) {
                if (next < rows.length && rows[next] == i) {
                    csv.printRecord(repr(1 - p[next]), repr(p[next]));
                    next++;
                } else {
                    csv.printRecord("", "");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write predictions to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Shortest text that reads back as the same double. */
    private static String repr(double v) {
        return Double.toString(v);
    }
}
