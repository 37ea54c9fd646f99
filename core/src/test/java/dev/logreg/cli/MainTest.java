package dev.logreg.cli;

import static dev.logreg.cli.Cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {


    @Test
    void anUnknownCommandIsOneLineOnStderrAndExitCodeTwo() {
        Cli.Run r = run("bogus");
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
        Cli.Run none = run();
        assertEquals(2, none.code());
        assertEquals(1, none.err().lines().count(), none.err());
    }

    @Test
    void noArgumentsNamesEveryCommand() {
        Cli.Run none = run();
        assertEquals(2, none.code());
        String help = run("--help").out();
        for (String command : new String[] {"demo", "fit", "predict", "validate", "compare"}) {
            assertTrue(none.err().contains(" " + command), "expected '" + command + "' in: " + none.err());
            assertTrue(help.contains(command), "expected '" + command + "' in: " + help);
        }
    }

    @Test
    void anUnknownOptionIsOneLineWithoutAStackTrace() {
        Cli.Run r = run("fit", "--data", "x.csv", "--target", "y", "--bogus");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--bogus"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void versionExitsZero() {
        Cli.Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("logreg "), r.out());
    }
}
