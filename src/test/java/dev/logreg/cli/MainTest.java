package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
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
    void theDemoPrintsBothFitsWithRsCoefficients() {
        Run r = run("demo");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("690 applications, 307 approved"), r.out());
        // R 4.2.2 glm(y ~ log1p(A15)), rounded to the six decimals the demo prints.
        String intercept = String.format("%.6f", Data.r("c.coef.Intercept"));
        String slope = String.format("%.6f", Data.r("c.coef.log1pA15"));
        assertTrue(r.out().contains("(Intercept)           " + intercept), r.out());
        assertTrue(r.out().contains("log1p(A15)             " + slope), r.out());
        assertEquals(4, r.out().split("CONVERGED", -1).length - 1, "four fits converged:\n" + r.out());
        assertTrue(r.out().contains("gradient descent"), r.out());
        assertEquals("", r.err(), "no warnings on the demo");
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
        assertEquals(2, run().code());
    }
}
