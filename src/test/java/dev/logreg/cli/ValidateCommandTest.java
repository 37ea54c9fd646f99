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
import java.io.IOException;
import java.nio.file.Path;
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
    void badOptionsAreOneLineAndExitTwo() throws IOException {
        for (String[] extra : List.of(new String[] {"--tolerance", "0"}, new String[] {"--l2", "-1"},
                new String[] {"--tolerance", "abc"})) {
            List<String> args = new ArrayList<>(List.of("validate", "--data", ucla(), "--target", "admit"));
            args.addAll(List.of(extra));
            Cli.Run r = run(args.toArray(new String[0]));
            assertEquals(2, r.code(), String.join(" ", extra) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(extra[1]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
