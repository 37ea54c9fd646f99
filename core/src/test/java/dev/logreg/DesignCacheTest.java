package dev.logreg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.data.Design;
import dev.logreg.data.ModelSpec;
import dev.logreg.data.Table;
import dev.logreg.objective.MappedRows;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A design written to a cache and opened again fits to the same bits as the design in memory: the same
 * coefficients, standard errors, deviance and model file, for a binary design with a categorical feature
 * and for a weighted multinomial one; a cache that is truncated, of another version or not a cache at all
 * is a caller's error saying so, and a cache is never left half written.
 */
class DesignCacheTest {

    @TempDir
    Path dir;

    @Test
    void aBinaryDesignFitsToTheSameBitsFromItsCache() throws IOException {
        Table table = ModelFileTest.resource("ucla_train.csv", "rank");
        Design design = Design.build(table, new ModelSpec("admit", List.of("gre", "gpa", "rank"), null, null));
        Path cache = dir.resolve("ucla.lrc");
        DesignCache.write(design, cache);
        assertTrue(DesignCache.isCache(cache));
        Design cached = DesignCache.open(cache);
        assertTrue(cached.rowSource() instanceof MappedRows, "the cached rows are mapped, not read into the heap");
        assertSameDesign(design, cached);
        assertSameFit(LogisticRegression.newton().fit(design), LogisticRegression.newton().fit(cached));
        assertSameFit(LogisticRegression.gradientDescent().withMaxIterations(50).fit(design),
                LogisticRegression.gradientDescent().withMaxIterations(50).fit(cached));
    }

    @Test
    void aWeightedMultinomialDesignFitsToTheSameBitsFromItsCache() throws IOException {
        StringBuilder csv = new StringBuilder("y,a,b,colour,w\n");
        Random random = new Random(15);
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 500; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            int y = a + 0.5 * b + random.nextGaussian() > 0.5 ? 2 : a - b > 0 ? 1 : 0;
            csv.append(y).append(',').append(a).append(',').append(i % 17 == 0 ? "NA" : String.valueOf(b))
                    .append(',').append(colours[random.nextInt(3)]).append(',').append(0.5 + random.nextInt(3))
                    .append('\n');
        }
        Table table = Table.read(new StringReader(csv.toString()), "generated.csv", ',', null, Set.of());
        Design design = Design.build(table, new ModelSpec("y", List.of(), null, "w"));
        assertTrue(design.multinomial());
        Path cache = dir.resolve("generated.lrc");
        DesignCache.write(design, cache);
        Design cached = DesignCache.open(cache);
        assertSameDesign(design, cached);
        assertArrayEquals(design.weights(), cached.weights(), 0.0);
        assertSameFit(LogisticRegression.newton().fit(design), LogisticRegression.newton().fit(cached));
        assertSameFit(LogisticRegression.newton().withL2(0.1).fit(design),
                LogisticRegression.newton().withL2(0.1).fit(cached));
    }

    @Test
    void aCacheThatIsDamagedOrOfAnotherVersionIsRefusedWithTheReason() throws IOException {
        Table table = ModelFileTest.resource("ucla_train.csv", "rank");
        Design design = Design.build(table, new ModelSpec("admit", List.of("gre", "gpa", "rank"), null, null));
        Path cache = dir.resolve("ucla.lrc");
        DesignCache.write(design, cache);
        byte[] bytes = Files.readAllBytes(cache);

        Path truncated = dir.resolve("truncated.lrc");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertMessage(truncated, "does not end the file");
        Path version = dir.resolve("version.lrc");
        byte[] other = bytes.clone();
        ByteBuffer.wrap(other).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 2);
        Files.write(version, other);
        assertMessage(version, "is of format version 2; this library reads version 1");
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "admit,gre\n1,300\n0,400\n");
        assertFalse(DesignCache.isCache(csv));
        assertMessage(csv, "does not start with the signature of a cache");
        Path tiny = dir.resolve("tiny.lrc");
        Files.write(tiny, new byte[] {(byte) 0x89, 'L'});
        assertMessage(tiny, "shorter than a cache's preamble");
        Path json = dir.resolve("json.lrc");
        byte[] broken = bytes.clone();
        broken[broken.length - 1] = '#';
        Files.write(json, broken);
        assertMessage(json, "its description is not JSON");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DesignCache.open(dir.resolve("none.lrc")));
        assertEquals("no such file: " + dir.resolve("none.lrc"), missing.getMessage());
    }

    @Test
    void aCacheIsWrittenWholeOrNotAtAll() throws IOException {
        Table table = ModelFileTest.resource("ucla_train.csv", "rank");
        Design design = Design.build(table, new ModelSpec("admit", List.of("gre", "gpa", "rank"), null, null));
        Path cache = dir.resolve("ucla.lrc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DesignCache.write(design, dir.resolve("missing").resolve("ucla.lrc")));
        assertTrue(e.getMessage().startsWith("cannot write the cache "), e.getMessage());
        Files.writeString(cache, "old");
        DesignCache.write(design, cache);
        assertTrue(DesignCache.isCache(cache));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(cache), files.toList(), "no temporary file is left");
        }
    }

    private static void assertMessage(Path file, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DesignCache.open(file));
        assertTrue(e.getMessage().startsWith(file + " is not a usable cache: "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static void assertSameDesign(Design expected, Design actual) {
        assertEquals(expected.terms(), actual.terms());
        assertEquals(expected.classes(), actual.classes());
        assertEquals(expected.event(), actual.event());
        assertEquals(expected.encoder(), actual.encoder());
        assertEquals(expected.formula(), actual.formula());
        assertEquals(expected.rowsUsed(), actual.rowsUsed());
        assertEquals(expected.rowsDropped(), actual.rowsDropped());
        assertEquals(expected.observations(), actual.observations());
        assertEquals(expected.source(), actual.source());
        assertArrayEquals(expected.classLabels(), actual.classLabels());
        double[][] x = expected.x();
        double[][] y = actual.x();
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(x[i], y[i], 0.0, "row " + i);
        }
        for (String level : expected.classes()) {
            assertEquals(expected.classIndex(level), actual.classIndex(level), level);
        }
    }

    private static void assertSameFit(Fit expected, Fit actual) throws IOException {
        assertArrayEquals(expected.theta(), actual.theta(), 0.0, "coefficients");
        assertEquals(expected.iterations(), actual.iterations());
        Inference a = expected.inference();
        Inference b = actual.inference();
        assertEquals(a.deviance(), b.deviance(), 0.0, "deviance");
        if (a.hasWald()) {
            assertArrayEquals(a.standardErrors(), b.standardErrors(), 0.0, "standard errors");
        }
        assertEquals(ModelFileTest.text(expected.model()), ModelFileTest.text(actual.model()), "model files");
    }
}
