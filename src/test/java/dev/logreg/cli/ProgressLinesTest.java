package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logreg.solve.Iteration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

    private static Iteration at(int k) {
        return new Iteration(k, 0.5 / (k + 1), 1.0 / (k + 1), 1, 1, 0, k, 0);
    }

    @Test
    void solverProgressWaitsFiveSecondsThenComesAtMostEveryFive() {
        long second = 1_000_000_000L;
        long[] now = {0};
        StringWriter text = new StringWriter();
        ProgressLines<Iteration> lines = ProgressLines.solver(new PrintWriter(text), "fit: Newton", () -> now[0]);
        for (int t : new int[] {1, 3, 5, 6, 9, 10, 14, 16}) {
            now[0] = t * second;
            lines.accept(at(t));
        }
        // printed at 5 s, 10 s and 16 s: not at 1 or 3 (too early) nor 6, 9 or 14 (too soon after a line)
        assertEquals(List.of(
                "logreg: fit: Newton: iteration 5, loss 0.08333333333, max|g| 1.67e-01 (5 s)",
                "logreg: fit: Newton: iteration 10, loss 0.04545454545, max|g| 9.09e-02 (10 s)",
                "logreg: fit: Newton: iteration 16, loss 0.02941176471, max|g| 5.88e-02 (16 s)"),
                text.toString().lines().toList());
    }
}
