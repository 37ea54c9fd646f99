package dev.logreg.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One method's clock: its time limit, counted from construction, and the progress callback it
 * reports each iteration to. Not thread-safe; one per method run.
 */
final class Monitor {

    private final String method;
    private final long start;
    private final long limitNanos;
    private final Duration limit;
    private final Consumer<Validation.Progress> progress;

    /**
     * Starts the clock.
     *
     * @param method the method's name in the progress reports
     * @param limit the time limit, positive
     * @param progress called after every iteration, or null
     */
    Monitor(String method, Duration limit, Consumer<Validation.Progress> progress) {
        this.method = method;
        this.start = System.nanoTime();
        this.limit = limit;
        this.limitNanos = saturatedNanos(limit);
        this.progress = progress;
    }

    /** A monitor with no time limit to speak of (about 292 years) and no progress callback. */
    static Monitor unlimited(String method) {
        return new Monitor(method, Duration.ofNanos(Long.MAX_VALUE), null);
    }

    /** @return whether the time since construction has reached the limit */
    boolean expired() {
        return elapsedNanos() >= limitNanos;
    }

    /** @return nanoseconds since construction */
    long elapsedNanos() {
        return System.nanoTime() - start;
    }

    /**
     * Reports one iteration to the progress callback, if there is one.
     *
     * @param iterations the iterations done so far
     * @param maxAbsGradient max|g| at the current iterate
     */
    void iteration(int iterations, double maxAbsGradient) {
        if (progress != null) {
            progress.accept(new Validation.Progress(method, iterations, maxAbsGradient,
                    Duration.ofNanos(elapsedNanos())));
        }
    }

    /** @return "stopped at the time limit of 60 s", the limit in seconds */
    String timeLimitReached() {
        return "stopped at the time limit of " + seconds(limit);
    }

    /** @return a duration in seconds: "60 s", "0.25 s" (three significant digits), "1e-9 s" below 1 ms */
    static String seconds(Duration d) {
        if (d.getNano() == 0) {
            return d.getSeconds() + " s";
        }
        double s = d.getSeconds() + d.getNano() / 1e9;
        if (s < 1e-3) {
            return ValidationReport.number(s) + " s";
        }
        return BigDecimal.valueOf(s).round(new MathContext(3)).stripTrailingZeros().toPlainString() + " s";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
