package dev.logreg.cli;

import dev.logreg.solve.Iteration;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Progress of a long computation on stderr: nothing for the first {@value #QUIET_SECONDS} seconds
 * after the first report (when the computation starts), then at most one line every
 * {@value #EVERY_SECONDS} seconds, such as
 * {@code logreg: compare: gradient descent: iteration 12000, loss 0.5412, max|g| 3.1e+00 (10 s)}.
 *
 * @param <T> what is reported: a solver's {@link Iteration}, a validation method's progress
 */
final class ProgressLines<T> implements Consumer<T> {

    /** No progress line before this many seconds. */
    static final int QUIET_SECONDS = 5;
    /** At most one line per this many seconds. */
    static final int EVERY_SECONDS = 5;
    private static final long SECOND = 1_000_000_000L;

    private final PrintWriter err;
    private final Function<T, String> line;
    private final LongSupplier clock;
    /** When the next line may be printed; set by the first report. */
    private long next;
    private boolean started;

    /**
     * @param err where the lines go
     * @param line the text of a line, without the leading {@code logreg: }
     * @param clock the time in nanoseconds, such as {@code System::nanoTime}
     */
    ProgressLines(PrintWriter err, Function<T, String> line, LongSupplier clock) {
        this.err = err;
        this.line = line;
        this.clock = clock;
    }

    /**
     * Progress of a solver: its iterations, loss and max|g|.
     *
     * @param err where the lines go
     * @param label what is running, such as {@code compare: gradient descent}
     * @param clock the time in nanoseconds
     * @return the progress lines
     */
    static ProgressLines<Iteration> solver(PrintWriter err, String label, LongSupplier clock) {
        return new ProgressLines<>(err, it -> String.format(Locale.ROOT, "%s: iteration %d, %d passes over the data,"
                + " loss %.10g, max|g| %.2e (%d s)", label, it.index(), it.evaluations(), it.loss(), it.maxAbsGradient(),
                it.elapsedNanos() / SECOND), clock);
    }

    /**
     * @param err where the lines go
     * @return progress lines of text, such as {@code reading big.csv (pass 1 of 2): 1,234,567 rows}, on the
     *         system clock
     */
    static ProgressLines<String> text(PrintWriter err) {
        return new ProgressLines<>(err, line -> line, System::nanoTime);
    }

    /**
     * @param err where the lines go
     * @param label what is running
     * @return solver progress on the system clock
     */
    static ProgressLines<Iteration> solver(PrintWriter err, String label) {
        return solver(err, label, System::nanoTime);
    }

    @Override
    public void accept(T progress) {
        long now = clock.getAsLong();
        if (!started) {
            started = true;
            next = now + QUIET_SECONDS * SECOND;
        }
        if (now < next) {
            return;
        }
        next = now + EVERY_SECONDS * SECOND;
        err.println("logreg: " + line.apply(progress));
        err.flush();
    }
}
