package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logreg.DesignCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logreg cache} writes a CSV file's design to a cache; {@code fit --data CACHE} and
 * {@code fit --cache FILE} fit it to the same numbers as {@code fit} of the CSV file, and the options
 * that would shape another design are refused for a cache.
 */
class CacheCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aFitFromTheCacheReportsWhatAFitFromTheCsvFileReports() throws IOException {
        Path csv = Cli.uclaCsv(dir);
        Path cache = dir.resolve("ucla.lrc");
        Cli.Run wrote = Cli.run("cache", "--data", csv.toString(), "--target", "admit", "--categorical", "rank",
                "--output", cache.toString());
        assertEquals(0, wrote.code(), wrote.err());
        assertTrue(wrote.out().startsWith("wrote " + cache + ": admit ~ gre + gpa + rank, 400 rows of 6 columns"),
                wrote.out());
        assertTrue(DesignCache.isCache(cache));
        Cli.Run direct = Cli.run("fit", "--data", csv.toString(), "--target", "admit", "--categorical", "rank",
                "--format", "json");
        Cli.Run cached = Cli.run("fit", "--data", cache.toString(), "--format", "json");
        assertEquals(0, cached.code(), cached.err());
        assertSameFit(direct.out(), cached.out());
        Path second = dir.resolve("second.lrc");
        Cli.Run through = Cli.run("fit", "--data", csv.toString(), "--target", "admit", "--categorical", "rank",
                "--cache", second.toString(), "--format", "json");
        assertEquals(0, through.code(), through.err());
        assertSameFit(direct.out(), through.out());
        assertTrue(DesignCache.isCache(second));
        assertEquals(Files.size(cache), Files.size(second));
        assertEquals(0, Cli.run("fit", "--data", cache.toString(), "--target", "admit").code(), "the same target");
    }

    @Test
    void predictionsOfAFitThroughACacheAreThoseOfTheFitInMemory() throws IOException {
        StringBuilder csv = new StringBuilder("y,a,b,w\n");
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 300; i++) {
            double a = random.nextGaussian();
            String y = i % 23 == 0 ? "NA" : a + random.nextGaussian() > 0 ? "1" : "0";
            String b = i % 29 == 0 ? "" : String.valueOf(random.nextGaussian());
            String w = i % 31 == 0 ? "?" : String.valueOf(1 + random.nextInt(3));
            csv.append(y).append(',').append(a).append(',').append(b).append(',').append(w).append('\n');
        }
        Path data = dir.resolve("gaps.csv");
        Files.writeString(data, csv);
        Path memory = dir.resolve("memory.csv");
        Path cached = dir.resolve("cached.csv");
        assertEquals(0, Cli.run("fit", "--data", data.toString(), "--target", "y", "--weights", "w", "--predictions",
                memory.toString()).code());
        Cli.Run through = Cli.run("fit", "--data", data.toString(), "--target", "y", "--weights", "w", "--cache",
                dir.resolve("gaps.lrc").toString(), "--predictions", cached.toString());
        assertEquals(0, through.code(), through.err());
        List<String> lines = Files.readAllLines(memory);
        assertEquals(301, lines.size());
        assertTrue(lines.contains("\"\","), "rows dropped for a missing cell have empty cells");
        assertEquals(lines, Files.readAllLines(cached));
    }

    @Test
    void optionsThatWouldShapeAnotherDesignAreRefusedForACache() throws IOException {
        Path csv = Cli.uclaCsv(dir);
        Path cache = dir.resolve("ucla.lrc");
        assertEquals(0, Cli.run("cache", "--data", csv.toString(), "--target", "admit", "--output",
                cache.toString()).code());
        Cli.Run features = Cli.run("fit", "--data", cache.toString(), "--features", "gre");
        assertEquals(2, features.code());
        assertEquals("logreg: " + cache + " is a cache of admit ~ gre + gpa + rank (written by logreg cache):"
                + " --features cannot change it; write another cache from the CSV file\n", features.err());
        Cli.Run target = Cli.run("fit", "--data", cache.toString(), "--target", "gre");
        assertEquals(2, target.code());
        assertTrue(target.err().contains("its target is 'admit', not 'gre'"), target.err());
        Cli.Run again = Cli.run("cache", "--data", cache.toString(), "--output", dir.resolve("x.lrc").toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("is already a cache"), again.err());
        assertFalse(Files.exists(dir.resolve("x.lrc")));
        Cli.Run predictions = Cli.run("fit", "--data", cache.toString(), "--predictions",
                dir.resolve("p.csv").toString());
        assertEquals(2, predictions.code());
        assertTrue(predictions.err().contains("--predictions needs the rows of the CSV file"), predictions.err());
        Cli.Run noTarget = Cli.run("fit", "--data", csv.toString());
        assertEquals(2, noTarget.code());
        assertEquals("logreg: --target is required: name the column to predict\n", noTarget.err());
    }

    private static void assertSameFit(String expected, String actual) throws IOException {
        JsonNode a = JSON.readTree(expected);
        JsonNode b = JSON.readTree(actual);
        for (String field : new String[] {"formula", "terms", "coefficients", "standardErrors", "deviance", "aic", "nObs",
                "rowsDropped", "iterations", "loss", "maxAbsGradient"}) {
            assertNotNull(a.get(field), field);
            assertEquals(a.get(field), b.get(field), field);
        }
    }
}
