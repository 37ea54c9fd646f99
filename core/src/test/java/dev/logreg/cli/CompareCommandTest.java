package dev.logreg.cli;

import static dev.logreg.cli.Cli.run;

import static dev.logreg.testing.Close.assertClose;
import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logreg compare} end to end through {@link Main#run}: gradient descent and Newton on the
 * UCLA and Credit Approval data, both against R's glm, the plot, non-convergence and caller errors.
 */
class CompareCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Credit Approval model e, as the CLI takes it. */
    private static final String CREDIT_FEATURES = "A2,A3,A8,A11,A14,log1p(A15),A9,A10";

    /** Term names the CLI prints for UCLA model a, and R's keys for them. */
    private static final Map<String, String> UCLA_TERMS = new LinkedHashMap<>();

    static {
        UCLA_TERMS.put("(Intercept)", "Intercept");
        UCLA_TERMS.put("gre", "gre");
        UCLA_TERMS.put("gpa", "gpa");
        UCLA_TERMS.put("rank2", "factorrank2");
        UCLA_TERMS.put("rank3", "factorrank3");
        UCLA_TERMS.put("rank4", "factorrank4");
    }

    @TempDir
    Path dir;

    private String ucla() throws IOException {
        return Cli.uclaCsv(dir).toString();
    }

    private String credit() throws IOException {
        return Cli.creditCsv(dir).toString();
    }

    private static void assertCallerError(Cli.Run r, String... words) {
        Cli.assertCallerError(r, words);
    }

    /** @return the absolute, normalized path of a plot file in the temp dir */
    private Path plot(String name) {
        return dir.resolve(name).toAbsolutePath().normalize();
    }

    /** @return the solver entry of that name in the JSON document */
    private static JsonNode solver(JsonNode doc, String name) {
        List<String> names = new ArrayList<>();
        doc.get("solvers").forEach(s -> names.add(s.get("name").asText()));
        assertEquals(List.of("gd", "newton"), names, doc.toString());
        for (JsonNode s : doc.get("solvers")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no solver " + name);
    }

    private static void assertReadablePng(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), "no plot at " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a readable image: " + png);
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100, image.getWidth() + " x " + image.getHeight());
    }

    /** The trace starts at k = 0, ends at k = iterations, and its last loss is the reported loss. */
    private static void assertTraceConsistent(JsonNode s) {
        JsonNode trace = s.get("trace");
        int iterations = s.get("iterations").asInt();
        assertEquals(iterations + 1, trace.size(), s.get("name").asText());
        assertEquals(0, trace.get(0).get("k").asInt());
        assertEquals(iterations, trace.get(trace.size() - 1).get("k").asInt());
        assertEquals(s.get("loss").asDouble(), trace.get(trace.size() - 1).get("loss").asDouble(), 0.0,
                s.get("name").asText() + " final loss");
        assertTrue(s.get("passes").asInt() >= iterations, s.get("name").asText() + " passes " + s.get("passes"));
        assertTrue(s.get("timeMillis").asDouble() >= 0, s.get("name").asText() + " time " + s.get("timeMillis"));
    }

    @Test
    void uclaStandardizedBothConvergeToRsCoefficientsAndNewtonTakesFewerIterations() throws IOException {
        Path png = plot("ucla.png");
        Cli.Run r = run("compare", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--standardize",
                "--plot", dir.resolve("ucla.png").toString(), "--format", "json");
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals("", r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("admit ~ gre + gpa + rank", doc.get("formula").asText());
        assertEquals(400, doc.get("nObs").asInt());
        assertEquals(0, doc.get("rowsDropped").asInt());
        assertEquals(0.0, doc.get("l2").asDouble(), 0.0);
        assertEquals(1e-8, doc.get("tolerance").asDouble(), 0.0);
        assertTrue(doc.get("standardized").booleanValue(), doc.toString());
        assertEquals(png.toString(), doc.get("plot").asText());
        assertReadablePng(png);

        JsonNode gd = solver(doc, "gd");
        JsonNode newton = solver(doc, "newton");
        double optimum = doc.get("optimum").asDouble();
        for (JsonNode s : List.of(gd, newton)) {
            String name = s.get("name").asText();
            assertTrue(s.get("converged").booleanValue(), s.toString());
            assertEquals("CONVERGED", s.get("termination").asText(), name);
            assertTrue(s.get("maxAbsGradient").asDouble() <= 1e-8, name + " max|g| " + s.get("maxAbsGradient"));
            assertTrue(optimum <= s.get("loss").asDouble(), name + ": J* above the loss");
            assertClose(optimum, s.get("loss").asDouble(), Tolerances.SAME_OPTIMUM, 1.0, name + " loss against J*");
            assertTraceConsistent(s);
            JsonNode coefficients = s.get("coefficients");
            assertEquals(UCLA_TERMS.size(), coefficients.size(), coefficients.toString());
            for (Map.Entry<String, String> t : UCLA_TERMS.entrySet()) {
                assertRelative(Data.r("a.coef." + t.getValue()), coefficients.get(t.getKey()).asDouble(),
                        Tolerances.R_REFERENCE, name + " " + t.getKey());
            }
        }
        assertTrue(newton.get("iterations").asInt() < gd.get("iterations").asInt(),
                "Newton " + newton.get("iterations") + ", gd " + gd.get("iterations"));
        assertEquals(100000, gd.get("maxIterations").asInt());
        assertEquals(100, newton.get("maxIterations").asInt());
    }

    @Test
    void creditApprovalEightTermModelConvergesForBoth() throws IOException {
        Path png = plot("credit.png");
        Cli.Run r = run("compare", "--data", credit(), "--target", "A16", "--positive", "+", "--features",
                CREDIT_FEATURES, "--standardize", "--plot", png.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals("", r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(666, doc.get("nObs").asInt());
        assertEquals(24, doc.get("rowsDropped").asInt());
        for (String name : List.of("gd", "newton")) {
            JsonNode s = solver(doc, name);
            assertTrue(s.get("converged").booleanValue(), s.toString());
            assertTraceConsistent(s);
            assertRelative(Data.r("e.coef.A9t"), s.get("coefficients").get("A9t").asDouble(), Tolerances.R_REFERENCE,
                    name + " A9t");
        }
        assertTrue(solver(doc, "newton").get("iterations").asInt() < solver(doc, "gd").get("iterations").asInt(),
                doc.get("solvers").toString());
        assertEquals(png.toString(), doc.get("plot").asText());
        assertReadablePng(png);
    }

    @Test
    void rawUclaGradientDescentRunsOutOfIterationsWithAWarningAndExitZero() throws IOException {
        Path png = plot("raw.png");
        Cli.Run r = run("compare", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--max-iter", "200",
                "--plot", png.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        List<String> warnings = r.err().lines().toList();
        assertFalse(warnings.isEmpty(), "no warning on stderr");
        for (String line : warnings) {
            assertTrue(line.startsWith("logreg: warning: "), line);
        }
        assertTrue(r.err().contains("gradient descent"), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertFalse(doc.get("standardized").booleanValue(), doc.toString());
        JsonNode gd = solver(doc, "gd");
        assertFalse(gd.get("converged").booleanValue(), gd.toString());
        assertEquals("MAX_ITERATIONS", gd.get("termination").asText());
        assertEquals(200, gd.get("iterations").asInt());
        assertFalse(gd.get("warnings").isEmpty(), gd.toString());
        assertTraceConsistent(gd);
        JsonNode newton = solver(doc, "newton");
        assertTrue(newton.get("converged").booleanValue(), newton.toString());
        assertTrue(newton.get("warnings").isEmpty(), newton.toString());
        assertRelative(Data.r("a.coef.gre"), newton.get("coefficients").get("gre").asDouble(), Tolerances.R_REFERENCE,
                "newton gre");
        // J* is the lowest loss on either trace: Newton's, up to rounding (its last iterate may lie a few
        // ulps above an earlier one); gradient descent is still far above it.
        assertTrue(doc.get("optimum").asDouble() <= newton.get("loss").asDouble(), doc.get("optimum").toString());
        assertClose(newton.get("loss").asDouble(), doc.get("optimum").asDouble(), Tolerances.SAME_MATH, 1.0,
                "J* against Newton's loss");
        assertTrue(gd.get("loss").asDouble() - doc.get("optimum").asDouble() > 1e-3, doc.get("optimum").toString());
        assertReadablePng(png);
    }

    @Test
    void theTimeLimitStopsGradientDescentAndTheResultSaysSo() throws IOException {
        Path png = plot("limit.png");
        Cli.Run r = run("compare", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--max-iter",
                "100000000", "--time-limit", "0.3", "--plot", png.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(0.3, doc.get("timeLimitSeconds").asDouble());
        JsonNode gd = solver(doc, "gd");
        assertEquals("TIME_LIMIT", gd.get("termination").asText(), gd.get("warnings").toString());
        assertTrue(gd.get("timeMillis").asDouble() >= 300, gd.get("timeMillis").toString());
        assertTrue(gd.get("timeMillis").asDouble() < 30_000, "bounded: " + gd.get("timeMillis"));
        assertTrue(r.err().contains("stopped at the time limit of 0.300 s"), r.err());
        assertFalse(r.err().contains("separation"), "no separation without its certificate: " + r.err());
        assertEquals("CONVERGED", solver(doc, "newton").get("termination").asText());
        assertCallerError(run("compare", "--data", ucla(), "--target", "admit", "--time-limit", "0"), "--time-limit");
    }

    @Test
    void aPenalizedMultinomialComparisonIsSymmetricWithoutAReference() throws IOException {
        Path png = plot("iris.png");
        Cli.Run r = run("compare", "--data", Cli.irisCsv(dir).toString(), "--target", "species", "--features",
                "sepal_length", "--l2", "0.01", "--standardize", "--plot", png.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("reference").isNull(), doc.get("reference").toString());
        assertEquals(3, solver(doc, "newton").get("coefficients").size());
        String text = run("compare", "--data", Cli.irisCsv(dir).toString(), "--target", "species", "--features",
                "sepal_length", "--l2", "0.01", "--standardize", "--plot", png.toString()).out();
        assertFalse(text.contains("(vs "), text);
    }

    @Test
    void textModeShowsBothSolversTheCoefficientsAndThePlotPath() throws IOException {
        Path png = plot("text.png");
        Cli.Run r = run("compare", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--standardize",
                "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String out = r.out();
        for (String word : List.of("gradient descent", "Newton", "iterations", "passes over data", "time (ms)",
                "final loss", "max|g|", "termination", "CONVERGED", "rank4", "(Intercept)",
                "both solvers fit standardized features")) {
            assertTrue(out.contains(word), word + " in:\n" + out);
        }
        assertTrue(out.contains("Convergence plot: " + png + "\n"), out);
        String header = out.lines().filter(l -> l.contains("gradient descent") && l.contains("Newton")
                && l.startsWith(" ")).findFirst().orElse("");
        assertTrue(header.indexOf("gradient descent") < header.indexOf("Newton"), "column order in:\n" + out);
        assertReadablePng(png);
    }

    @Test
    void withoutStandardizeTheTextSaysBothSolversSeeTheFeaturesAsGiven() throws IOException {
        Cli.Run r = run("compare", "--data", ucla(), "--target", "admit", "--categorical", "rank", "--max-iter", "50",
                "--plot", plot("plain.png").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("both solvers fit the features as given"), r.out());
        assertTrue(r.out().contains("MAX_ITERATIONS"), r.out());
        assertTrue(r.out().contains("Warnings:"), r.out());
        assertTrue(r.err().startsWith("logreg: warning: "), r.err());
    }

    @Test
    void badOptionsAndUnknownColumnsAreOneLineAndExitTwo() throws IOException {
        String data = ucla();
        // Each case: the extra arguments, then what the one line must name.
        List<String[]> cases = List.of(
                new String[] {"--max-iter", "0", "--max-iter"},
                new String[] {"--tol", "-1", "--tol"},
                new String[] {"--l2", "-1", "--l2"},
                new String[] {"--features", "gre,bogus", "bogus"},
                new String[] {"--target", "nope", "nope"});
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("compare", "--data", data, "--plot",
                    dir.resolve("bad.png").toString()));
            if (!c[0].equals("--target")) {
                args.addAll(List.of("--target", "admit"));
            }
            args.addAll(List.of(c[0], c[1]));
            Cli.Run r = run(args.toArray(new String[0]));
            String what = c[0] + " " + c[1];
            assertEquals(2, r.code(), what + ": " + r.err());
            assertEquals("", r.out(), what);
            assertEquals(1, r.err().lines().count(), what + ": " + r.err());
            assertTrue(r.err().startsWith("logreg: "), r.err());
            assertTrue(r.err().contains(c[2]), what + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(dir.resolve("bad.png")), what + ": a plot was written");
        }
    }

    @Test
    void aPlotInAMissingDirectoryIsOneLineBeforeAnyFit() throws IOException {
        Path missing = dir.resolve("no-such-dir").resolve("x.png");
        Cli.Run r = run("compare", "--data", ucla(), "--target", "admit", "--plot", missing.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no-such-dir"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(missing.getParent()));
    }
}
