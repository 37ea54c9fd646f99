package dev.logreg.cli;

import static dev.logreg.cli.Cli.run;

import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import dev.logreg.check.Validation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logreg validate}: three independent fits agree on UCLA and Credit Approval; exit codes. */
class ValidateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;


    private String ucla() throws IOException {
        return Cli.uclaCsv(dir).toString();
    }

    private String credit() throws IOException {
        return Cli.creditCsv(dir).toString();
    }

    private static void assertAgreeing(JsonNode doc) {
        assertTrue(doc.get("agree").booleanValue(), doc.toString());
        assertTrue(doc.get("maxCoefficientDifference").asDouble() <= 1e-6, doc.toString());
        assertTrue(doc.get("maxLossDifference").asDouble() <= 1e-6, doc.toString());
        List<String> names = new ArrayList<>();
        doc.get("methods").forEach(m -> names.add(m.get("name").asText()));
        assertEquals(List.of("logreg-newton", "commons-math-irls", "commons-math-nlcg"), names);
        doc.get("methods").forEach(m -> assertTrue(m.get("converged").booleanValue(), m.toString()));
    }

    @Test
    void uclaAgreesAndEveryMethodHasRsCoefficients() throws IOException {
        Cli.Run r = run("validate", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--format", "json");
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode doc = JSON.readTree(r.out());
        assertAgreeing(doc);
        for (JsonNode m : doc.get("methods")) {
            assertRelative(Data.r("a.coef.gre"), m.get("coefficients").get("gre").asDouble(), Tolerances.R_REFERENCE,
                    m.get("name").asText() + " gre");
            assertRelative(Data.r("a.coef.factorrank4"), m.get("coefficients").get("rank4").asDouble(),
                    Tolerances.R_REFERENCE, m.get("name").asText() + " rank4");
        }
    }

    @Test
    void creditApprovalSubsetModelsAgree() throws IOException {
        for (String features : List.of("log1p(A15)", "A2,A3,A8,A11,A14,log1p(A15),A9,A10")) {
            Cli.Run r = run("validate", "--data", credit(), "--target", "A16", "--positive", "+", "--features", features,
                    "--format", "json");
            assertEquals(0, r.code(), features + ": " + r.err() + r.out());
            JsonNode doc = JSON.readTree(r.out());
            assertAgreeing(doc);
            assertEquals(features.contains("A2") ? 666 : 690, doc.get("nObs").asInt());
        }
    }

    @Test
    void penalizedFitsAgreeToo() throws IOException {
        Cli.Run r = run("validate", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--l2", "0.05",
                "--format", "json");
        assertEquals(0, r.code(), r.err() + r.out());
        assertAgreeing(JSON.readTree(r.out()));
    }

    @Test
    void differencesAboveTheToleranceExitOne() throws IOException {
        Cli.Run r = run("validate", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--tolerance", "1e-15");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("DISAGREE"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void textReportNamesTheMethodsAndTheVerdict() throws IOException {
        Cli.Run r = run("validate", "--data", ucla(), "--target", "admit", "--categorical", "rank");
        assertEquals(0, r.code(), r.err());
        for (String word : List.of("logreg-newton", "commons-math-irls", "commons-math-nlcg", "rank4", "AGREE")) {
            assertTrue(r.out().contains(word), word + " in:\n" + r.out());
        }
        assertFalse(r.out().contains("DISAGREE"), r.out());
    }

    @Test
    void tolIsTheSameOptionAsTolerance() throws IOException {
        for (String name : List.of("--tol", "--tolerance")) {
            Cli.Run strict = run("validate", "--data", ucla(), "--target", "admit", "--categorical", "rank", name,
                    "1e-15", "--format", "json");
            assertEquals(1, strict.code(), name + ": " + strict.out());
            assertEquals(1e-15, JSON.readTree(strict.out()).get("tolerance").asDouble(), name);
        }
        Cli.Run loose = run("validate", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--tol", "1e-3",
                "--format", "json");
        assertEquals(0, loose.code(), loose.out());
        assertEquals(1e-3, JSON.readTree(loose.out()).get("tolerance").asDouble());
    }

    @Test
    void jsonSaysWhyAndHow() throws IOException {
        Cli.Run r = run("validate", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--format", "json");
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("reason").asText().startsWith("AGREE: coefficients within "), doc.toString());
        assertTrue(doc.get("reason").asText().contains("(relative, floored at the standard error), losses within "),
                doc.toString());
        assertEquals("standardError", doc.get("coefficientScale").asText());
        assertEquals(120.0, doc.get("timeLimitSeconds").asDouble());
        assertEquals(0, doc.get("aliased").size());
        assertEquals(0, doc.get("divergingTerms").size());
        doc.get("methods").forEach(m -> assertEquals("converged", m.get("stopped").asText(), m.toString()));

        Cli.Run penalized = run("validate", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--l2",
                "0.05", "--format", "json");
        assertEquals("largestCoefficient", JSON.readTree(penalized.out()).get("coefficientScale").asText());
    }

    /** UCLA with a column gpa2 equal to gpa, which the fit finds aliased. */
    private String uclaWithACopiedColumn() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(ucla()), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",gpa2");
        for (String line : lines.subList(1, lines.size())) {
            out.add(line + "," + line.split(",")[2]);
        }
        Path file = dir.resolve("ucla-gpa2.csv");
        Files.write(file, out, StandardCharsets.UTF_8);
        return file.toString();
    }

    @Test
    void anAliasedColumnIsListedLeftOutAndTheMethodsAgree() throws IOException {
        String data = uclaWithACopiedColumn();
        Cli.Run r = run("validate", "--data", data, "--target", "admit", "--categorical", "rank", "--format", "json");
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode doc = JSON.readTree(r.out());
        assertAgreeing(doc);
        assertEquals(List.of("gpa2"), List.of(doc.get("aliased").get(0).asText()));
        assertEquals(1, doc.get("aliased").size());
        for (JsonNode m : doc.get("methods")) {
            assertTrue(m.get("coefficients").get("gpa2").isNull(), m.toString());
            assertRelative(Data.r("a.coef.gpa"), m.get("coefficients").get("gpa").asDouble(), Tolerances.R_REFERENCE,
                    m.get("name").asText() + " gpa");
        }
        Cli.Run text = run("validate", "--data", data, "--target", "admit", "--categorical", "rank");
        assertEquals(0, text.code(), text.err() + text.out());
        assertTrue(text.out().contains("Aliased: gpa2 is a linear combination of earlier columns, left out of every"
                + " method"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("gpa2") && l.contains("NA")), text.out());
    }

    @Test
    void aTimeLimitTheCommonsMathMethodsCannotMeetIsADisagreementThatSaysSo() throws IOException {
        Cli.Run r = run("validate", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--time-limit",
                "1e-9");
        assertEquals(1, r.code(), r.out());
        String last = r.out().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("DISAGREE: commons-math-irls did not converge (stopped at the time limit of 1e-9 s,"),
                r.out());
        assertTrue(last.contains("commons-math-nlcg did not converge (stopped at the time limit of 1e-9 s"), r.out());
        assertEquals("", r.err());

        JsonNode doc = JSON.readTree(run("validate", "--data", ucla(), "--target", "admit", "--categorical", "rank",
                "--time-limit", "1e-9", "--format", "json").out());
        assertFalse(doc.get("agree").booleanValue());
        assertEquals("stopped at the time limit of 1e-9 s", doc.get("methods").get(2).get("stopped").asText());
        assertEquals(1e-9, doc.get("timeLimitSeconds").asDouble());
    }

    @Test
    void progressLinesWaitFiveSecondsThenComeAtMostEveryFive() {
        long[] now = {0};
        StringWriter sink = new StringWriter();
        ProgressLines<Validation.Progress> lines = ValidateCommand.progressLines(new PrintWriter(sink), () -> now[0]);
        long second = 1_000_000_000L;
        for (long t : new long[] {0, 1, 4, 5, 6, 9, 10, 11, 16}) {
            now[0] = t * second + second / 2;
            lines.accept(new Validation.Progress("commons-math-nlcg", (int) t * 100, 2.1e-7,
                    Duration.ofSeconds(t)));
        }
        // the first report at 0.5 s starts the clock; printed at 5.5 s, 10.5 s and 16.5 s; not at 0.5, 1.5,
        // 4.5 (too early) nor 6.5, 9.5, 11.5 (too soon)
        assertEquals(List.of(
                "logreg: validate: commons-math-nlcg: 500 iterations, max|g| = 2.1e-7 (5 s)",
                "logreg: validate: commons-math-nlcg: 1000 iterations, max|g| = 2.1e-7 (10 s)",
                "logreg: validate: commons-math-nlcg: 1600 iterations, max|g| = 2.1e-7 (16 s)"),
                sink.toString().lines().toList());
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() throws IOException {
        for (String[] extra : List.of(new String[] {"--tolerance", "0"}, new String[] {"--l2", "-1"},
                new String[] {"--tolerance", "abc"}, new String[] {"--tol", "-1"}, new String[] {"--time-limit", "0"},
                new String[] {"--time-limit", "-5"}, new String[] {"--time-limit", "abc"},
                new String[] {"--time-limit", "NaN"})) {
            List<String> args = new ArrayList<>(List.of("validate", "--data", ucla(), "--target", "admit"));
            args.addAll(List.of(extra));
            Cli.Run r = run(args.toArray(new String[0]));
            assertEquals(2, r.code(), String.join(" ", extra) + ": " + r.err());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(extra[1]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
