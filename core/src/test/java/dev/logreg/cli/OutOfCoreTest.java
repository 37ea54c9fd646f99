package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fit whose model matrix is larger than the heap: a cache of 500,000 rows of 9 columns (36 MB of
 * doubles, above {@link dev.logreg.Inference#QR_MAX_ELEMENTS}, so the information is accumulated by the
 * kernel, not copied for a QR factorization) fitted by the command line in a JVM with a 16 MB heap gives
 * the coefficients and standard errors of the fit of the CSV file in memory, to the last bit; so does
 * the CSV file itself, read out of core by itself in a 32 MB heap, with the same predictions.
 */
class OutOfCoreTest {

    private static final int ROWS = 500_000;
    private static final String HEAP = "-Xmx16m";

    @TempDir
    Path dir;

    @Test
    void aCacheLargerThanTheHeapFitsToTheBitsOfTheFitInMemory() throws IOException, InterruptedException {
        Path data = dir.resolve("big.csv");
        Random random = new Random(15);
        try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            out.write("y,a,b,c,d,e,f,g,h\n");
            for (int i = 0; i < ROWS; i++) {
                double[] x = new double[8];
                double z = 0.2;
                for (int j = 0; j < 8; j++) {
                    x[j] = Math.round(random.nextGaussian() * 1e6) / 1e6;
                    z += (j % 2 == 0 ? 0.5 : -0.25) * x[j];
                }
                out.write(random.nextDouble() < 1 / (1 + Math.exp(-z)) ? "1" : "0");
                for (double v : x) {
                    out.write("," + v);
                }
                out.write('\n');
            }
        }
        Path cache = dir.resolve("big.lrc");
        assertEquals(0, Cli.run("cache", "--data", data.toString(), "--target", "y", "--output",
                cache.toString()).code());
        assertTrue(Files.size(cache) > 8L * ROWS * 9, "the cache holds the model matrix");
        Path inMemory = dir.resolve("memory.csv");
        Cli.Run memory = Cli.run("fit", "--data", data.toString(), "--target", "y", "--format", "json",
                "--predictions", inMemory.toString());
        assertEquals(0, memory.code(), memory.err());

        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The same SIMD setting as this JVM's, so that the Hessian is summed the same way.
        List<String> command = new ArrayList<>(List.of(launcher, HEAP));
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int k = 0; k < arguments.size(); k++) {
            if (arguments.get(k).startsWith("--add-modules")) {
                command.add(arguments.get(k));
                if (arguments.get(k).equals("--add-modules") && k + 1 < arguments.size()) {
                    command.add(arguments.get(++k));
                }
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.logreg.cli.Main", "fit", "--data",
                cache.toString(), "--format", "json"));
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM did not finish");
        assertEquals(0, p.exitValue(), err);
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(memory.out());
        JsonNode actual = json.readTree(new String(out, StandardCharsets.UTF_8));
        for (String field : new String[] {"coefficients", "standardErrors", "deviance", "nObs", "iterations"}) {
            assertEquals(expected.get(field), actual.get(field), field);
        }
        assertEquals(ROWS, actual.get("nObs").asInt());

        // The CSV file itself, in a 32 MB heap: its table and model matrix (72 MB) are read out of core, into a
        // temporary cache, and the fit is the same.
        List<String> direct = new ArrayList<>(command.subList(0, command.indexOf("-cp")));
        direct.set(1, "-Xmx32m");
        direct.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.logreg.cli.Main", "fit", "--data",
                data.toString(), "--target", "y", "--format", "json", "--predictions",
                dir.resolve("out-of-core.csv").toString()));
        Process q = new ProcessBuilder(direct).start();
        byte[] second = q.getInputStream().readAllBytes();
        String note = new String(q.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(q.waitFor(120, TimeUnit.SECONDS), "the JVM did not finish");
        assertEquals(0, q.exitValue(), note);
        assertTrue(note.contains("logreg: note: the table of " + data + " and its model matrix need about"), note);
        assertTrue(note.contains("read in chunks into the temporary cache"), note);
        JsonNode outOfCore = json.readTree(new String(second, StandardCharsets.UTF_8));
        for (String field : new String[] {"coefficients", "standardErrors", "deviance", "nObs", "iterations"}) {
            assertEquals(expected.get(field), outOfCore.get(field), field);
        }
        // Its predictions, scored chunk by chunk from the CSV file read again, are those of the fit in memory.
        assertEquals(Files.readString(inMemory), Files.readString(dir.resolve("out-of-core.csv")));
        assertEquals(ROWS + 1, Files.readAllLines(inMemory).size());
    }
}
