package dev.logreg.cli;

import static dev.logreg.cli.Cli.assertCallerError;
import static dev.logreg.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logreg fit --data} on files whose bytes are the question: not UTF-8, binary, gzip-compressed,
 * a byte-order mark before a quoted header. Errors are one line and exit code 2; the others fit as
 * the plain file does.
 */
class FitDataBytesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The fit's JSON document, after checking it succeeded without a word on stderr. */
    private static JsonNode fit(Path data) throws IOException {
        Cli.Run r = run("fit", "--data", data.toString(), "--target", "admit", "--categorical", "rank",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    /** The same model: terms, rows and coefficients, bit for bit. */
    private static void assertSameFit(JsonNode expected, JsonNode actual) {
        assertEquals(400, actual.get("nObs").asInt());
        assertEquals(expected.get("terms"), actual.get("terms"));
        assertEquals(expected.get("coefficients"), actual.get("coefficients"));
        assertEquals(expected.get("loss"), actual.get("loss"));
    }

    @Test
    void latin1FileIsOneLineNamingTheByte() throws IOException {
        Path file = dir.resolve("towns.csv");
        Files.write(file, "admit,gre,town\n0,380,Bern\n1,660,Genf\n0,800,Zürich\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertCallerError(run("fit", "--data", file.toString(), "--target", "admit"),
                file + " is not UTF-8 text: byte 0xFC at line 4 (byte offset 44) is not valid UTF-8", "iconv");
    }

    @Test
    void devZeroIsBinaryAndFailsFast() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> run("fit", "--data", zero.toString(), "--target", "admit"));
        assertCallerError(r, "logreg: /dev/zero is binary, not delimited text: a NUL byte at line 1 (byte offset 0)");
    }

    @Test
    void gzipFileFitsAsThePlainFile() throws IOException {
        Path plain = Cli.uclaCsv(dir);
        Path gz = dir.resolve("ucla.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        assertSameFit(fit(plain), fit(gz));
    }

    @Test
    void truncatedGzipFileIsOneLine() throws IOException {
        Path plain = Cli.uclaCsv(dir);
        Path gz = dir.resolve("ucla.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(whole, whole.length - 100));
        assertCallerError(run("fit", "--data", gz.toString(), "--target", "admit"), "cannot decompress " + gz + ": ");
    }

    @Test
    void byteOrderMarkBeforeAQuotedHeaderFits() throws IOException {
        Path plain = Cli.uclaCsv(dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(plain, StandardCharsets.UTF_8));
        assertEquals("admit,gre,gpa,rank", lines.get(0));
        lines.set(0, "\uFEFF\"admit\",\"gre\",\"gpa\",\"rank\"");
        Path bom = dir.resolve("excel.csv");
        Files.write(bom, lines, StandardCharsets.UTF_8);
        assertSameFit(fit(plain), fit(bom));
    }
}
