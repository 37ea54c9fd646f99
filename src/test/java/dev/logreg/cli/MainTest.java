package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandIsOneLineOnStderrAndExitCodeTwo() {
        Run r = run("bogus");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("bogus"), r.err());
    }

    @Test
    void helpExitsZeroAndNoArgumentsExitsTwo() {
        assertEquals(0, run("--help").code());
        assertTrue(run("--help").out().contains("demo"));
        assertTrue(run("--help").out().contains("fit"));
        Run none = run();
        assertEquals(2, none.code());
        assertEquals(1, none.err().lines().count(), none.err());
    }

    @Test
    void anUnknownOptionIsOneLineWithoutAStackTrace() {
        Run r = run("fit", "--data", "x.csv", "--target", "y", "--bogus");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--bogus"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void versionExitsZero() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("logreg "), r.out());
    }
}
