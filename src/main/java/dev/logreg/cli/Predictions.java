package dev.logreg.cli;

import dev.logreg.BinomialFit;
import dev.logreg.Fit;
import dev.logreg.MultinomialFit;
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
     * @param fit the fit
     */
    static void write(OutputFile file, Design design, double[][] x, Fit fit) {
        write(file, design, fit instanceof BinomialFit b ? b.model().probabilities(x)
                : ((MultinomialFit) fit).model().probabilities(x));
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
                        cells.add(Double.toString(v));
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
}
