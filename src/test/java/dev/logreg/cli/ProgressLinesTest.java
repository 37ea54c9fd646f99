package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.solve.Iteration;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

    private static Iteration at(int k) {
        return new Iteration(k, 0.5 / (k + 1), 1.0 / (k + 1), 1, 1, 0, k, 0);
    }

    @Test
    void nothingDuringTheQuietStartThenAtMostOneLinePerInterval() throws InterruptedException {
        StringWriter text = new StringWriter();
        ProgressLines quiet = new ProgressLines(new PrintWriter(text), "compare: gradient descent");
        for (int k = 0; k < 1000; k++) {
            quiet.accept(at(k));
        }
        assertEquals("", text.toString(), "a short solve prints nothing");
        // No quiet start, one line per 50 ms: the first iteration prints, the next ones wait.
        ProgressLines lines = new ProgressLines(new PrintWriter(text), "fit: Newton", 0, 50_000_000L);
        lines.accept(at(1));
        lines.accept(at(2));
        Thread.sleep(80);
        lines.accept(at(3));
        String[] printed = text.toString().split("\n");
        assertEquals(2, printed.length, text.toString());
        assertTrue(printed[0].startsWith("logreg: fit: Newton: iteration 1, loss 0.25"), printed[0]);
        assertTrue(printed[1].contains("iteration 3") && printed[1].contains("max|g| 2.50e-01"), printed[1]);
    }
}
