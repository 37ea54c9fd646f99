package dev.logreg.cli;

import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --formula} on the command line: fit (text and JSON, against R's glm of reference/r-formula-glm),
 * predictions, validate and compare. The options it refuses are in {@link CallerMistakesTest}.
 */
class FormulaCommandTest {

    @TempDir
    Path dir;

    private static Properties reference() throws IOException {
        Properties p = new Properties();
        try (InputStream in = FormulaCommandTest.class.getResourceAsStream("/reference/r-formula-glm.properties")) {
            p.load(in);
        }
        return p;
    }

    @Test
    void theJsonFitOfAFormulaIsRs() throws IOException {
        Properties r = reference();
        for (String tag : List.of("catnum", "minusone", "offset")) {
            Cli.Run run = Cli.run("fit", "--data", Cli.uclaCsv(dir).toString(), "--formula",
                    r.getProperty(tag + ".formula"), "--format", "json", "--tol", "1e-11");
            assertEquals(0, run.code(), run.err());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals(r.getProperty(tag + ".formula"), json.get("formula").asText());
            List<String> columns = Arrays.asList(r.getProperty(tag + ".columns").split("\\|"));
            List<String> terms = new ArrayList<>();
            json.get("terms").forEach(t -> terms.add(t.asText()));
            assertEquals(columns, terms, tag);
            for (String c : columns) {
                assertRelative(Double.parseDouble(r.getProperty(tag + ".coef[" + c + "]")),
                        json.get("coefficients").get(c).asDouble(), 1e-6, tag + " " + c);
                assertRelative(Double.parseDouble(r.getProperty(tag + ".se[" + c + "]")),
                        json.get("standardErrors").get(c).asDouble(), 1e-6, tag + " se " + c);
            }
            assertRelative(Double.parseDouble(r.getProperty(tag + ".deviance")), json.get("deviance").asDouble(), 1e-8,
                    tag + " deviance");
            assertRelative(Double.parseDouble(r.getProperty(tag + ".aic")), json.get("aic").asDouble(), 1e-8,
                    tag + " AIC");
        }
    }

    @Test
    void theTextReportShowsTheFormulaAndThePredictionsHaveARowPerRow() throws IOException {
        Path predictions = dir.resolve("p.csv");
        Cli.Run run = Cli.run("fit", "--data", Cli.uclaCsv(dir).toString(), "--formula",
                "admit ~ gre*gpa + factor(rank)", "--predictions", predictions.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Model:  admit ~ gre*gpa + factor(rank)\n"), run.out());
        assertTrue(run.out().contains("\ngre:gpa "), run.out());
        assertTrue(run.out().contains("\nfactor(rank)4 "), run.out());
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        assertEquals(401, lines.size());
        assertEquals("0,1", lines.get(0));
    }

    @Test
    void thePredictionsAreRsFittedValuesWithTheOffset() throws IOException {
        Properties r = reference();
        for (String tag : List.of("offset", "catnum", "minusone")) {
            Path predictions = dir.resolve(tag + ".csv");
            Cli.Run run = Cli.run("fit", "--data", Cli.uclaCsv(dir).toString(), "--formula",
                    r.getProperty(tag + ".formula"), "--tol", "1e-11", "--predictions", predictions.toString());
            assertEquals(0, run.code(), run.err());
            List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
            for (int k = 1; k <= 3; k++) {
                assertRelative(Double.parseDouble(r.getProperty(tag + ".fitted[" + k + "]")),
                        Double.parseDouble(lines.get(k).split(",")[1]), 1e-8, tag + " fitted " + k);
            }
        }
    }

    @Test
    void aSavedFormulaModelPredictsTheFitsOwnValuesAndRsOnNewRows() throws IOException {
        Properties r = reference();
        // The new rows of r-formula-glm.R, columns in another order and without the response.
        Path fresh = dir.resolve("new.csv");
        Files.writeString(fresh, "rank,gpa,gre\n1,2.5,380\n2,3.1,520\n3,3.65,660\n4,4,800\n2,2.26,450\n",
                StandardCharsets.UTF_8);
        for (String tag : List.of("catnum", "functions", "offset")) {
            Path model = dir.resolve(tag + ".json");
            Path fitted = dir.resolve(tag + ".fitted.csv");
            Cli.Run run = Cli.run("fit", "--data", Cli.uclaCsv(dir).toString(), "--formula",
                    r.getProperty(tag + ".formula"), "--tol", "1e-11", "--predictions", fitted.toString(),
                    "--save-model", model.toString());
            assertEquals(0, run.code(), run.err());
            Path again = dir.resolve(tag + ".again.csv");
            Cli.Run predict = Cli.run("predict", "--model", model.toString(), "--data", Cli.uclaCsv(dir).toString(),
                    "--output", again.toString());
            assertEquals(0, predict.code(), predict.err());
            List<String> own = Files.readAllLines(fitted, StandardCharsets.UTF_8);
            List<String> predicted = Files.readAllLines(again, StandardCharsets.UTF_8);
            assertEquals(own.size(), predicted.size(), tag);
            for (int k = 1; k < own.size(); k++) {
                assertRelative(Double.parseDouble(own.get(k).split(",")[1]),
                        Double.parseDouble(predicted.get(k).split(",")[1]), 1e-13, tag + " row " + k);
            }
            Path out = dir.resolve(tag + ".new.csv");
            predict = Cli.run("predict", "--model", model.toString(), "--data", fresh.toString(), "--output",
                    out.toString());
            assertEquals(0, predict.code(), predict.err());
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertEquals(6, lines.size(), tag);
            for (int k = 1; k <= 5; k++) {
                assertRelative(Double.parseDouble(r.getProperty(tag + ".predict[" + k + "]")),
                        Double.parseDouble(lines.get(k).split(",")[1]), 1e-10, tag + " predict " + k);
            }
        }
    }

    @Test
    void aDotIsEveryColumnButTheResponseAsTheReportShows() throws IOException {
        Cli.Run run = Cli.run("fit", "--data", Cli.uclaCsv(dir).toString(), "--formula", "admit ~ . - gre");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Model:  admit ~ gpa + rank\n"), run.out());
    }

    @Test
    void withoutAnInterceptTheTestIsAgainstTheModelWithoutTerms() throws IOException {
        Cli.Run run = Cli.run("fit", "--data", Cli.uclaCsv(dir).toString(), "--formula", "admit ~ gre + gpa - 1");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Likelihood-ratio test against the model without terms: "), run.out());
        assertTrue(!run.out().contains("(Intercept)"), run.out());
        // R: glm(admit ~ 0 + gre + gpa, binomial) has null deviance 400 * 2 log 2 on 400 df.
        assertTrue(run.out().contains("Null deviance: 554.52  on 400  degrees of freedom"), run.out());
    }

    @Test
    void theHelpDescribesTheOption() {
        Cli.Run run = Cli.run("fit", "--help");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("--formula=FORMULA"), run.out());
        assertTrue(run.out().contains("%in%"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void validateAndCompareTakeAFormula() throws IOException {
        String data = Cli.uclaCsv(dir).toString();
        Cli.Run validate = Cli.run("validate", "--data", data, "--formula", "admit ~ gre + factor(rank)");
        assertEquals(0, validate.code(), validate.err());
        assertTrue(validate.out().contains("Model:  admit ~ gre + factor(rank)\n"), validate.out());
        assertTrue(validate.out().contains("factor(rank)4"), validate.out());
        Cli.Run compare = Cli.run("compare", "--data", data, "--formula", "admit ~ gre + factor(rank)", "--plot",
                dir.resolve("plot.png").toString());
        assertEquals(0, compare.code(), compare.err());
        assertTrue(compare.out().contains("Model:  admit ~ gre + factor(rank)\n"), compare.out());
    }
}
