package dev.logreg.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.logreg.LogisticModel;
import dev.logreg.Model;
import dev.logreg.Scores;
import dev.logreg.data.Encoder;
import dev.logreg.data.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code predict}: applies a saved model ({@code fit --save-model}) to new rows of a CSV file, found by
 * column name: one output row per input row, in input order, with the class probabilities and the
 * predicted class; a row with a missing cell in a column the model reads gets empty cells.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score the rows of a CSV file with a model saved by fit --save-model: one output row per"
                + " input row, in input order, with each class's probability and the predicted class.")
final class PredictCommand implements Callable<Integer> {

    /** The output formats of predict. */
    enum Format {
        /** A header of the class names and "predicted", one row per input row. */
        CSV,
        /** The documented JSON, schema logreg.predictions/1. */
        JSON
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model file (logreg.model/1).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file of new rows (the same rules as fit: UTF-8 or gzip, a header row; ?, NA, NaN and"
                    + " empty cells are missing). Columns are found by name; others are ignored.")
    Path data;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "The cell separator (default: ${DEFAULT-VALUE}); 'tab' for tab-separated files.")
    String delimiter;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path output;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--threshold", paramLabel = "T",
            description = "For a binomial model: predict the event when its probability is above T (default 0.5).")
    Double threshold;

    @Option(names = "--unseen", paramLabel = "reject|missing", defaultValue = "reject",
            description = "A categorical level the model was not fitted with: an error (reject, the default), or"
                    + " an empty prediction for its row (missing).")
    Encoder.UnseenLevel unseen;

    @Override
    public Integer call() throws IOException {
        OutputFile out = output == null ? null : OutputFile.of("--output", output, model, data);
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("--threshold must be in [0, 1], got " + threshold);
        }
        Model m;
        try {
            m = Model.read(model);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--model " + model + ": no such file", e);
        }
        if (m.encoder().isEmpty()) {
            throw new IllegalArgumentException("--model " + model + " has no encoder (it was not fitted from a table),"
                    + " so it cannot read the columns of " + data + " by name");
        }
        if (threshold != null && !m.binomial()) {
            throw new IllegalArgumentException("--threshold applies to binomial models; this model has "
                    + m.classes().size() + " classes and predicts the most probable one");
        }
        Model scorer = m;
        char separator = DataOptions.delimiter(delimiter);
        // The model's categorical columns are read as text, so that their cells are matched as written.
        List<String> categorical = new ArrayList<>();
        List<String> names = header(data, separator);
        for (Encoder.Input input : m.encoder().get().inputs()) {
            if (input.categorical() && names.contains(input.feature().column())) {
                categorical.add(input.feature().column());
            }
        }
        // Of a formula, the plain columns with levels are categorical (a factor() of a number is read either way).
        for (String variable : m.encoder().get().formulaLevels().keySet()) {
            if (names.contains(variable)) {
                categorical.add(variable);
            }
        }
        Activity.doing("scoring " + data + " in chunks of " + DataOptions.CHUNK_ROWS + " rows");
        try {
            if (out != null) {
                out.write(stream -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                    write(w, scorer, separator, categorical);
                    w.flush();
                });
            } else {
                // Rows go out as they are scored; an error stops them where it is found.
                PrintWriter stdout = spec.commandLine().getOut();
                write(stdout, scorer, separator, categorical);
                stdout.flush();
            }
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot write the predictions: " + e.getCause().getMessage(), e);
        }
        return 0;
    }

    /** Scores the data file chunk by chunk and writes each chunk's predictions. */
    private void write(Writer w, Model scorer, char separator, List<String> categorical) throws IOException {
        Output output = format == Format.CSV ? new CsvOutput(w) : new JsonRows(w);
        output.start(scorer.classes());
        Table.stream(data, separator, categorical, DataOptions.CHUNK_ROWS, chunk -> {
            Scores scores = scorer instanceof LogisticModel binary && threshold != null
                    ? binary.score(chunk, unseen, threshold) : scorer.score(chunk, unseen);
            try {
                output.rows(scores, chunk.firstRow());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        output.end();
    }

    /** The column names of a CSV file: its header, found by reading its first chunk of one row. */
    private static List<String> header(Path file, char delimiter) {
        List<String> names = new ArrayList<>();
        try {
            Table.stream(file, delimiter, List.of(), 1, chunk -> {
                names.addAll(chunk.names());
                throw new HeaderRead();
            });
        } catch (HeaderRead done) {
            // the header is all that was wanted
        }
        return names;
    }

    /** Stops a stream once the header is known. */
    private static final class HeaderRead extends RuntimeException {
        HeaderRead() {
            super(null, null, false, false);
        }
    }

    /** How the predictions are written: a start, rows chunk after chunk, an end. */
    private interface Output {
        void start(List<String> classes) throws IOException;

        void rows(Scores scores, int firstRow) throws IOException;

        void end() throws IOException;
    }

    /** CSV: a header of the classes and {@code predicted}, one row per input row. */
    private static final class CsvOutput implements Output {
        private final Writer w;
        private CSVPrinter csv;

        CsvOutput(Writer w) {
            this.w = w;
        }

        @Override
        public void start(List<String> classes) throws IOException {
            csv = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build().print(w);
            List<String> header = new ArrayList<>(classes);
            header.add("predicted");
            csv.printRecord(header);
        }

        @Override
        public void rows(Scores scores, int firstRow) throws IOException {
            for (int i = 0; i < scores.rows(); i++) {
                List<String> cells = new ArrayList<>();
                for (double p : scores.probabilities()[i]) {
                    cells.add(scores.scored(i) ? Double.toString(p) : "");
                }
                cells.add(scores.scored(i) ? scores.predictedClass(i) : "");
                csv.printRecord(cells);
            }
        }

        @Override
        public void end() throws IOException {
            csv.flush();
        }
    }

    /** JSON: {@code logreg.predictions/1}, the rows numbered as in the file. */
    private final class JsonRows implements Output {
        private final JsonGenerator g;

        JsonRows(Writer w) throws IOException {
            this.g = new JsonFactory().createGenerator(w);
        }

        @Override
        public void start(List<String> classes) throws IOException {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", "logreg.predictions/1");
            g.writeStringField("model", model.toString());
            g.writeStringField("data", data.toString());
            g.writeArrayFieldStart("classes");
            for (String c : classes) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
        }

        @Override
        public void rows(Scores scores, int firstRow) throws IOException {
            for (int i = 0; i < scores.rows(); i++) {
                g.writeStartObject();
                g.writeNumberField("row", (long) firstRow + i + 1);
                if (scores.scored(i)) {
                    g.writeArrayFieldStart("probabilities");
                    for (double p : scores.probabilities()[i]) {
                        g.writeNumber(p);
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("linearPredictors");
                    for (double z : scores.linearPredictors()[i]) {
                        g.writeNumber(z);
                    }
                    g.writeEndArray();
                    g.writeStringField("predicted", scores.predictedClass(i));
                } else {
                    g.writeNullField("probabilities");
                    g.writeNullField("linearPredictors");
                    g.writeNullField("predicted");
                }
                g.writeEndObject();
            }
        }

        @Override
        public void end() throws IOException {
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        }
    }

}
