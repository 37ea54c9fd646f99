package dev.logreg.cli;

import static dev.logreg.cli.Cli.run;
import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logreg.testing.Tolerances;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logreg fit} (and {@code compare}, {@code validate}) on a target with more than two classes,
 * end to end through {@link Main#run}: Iris against statsmodels' MNLogit, the text blocks, the
 * reference and symmetric parametrizations, separation, predictions and one-line caller errors.
 */
class MultinomialFitCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> CLASSES = List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica");
    private static final List<String> TERMS = List.of("(Intercept)", "sepal_length");

    // statsmodels 0.13 MNLogit, Iris species ~ sepal_length, reference Iris-setosa (../shared/data/SOURCES.md)
    private static final double VERSICOLOR_INTERCEPT = -26.0819360367;
    private static final double VERSICOLOR_INTERCEPT_SE = 4.8892729151;
    private static final double VERSICOLOR_SLOPE = 4.8156910935;
    private static final double VERSICOLOR_SLOPE_SE = 0.9068379703;
    private static final double VIRGINICA_INTERCEPT = -38.7590012315;
    private static final double VIRGINICA_INTERCEPT_SE = 5.6906751191;
    private static final double VIRGINICA_SLOPE = 6.8463985952;
    private static final double VIRGINICA_SLOPE_SE = 1.0222226577;
    private static final double LOG_LIKELIHOOD = -91.0339663948;
    private static final double NULL_LOG_LIKELIHOOD = -164.7918433002;
    private static final double AIC = 190.0679327897;

    @TempDir
    Path dir;

    private String iris() throws IOException {
        return Cli.irisCsv(dir).toString();
    }

    private String[] irisArgs(String features, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("fit", "--data", iris(), "--target", "species", "--features",
                features));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    private static JsonNode json(Cli.Run r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    private static List<String> strings(JsonNode array) {
        assertTrue(array.isArray(), "not an array: " + array);
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> fields(JsonNode object) {
        assertTrue(object.isObject(), "not an object: " + object);
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** A caller's mistake: exit code 2, nothing on stdout, one line on stderr naming the cause. */
    private static void assertCallerError(Cli.Run r, String... words) {
        Cli.assertCallerError(r, words);
    }

    /** The statsmodels coefficients of species ~ sepal_length, reference Iris-setosa, in {@code coefficients}. */
    private static void assertStatsmodelsCoefficients(JsonNode coefficients, String what) {
        assertEquals(List.of("Iris-versicolor", "Iris-virginica"), fields(coefficients), what);
        JsonNode versicolor = coefficients.get("Iris-versicolor");
        JsonNode virginica = coefficients.get("Iris-virginica");
        assertEquals(TERMS, fields(versicolor), what);
        assertEquals(TERMS, fields(virginica), what);
        assertClose(VERSICOLOR_INTERCEPT, versicolor.get("(Intercept)").asDouble(), Tolerances.R_REFERENCE, 1,
                what + " versicolor intercept");
        assertClose(VERSICOLOR_SLOPE, versicolor.get("sepal_length").asDouble(), Tolerances.R_REFERENCE, 1,
                what + " versicolor sepal_length");
        assertClose(VIRGINICA_INTERCEPT, virginica.get("(Intercept)").asDouble(), Tolerances.R_REFERENCE, 1,
                what + " virginica intercept");
        assertClose(VIRGINICA_SLOPE, virginica.get("sepal_length").asDouble(), Tolerances.R_REFERENCE, 1,
                what + " virginica sepal_length");
    }

    /** The class probabilities at one sepal length under statsmodels' coefficients. */
    private static double[] statsmodelsProbabilities(double sepalLength) {
        double[] z = {0, VERSICOLOR_INTERCEPT + VERSICOLOR_SLOPE * sepalLength,
            VIRGINICA_INTERCEPT + VIRGINICA_SLOPE * sepalLength};
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < 3; k++) {
            z[k] /= sum;
        }
        return z;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.parse(in)) {
            return parser.getRecords();
        }
    }

    // ---------------------------------------------------------------- JSON against statsmodels

    @Test
    void irisSepalLengthJsonMatchesStatsmodelsMNLogit() throws IOException {
        Cli.Run r = run(irisArgs("sepal_length", "--format", "json"));
        assertEquals("", r.err());
        JsonNode doc = json(r);
        assertEquals("logreg.fit/1", doc.get("schema").asText());
        assertEquals("multinomial", doc.get("model").asText());
        assertEquals("softmax", doc.get("link").asText());
        assertEquals("species ~ sepal_length", doc.get("formula").asText());
        assertTrue(doc.get("event").isNull(), doc.get("event").toString());
        assertEquals(CLASSES, strings(doc.get("classes")));
        assertEquals("reference", doc.get("parametrization").asText());
        assertEquals("Iris-setosa", doc.get("reference").asText());
        assertEquals(TERMS, strings(doc.get("terms")));
        assertEquals(150, doc.get("nObs").asInt());
        assertTrue(doc.get("converged").booleanValue(), doc.toString());
        assertFalse(doc.get("separation").booleanValue());
        assertEquals(0, doc.get("divergingTerms").size());
        assertTrue(doc.get("inferenceNote").isNull());
        assertStatsmodelsCoefficients(doc.get("coefficients"), "coefficients");

        JsonNode se = doc.get("standardErrors");
        assertEquals(List.of("Iris-versicolor", "Iris-virginica"), fields(se));
        assertClose(VERSICOLOR_INTERCEPT_SE, se.get("Iris-versicolor").get("(Intercept)").asDouble(),
                Tolerances.R_REFERENCE, 1, "SE versicolor intercept");
        assertClose(VERSICOLOR_SLOPE_SE, se.get("Iris-versicolor").get("sepal_length").asDouble(),
                Tolerances.R_REFERENCE, 1, "SE versicolor sepal_length");
        assertClose(VIRGINICA_INTERCEPT_SE, se.get("Iris-virginica").get("(Intercept)").asDouble(),
                Tolerances.R_REFERENCE, 1, "SE virginica intercept");
        assertClose(VIRGINICA_SLOPE_SE, se.get("Iris-virginica").get("sepal_length").asDouble(),
                Tolerances.R_REFERENCE, 1, "SE virginica sepal_length");

        assertClose(LOG_LIKELIHOOD, doc.get("logLikelihood").asDouble(), Tolerances.R_REFERENCE, 1, "log-likelihood");
        assertClose(NULL_LOG_LIKELIHOOD, doc.get("nullLogLikelihood").asDouble(), Tolerances.R_REFERENCE, 1,
                "null log-likelihood");
        assertClose(AIC, doc.get("aic").asDouble(), Tolerances.R_REFERENCE, 1, "AIC");
        assertClose(-2 * LOG_LIKELIHOOD + 4 * Math.log(150), doc.get("bic").asDouble(), Tolerances.R_REFERENCE, 1,
                "BIC");
        assertClose(-2 * LOG_LIKELIHOOD, doc.get("deviance").asDouble(), Tolerances.R_REFERENCE, 1, "deviance");
        assertClose(1 - LOG_LIKELIHOOD / NULL_LOG_LIKELIHOOD, doc.get("pseudoR2").asDouble(), Tolerances.R_REFERENCE,
                1, "pseudo-R2");
        assertEquals(4, doc.get("parameters").asInt());
        JsonNode lr = doc.get("likelihoodRatio");
        assertEquals(2, lr.get("df").asInt());
        assertClose(2 * (LOG_LIKELIHOOD - NULL_LOG_LIKELIHOOD), lr.get("statistic").asDouble(),
                Tolerances.R_REFERENCE, 1, "LR statistic");

        // z, intervals and relative risk ratios follow from the estimates and standard errors
        JsonNode b = doc.get("coefficients").get("Iris-virginica");
        JsonNode s = se.get("Iris-virginica");
        assertClose(b.get("sepal_length").asDouble() / s.get("sepal_length").asDouble(),
                doc.get("z").get("Iris-virginica").get("sepal_length").asDouble(), Tolerances.SAME_MATH, 1, "z");
        JsonNode interval = doc.get("confidenceIntervals").get("Iris-virginica").get("sepal_length");
        assertClose(2 * 1.959963984540054 * s.get("sepal_length").asDouble(),
                interval.get(1).asDouble() - interval.get(0).asDouble(), Tolerances.SAME_MATH, 1, "interval width");
        assertClose(Math.exp(b.get("sepal_length").asDouble()),
                doc.get("relativeRiskRatios").get("Iris-virginica").get("sepal_length").asDouble(),
                Tolerances.SAME_MATH, 1, "relative risk ratio");
        assertTrue(doc.get("p").get("Iris-versicolor").get("sepal_length").asDouble() < 1e-6);
        assertEquals(0, doc.get("warnings").size(), doc.get("warnings").toString());
    }

    @Test
    void solverAndDataFlagsApply() throws IOException {
        // Gradient descent on standardized features reaches the same optimum.
        JsonNode gd = json(run(irisArgs("sepal_length", "--solver", "gd", "--standardize", "--tol", "1e-10",
                "--format", "json")));
        assertEquals("gd", gd.get("solver").asText());
        assertTrue(gd.get("standardized").booleanValue());
        assertEquals(1e-10, gd.get("tolerance").asDouble(), 0.0);
        assertTrue(gd.get("converged").booleanValue(), gd.toString());
        assertStatsmodelsCoefficients(gd.get("coefficients"), "gd");

        // Weights of 2 on every row: the same estimates, twice the log-likelihood.
        List<String> lines = Cli.resourceLines("/data/iris.csv");
        List<String> weighted = new ArrayList<>();
        weighted.add(lines.get(0) + ",w");
        for (String line : lines.subList(1, lines.size())) {
            weighted.add(line + ",2");
        }
        Path file = dir.resolve("weighted.csv");
        Files.write(file, weighted, StandardCharsets.UTF_8);
        JsonNode doc = json(run("fit", "--data", file.toString(), "--target", "species", "--features", "sepal_length",
                "--weights", "w", "--format", "json"));
        assertEquals("w", doc.get("weights").asText());
        assertStatsmodelsCoefficients(doc.get("coefficients"), "weighted");
        assertClose(2 * LOG_LIKELIHOOD, doc.get("logLikelihood").asDouble(), Tolerances.R_REFERENCE, 1,
                "weighted log-likelihood");

        // --level sets the intervals.
        JsonNode level = json(run(irisArgs("sepal_length", "--level", "0.9", "--format", "json")));
        assertEquals(0.9, level.get("confidenceLevel").asDouble(), 0.0);
        JsonNode interval = level.get("confidenceIntervals").get("Iris-versicolor").get("sepal_length");
        assertClose(2 * 1.6448536269514722 * VERSICOLOR_SLOPE_SE, interval.get(1).asDouble() - interval.get(0).asDouble(),
                Tolerances.R_REFERENCE, 1, "90 % interval width");
    }

    @Test
    void aNumericTargetWithThreeValuesIsMultinomialAndItsReferenceIsMatchedByValue() throws IOException {
        List<String> lines = Cli.resourceLines("/data/iris.csv");
        List<String> coded = new ArrayList<>();
        coded.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String species = line.substring(line.lastIndexOf(',') + 1);
            coded.add(line.substring(0, line.lastIndexOf(',') + 1) + (CLASSES.indexOf(species) + 1) * 10);
        }
        Path file = dir.resolve("coded.csv");
        Files.write(file, coded, StandardCharsets.UTF_8);
        JsonNode doc = json(run("fit", "--data", file.toString(), "--target", "species", "--features", "sepal_length",
                "--reference", "30.0", "--format", "json"));
        // numeric order 10 < 20 < 30 (not String order), and 30.0 names the class 30
        assertEquals(List.of("10", "20", "30"), strings(doc.get("classes")));
        assertEquals("30", doc.get("reference").asText());
        assertEquals(List.of("10", "20"), fields(doc.get("coefficients")));
        // setosa against virginica is minus virginica against setosa
        assertClose(-VIRGINICA_SLOPE, doc.get("coefficients").get("10").get("sepal_length").asDouble(),
                Tolerances.R_REFERENCE, 1, "10 vs 30");
    }

    // ---------------------------------------------------------------- text

    @Test
    void textHasOneBlockPerClassAndTheModelStatistics() throws IOException {
        Cli.Run r = run(irisArgs("sepal_length"));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String out = r.out();
        List<String> lines = out.lines().toList();
        assertEquals("Multinomial logistic regression (softmax link, reference class Iris-setosa)", lines.get(0));
        assertTrue(out.contains("Model:  species ~ sepal_length\n"), out);
        assertTrue(out.contains("Target: species, 3 classes: Iris-setosa, Iris-versicolor, Iris-virginica\n"), out);
        assertTrue(out.contains("iris.csv: 150 observations used, 0 rows dropped for missing values\n"), out);
        assertTrue(out.contains("Solver: Newton, 7 iterations, converged"), out);
        int versicolor = lines.indexOf("Iris-versicolor (vs Iris-setosa):");
        int virginica = lines.indexOf("Iris-virginica (vs Iris-setosa):");
        assertTrue(versicolor > 0 && virginica > versicolor, out);
        assertFalse(out.contains("Iris-setosa (vs"), out);
        for (int block : new int[] {versicolor, virginica}) {
            assertEquals(List.of("Estimate", "Std.", "Error", "z", "value", "Pr(>|z|)"),
                    List.of(lines.get(block + 1).trim().split("\\s+")), out);
            assertTrue(lines.get(block + 2).startsWith("(Intercept) "), out);
            assertTrue(lines.get(block + 2).endsWith("***"), lines.get(block + 2));
            assertTrue(lines.get(block + 3).startsWith("sepal_length "), out);
        }
        assertEquals(List.of("(Intercept)", "-26.0819", "4.8893", "-5.335", "9.58e-08", "***"),
                List.of(lines.get(versicolor + 2).split("\\s+")));
        assertTrue(out.contains("Signif. codes:"), out);
        assertTrue(out.contains("Log-likelihood: -91.03397 (df = 4)   Null log-likelihood: -164.7918 (df = 2)\n"), out);
        assertTrue(out.contains("Residual deviance: 182.07   Null deviance: 329.58\n"), out);
        assertTrue(out.contains("AIC: 190.07   BIC: 202.11   McFadden pseudo-R2: 0.4476\n"), out);
        assertTrue(out.contains("Likelihood-ratio test against the intercept-only model: 147.52 on 2 df, p = <2e-16\n"),
                out);
        assertFalse(out.contains("Warnings:"), out);
    }

    // ---------------------------------------------------------------- parametrizations

    @Test
    void anotherReferenceChangesTheBlocksButNotTheProbabilities() throws IOException {
        Path first = dir.resolve("first.csv");
        Path last = dir.resolve("last.csv");
        JsonNode setosa = json(run(irisArgs("sepal_length", "--format", "json", "--predictions", first.toString())));
        JsonNode virginica = json(run(irisArgs("sepal_length", "--reference", "Iris-virginica", "--format", "json",
                "--predictions", last.toString())));
        assertEquals("Iris-virginica", virginica.get("reference").asText());
        assertEquals(List.of("Iris-setosa", "Iris-versicolor"), fields(virginica.get("coefficients")));
        assertEquals(List.of("Iris-setosa", "Iris-versicolor"), fields(virginica.get("standardErrors")));
        // versicolor against setosa = versicolor against virginica - setosa against virginica
        JsonNode b = virginica.get("coefficients");
        for (String term : TERMS) {
            assertClose(setosa.get("coefficients").get("Iris-versicolor").get(term).asDouble(),
                    b.get("Iris-versicolor").get(term).asDouble() - b.get("Iris-setosa").get(term).asDouble(),
                    Tolerances.SAME_OPTIMUM, 1, term);
        }
        assertClose(setosa.get("logLikelihood").asDouble(), virginica.get("logLikelihood").asDouble(),
                Tolerances.SAME_OPTIMUM, 1, "log-likelihood");
        List<CSVRecord> a = csv(first);
        List<CSVRecord> c = csv(last);
        assertEquals(151, a.size());
        assertEquals(a.get(0).toList(), c.get(0).toList());
        for (int i = 1; i < a.size(); i++) {
            for (int k = 0; k < 3; k++) {
                assertClose(Double.parseDouble(a.get(i).get(k)), Double.parseDouble(c.get(i).get(k)),
                        Tolerances.SAME_OPTIMUM, 1, "row " + i + " class " + k);
            }
        }
        String text = run(irisArgs("sepal_length", "--reference", "Iris-virginica")).out();
        assertTrue(text.contains("\nIris-setosa (vs Iris-virginica):\n"), text);
        assertTrue(text.contains("\nIris-versicolor (vs Iris-virginica):\n"), text);
        assertTrue(text.startsWith("Multinomial logistic regression (softmax link, reference class Iris-virginica)"),
                text);
    }

    @Test
    void symmetricWithAPenaltyReportsEveryClassAndCentredIntercepts() throws IOException {
        Cli.Run r = run(irisArgs("sepal_length", "--parametrization", "symmetric", "--l2", "0.01", "--format", "json"));
        assertEquals("", r.err());
        JsonNode doc = json(r);
        assertEquals("symmetric", doc.get("parametrization").asText());
        assertTrue(doc.get("reference").isNull());
        assertEquals(0.01, doc.get("l2").asDouble(), 0.0);
        assertTrue(doc.get("converged").booleanValue(), doc.toString());
        JsonNode b = doc.get("coefficients");
        assertEquals(CLASSES, fields(b));
        double interceptSum = 0;
        double slopeSum = 0;
        double scale = 0;
        for (String c : CLASSES) {
            interceptSum += b.get(c).get("(Intercept)").asDouble();
            slopeSum += b.get(c).get("sepal_length").asDouble();
            scale = Math.max(scale, Math.abs(b.get(c).get("(Intercept)").asDouble()));
        }
        assertTrue(scale > 1, "intercepts all near zero: " + b);
        assertClose(0, interceptSum, Tolerances.SAME_MATH, scale, "sum of the intercepts");
        // At the penalized optimum each term's coefficients sum to zero over the classes.
        assertClose(0, slopeSum, Tolerances.SAME_OPTIMUM, 1, "sum of the sepal_length coefficients");
        // Penalized: no Wald inference, AIC, BIC or test; likelihoods still reported.
        assertFalse(doc.get("inferenceNote").isNull());
        assertTrue(doc.get("standardErrors").isNull());
        assertTrue(doc.get("aic").isNull());
        assertTrue(doc.get("likelihoodRatio").isNull());
        assertTrue(doc.get("relativeRiskRatios").isNull());
        assertTrue(doc.get("logLikelihood").asDouble() < LOG_LIKELIHOOD, doc.get("logLikelihood").toString());

        String text = run(irisArgs("sepal_length", "--parametrization", "SYMMETRIC", "--l2", "0.01")).out();
        List<String> lines = text.lines().toList();
        for (String c : CLASSES) {
            int block = lines.indexOf(c + ":");
            assertTrue(block > 0, c + " block in:\n" + text);
            assertEquals("Estimate", lines.get(block + 1).trim());
        }
        assertFalse(text.contains("(vs "), text);
        assertFalse(text.contains("Std. Error"), text);
        assertFalse(text.contains("AIC: "), text);
        assertFalse(text.contains("Likelihood-ratio test against"), text);
        assertTrue(text.contains("Penalty: L2, lambda = 0.01, on the coefficients of the features as given (not applied"
                + " to the intercepts)"), text);
        assertTrue(text.contains("not reported for penalized fits"), text);
        assertTrue(text.contains("McFadden pseudo-R2: "), text);
    }

    @Test
    void aPenaltyMakesTheSymmetricParametrizationTheDefault() throws IOException {
        JsonNode doc = json(run(irisArgs("sepal_length", "--l2", "0.5", "--format", "json")));
        assertEquals("symmetric", doc.get("parametrization").asText());
        assertTrue(doc.get("reference").isNull());
        assertEquals(0, doc.get("warnings").size(), doc.get("warnings").toString());
        // --reference asks for the reference parametrization.
        JsonNode ref = json(run(irisArgs("sepal_length", "--l2", "0.5", "--reference", "Iris-virginica",
                "--format", "json")));
        assertEquals("reference", ref.get("parametrization").asText());
        assertEquals("Iris-virginica", ref.get("reference").asText());
    }

    @Test
    void aPenalizedReferenceFitReportsEstimatesOnlyAndWarnsOnceOfItsAsymmetry() throws IOException {
        Cli.Run r = run(irisArgs("sepal_length", "--l2", "0.5", "--parametrization", "reference", "--format", "json"));
        assertEquals(1, r.err().lines().filter(l -> l.contains("not symmetric in the classes")).count(), r.err());
        JsonNode doc = json(r);
        assertEquals("reference", doc.get("parametrization").asText());
        assertEquals(1, doc.get("warnings").size(), doc.get("warnings").toString());
        assertTrue(doc.get("standardErrors").isNull());
        assertTrue(doc.get("bic").isNull());
        assertTrue(doc.get("inferenceNote").asText().contains("penalized"), doc.get("inferenceNote").asText());
        JsonNode b = doc.get("coefficients").get("Iris-virginica").get("sepal_length");
        assertTrue(b.asDouble() > 0 && b.asDouble() < VIRGINICA_SLOPE, b.toString());
        assertClose(Math.exp(b.asDouble()), doc.get("relativeRiskRatios").get("Iris-virginica").get("sepal_length")
                .asDouble(), Tolerances.SAME_MATH, 1, "relative risk ratio");
    }

    // ---------------------------------------------------------------- separation

    @Test
    void sepalLengthAndWidthSeparateSetosaWithAWarningAndExitZero() throws IOException {
        Cli.Run r = run(irisArgs("sepal_length,sepal_width", "--format", "json"));
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        assertFalse(r.out().contains("Infinity"), r.out());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("separation").booleanValue(), doc.toString());
        assertFalse(doc.get("converged").booleanValue());
        assertEquals("SEPARATION", doc.get("termination").asText());
        JsonNode diverging = doc.get("divergingTerms");
        assertEquals(List.of("Iris-versicolor", "Iris-virginica"), fields(diverging));
        assertTrue(strings(diverging.get("Iris-versicolor")).contains("sepal_width"), diverging.toString());
        for (String c : List.of("Iris-versicolor", "Iris-virginica")) {
            for (String term : List.of("(Intercept)", "sepal_length", "sepal_width")) {
                JsonNode v = doc.get("coefficients").get(c).get(term);
                assertTrue(v.isNumber() && Double.isFinite(v.asDouble()), c + " " + term + ": " + v);
            }
        }
        assertTrue(strings(doc.get("warnings")).stream().anyMatch(w -> w.contains("separation")),
                doc.get("warnings").toString());
        List<String> err = r.err().lines().toList();
        assertFalse(err.isEmpty());
        for (String line : err) {
            assertTrue(line.startsWith("logreg: warning: "), line);
        }
        assertTrue(r.err().contains("separation"), r.err());

        Cli.Run text = run(irisArgs("sepal_length,sepal_width"));
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("stopped: the classes are separated"), text.out());
        assertTrue(text.out().contains("\nWarnings:\n  quasi-complete separation"), text.out());
        assertFalse(text.out().contains("NaN"), text.out());
    }

    @Test
    void anAliasedColumnIsNaInEveryClassAndChangesNothingElse() throws IOException {
        List<String> lines = Cli.resourceLines("/data/iris.csv");
        List<String> doubled = new ArrayList<>();
        doubled.add(lines.get(0) + ",twice");
        for (String line : lines.subList(1, lines.size())) {
            doubled.add(line + "," + 2 * Double.parseDouble(line.split(",")[0]));
        }
        Path file = dir.resolve("aliased.csv");
        Files.write(file, doubled, StandardCharsets.UTF_8);
        Cli.Run r = run("fit", "--data", file.toString(), "--target", "species", "--features", "sepal_length,twice",
                "--format", "json");
        JsonNode doc = json(r);
        assertEquals(List.of("twice"), strings(doc.get("aliased")));
        for (String c : List.of("Iris-versicolor", "Iris-virginica")) {
            assertTrue(doc.get("coefficients").get(c).get("twice").isNull(), doc.get("coefficients").toString());
            assertTrue(doc.get("standardErrors").get(c).get("twice").isNull(), doc.get("standardErrors").toString());
        }
        assertClose(VIRGINICA_SLOPE, doc.get("coefficients").get("Iris-virginica").get("sepal_length").asDouble(),
                Tolerances.R_REFERENCE, 1, "virginica sepal_length");
        assertClose(AIC, doc.get("aic").asDouble(), Tolerances.R_REFERENCE, 1, "AIC");
        assertTrue(r.err().startsWith("logreg: warning: 1 column not defined because of singularities"), r.err());

        String text = run("fit", "--data", file.toString(), "--target", "species", "--features", "sepal_length,twice")
                .out();
        assertTrue(text.contains("Coefficients: (1 not defined because of singularities, in every class)"), text);
        assertEquals(2, text.lines().filter(l -> l.matches("twice\\s+NA\\s+NA\\s+NA\\s+NA")).count(), text);
    }

    // ---------------------------------------------------------------- predictions

    @Test
    void predictionsHaveOneProbabilityColumnPerClassInInputOrder() throws IOException {
        Path predictions = dir.resolve("p.csv");
        Cli.Run r = run(irisArgs("sepal_length", "--predictions", predictions.toString()));
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> records = csv(predictions);
        assertEquals(151, records.size());
        assertEquals(CLASSES, records.get(0).toList());
        List<String> data = Cli.resourceLines("/data/iris.csv");
        for (int i = 1; i <= 150; i++) {
            CSVRecord rec = records.get(i);
            assertEquals(3, rec.size(), "row " + i);
            double[] expected = statsmodelsProbabilities(Double.parseDouble(data.get(i).split(",")[0]));
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                double p = Double.parseDouble(rec.get(k));
                sum += p;
                assertClose(expected[k], p, Tolerances.R_REFERENCE, 1, "row " + i + " " + CLASSES.get(k));
            }
            assertClose(1.0, sum, Tolerances.SAME_MATH, 1, "row " + i + " sum");
        }
    }

    @Test
    void predictionsForDroppedRowsAreEmpty() throws IOException {
        List<String> lines = new ArrayList<>(Cli.resourceLines("/data/iris.csv"));
        lines.set(3, "NA" + lines.get(3).substring(lines.get(3).indexOf(',')));
        Path file = dir.resolve("missing.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        Path predictions = dir.resolve("p.csv");
        JsonNode doc = json(run("fit", "--data", file.toString(), "--target", "species", "--features", "sepal_length",
                "--predictions", predictions.toString(), "--format", "json"));
        assertEquals(149, doc.get("nObs").asInt());
        assertEquals(1, doc.get("rowsDropped").asInt());
        List<CSVRecord> records = csv(predictions);
        assertEquals(151, records.size());
        assertEquals(List.of("", "", ""), records.get(3).toList());
        for (int i : new int[] {1, 2, 4, 150}) {
            assertEquals(3, records.get(i).size());
            assertFalse(records.get(i).get(0).isEmpty(), "row " + i);
        }
    }

    // ---------------------------------------------------------------- caller errors

    @Test
    void symmetricWithoutAPenalty() throws IOException {
        assertCallerError(run(irisArgs("sepal_length", "--parametrization", "symmetric")),
                "--parametrization symmetric", "--l2 > 0");
        assertCallerError(run(irisArgs("sepal_length", "--parametrization", "symmetric", "--l2", "0")), "--l2 > 0");
    }

    @Test
    void aReferenceThatDoesNotOccur() throws IOException {
        assertCallerError(run(irisArgs("sepal_length", "--reference", "Iris-foo")), "--reference", "'Iris-foo'",
                "does not occur", "Iris-setosa, Iris-versicolor, Iris-virginica");
    }

    @Test
    void aReferenceWithTheSymmetricParametrization() throws IOException {
        assertCallerError(run(irisArgs("sepal_length", "--parametrization", "symmetric", "--l2", "1",
                "--reference", "Iris-setosa")), "--reference", "symmetric");
    }

    @Test
    void anUnknownParametrization() throws IOException {
        assertCallerError(run(irisArgs("sepal_length", "--parametrization", "sym")), "--parametrization", "sym");
    }

    @Test
    void multinomialOptionsOnATwoClassTarget() throws IOException {
        String ucla = Cli.uclaCsv(dir).toString();
        assertCallerError(run("fit", "--data", ucla, "--target", "admit", "--reference", "0"), "--reference",
                "more than two classes", "--positive");
        assertCallerError(run("fit", "--data", ucla, "--target", "admit", "--parametrization", "reference"),
                "--parametrization", "more than two classes", "--positive");
        // Iris with --positive is one class against the rest: binary, so the same.
        assertCallerError(run(irisArgs("sepal_length", "--positive", "Iris-setosa", "--reference", "Iris-setosa")),
                "--reference", "more than two classes");
    }

    @Test
    void positiveStillFitsOneClassAgainstTheRest() throws IOException {
        JsonNode doc = json(run(irisArgs("sepal_length", "--positive", "Iris-setosa", "--format", "json")));
        assertEquals("binomial", doc.get("model").asText());
        assertEquals("Iris-setosa", doc.get("event").asText());
        assertEquals(List.of("not Iris-setosa", "Iris-setosa"), strings(doc.get("classes")));
        assertTrue(doc.get("coefficients").get("sepal_length").isNumber(), doc.toString());
    }

    @Test
    void validateSaysItCoversBinaryTargets() throws IOException {
        assertCallerError(run("validate", "--data", iris(), "--target", "species"), "binary", "3 classes",
                "--positive");
    }

    @Test
    void helpListsTheMultinomialOptions() {
        Cli.Run r = run("fit", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("--parametrization"), r.out());
        assertTrue(r.out().contains("--reference"), r.out());
    }

    // ---------------------------------------------------------------- compare

    @Test
    void compareFitsBothSolversThroughTheMultinomialModel() throws IOException {
        Path png = dir.resolve("iris.png").toAbsolutePath().normalize();
        Cli.Run r = run("compare", "--data", iris(), "--target", "species", "--features", "sepal_length",
                "--standardize", "--tol", "1e-10", "--plot", png.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("multinomial", doc.get("model").asText());
        assertEquals(CLASSES, strings(doc.get("classes")));
        assertEquals("Iris-setosa", doc.get("reference").asText());
        assertEquals(png.toString(), doc.get("plot").asText());
        assertTrue(Files.size(png) > 0, png.toString());
        List<String> names = new ArrayList<>();
        for (JsonNode s : doc.get("solvers")) {
            names.add(s.get("name").asText());
            assertTrue(s.get("converged").booleanValue(), s.toString());
            assertStatsmodelsCoefficients(s.get("coefficients"), s.get("name").asText());
            assertEquals(s.get("iterations").asInt() + 1, s.get("trace").size());
        }
        assertEquals(List.of("gd", "newton"), names);
        assertTrue(doc.get("solvers").get(1).get("iterations").asInt() < doc.get("solvers").get(0).get("iterations")
                .asInt(), doc.toString());

        Cli.Run text = run("compare", "--data", iris(), "--target", "species", "--features", "sepal_length",
                "--standardize", "--plot", png.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Target: species, 3 classes"), text.out());
        assertTrue(text.out().contains("\nIris-versicolor (vs Iris-setosa):\n"), text.out());
        assertTrue(text.out().contains("\nIris-virginica (vs Iris-setosa):\n"), text.out());
    }
}
