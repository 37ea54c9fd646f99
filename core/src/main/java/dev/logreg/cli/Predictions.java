package dev.logreg.cli;

import dev.logreg.BinomialFit;
import dev.logreg.Fit;
import dev.logreg.Model;
import dev.logreg.MultinomialFit;
import dev.logreg.Scores;
import dev.logreg.data.Column;
import dev.logreg.data.Design;
import dev.logreg.data.Encoder;
import dev.logreg.data.Table;
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
     * @param fit the fit; with the design's offsets (a formula's {@code offset()}) in the linear predictor
     */
    static void write(OutputFile file, Design design, double[][] x, Fit fit) {
        if (design.hasOffsets() && fit instanceof BinomialFit b) {
            // R's fitted values: the offset is part of each row's linear predictor.
            double[] o = design.offsets();
            double[][] p = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                double z = b.model().logOdds(x[i]) + o[i];
                p[i] = new double[] {dev.logreg.math.Logistic.sigmoid(-z), dev.logreg.math.Logistic.sigmoid(z)};
            }
            write(file, design, p);
            return;
        }
        write(file, design, fit instanceof BinomialFit b ? b.model().probabilities(x)
                : ((MultinomialFit) fit).model().probabilities(x));
    }

    /**
     * Writes the predictions of a fit out of core: the CSV file is read again in chunks (as the fit read it),
     * each chunk scored by the fitted model; a row the design dropped (a missing target, weight or feature)
     * has empty cells. The probabilities are those {@link #write(OutputFile, Design, double[][], Fit)} gives.
     *
     * @param file where to write
     * @param data the options that read the CSV file for the fit
     * @param design the design fitted
     * @param model the fitted model (with the design's encoder)
     */
    static void stream(OutputFile file, DataOptions data, Design design, Model model) {
        List<String> empty = Collections.nCopies(design.classes().size(), "");
        file.write(stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build().print(out);
            csv.printRecord(design.classes());
            Table.stream(data.data, DataOptions.delimiter(data.delimiter), data.categorical, DataOptions.CHUNK_ROWS,
                    chunk -> {
                        Scores scores = model.score(chunk, Encoder.UnseenLevel.REJECT);
                        Column target = chunk.column(design.target());
                        Column weight = design.weightColumn() == null ? null : chunk.column(design.weightColumn());
                        try {
                            for (int i = 0; i < chunk.rows(); i++) {
                                if (scores.scored(i) && !target.isMissing(i) && (weight == null || !weight.isMissing(i))) {
                                    List<String> cells = new ArrayList<>(empty.size());
                                    for (double v : scores.probabilities()[i]) {
                                        cells.add(Double.toString(v));
                                    }
                                    csv.printRecord(cells);
                                } else {
                                    csv.printRecord(empty);
                                }
                            }
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            csv.flush();
        });
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
