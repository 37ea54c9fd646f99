package dev.logreg.cli;

import dev.logreg.solve.Iteration;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of a long solve on stderr: nothing for the first {@value #QUIET_SECONDS} seconds, then at
 * most one line every {@value #EVERY_SECONDS} seconds, such as
 * {@code logreg: compare: gradient descent: iteration 12000, loss 0.5412, max|g| 3.1e+00 (10 s)}.
 */
final class ProgressLines implements Consumer<Iteration> {

    /** No progress line before this many seconds. */
    static final int QUIET_SECONDS = 5;
    /** At most one line per this many seconds. */
    static final int EVERY_SECONDS = 5;

    private final PrintWriter err;
    private final String label;
    private final long every;
    private final long start = System.nanoTime();
    private long next;

    /**
     * @param err where the lines go
     * @param label what is running, such as {@code compare: gradient descent}
     */
    ProgressLines(PrintWriter err, String label) {
        this(err, label, QUIET_SECONDS * 1_000_000_000L, EVERY_SECONDS * 1_000_000_000L);
    }

    /**
     * @param quiet nanoseconds without a line at the start
     * @param every nanoseconds between lines
     */
    ProgressLines(PrintWriter err, String label, long quiet, long every) {
        this.err = err;
        this.label = label;
        this.every = every;
        this.next = start + quiet;
    }

    @Override
    public void accept(Iteration it) {
        long now = System.nanoTime();
        if (now < next) {
            return;
        }
        next = now + every;
        err.println(String.format(Locale.ROOT, "logreg: %s: iteration %d, loss %.10g, max|g| %.2e (%d s)", label,
                it.index(), it.loss(), it.maxAbsGradient(), (now - start) / 1_000_000_000L));
        err.flush();
    }
}
