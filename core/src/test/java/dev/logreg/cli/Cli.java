package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process and writes the CSV files the CLI tests read. */
final class Cli {

    /** Credit Approval's column names; crx.data itself has no header. */
    static final String CREDIT_HEADER = "A1,A2,A3,A4,A5,A6,A7,A8,A9,A10,A11,A12,A13,A14,A15,A16";

    private Cli() {
    }

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A resource's non-blank lines without '#' comment lines. */
    static List<String> resourceLines(String resource) throws IOException {
        try (InputStream in = Cli.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    /** The UCLA admissions data as a plain CSV (header admit,gre,gpa,rank and 400 rows) in {@code dir}. */
    static Path uclaCsv(Path dir) throws IOException {
        Path file = dir.resolve("ucla.csv");
        Files.write(file, resourceLines("/data/ucla_admissions.csv"), StandardCharsets.UTF_8);
        return file;
    }

    /** Iris as a plain CSV (header sepal_length,sepal_width,petal_length,petal_width,species and 150 rows) in {@code dir}. */
    static Path irisCsv(Path dir) throws IOException {
        Path file = dir.resolve("iris.csv");
        Files.write(file, resourceLines("/data/iris.csv"), StandardCharsets.UTF_8);
        return file;
    }

    /** The embedded crx.data with the header A1..A16 prepended, in {@code dir}. */
    static Path creditCsv(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(CREDIT_HEADER);
        lines.addAll(resourceLines("/dev/logreg/data/crx.data"));
        Path file = dir.resolve("credit.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** A caller's mistake: exit code 2, nothing on stdout, one line on stderr naming the cause, no stack trace. */
    static void assertCallerError(Run r, String... words) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("logreg: "), r.err());
        for (String word : words) {
            assertTrue(r.err().contains(word), "expected '" + word + "' in: " + r.err());
        }
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
