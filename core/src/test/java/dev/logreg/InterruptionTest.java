package dev.logreg;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interrupting a fit's thread cancels it within a fraction of a pass, on the one-thread path (a small
 * problem) and on the multi-threaded one: CancellationException, the interrupt status kept.
 */
class InterruptionTest {

    /** Generous bounds: the fit must stop long before it would end on its own. */
    private static final long STOP_WITHIN_SECONDS = 20;

    /** What happened on the fitting thread. */
    private record Outcome(Throwable thrown, boolean interruptedAfter) {
    }

    private static Outcome interruptAfter(long millis, Supplier<Object> fit) throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                fit.get();
                outcome.complete(new Outcome(null, Thread.currentThread().isInterrupted()));
            } catch (Throwable t) {
                outcome.complete(new Outcome(t, Thread.currentThread().isInterrupted()));
            }
        });
        worker.start();
        Thread.sleep(millis);
        worker.interrupt();
        return outcome.get(STOP_WITHIN_SECONDS, TimeUnit.SECONDS);
    }

    private static double[][] gaussian(int m, int p, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[m][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    @ParameterizedTest(name = "rows={0}")
    @ValueSource(ints = {400, 200_000})
    void anInterruptedBinaryFitThrowsCancellationAndKeepsTheInterruptStatus(int rows) throws Exception {
        // 400 rows run on the calling thread only; 200000 x 20 on every core.
        double[][] x = rows == 400 ? Data.ucla().x() : gaussian(rows, 20, 1);
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % 2;
        }
        LogisticRegression endless = LogisticRegression.gradientDescent().withMaxIterations(Integer.MAX_VALUE)
                .withTolerance(1e-300);
        Outcome o = interruptAfter(300, () -> endless.fit(x, y));
        assertTrue(o.thrown() instanceof CancellationException, String.valueOf(o.thrown()));
        assertTrue(o.interruptedAfter(), "the interrupt status is kept");
    }

    @ParameterizedTest(name = "rows={0}")
    @ValueSource(ints = {150, 150_000})
    void anInterruptedMultinomialFitThrowsCancellation(int rows) throws Exception {
        double[][] x = gaussian(rows, 4, 2);
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % 3;
        }
        LogisticRegression endless = LogisticRegression.gradientDescent().withMaxIterations(Integer.MAX_VALUE)
                .withTolerance(1e-300);
        Outcome o = interruptAfter(300, () -> endless.fit(x, y));
        assertTrue(o.thrown() instanceof CancellationException, String.valueOf(o.thrown()));
        assertTrue(o.interruptedAfter());
        assertFalse(Thread.currentThread().isInterrupted(), "the test's own thread was not touched");
    }
}
