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
import java.io.OutputStream;
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
        Activity.reading(data);
        // No column is forced categorical: the encoder matches a categorical column's cells by their text.
        Table table = Table.read(data, DataOptions.delimiter(delimiter), List.of());
        Scores scores = m instanceof LogisticModel binary && threshold != null
                ? binary.score(table, unseen, threshold) : m.score(table, unseen);
        OutputFile.Content content = stream -> write(stream, scores);
        if (out != null) {
            out.write(content);
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            content.write(buffer);
            stdout.print(buffer.toString(StandardCharsets.UTF_8));
            stdout.flush();
        }
        return 0;
    }

    private void write(OutputStream stream, Scores scores) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        if (format == Format.CSV) {
            CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build().print(w);
            List<String> header = new ArrayList<>(scores.classes());
            header.add("predicted");
            csv.printRecord(header);
            for (int i = 0; i < scores.rows(); i++) {
                List<String> cells = new ArrayList<>();
                for (double p : scores.probabilities()[i]) {
                    cells.add(scores.scored(i) ? Double.toString(p) : "");
                }
                cells.add(scores.scored(i) ? scores.predictedClass(i) : "");
                csv.printRecord(cells);
            }
            csv.flush();
            return;
        }
        JsonGenerator g = new JsonFactory().createGenerator(w);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("schema", "logreg.predictions/1");
        g.writeStringField("model", model.toString());
        g.writeStringField("data", data.toString());
        g.writeArrayFieldStart("classes");
        for (String c : scores.classes()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (int i = 0; i < scores.rows(); i++) {
            g.writeStartObject();
            g.writeNumberField("row", i + 1);
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
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

}
