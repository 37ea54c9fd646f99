package dev.logreg.cli;

import static dev.logreg.cli.Cli.run;

import static dev.logreg.testing.Close.assertClose;
import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logreg fit} end to end through {@link Main#run}: JSON and text reports against R's glm
 * (reference/r-glm.properties), predictions, weights, non-convergence, and one-line caller errors.
 */
class FitCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Credit Approval model e, as the CLI takes it. */
    private static final String CREDIT_FEATURES = "A2,A3,A8,A11,A14,log1p(A15),A9,A10";

    /** Term names the CLI prints for model a, and R's keys (parentheses dropped) for them. */
    private static final Map<String, String> UCLA_TERMS = new LinkedHashMap<>();
    /** Term names the CLI prints for model e, and R's keys for them. */
    private static final Map<String, String> CREDIT_TERMS = new LinkedHashMap<>();

    static {
        UCLA_TERMS.put("(Intercept)", "Intercept");
        UCLA_TERMS.put("gre", "gre");
        UCLA_TERMS.put("gpa", "gpa");
        UCLA_TERMS.put("rank2", "factorrank2");
        UCLA_TERMS.put("rank3", "factorrank3");
        UCLA_TERMS.put("rank4", "factorrank4");
        CREDIT_TERMS.put("(Intercept)", "Intercept");
        for (String t : List.of("A2", "A3", "A8", "A11", "A14")) {
            CREDIT_TERMS.put(t, t);
        }
        CREDIT_TERMS.put("log1p(A15)", "log1pA15");
        CREDIT_TERMS.put("A9t", "A9t");
        CREDIT_TERMS.put("A10t", "A10t");
    }

    @TempDir
    Path dir;


    // ---------------------------------------------------------------- data files in the temp dir

    /** The UCLA data lines without the '#' provenance comments: header first, then 400 rows. */
    private static List<String> uclaLines() throws IOException {
        return Cli.resourceLines("/data/ucla_admissions.csv");
    }

    /** crx.data's 690 lines (no header). */
    private static List<String> creditLines() throws IOException {
        return Cli.resourceLines("/dev/logreg/data/crx.data");
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path ucla() throws IOException {
        return Cli.uclaCsv(dir);
    }

    private Path credit() throws IOException {
        return Cli.creditCsv(dir);
    }

    private String[] creditArgs(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("fit", "--data", credit().toString(), "--target", "A16",
                "--positive", "+", "--features", CREDIT_FEATURES));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    // ---------------------------------------------------------------- assertions

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

    /** The coefficients object matches R's {@code prefix.coef.*} term by term, in this order. */
    private static void assertCoefficients(JsonNode doc, Map<String, String> terms, String prefix, double tol) {
        assertEquals(List.copyOf(terms.keySet()), strings(doc.get("terms")));
        JsonNode coefficients = doc.get("coefficients");
        List<String> names = new ArrayList<>();
        coefficients.fieldNames().forEachRemaining(names::add);
        assertEquals(List.copyOf(terms.keySet()), names);
        for (Map.Entry<String, String> t : terms.entrySet()) {
            JsonNode value = coefficients.get(t.getKey());
            assertTrue(value.isNumber(), t.getKey() + " is not a number: " + value);
            assertRelative(Data.r(prefix + ".coef." + t.getValue()), value.asDouble(), tol,
                    "coefficient " + t.getKey());
        }
    }

    /** A caller's mistake: exit code 2, nothing on stdout, one line on stderr naming the cause. */
    private static void assertCallerError(Cli.Run r, String... words) {
        Cli.assertCallerError(r, words);
    }

    // ---------------------------------------------------------------- 1-3: JSON against R

    @Test
    void uclaJsonMatchesR() throws IOException {
        Cli.Run r = run("fit", "--data", ucla().toString(), "--target", "admit", "--categorical", "rank",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode doc = json(r);
        assertEquals("logreg.fit/1", doc.get("schema").asText());
        assertEquals("binomial", doc.get("model").asText());
        assertEquals("newton", doc.get("solver").asText());
        assertTrue(doc.get("converged").isBoolean() && doc.get("converged").booleanValue(), doc.toString());
        assertEquals(400, doc.get("nObs").asInt());
        assertEquals(0, doc.get("rowsDropped").asInt());
        assertTrue(doc.get("nObs").isInt() && doc.get("rowsDropped").isInt(), doc.toString());
        assertCoefficients(doc, UCLA_TERMS, "a", Tolerances.R_REFERENCE);
        assertRelative(Data.r("a.deviance") / (2 * 400), doc.get("loss").asDouble(), Tolerances.R_REFERENCE, "loss");
        assertTrue(doc.get("warnings").isArray(), doc.toString());
        assertEquals(0, doc.get("warnings").size(), doc.toString());
    }

    @Test
    void creditJsonMatchesR() throws IOException {
        Cli.Run r = run(creditArgs("--format", "json"));
        assertEquals("", r.err());
        JsonNode doc = json(r);
        assertEquals(666, doc.get("nObs").asInt());
        assertEquals(24, doc.get("rowsDropped").asInt());
        assertEquals("+", doc.get("event").asText());
        assertTrue(doc.get("converged").booleanValue(), doc.toString());
        assertCoefficients(doc, CREDIT_TERMS, "e", Tolerances.R_REFERENCE);
        assertRelative(Data.r("e.deviance") / (2 * 666), doc.get("loss").asDouble(), Tolerances.R_REFERENCE, "loss");
    }

    @Test
    void creditByStandardizedGradientDescentMatchesR() throws IOException {
        Cli.Run r = run(creditArgs("--format", "json", "--solver", "gd", "--standardize", "--tol", "1e-10"));
        assertEquals("", r.err());
        JsonNode doc = json(r);
        assertEquals("gd", doc.get("solver").asText());
        assertTrue(doc.get("standardized").booleanValue(), doc.toString());
        assertTrue(doc.get("converged").booleanValue(), doc.toString());
        assertEquals(666, doc.get("nObs").asInt());
        assertCoefficients(doc, CREDIT_TERMS, "e", Tolerances.R_REFERENCE);
    }

    // ---------------------------------------------------------------- inference (summary.glm)

    /** A JSON object keyed by term matches R's {@code prefix.stat.*}. */
    private static void assertKeyed(JsonNode object, Map<String, String> terms, String prefix, String stat,
                                    double tol) {
        assertTrue(object != null && object.isObject(), stat + ": " + object);
        double floor = stat.equals("p") ? Tolerances.P_VALUE_FLOOR : 0;
        for (Map.Entry<String, String> t : terms.entrySet()) {
            assertClose(Data.r(prefix + "." + stat + "." + t.getValue()), object.get(t.getKey()).asDouble(), tol,
                    floor, stat + " " + t.getKey());
        }
    }

    @Test
    void uclaJsonCarriesSummaryGlmInference() throws IOException {
        JsonNode doc = json(run("fit", "--data", ucla().toString(), "--target", "admit", "--categorical", "rank",
                "--format", "json"));
        // The issue's figures, then R's 17 digits.
        double[] published = {1.139951, 0.001094, 0.331819, 0.316490, 0.345306, 0.417832};
        int j = 0;
        for (String term : UCLA_TERMS.keySet()) {
            assertClose(published[j++], doc.get("standardErrors").get(term).asDouble(), Tolerances.R_REFERENCE, 1,
                    "published SE " + term);
        }
        assertKeyed(doc.get("standardErrors"), UCLA_TERMS, "a", "se", Tolerances.R_REFERENCE);
        assertKeyed(doc.get("z"), UCLA_TERMS, "a", "z", Tolerances.R_REFERENCE);
        assertKeyed(doc.get("p"), UCLA_TERMS, "a", "p", Tolerances.R_REFERENCE);
        assertRelative(458.5175, doc.get("deviance").asDouble(), Tolerances.R_REFERENCE, "deviance");
        assertRelative(499.9765, doc.get("nullDeviance").asDouble(), Tolerances.R_REFERENCE, "null deviance");
        assertRelative(470.5175, doc.get("aic").asDouble(), Tolerances.R_REFERENCE, "AIC");
        assertRelative(-229.2587, doc.get("logLikelihood").asDouble(), Tolerances.R_REFERENCE, "logLik");
        assertRelative(Data.r("a.BIC"), doc.get("bic").asDouble(), Tolerances.R_REFERENCE, "BIC");
        assertRelative(Data.r("f.a.nullLogLik"), doc.get("nullLogLikelihood").asDouble(), Tolerances.R_REFERENCE,
                "null logLik");
        assertRelative(1 - Data.r("a.logLik") / Data.r("f.a.nullLogLik"), doc.get("pseudoR2").asDouble(),
                Tolerances.R_REFERENCE, "pseudo-R2");
        assertEquals(394, doc.get("dfResidual").asInt());
        assertEquals(399, doc.get("dfNull").asInt());
        JsonNode lr = doc.get("likelihoodRatio");
        assertRelative(Data.r("f.a.lr.statistic"), lr.get("statistic").asDouble(), Tolerances.R_REFERENCE, "LR");
        assertEquals(5, lr.get("df").asInt());
        assertRelative(Data.r("f.a.lr.p"), lr.get("p").asDouble(), Tolerances.R_REFERENCE, "LR p");
        JsonNode ci = doc.get("confidenceIntervals").get("gpa");
        double se = doc.get("standardErrors").get("gpa").asDouble();
        double estimate = doc.get("coefficients").get("gpa").asDouble();
        assertRelative(estimate - 1.959963984540054 * se, ci.get(0).asDouble(), Tolerances.SAME_MATH, "CI low");
        assertRelative(estimate + 1.959963984540054 * se, ci.get(1).asDouble(), Tolerances.SAME_MATH, "CI high");
        assertTrue(doc.get("inferenceNote").isNull(), doc.toString());
    }

    @Test
    void theLevelOptionSetsTheIntervals() throws IOException {
        JsonNode doc = json(run("fit", "--data", ucla().toString(), "--target", "admit", "--categorical", "rank",
                "--format", "json", "--level", "0.9"));
        assertEquals(0.9, doc.get("confidenceLevel").asDouble());
        for (Map.Entry<String, String> t : UCLA_TERMS.entrySet()) {
            JsonNode pair = doc.get("confidenceIntervals").get(t.getKey());
            assertRelative(Data.r("f.a.ci90.lower." + t.getValue()), pair.get(0).asDouble(), Tolerances.R_REFERENCE,
                    "90% lower " + t.getKey());
            assertRelative(Data.r("f.a.ci90.upper." + t.getValue()), pair.get(1).asDouble(), Tolerances.R_REFERENCE,
                    "90% upper " + t.getKey());
        }
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "admit", "--level", "1.5"), "1.5");
    }

    @Test
    void creditJsonInferenceMatchesR() throws IOException {
        JsonNode doc = json(run(creditArgs("--format", "json")));
        assertKeyed(doc.get("standardErrors"), CREDIT_TERMS, "e", "se", Tolerances.R_REFERENCE);
        assertKeyed(doc.get("z"), CREDIT_TERMS, "e", "z", Tolerances.R_REFERENCE);
        assertKeyed(doc.get("p"), CREDIT_TERMS, "e", "p", Tolerances.R_REFERENCE);
        assertRelative(Data.r("e.AIC"), doc.get("aic").asDouble(), Tolerances.R_REFERENCE, "AIC");
        assertRelative(Data.r("e.null.deviance"), doc.get("nullDeviance").asDouble(), Tolerances.R_REFERENCE,
                "null deviance");
    }

    @Test
    void penalizedFitsSayPlainlyThatWaldInferenceIsNotReported() throws IOException {
        Cli.Run r = run("fit", "--data", ucla().toString(), "--target", "admit", "--categorical", "rank",
                "--format", "json", "--l2", "0.1");
        JsonNode doc = json(r);
        assertTrue(doc.get("standardErrors").isNull() && doc.get("p").isNull() && doc.get("aic").isNull(),
                doc.toString());
        assertTrue(doc.get("inferenceNote").asText().contains("not reported for penalized fits"), doc.toString());
        assertTrue(doc.get("deviance").asDouble() > Data.r("a.deviance"), doc.toString());
        Cli.Run text = run("fit", "--data", ucla().toString(), "--target", "admit", "--categorical", "rank",
                "--l2", "0.1");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("not reported for penalized fits"), text.out());
        assertFalse(text.out().contains("Std. Error"), text.out());
        assertFalse(text.out().contains("AIC:"), text.out()); // the note names AIC; no value is printed
    }

    @Test
    void uclaTextLooksLikeSummaryGlm() throws IOException {
        Cli.Run r = run("fit", "--data", ucla().toString(), "--target", "admit", "--categorical", "rank");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        for (String line : List.of(
                "             Estimate Std. Error z value Pr(>|z|)",
                "(Intercept) -3.989979   1.139951  -3.500 0.000465 ***",
                "gre          0.002264   0.001094   2.070 0.038465 *",
                "gpa          0.804038   0.331819   2.423 0.015388 *",
                "rank2       -0.675443   0.316490  -2.134 0.032829 *",
                "rank3       -1.340204   0.345306  -3.881 0.000104 ***",
                "rank4       -1.551464   0.417832  -3.713 0.000205 ***",
                "    Null deviance: 499.98  on 399  degrees of freedom",
                "Residual deviance: 458.52  on 394  degrees of freedom",
                "AIC: 470.52")) {
            assertTrue(out.lines().anyMatch(line::equals), "missing line '" + line + "' in:\n" + out);
        }
    }

    // ---------------------------------------------------------------- robustness: aliasing, separation

    @Test
    void theFullCreditModelIsAliasedAndSeparatedAsInR() throws IOException {
        Cli.Run r = run("fit", "--data", credit().toString(), "--target", "A16", "--positive", "+", "--format", "json");
        JsonNode doc = json(r);
        assertEquals(653, doc.get("nObs").asInt());
        assertEquals(List.of("A5gg", "A5p"), strings(doc.get("aliased")));
        assertTrue(doc.get("coefficients").get("A5gg").isNull() && doc.get("standardErrors").get("A5p").isNull(),
                doc.toString());
        assertTrue(doc.get("separation").booleanValue(), doc.toString());
        assertEquals("SEPARATION", doc.get("termination").asText());
        // R: A4 = l, A7 = o and A13 = p hold one class only; with l as A4's reference level the intercept and
        // A4's dummies diverge too.
        assertEquals(List.of("(Intercept)", "A4u", "A4y", "A7o", "A13p"), strings(doc.get("divergingTerms")));
        assertTrue(strings(doc.get("warnings")).stream().anyMatch(w -> w.contains("separation")
                && w.contains("A7o") && w.contains("A13p")), doc.toString());
        assertTrue(r.err().contains("separation"), r.err());
        // R 4.2.2: A9t = 3.8624431726058899, residual deviance 364.27 on 617 df, AIC 436.27.
        assertClose(3.8624431726058899, doc.get("coefficients").get("A9t").asDouble(), 0.01, 0, "A9t within 1%");
        assertClose(364.27, doc.get("deviance").asDouble(), 1e-4, 0, "deviance");
        assertEquals(617, doc.get("dfResidual").asInt());
        assertClose(436.27, doc.get("aic").asDouble(), 1e-4, 0, "AIC");
        Cli.Run text = run("fit", "--data", credit().toString(), "--target", "A16", "--positive", "+");
        assertTrue(text.out().contains("Coefficients: (2 not defined because of singularities)"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("A5gg +NA +NA +NA +NA")), text.out());
    }

    @Test
    void aPenalizedFullCreditModelConvergesWithEveryColumn() throws IOException {
        JsonNode doc = json(run("fit", "--data", credit().toString(), "--target", "A16", "--positive", "+",
                "--l2", "0.01", "--format", "json"));
        assertTrue(doc.get("converged").booleanValue(), doc.toString());
        assertFalse(doc.get("separation").booleanValue());
        assertEquals(0, doc.get("aliased").size());
        assertTrue(doc.get("maxAbsGradient").asDouble() <= 1e-8);
    }

    @Test
    void anAliasedColumnDoesNotChangePredictions() throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> ucla = Cli.resourceLines("/data/ucla_admissions.csv");
        lines.add(ucla.get(0) + ",gre2");
        for (String line : ucla.subList(1, ucla.size())) {
            lines.add(line + "," + line.split(",")[1]);
        }
        Path data = write("ucla-gre2.csv", lines);
        Path with = dir.resolve("with.csv");
        Path without = dir.resolve("without.csv");
        JsonNode doc = json(run("fit", "--data", data.toString(), "--target", "admit", "--categorical", "rank",
                "--format", "json", "--predictions", with.toString()));
        assertEquals(List.of("gre2"), strings(doc.get("aliased")));
        assertTrue(doc.get("converged").booleanValue(), doc.toString());
        json(run("fit", "--data", data.toString(), "--target", "admit", "--categorical", "rank",
                "--features", "gre,gpa,rank", "--format", "json", "--predictions", without.toString()));
        List<String> a = Files.readAllLines(with);
        List<String> b = Files.readAllLines(without);
        assertEquals(a.size(), b.size());
        for (int i = 1; i < a.size(); i++) {
            assertClose(Double.parseDouble(b.get(i).split(",")[1]), Double.parseDouble(a.get(i).split(",")[1]),
                    Tolerances.SAME_MATH, 1, "row " + i);
        }
    }

    // ---------------------------------------------------------------- 4: text

    @Test
    void creditTextReport() throws IOException {
        Cli.Run r = run(creditArgs());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String text = r.out();
        assertTrue(text.contains("Coefficients:"), text);
        List<String> lines = text.lines().toList();
        for (String term : CREDIT_TERMS.keySet()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(term + " ")), "no line for " + term + ":\n" + text);
        }
        assertTrue(text.contains("666 observations used"), text);
        assertTrue(text.contains("24 rows dropped"), text);
        assertTrue(text.contains("converged"), text);
        assertFalse(text.contains("NOT converged"), text);
    }

    // ---------------------------------------------------------------- 5: predictions

    @Test
    void predictionsFileHasOneRowPerInputRowInOrder() throws IOException {
        Path predictions = dir.resolve("p.csv");
        Cli.Run r = run(creditArgs("--predictions", predictions.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(Files.exists(predictions));
        assertEquals(691, Files.readAllLines(predictions, StandardCharsets.UTF_8).size());

        // Rows R drops: a missing cell in the target or any column a feature reads.
        List<String> data = creditLines();
        assertEquals(690, data.size());
        int[] used = {1, 2, 7, 8, 9, 10, 13, 14, 15}; // A2 A3 A8 A9 A10 A11 A14 A15 A16
        Set<Integer> dropped = new TreeSet<>();
        for (int i = 0; i < data.size(); i++) {
            String[] cells = data.get(i).split(",", -1);
            for (int j : used) {
                if (cells[j].trim().equals("?")) {
                    dropped.add(i);
                }
            }
        }
        assertEquals(24, dropped.size(), "rows with a '?' in a used column: " + dropped);

        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(predictions, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.parse(in)) {
            records = parser.getRecords();
        }
        assertEquals(691, records.size());
        assertEquals(List.of("-", "+"), records.get(0).toList());
        for (int i = 0; i < data.size(); i++) {
            CSVRecord rec = records.get(i + 1);
            assertEquals(2, rec.size(), "row " + (i + 1) + ": " + rec);
            if (dropped.contains(i)) {
                assertEquals(List.of("", ""), rec.toList(), "dropped row " + (i + 1));
                continue;
            }
            double no = Double.parseDouble(rec.get(0));
            double yes = Double.parseDouble(rec.get(1));
            assertClose(1.0, no + yes, Tolerances.SAME_MATH, 1.0, "row " + (i + 1) + " sum");
            assertTrue(yes > 0 && yes < 1, "row " + (i + 1) + ": P(+) = " + yes);
            // In input order: the probability R's coefficients give this very row.
            assertClose(rProbability(data.get(i).split(",", -1)), yes, Tolerances.R_REFERENCE, 1.0,
                    "row " + (i + 1) + " P(+)");
        }
    }

    /** P(A16 = +) for one crx.data row under R's fit e. */
    private static double rProbability(String[] c) {
        double eta = Data.r("e.coef.Intercept")
                + Data.r("e.coef.A2") * Double.parseDouble(c[1])
                + Data.r("e.coef.A3") * Double.parseDouble(c[2])
                + Data.r("e.coef.A8") * Double.parseDouble(c[7])
                + Data.r("e.coef.A11") * Double.parseDouble(c[10])
                + Data.r("e.coef.A14") * Double.parseDouble(c[13])
                + Data.r("e.coef.log1pA15") * Math.log1p(Double.parseDouble(c[14]))
                + Data.r("e.coef.A9t") * (c[8].trim().equals("t") ? 1 : 0)
                + Data.r("e.coef.A10t") * (c[9].trim().equals("t") ? 1 : 0);
        return 1 / (1 + Math.exp(-eta));
    }

    // ---------------------------------------------------------------- 6: weights

    @Test
    void priorWeightsMatchR() throws IOException {
        List<String> lines = uclaLines();
        List<String> weighted = new ArrayList<>();
        weighted.add(lines.get(0) + ",w");
        for (int i = 1; i < lines.size(); i++) {
            weighted.add(lines.get(i) + "," + (1 + i % 3)); // i is the 1-based data row
        }
        assertEquals(401, weighted.size());
        Path file = write("ucla-weighted.csv", weighted);
        Cli.Run r = run("fit", "--data", file.toString(), "--target", "admit", "--weights", "w",
                "--categorical", "rank", "--format", "json");
        assertEquals("", r.err());
        JsonNode doc = json(r);
        assertFalse(strings(doc.get("terms")).contains("w"), doc.toString());
        assertCoefficients(doc, UCLA_TERMS, "b", Tolerances.R_REFERENCE);
        assertEquals("w", doc.get("weights").asText());
        assertTrue(doc.get("weights").isTextual(), doc.toString());
        assertEquals(400, doc.get("nObs").asInt());
    }

    // ---------------------------------------------------------------- 7: not converging

    @Test
    void anIterationLimitIsAWarningNotAnError() throws IOException {
        Cli.Run r = run("fit", "--data", ucla().toString(), "--target", "admit", "--categorical", "rank",
                "--max-iter", "1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("converged").isBoolean(), doc.toString());
        assertFalse(doc.get("converged").booleanValue(), doc.toString());
        List<String> warnings = strings(doc.get("warnings"));
        assertFalse(warnings.isEmpty(), doc.toString());
        List<String> errLines = r.err().lines().toList();
        assertEquals(warnings.size(), errLines.size(), r.err());
        for (String w : warnings) {
            assertFalse(w.isBlank(), doc.toString());
            assertTrue(errLines.stream().anyMatch(l -> l.contains(w)), "warning '" + w + "' not on stderr: " + r.err());
        }
    }

    // ---------------------------------------------------------------- 8: caller errors

    @Test
    void missingFile() {
        Path missing = dir.resolve("nosuch.csv");
        assertCallerError(run("fit", "--data", missing.toString(), "--target", "admit"), "nosuch.csv");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = write("empty.csv", "");
        assertCallerError(run("fit", "--data", file.toString(), "--target", "admit"), "empty");
    }

    @Test
    void headerOnlyFile() throws IOException {
        Path file = write("header.csv", "admit,gre,gpa,rank\n");
        assertCallerError(run("fit", "--data", file.toString(), "--target", "admit"), "no data rows");
    }

    @Test
    void raggedRow() throws IOException {
        Path file = write("ragged.csv", "admit,gre,gpa,rank\n0,380,3.61,3\n1,660,3.67\n0,400,3.2,1\n");
        assertCallerError(run("fit", "--data", file.toString(), "--target", "admit"), "row 2", "3 cells");
    }

    @Test
    void duplicateHeaderNames() throws IOException {
        Path file = write("dup.csv", "admit,gre,gre,rank\n0,380,3.61,3\n1,660,3.67,2\n");
        assertCallerError(run("fit", "--data", file.toString(), "--target", "admit"), "'gre'", "twice");
    }

    @Test
    void infiniteCellInANumericColumn() throws IOException {
        Path file = write("inf.csv", "admit,gre,gpa,rank\n0,380,3.61,3\n1,Inf,3.67,2\n0,400,3.0,1\n");
        assertCallerError(run("fit", "--data", file.toString(), "--target", "admit"), "infinite", "row 2", "'gre'");
    }

    @Test
    void unknownTarget() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "bogus"), "'bogus'");
    }

    @Test
    void unknownFeatureColumn() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "admit", "--features", "gre,bogus"),
                "'bogus'");
    }

    @Test
    void unknownFunction() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "admit", "--features", "foo(gpa)"),
                "foo");
    }

    @Test
    void unbalancedParenthesis() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "admit", "--features", "log(gpa"),
                "unbalanced");
    }

    @Test
    void singleClassTarget() throws IOException {
        List<String> lines = uclaLines();
        List<String> allAdmitted = new ArrayList<>();
        allAdmitted.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            allAdmitted.add("1" + line.substring(line.indexOf(',')));
        }
        Path file = write("single.csv", allAdmitted);
        assertCallerError(run("fit", "--data", file.toString(), "--target", "admit"), "single class");
    }

    @Test
    void positiveLevelThatDoesNotOccur() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "admit", "--positive", "7"),
                "'7'", "does not occur");
    }

    @Test
    void negativePenalty() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "admit", "--l2", "-1"), "--l2");
    }

    @Test
    void zeroTolerance() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "admit", "--tol", "0"), "--tol");
    }

    @Test
    void zeroIterations() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "admit", "--max-iter", "0"),
                "--max-iter");
    }

    @Test
    void unknownSolver() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "admit", "--solver", "sgd"), "sgd");
    }

    @Test
    void unknownFormat() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString(), "--target", "admit", "--format", "xml"), "xml");
    }

    @Test
    void missingTarget() throws IOException {
        assertCallerError(run("fit", "--data", ucla().toString()), "--target");
    }

    @Test
    void logOfZeroNamesTheRow() throws IOException {
        Path file = write("zero.csv", "admit,gre,gpa,rank\n0,380,3.61,3\n1,660,3.67,2\n0,0,3.0,1\n1,500,3.1,1\n");
        assertCallerError(run("fit", "--data", file.toString(), "--target", "admit", "--features", "log(gre),gpa"),
                "row 3", "log(gre)");
    }

    // ---------------------------------------------------------------- term names

    @Test
    void aColumnNamedLikeTheInterceptIsACallerMistake() throws IOException {
        Path file = write("intercept.csv", "(Intercept),b,y\n1,2,0\n3,1,1\n2,2,0\n5,0,1\n4,1,0\n");
        assertCallerError(run("fit", "--data", file.toString(), "--target", "y", "--format", "json"),
                "'(Intercept)'", "the intercept");
    }

    @Test
    void zeroWeightsAreNotObservations() throws IOException {
        List<String> lines = new ArrayList<>(uclaLines());
        lines.set(0, lines.get(0) + ",w");
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + "," + (i % 4 != 0 ? 1 : 0));
        }
        Path file = write("zero.csv", lines);
        Cli.Run r = run("fit", "--data", file.toString(), "--target", "admit", "--categorical", "rank",
                "--weights", "w", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals((int) Data.r("h.nobs"), doc.get("nObs").asInt());
        assertEquals(100, doc.get("rowsZeroWeight").asInt());
        assertClose(Data.r("h.bic"), doc.get("bic").asDouble(), Tolerances.R_LAST_DIGITS, 0, "BIC as R's");
        String text = run("fit", "--data", file.toString(), "--target", "admit", "--categorical", "rank",
                "--weights", "w").out();
        assertTrue(text.contains("300 observations used, 0 rows dropped for missing values, prior weights w"
                + " (100 rows of weight 0 not counted)"), text);
    }

    // ---------------------------------------------------------------- the penalty's scale

    @Test
    void standardizeNeverChangesThePenalizedModelAndThePenaltyScaleIsExplicit() throws IOException {
        Path data = ucla();
        String[] base = {"fit", "--data", data.toString(), "--target", "admit", "--categorical", "rank", "--l2", "0.05",
            "--tol", "1e-10", "--format", "json"};
        JsonNode plain = JSON.readTree(run(base).out());
        JsonNode standardized = JSON.readTree(run(concat(base, "--standardize")).out());
        JsonNode glmnet = JSON.readTree(run(concat(base, "--penalty-scale", "standardized")).out());
        assertEquals("original", plain.get("penaltyScale").asText());
        assertTrue(standardized.get("standardized").asBoolean());
        assertEquals("standardized", glmnet.get("penaltyScale").asText());
        assertTrue(glmnet.get("standardized").asBoolean(), "the glmnet convention fits on standardized features");
        for (String term : UCLA_TERMS.keySet()) {
            double a = plain.get("coefficients").get(term).asDouble();
            assertClose(a, standardized.get("coefficients").get(term).asDouble(), 1e-8, 1e-3, term);
        }
        // glmnet 4.1.6, alpha = 0, lambda = 0.05, standardize = TRUE (reference/r-glmnet.properties): gpa 0.66061759
        assertClose(0.66061759085291427, glmnet.get("coefficients").get("gpa").asDouble(), Tolerances.R_REFERENCE, 0,
                "gpa as glmnet");
        assertTrue(Math.abs(plain.get("coefficients").get("gpa").asDouble() - 0.66061759085291427) > 1e-3);
        String text = run("fit", "--data", data.toString(), "--target", "admit", "--l2", "0.05", "--penalty-scale",
                "standardized").out();
        assertTrue(text.contains("on the coefficients of the standardized features (glmnet's convention)"), text);
        assertCallerError(run("fit", "--data", data.toString(), "--target", "admit", "--penalty-scale", "standardized"),
                "--penalty-scale standardized needs --l2 > 0");
        // --tolerance is an alias of --tol
        JsonNode alias = JSON.readTree(run("fit", "--data", data.toString(), "--target", "admit", "--categorical", "rank",
                "--l2", "0.05", "--tolerance", "1e-10", "--format", "json").out());
        assertEquals(1e-10, alias.get("tolerance").asDouble());
        assertEquals(plain.get("coefficients"), alias.get("coefficients"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---------------------------------------------------------------- outputs never overwrite inputs

    @Test
    void predictionsOntoTheDataFileAreRefusedAndTheDataIsUnchanged() throws IOException {
        Path data = ucla();
        byte[] before = Files.readAllBytes(data);
        assertCallerError(run("fit", "--data", data.toString(), "--target", "admit", "--predictions", data.toString()),
                "--predictions", "input");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(data)), "the data file changed");
        // The same file by another name: a relative path with a detour, and a symbolic link.
        Path detour = dir.resolve("sub/../" + data.getFileName());
        Files.createDirectories(dir.resolve("sub"));
        assertCallerError(run("fit", "--data", data.toString(), "--target", "admit", "--predictions",
                detour.toString()), "input");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data);
        assertCallerError(run("fit", "--data", link.toString(), "--target", "admit", "--predictions",
                data.toString()), "input");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(data)), "the data file changed");
    }

    @Test
    void predictionsInAMissingDirectoryNameTheDirectory() throws IOException {
        Path target = dir.resolve("no/such/dir/p.csv");
        Cli.Run r = run("fit", "--data", ucla().toString(), "--target", "admit", "--predictions", target.toString());
        assertCallerError(r, "the directory " + dir.resolve("no/such/dir") + " does not exist");
    }

    @Test
    void predictionsAreWrittenWholeOrNotAtAll() throws IOException {
        Path data = ucla();
        Path out = dir.resolve("p.csv");
        Files.writeString(out, "old\n");
        // A fit that fails (an unknown feature) leaves the old predictions as they were.
        assertCallerError(run("fit", "--data", data.toString(), "--target", "admit", "--features", "nope",
                "--predictions", out.toString()), "nope");
        assertEquals("old\n", Files.readString(out));
        Cli.Run r = run("fit", "--data", data.toString(), "--target", "admit", "--predictions", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(401, Files.readAllLines(out).size());
        // Nothing but the data and the predictions is left in the folder: no temporary file.
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("ucla.csv", "p.csv"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    // ---------------------------------------------------------------- 9: help

    @Test
    void helpListsTheOptions() {
        Cli.Run r = run("fit", "--help");
        assertEquals(0, r.code(), r.err());
        for (String option : List.of("--data", "--target", "--features", "--predictions")) {
            assertTrue(r.out().contains(option), option + " not in:\n" + r.out());
        }
    }
}
