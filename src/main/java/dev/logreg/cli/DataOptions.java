package dev.logreg.cli;

import dev.logreg.data.Design;
import dev.logreg.data.Feature;
import dev.logreg.data.ModelSpec;
import dev.logreg.data.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say what to fit from a CSV file; shared by the commands that read data. */
final class DataOptions {

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file (UTF-8 text, or gzip-compressed) with a header row; ?, NA, NaN and empty"
                    + " cells are missing.")
    Path data;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The column to predict.")
    String target;

    @Option(names = "--features", paramLabel = "LIST",
            description = "Comma-separated terms: a column, log(c), log1p(c), sqrt(c), sq(c) or pow(c,k)."
                    + " Default: every column but the target and the weights.")
    String features;

    @Option(names = "--categorical", paramLabel = "COL", split = ",",
            description = "Read this column as categorical even if it looks numeric (repeatable).")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "The target level that is the event (y = 1). Default: 1 for 0/1 targets,"
                    + " else the second of two levels in sorted order. With more than two levels it fits"
                    + " this level against the rest; without it such a target is multinomial.")
    String positive;

    @Option(names = "--weights", paramLabel = "COL", description = "A numeric column of prior weights (>= 0).")
    String weights;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "The cell separator (default: ${DEFAULT-VALUE}); 'tab' for tab-separated files.")
    String delimiter;

    /** @return the design these options describe */
    Design design() {
        char separator = delimiter(delimiter);
        Activity.reading(data);
        Table table = Table.read(data, separator, categorical);
        List<String> terms = features == null ? List.of() : Feature.split(features);
        Activity.doing("building the model matrix of " + data);
        Design design = Design.build(table, new ModelSpec(target, terms, positive, weights));
        Activity.fitting(design.rowsUsed(), design.columnNames().size() + 1);
        return design;
    }

    /** The cell separator an option names: one character, or 'tab'. */
    static char delimiter(String delimiter) {
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character or 'tab', got '" + delimiter + "'");
        }
        return delimiter.charAt(0);
    }
}
