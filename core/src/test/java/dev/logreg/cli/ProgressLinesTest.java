package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logreg.solve.Iteration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

    private static final long SECOND = 1_000_000_000L;

    /** Iteration k, reached t seconds into the solve. */
    private static Iteration at(int k, long t) {
        return new Iteration(k, 0.5 / (k + 1), 1.0 / (k + 1), 1, 1, 0, k, t * SECOND);
    }

    @Test
    void solverProgressWaitsFiveSecondsFromTheStartThenComesAtMostEveryFive() {
        long[] now = {0};
        StringWriter text = new StringWriter();
        ProgressLines<Iteration> lines = ProgressLines.solver(new PrintWriter(text), "fit: Newton", () -> now[0]);
        // The solve starts 22 s after the reporter was made (as compare's Newton, after gradient descent):
        // the quiet start counts from its first report, and the seconds printed are the solve's own.
        long begin = 22;
        for (int t : new int[] {0, 1, 3, 5, 6, 9, 10, 14, 16}) {
            now[0] = (begin + t) * SECOND;
            lines.accept(at(t, t));
        }
        // printed at 5 s, 10 s and 16 s: not at 0, 1 or 3 (too early) nor 6, 9 or 14 (too soon after a line)
        assertEquals(List.of(
                "logreg: fit: Newton: iteration 5, 5 passes over the data, loss 0.08333333333, max|g| 1.67e-01 (5 s)",
                "logreg: fit: Newton: iteration 10, 10 passes over the data, loss 0.04545454545, max|g| 9.09e-02 (10 s)",
                "logreg: fit: Newton: iteration 16, 16 passes over the data, loss 0.02941176471, max|g| 5.88e-02 (16 s)"),
                text.toString().lines().toList());
    }
}
