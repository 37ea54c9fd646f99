package dev.logreg.cli;

import dev.logreg.FitResult;
import dev.logreg.MultinomialFitResult;
import dev.logreg.data.Design;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes predicted probabilities as CSV: one row per row of the input table, in input order, one
 * column per class, named by the class ({@link Design#classes()}: for a binary target the
 * non-event first, for a multinomial one every level in order); every cell is empty for a row that
 * was dropped for missing values.
 */
final class Predictions {

    private Predictions() {
    }

    /**
     * @param file where to write
     * @param design the design fitted
     * @param x the design's features ({@link Design#x()}), one row per observation used
     * @param fit the binary fit
     */
    static void write(OutputFile file, Design design, double[][] x, FitResult fit) {
        double[] p = fit.model().probabilities(x);
        double[][] both = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            both[i] = new double[] {1 - p[i], p[i]};
        }
        write(file, design, both);
    }

    /**
     * @param file where to write
     * @param design the design fitted
     * @param x the design's features ({@link Design#x()}), one row per observation used
     * @param fit the multinomial fit
     */
    static void write(OutputFile file, Design design, double[][] x, MultinomialFitResult fit) {
        write(file, design, fit.model().probabilities(x));
    }

    /** Writes one row of class probabilities per observation, at the observations' table rows. */
    private static void write(OutputFile file, Design design, double[][] p) {
        int[] rows = design.rows();
        List<String> empty = Collections.nCopies(design.classes().size(), "");
        file.write(stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build().print(out);
            csv.printRecord(design.classes());
            int next = 0;
            for (int i = 0; i < design.tableRows(); i++) {
                if (next < rows.length && rows[next] == i) {
                    List<String> cells = new ArrayList<>(p[next].length);
                    for (double v : p[next]) {
                        cells.add(repr(v));
                    }
                    csv.printRecord(cells);
                    next++;
                } else {
                    csv.printRecord(empty);
                }
            }
            csv.flush();
        });
    }

    /** Shortest text that reads back as the same double. */
    private static String repr(double v) {
        return Double.toString(v);
    }
}
