package dev.logreg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.data.Design;
import dev.logreg.data.Encoder;
import dev.logreg.data.ModelSpec;
import dev.logreg.data.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model file: a saved model reads back with the same coefficients, bit for bit, and scores new
 * data exactly as the model in memory; a file that is not a valid logreg.model/1 is rejected saying why.
 */
class ModelFileTest {

    @TempDir
    Path dir;

    /** A file of /data without its '#' comment lines. */
    static Table resource(String name, String... categorical) {
        String text;
        try (InputStream in = ModelFileTest.class.getResourceAsStream("/data/" + name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            text = r.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Table.read(new StringReader(text), name, ',', null, Set.of(categorical));
    }

    static String text(Model model) throws IOException {
        StringWriter out = new StringWriter();
        model.write(out);
        return out.toString();
    }

    static Model read(String text) throws IOException {
        return Model.read(new StringReader(text));
    }

    private static void assertBitIdentical(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + " row " + i);
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(Double.doubleToRawLongBits(expected[i][j]), Double.doubleToRawLongBits(actual[i][j]),
                        what + " [" + i + "][" + j + "]: " + expected[i][j] + " vs " + actual[i][j]);
            }
        }
    }

    private static void assertSameScores(Scores a, Scores b) {
        assertEquals(a.classes(), b.classes());
        assertBitIdentical(a.probabilities(), b.probabilities(), "probabilities");
        assertBitIdentical(a.linearPredictors(), b.linearPredictors(), "linear predictors");
        assertArrayEquals(a.predicted(), b.predicted());
    }

    @Test
    void aBinomialModelWithCategoricalAndTransformedTermsRoundTripsBitForBit() throws IOException {
        Table train = resource("ucla_train.csv", "rank");
        Design design = Design.build(train, ModelSpec.of("admit", "log(gre)", "gpa", "sq(gpa)", "pow(gpa,3)", "rank"));
        Fit fit = LogisticRegression.newton().fit(design);
        Model model = fit.model();
        Path file = dir.resolve("ucla.json");
        model.write(file);
        Model back = Model.read(file);
        assertTrue(back instanceof LogisticModel);
        assertEquals(model.terms(), back.terms());
        assertEquals(List.of("(Intercept)", "log(gre)", "gpa", "sq(gpa)", "pow(gpa,3)", "rank2", "rank3", "rank4"),
                back.terms());
        assertBitIdentical(model.coefficientsWithIntercept(), back.coefficientsWithIntercept(), "coefficients");
        assertEquals(model.encoder(), back.encoder());
        assertEquals(model.fitSummary(), back.fitSummary());
        Table fresh = resource("ucla_new.csv");
        assertSameScores(model.score(fresh), back.score(fresh));
        assertEquals(text(model), text(back), "the file of a file's model is the same file");
        assertEquals(300, back.fitSummary().get().observations());
        assertTrue(back.fitSummary().get().converged());
    }

    @Test
    void multinomialModelsRoundTripInBothParametrizations() throws IOException {
        Table train = resource("iris_train.csv");
        Design design = Design.build(train, ModelSpec.of("species", "sepal_length", "sepal_width"));
        Table fresh = resource("iris_new.csv");
        for (LogisticRegression regression : List.of(LogisticRegression.newton().withL2(0.01),
                LogisticRegression.newton().withL2(0.01).withParametrization(Parametrization.REFERENCE)
                        .withReference(1))) {
            MultinomialModel model = (MultinomialModel) regression.fit(design).model();
            MultinomialModel back = (MultinomialModel) read(text(model));
            assertEquals(model.parametrization(), back.parametrization());
            assertEquals(model.referenceClass(), back.referenceClass());
            assertEquals(model.coefficientClasses(), back.coefficientClasses());
            assertBitIdentical(model.coefficientsWithIntercept(), back.coefficientsWithIntercept(), "coefficients");
            assertSameScores(model.score(fresh), back.score(fresh));
            double[][] x = {{5.0, 3.4}, {6.1, 2.8}};
            assertBitIdentical(model.probabilities(x), back.probabilities(x), "probabilities of rows");
        }
    }

    @Test
    void aMultinomialModelWithCategoricalAndTransformedTermsRoundTripsBitForBit() throws IOException {
        // rank (4 classes) on gre, log(gpa), gpa squared and admit read as categorical
        Table train = resource("ucla_train.csv", "admit");
        Design design = Design.build(train, ModelSpec.of("rank", "gre", "log(gpa)", "sq(gpa)", "admit"));
        assertTrue(design.multinomial());
        MultinomialModel model = (MultinomialModel) LogisticRegression.newton().fit(design).model();
        assertEquals(List.of("(Intercept)", "gre", "log(gpa)", "sq(gpa)", "admit1"), model.terms());
        Path file = dir.resolve("rank.json");
        model.write(file);
        MultinomialModel back = (MultinomialModel) Model.read(file);
        assertEquals(List.of("1", "2", "3", "4"), back.classes());
        assertEquals("1", back.referenceClass());
        assertBitIdentical(model.coefficientsWithIntercept(), back.coefficientsWithIntercept(), "coefficients");
        assertEquals(model.encoder(), back.encoder());
        Table fresh = Table.read(new StringReader("gpa,note,admit,gre\n3.1,a,1,520\n3.9,b,0,700\n2.5,c,,600\n"),
                "new", ',', null, Set.of());
        Scores a = model.score(fresh);
        assertSameScores(a, back.score(fresh));
        assertFalse(a.scored(2), "admit is missing");
        assertEquals(1.0, a.probabilities()[0][0] + a.probabilities()[0][1] + a.probabilities()[0][2]
                + a.probabilities()[0][3], 1e-15);
    }

    @Test
    void aPositionalModelGivenAnEncoderScoresTablesAsTheFittedOne() throws IOException {
        Table train = resource("ucla_train.csv");
        Fit fit = LogisticRegression.newton().fit(Design.build(train, ModelSpec.of("admit", "gre", "gpa")));
        LogisticModel fitted = (LogisticModel) fit.model();
        Encoder encoder = Encoder.of("admit", fitted.classes(), List.of(
                Encoder.Input.numeric(dev.logreg.data.Feature.column("gre")),
                Encoder.Input.numeric(dev.logreg.data.Feature.column("gpa"))));
        Model positional = LogisticModel.of(fitted.intercept(), fitted.featureCoefficients());
        assertFalse(positional.encoder().isPresent());
        Model named = positional.withEncoder(encoder);
        assertEquals(List.of("(Intercept)", "gre", "gpa"), named.terms());
        assertEquals(fitted.classes(), named.classes());
        Table fresh = resource("ucla_new.csv");
        assertSameScores(fitted.score(fresh), named.score(fresh));
        assertSameScores(fitted.score(fresh), read(text(named)).score(fresh));
        Encoder one = Encoder.of("admit", fitted.classes(), List.of(
                Encoder.Input.numeric(dev.logreg.data.Feature.column("gre"))));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> positional.withEncoder(one));
        assertTrue(wrong.getMessage().contains("makes 1 columns [gre]; the model has 2 features"), wrong.getMessage());
        Model multinomial = MultinomialModel.withoutIntercept(List.of("a", "b", "c"), 0,
                new double[][] {{1, 2}, {3, 4}}).withEncoder(Encoder.of("y", List.of("a", "b", "c"), List.of(
                        Encoder.Input.numeric(dev.logreg.data.Feature.column("u")),
                        Encoder.Input.numeric(dev.logreg.data.Feature.column("v")))));
        assertEquals(List.of("u", "v"), multinomial.terms());
        assertArrayEquals(new double[] {3, 4}, multinomial.coefficientsWithIntercept()[1], 0.0);
    }

    @Test
    void aLoadedModelScoresFromManyThreadsAtOnceAsFromOne() throws Exception {
        Table train = resource("ucla_train.csv", "rank");
        Model model = read(text(LogisticRegression.newton().fit(Design.build(train, ModelSpec.of("admit", "gre",
                "gpa", "rank"))).model()));
        Table fresh = resource("ucla_new.csv");
        Scores alone = model.score(fresh);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Scores>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 16; t++) {
                runs.add(pool.submit(() -> model.score(fresh)));
            }
            for (java.util.concurrent.Future<Scores> run : runs) {
                assertSameScores(alone, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void doublesReadBackBitIdentical() throws IOException {
        Random r = new Random(7);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-1060,
            -0x1.fffffffffffffp-1023, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0 / 3, 0.1, 1e-300, 2.2250738585072011e-308,
            9007199254740993.0, 123456789012345678.0};
        double[] values = new double[special.length + 2000];
        System.arraycopy(special, 0, values, 0, special.length);
        for (int k = special.length; k < values.length; k++) {
            long bits;
            double v;
            do {
                bits = r.nextLong();
                v = Double.longBitsToDouble(bits);
            } while (!Double.isFinite(v));
            values[k] = k % 2 == 0 ? v : r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
        }
        LogisticModel model = LogisticModel.of(values[0], java.util.Arrays.copyOfRange(values, 1, values.length));
        Model back = read(text(model));
        assertBitIdentical(model.coefficientsWithIntercept(), back.coefficientsWithIntercept(), "doubles");
        assertFalse(back.encoder().isPresent());
        assertFalse(back.fitSummary().isPresent());
    }

    /** A small valid model file, edited by the rejection tests. */
    private static final String VALID = """
            {
              "schema" : "logreg.model/1",
              "library" : { "name" : "logreg", "version" : "0.1.0" },
              "kind" : "binomial",
              "referenceClass" : "0",
              "classes" : [ "0", "1" ],
              "intercept" : true,
              "terms" : [ "(Intercept)", "gre", "rank2" ],
              "coefficients" : [ { "class" : "1", "values" : [ -3.5, 0.004, -0.7 ] } ],
              "encoder" : { "target" : "admit", "inputs" : [
                { "column" : "gre", "type" : "numeric", "term" : "gre", "function" : "identity" },
                { "column" : "rank", "type" : "categorical", "contrasts" : "treatment", "levels" : [ "1", "2" ] }
              ] },
              "fit" : null
            }
            """;

    private static String rejected(String text) {
        return assertThrows(IllegalArgumentException.class, () -> read(text)).getMessage();
    }

    @Test
    void theValidFileReads() throws IOException {
        Model m = read(VALID);
        assertEquals(List.of("gre", "rank2"), m.encoder().get().columnNames());
        assertArrayEquals(new double[] {-3.5, 0.004, -0.7}, m.coefficientsWithIntercept()[0]);
    }

    @Test
    void aFileThatIsNotAValidModelIsRejectedSayingWhy() {
        assertTrue(rejected(VALID.replace("logreg.model/1", "logreg.model/2")).contains("\"logreg.model/2\""));
        assertTrue(rejected(VALID.replace("\"schema\" : \"logreg.model/1\",", "")).contains("no \"schema\""));
        assertTrue(rejected(VALID.replace("[ -3.5, 0.004, -0.7 ]", "[ -3.5, 0.004 ]")).contains("2 values"));
        assertTrue(rejected(VALID.replace("0.004", "1e999")).contains("finite"));
        assertTrue(rejected(VALID.replace("0.004", "\"0.004\"")).contains("not a number"));
        assertTrue(rejected(VALID.replace("\"gre\", \"rank2\" ]", "\"gre\", \"rank3\" ]")).contains("encoder"));
        assertTrue(rejected(VALID.replace("\"class\" : \"1\"", "\"class\" : \"0\"")).contains("class \"0\""));
        assertTrue(rejected(VALID.replace("\"kind\" : \"binomial\"", "\"kind\" : \"poisson\"")).contains("poisson"));
        assertTrue(rejected(VALID.replace("\"fit\" : null", "\"fit\" : null, \"extra\" : 1")).contains("\"extra\""));
        assertTrue(rejected(VALID.replace("\"intercept\" : true,", "\"intercept\" : true, \"intercept\" : false,"))
                .contains("not a model file"));
        assertTrue(rejected(VALID.substring(0, 200)).contains("not a model file"));
        assertTrue(rejected("[1, 2]").contains("not a JSON object"));
        assertTrue(rejected(VALID.replace("[ \"1\", \"2\" ]", "[ \"1\" ]")).contains("encoder"));
        assertTrue(rejected(VALID.replace("\"classes\" : [ \"0\", \"1\" ]", "\"classes\" : [ \"0\", \"1\", \"2\" ]"))
                .contains("two classes"));
    }

    @Test
    void writingAFileReplacesItOnlyWhenComplete() throws IOException {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "earlier");
        LogisticModel model = LogisticModel.of(0.5, 1.5, -2);
        model.write(file);
        assertEquals(text(model), Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
        assertThrows(IOException.class, () -> model.write(dir.resolve("no/such/dir/m.json")));
    }

    @Test
    void aModelWithoutAnInterceptSaysSoAndReadsBack() throws IOException {
        LogisticModel model = LogisticModel.withoutIntercept(1.5, -2);
        assertFalse(model.hasIntercept());
        LogisticModel back = (LogisticModel) Model.read(new StringReader(text(model)));
        assertFalse(back.hasIntercept());
        assertEquals(0.0, back.intercept());
        assertArrayEquals(new double[] {1.5, -2}, back.featureCoefficients(), 0.0);
        assertEquals(model.probability(new double[] {0.25, 0.5}), back.probability(new double[] {0.25, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> LogisticModel.withoutIntercept(Double.NaN));
    }

    @Test
    void aModelWithoutAnEncoderCannotScoreATable() {
        LogisticModel model = LogisticModel.of(0.5, 1.5);
        String message = assertThrows(IllegalArgumentException.class,
                () -> model.score(resource("ucla_new.csv"))).getMessage();
        assertTrue(message.contains("no encoder"), message);
    }

    @Test
    void unseenLevelsCanMakeTheirRowsNotScored() throws IOException {
        Model model = read(VALID);
        Table fresh = Table.read(new StringReader("gre,rank\n500,1\n600,3\n700,\n"), "new", ',', null, Set.of());
        Scores s = model.score(fresh, Encoder.UnseenLevel.MISSING);
        assertEquals(3, s.rows());
        assertTrue(s.scored(0));
        assertFalse(s.scored(1), "the unseen level 3");
        assertFalse(s.scored(2), "the missing rank");
        assertTrue(Double.isNaN(s.probabilities()[1][0]));
        assertEquals(Scores.NOT_SCORED, s.predicted()[2]);
        double z = -3.5 + 0.004 * 500;
        assertEquals(z, s.linearPredictors()[0][0], 1e-15);
        String message = assertThrows(IllegalArgumentException.class, () -> model.score(fresh)).getMessage();
        assertTrue(message.contains("level '3' was not seen"), message);
    }
}
