package dev.logreg.cli;

import static dev.logreg.testing.Data.rPredict;
import static dev.logreg.testing.Tolerances.R_PREDICTION;
import static dev.logreg.testing.Tolerances.R_PREDICTION_LINK_FLOOR;
import static dev.logreg.cli.Cli.run;
import static dev.logreg.testing.Close.assertClose;
import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.logreg.Model;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logreg fit --save-model} and {@code logreg predict} end to end through {@link Main#run}: models
 * fitted on one file and applied to another whose columns come in another order, with an extra column and
 * missing cells, against R's {@code predict} on the same files (reference/r-predict.R); the CSV and JSON
 * outputs, the threshold, unseen levels, the model file itself, replacing earlier files, and the demo's
 * saved model.
 */
class PredictCommandTest {

    /**
     * The class probabilities of a row add up to 1 within a few units in the last place of 1 (2.2e-16): each
     * is rounded once, and their sum once more.
     */
    private static final double SUM_TO_ONE = 1e-15;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final List<String> IRIS_CLASSES = List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica");
    /** Data lines (1-based) of ucla_new.csv whose gre is empty: rows 320 and 373. */
    private static final List<Integer> UCLA_MISSING = List.of(20, 73);

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- files and runs

    /** A data resource without its '#' comment lines (which the CSV reader does not skip), in the temp dir. */
    private Path resource(String name) throws IOException {
        return write(name, Cli.resourceLines("/data/" + name));
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs a command that must succeed, and returns what it printed on stdout. */
    private static String ok(String... args) {
        Cli.Run r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r.out();
    }

    /** Fits ucla_train.csv as R's ucla.binomial (admit ~ gre + gpa + factor(rank)) and saves it. */
    private Path uclaModel(String name) throws IOException {
        Path model = dir.resolve(name);
        ok("fit", "--data", resource("ucla_train.csv").toString(), "--target", "admit", "--categorical", "rank",
                "--save-model", model.toString());
        assertTrue(Files.isRegularFile(model), "fit --save-model wrote no " + model);
        return model;
    }

    /** Fits iris_train.csv as R's iris.multinomial (species ~ sepal_length, reference Iris-setosa) and saves it. */
    private Path irisModel() throws IOException {
        Path model = dir.resolve("iris-model.json");
        ok("fit", "--data", resource("iris_train.csv").toString(), "--target", "species", "--features",
                "sepal_length", "--save-model", model.toString());
        assertTrue(Files.isRegularFile(model), "fit --save-model wrote no " + model);
        return model;
    }

    private static List<CSVRecord> records(String text) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }

    private static List<String> cells(CSVRecord record) {
        List<String> out = new ArrayList<>();
        record.forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        assertTrue(array.isArray(), "not an array: " + array);
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The data lines of ucla_new.csv (header rank,gpa,note,gre not included): line k is row 300 + k. */
    private static List<String> uclaNewRows() throws IOException {
        List<String> lines = Cli.resourceLines("/data/ucla_new.csv");
        assertEquals("rank,gpa,note,gre", lines.get(0));
        return lines.subList(1, lines.size());
    }

    // ---------------------------------------------------------------- 1-3: binomial against R

    @Test
    void binomialCsvMatchesRRowByRowInInputOrder() throws IOException {
        Path model = uclaModel("m.json");
        Path output = dir.resolve("p.csv");
        Cli.Run r = run("predict", "--model", model.toString(), "--data", resource("ucla_new.csv").toString(),
                "--output", output.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out(), "with --output, nothing goes to stdout");
        assertEquals("", r.err());

        List<CSVRecord> rows = records(Files.readString(output, StandardCharsets.UTF_8));
        assertEquals(101, rows.size(), "a header and one row per input row");
        assertEquals(List.of("0", "1", "predicted"), cells(rows.get(0)));
        int scored = 0;
        for (int k = 1; k <= 100; k++) {
            int row = 300 + k;
            List<String> c = cells(rows.get(k));
            assertEquals(3, c.size(), "row " + row + ": " + c);
            Double response = rPredict("ucla.binomial.response[" + row + "]");
            if (UCLA_MISSING.contains(k)) {
                assertNull(response, "R predicts NA for row " + row);
                assertEquals(List.of("", "", ""), c, "row " + row + " lacks gre: every cell empty");
                continue;
            }
            assertNotNull(response, "R's response for row " + row);
            scored++;
            double p0 = Double.parseDouble(c.get(0));
            double p1 = Double.parseDouble(c.get(1));
            assertRelative(response, p1, R_PREDICTION, "P(admit = 1), row " + row);
            assertClose(1.0, p0 + p1, SUM_TO_ONE, 1.0, "P(0) + P(1), row " + row);
            assertEquals(p1 > 0.5 ? "1" : "0", c.get(2), "predicted class, row " + row + ", P(1) = " + p1);
        }
        assertEquals(98, scored);
    }

    @Test
    void binomialJsonOnStdoutMatchesRAndTheCsv() throws IOException {
        Path model = uclaModel("m.json");
        Path data = resource("ucla_new.csv");
        Cli.Run r = run("predict", "--model", model.toString(), "--data", data.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("logreg.predictions/1", doc.get("schema").asText());
        assertEquals(model.toString(), doc.get("model").asText());
        assertEquals(data.toString(), doc.get("data").asText());
        assertEquals(List.of("0", "1"), strings(doc.get("classes")));
        JsonNode rows = doc.get("rows");
        assertTrue(rows.isArray());
        assertEquals(100, rows.size());

        // The same scores as CSV, on stdout this time: the two formats carry the same doubles.
        List<CSVRecord> csv = records(ok("predict", "--model", model.toString(), "--data", data.toString()));
        assertEquals(101, csv.size());
        for (int k = 1; k <= 100; k++) {
            int row = 300 + k;
            JsonNode o = rows.get(k - 1);
            assertEquals(k, o.get("row").asInt(), "rows are numbered 1.. in input order");
            assertTrue(o.get("row").isIntegralNumber());
            if (UCLA_MISSING.contains(k)) {
                assertTrue(o.get("probabilities").isNull(), "row " + row + ": " + o);
                assertTrue(o.get("linearPredictors").isNull(), "row " + row + ": " + o);
                assertTrue(o.get("predicted").isNull(), "row " + row + ": " + o);
                assertEquals(List.of("", "", ""), cells(csv.get(k)));
                continue;
            }
            JsonNode link = o.get("linearPredictors");
            assertEquals(1, link.size(), "a binomial model has one linear predictor: " + o);
            assertClose(rPredict("ucla.binomial.link[" + row + "]"), link.get(0).asDouble(), R_PREDICTION,
                    R_PREDICTION_LINK_FLOOR, "log-odds, row " + row);
            JsonNode p = o.get("probabilities");
            assertEquals(2, p.size(), o.toString());
            assertRelative(rPredict("ucla.binomial.response[" + row + "]"), p.get(1).asDouble(), R_PREDICTION,
                    "P(admit = 1), row " + row);
            List<String> c = cells(csv.get(k));
            assertEquals(Double.parseDouble(c.get(0)), p.get(0).asDouble(), "P(0) in JSON and CSV, row " + row);
            assertEquals(Double.parseDouble(c.get(1)), p.get(1).asDouble(), "P(1) in JSON and CSV, row " + row);
            assertEquals(c.get(2), o.get("predicted").asText(), "row " + row);
        }
    }

    @Test
    void aThresholdMovesExactlyTheRowsBetweenItAndOneHalf() throws IOException {
        Path model = uclaModel("m.json");
        String data = resource("ucla_new.csv").toString();
        List<CSVRecord> plain = records(ok("predict", "--model", model.toString(), "--data", data));
        List<CSVRecord> low = records(ok("predict", "--model", model.toString(), "--data", data,
                "--threshold", "0.3"));
        assertEquals(101, plain.size());
        assertEquals(101, low.size());
        assertEquals(cells(plain.get(0)), cells(low.get(0)));
        int changed = 0;
        for (int k = 1; k <= 100; k++) {
            List<String> a = cells(plain.get(k));
            List<String> b = cells(low.get(k));
            assertEquals(a.subList(0, 2), b.subList(0, 2), "the threshold changes no probability, row " + (300 + k));
            if (UCLA_MISSING.contains(k)) {
                assertEquals(List.of("", "", ""), b);
                continue;
            }
            double p1 = Double.parseDouble(b.get(1));
            assertEquals(p1 > 0.3 ? "1" : "0", b.get(2), "threshold 0.3, row " + (300 + k) + ", P(1) = " + p1);
            boolean between = p1 > 0.3 && p1 <= 0.5;
            assertEquals(between, !a.get(2).equals(b.get(2)), "row " + (300 + k) + ", P(1) = " + p1);
            changed += between ? 1 : 0;
        }
        assertTrue(changed > 0, "no row has 0.3 < P(1) <= 0.5: the test shows nothing");
    }

    // ---------------------------------------------------------------- 4: multinomial against R

    @Test
    void multinomialCsvMatchesR() throws IOException {
        Path model = irisModel();
        Path output = dir.resolve("p.csv");
        Cli.Run r = run("predict", "--model", model.toString(), "--data", resource("iris_new.csv").toString(),
                "--output", output.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
        List<CSVRecord> rows = records(Files.readString(output, StandardCharsets.UTF_8));
        assertEquals(31, rows.size(), "a header and 30 rows");
        List<String> header = new ArrayList<>(IRIS_CLASSES);
        header.add("predicted");
        assertEquals(header, cells(rows.get(0)));
        for (int k = 1; k <= 30; k++) {
            int row = 5 * k;
            List<String> c = cells(rows.get(k));
            assertEquals(4, c.size(), "iris row " + row + ": " + c);
            double sum = 0;
            int argmax = -1;
            double max = -1;
            for (int j = 0; j < 3; j++) {
                double p = Double.parseDouble(c.get(j));
                Double expected = rPredict("iris.multinomial.prob[" + row + "][" + IRIS_CLASSES.get(j) + "]");
                assertNotNull(expected, "R's probability for iris row " + row);
                assertRelative(expected, p, R_PREDICTION, "P(" + IRIS_CLASSES.get(j) + "), iris row " + row);
                sum += p;
                if (p > max) {
                    max = p;
                    argmax = j;
                }
            }
            assertClose(1.0, sum, SUM_TO_ONE, 1.0, "the probabilities' sum, iris row " + row);
            assertEquals(IRIS_CLASSES.get(argmax), c.get(3), "the most probable class, iris row " + row);
        }
    }

    // ---------------------------------------------------------------- 5-6: columns by name, training levels

    @Test
    void shuffledColumnsAnExtraColumnAndFewerLevelsScoreAsTheOriginalRows() throws IOException {
        Path model = uclaModel("m.json");
        List<String> full = ok("predict", "--model", model.toString(), "--data",
                resource("ucla_new.csv").toString()).lines().toList();
        assertEquals(101, full.size());

        // Only the rows of rank 2 and 3, as gre,comment,gpa,rank: a model reading these rows with their own
        // levels would take rank 2 as the reference and have no rank4 column.
        List<String> original = uclaNewRows();
        List<String> shuffled = new ArrayList<>(List.of("gre,comment,gpa,rank"));
        List<Integer> picked = new ArrayList<>();
        for (int k = 1; k <= original.size(); k++) {
            String[] c = original.get(k - 1).split(",", -1);
            assertEquals(4, c.length, original.get(k - 1));
            if (c[0].equals("2") || c[0].equals("3")) {
                shuffled.add(c[3] + ",text " + c[2] + "," + c[1] + "," + c[0]);
                picked.add(k);
            }
        }
        assertTrue(picked.size() > 10, "rows of rank 2 and 3: " + picked.size());
        List<String> out = ok("predict", "--model", model.toString(), "--data",
                write("shuffled.csv", shuffled).toString()).lines().toList();
        assertEquals(picked.size() + 1, out.size());
        assertEquals(full.get(0), out.get(0));
        for (int j = 0; j < picked.size(); j++) {
            assertEquals(full.get(picked.get(j)), out.get(j + 1), "row " + (300 + picked.get(j)));
        }
    }

    @Test
    void unseenMissingLeavesTheRowOfAnUnseenLevelEmptyAndScoresTheOthers() throws IOException {
        Path model = uclaModel("m.json");
        List<String> full = ok("predict", "--model", model.toString(), "--data",
                resource("ucla_new.csv").toString()).lines().toList();
        List<String> original = uclaNewRows();
        List<String> lines = new ArrayList<>(List.of("rank,gpa,note,gre"));
        for (int k = 1; k <= 6; k++) {
            String line = original.get(k - 1);
            lines.add(k == 3 ? "5" + line.substring(line.indexOf(',')) : line);
        }
        assertTrue(lines.get(3).startsWith("5,"), lines.get(3));
        List<CSVRecord> out = records(ok("predict", "--model", model.toString(), "--data",
                write("rank5.csv", lines).toString(), "--unseen", "missing"));
        assertEquals(7, out.size());
        List<CSVRecord> expected = records(String.join("\n", full.subList(0, 7)));
        for (int k = 1; k <= 6; k++) {
            if (k == 3) {
                assertEquals(List.of("", "", ""), cells(out.get(k)), "rank 5 was not seen in fitting");
            } else {
                assertEquals(cells(expected.get(k)), cells(out.get(k)), "row " + (300 + k));
                assertFalse(cells(out.get(k)).get(2).isEmpty(), "row " + (300 + k) + " is scored");
            }
        }
    }

    // ---------------------------------------------------------------- 7-8: the files written

    @Test
    void theSavedModelFileDescribesTheFitAndItsEncoding() throws IOException {
        Path model = uclaModel("m.json");
        JsonNode doc = JSON.readTree(Files.readString(model, StandardCharsets.UTF_8));
        assertEquals("logreg.model/1", doc.get("schema").asText());
        assertEquals("binomial", doc.get("kind").asText());
        assertEquals(List.of("0", "1"), strings(doc.get("classes")));
        assertEquals(List.of("(Intercept)", "gre", "gpa", "rank2", "rank3", "rank4"), strings(doc.get("terms")));
        JsonNode encoder = doc.get("encoder");
        assertNotNull(encoder, doc.toString());
        assertEquals("admit", encoder.get("target").asText());
        List<String> columns = new ArrayList<>();
        JsonNode rank = null;
        for (JsonNode input : encoder.get("inputs")) {
            columns.add(input.get("column").asText());
            if (input.get("column").asText().equals("rank")) {
                rank = input;
            }
        }
        assertEquals(List.of("gre", "gpa", "rank"), columns);
        assertNotNull(rank);
        assertEquals("categorical", rank.get("type").asText());
        assertEquals(List.of("1", "2", "3", "4"), strings(rank.get("levels")));
        JsonNode fit = doc.get("fit");
        assertNotNull(fit, doc.toString());
        assertTrue(fit.get("observations").isIntegralNumber());
        assertEquals(300, fit.get("observations").asInt());
        assertTrue(fit.get("converged").isBoolean());
        assertTrue(fit.get("converged").asBoolean());
        Model read = Model.read(model);
        assertEquals(strings(doc.get("terms")), read.terms());
        assertTrue(read.binomial());
    }

    @Test
    void saveModelReplacesAnEarlierFileAndRefusesTheDataFile() throws IOException {
        Path fresh = uclaModel("fresh.json");
        byte[] expected = Files.readAllBytes(fresh);

        // An earlier, longer file of another content: replaced completely, nothing of it left.
        Path earlier = dir.resolve("m.json");
        Files.writeString(earlier, "x".repeat(4 * expected.length) + "\n", StandardCharsets.UTF_8);
        uclaModel("m.json");
        assertArrayEquals(expected, Files.readAllBytes(earlier), "the same fit, saved over an earlier file");

        Path data = resource("ucla_train.csv");
        byte[] before = Files.readAllBytes(data);
        Cli.Run r = run("fit", "--data", data.toString(), "--target", "admit", "--categorical", "rank",
                "--save-model", data.toString());
        Cli.assertCallerError(r, "--save-model", "refusing to overwrite an input");
        assertArrayEquals(before, Files.readAllBytes(data), "the data file is unchanged");
    }

    @Test
    void outputReplacesALongerEarlierOutputCompletely() throws IOException {
        Path model = uclaModel("m.json");
        Path output = dir.resolve("p.csv");
        ok("predict", "--model", model.toString(), "--data", resource("ucla_new.csv").toString(),
                "--output", output.toString());
        assertEquals(101, Files.readAllLines(output, StandardCharsets.UTF_8).size());

        List<String> three = new ArrayList<>(List.of("rank,gpa,note,gre"));
        three.addAll(uclaNewRows().subList(0, 3));
        String data = write("three.csv", three).toString();
        ok("predict", "--model", model.toString(), "--data", data, "--output", output.toString());
        String expected = ok("predict", "--model", model.toString(), "--data", data);
        assertEquals(4, expected.lines().count());
        assertEquals(expected, Files.readString(output, StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- 9: the demo

    @Test
    void theDemoSavesItsModelAndScoresFourNewApplications() throws IOException {
        String out = ok("demo", "--plot-dir", dir.toString());
        Path file = dir.resolve("logreg-demo-model.json");
        assertTrue(Files.isRegularFile(file), "no " + file + " in:\n" + out);
        Model model = Model.read(file);
        assertTrue(model.binomial());
        assertTrue(model.encoder().isPresent(), "the demo's model reads columns by name");
        assertEquals(List.of("-", "+"), model.classes());

        // The same applications through predict, from the saved file.
        Path applications = dir.resolve("applications.csv");
        Files.writeString(applications, Demo.APPLICATIONS, StandardCharsets.UTF_8);
        List<CSVRecord> predicted = records(ok("predict", "--model", file.toString(), "--data",
                applications.toString()));
        assertEquals(5, predicted.size());

        Pattern row = Pattern.compile("^\\s*(new-\\d)\\s+(\\S+)\\s+(\\S+)\\s*$");
        List<String> names = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = row.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int k = names.size() + 1;
            names.add(m.group(1));
            double p = Double.parseDouble(m.group(2));
            assertTrue(p > 0 && p < 1, line);
            List<String> c = cells(predicted.get(k));
            // The demo rounds to the decimals it prints: it agrees with predict to half a unit of the last one.
            int point = m.group(2).indexOf('.');
            assertTrue(point >= 0, line);
            double halfUnit = 0.5 * Math.pow(10, -(m.group(2).length() - point - 1));
            assertEquals(Double.parseDouble(c.get(1)), p, halfUnit * (1 + 1e-9),
                    "the demo prints P(+) of " + m.group(1) + " as predict computes it: " + line);
            assertEquals(c.get(2), m.group(3), m.group(1));
        }
        assertEquals(List.of("new-1", "new-2", "new-3", "new-4"), names, out);
        assertTrue(out.contains(file.toAbsolutePath().normalize().toString()),
                "the demo names its model file:\n" + out);
    }
}
