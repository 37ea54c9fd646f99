package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of heap is one line on stderr, saying what was being done and how to give the JVM more,
 * with exit code 3: the command line in a JVM with a 48 MB heap, fitting 3,000 columns (whose Hessian
 * alone is 72 MB) to a small file. (A file whose rows do not fit the heap is read out of core instead:
 * {@link OutOfCoreTest}.)
 */
class OutOfMemoryTest {

    private static final int COLUMNS = 3000;

    @TempDir
    Path dir;

    @Test
    void aModelTooWideForTheHeapIsOneLineAndExitCodeThree() throws IOException, InterruptedException {
        Path data = dir.resolve("wide.csv");
        Random random = new Random(3);
        try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("y");
            for (int j = 0; j < COLUMNS; j++) {
                header.append(",x").append(j);
            }
            out.write(header + "\n");
            for (int i = 0; i < 200; i++) {
                out.write(random.nextInt(2) + "");
                for (int j = 0; j < COLUMNS; j++) {
                    out.write(String.format(java.util.Locale.ROOT, ",%.3f", random.nextGaussian()));
                }
                out.write('\n');
            }
        }
        Path predictions = dir.resolve("p.csv");
        Files.writeString(predictions, "old\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                "dev.logreg.cli.Main", "fit", "--data", data.toString(), "--target", "y", "--l2", "1",
                "--predictions", predictions.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM did not finish");
        assertEquals(Main.OUT_OF_MEMORY, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("logreg: out of memory while fitting a model matrix of 200 rows and " + (COLUMNS + 1)
                + " columns"), err);
        assertTrue(err.contains("the heap limit is") && err.contains("-Xmx"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertEquals("old\n", Files.readString(predictions), "no output was touched");
    }
}
