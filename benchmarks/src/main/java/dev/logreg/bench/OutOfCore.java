package dev.logreg.bench;

import dev.logreg.DesignCache;
import dev.logreg.Fit;
import dev.logreg.LogisticRegression;
import dev.logreg.data.Design;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The fit of a cache, timed: from the mapped file (the rows never in the heap) or, with {@code memory},
 * from the rows read into the heap first (the time to read them reported apart). Prints the fit's time,
 * its passes over the data and its coefficients, so that a run of each can be compared; the inference
 * (one more pass for the information, one for the likelihoods) is timed on its own line.
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.logreg.bench.OutOfCore big.lrc mapped
 * java -Xmx12g -cp benchmarks/target/benchmarks.jar dev.logreg.bench.OutOfCore big.lrc memory</pre>
 */
public final class OutOfCore {

    private OutOfCore() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[1].equals("mapped") || args[1].equals("memory"))) {
            System.err.println("usage: OutOfCore CACHE mapped|memory");
            System.exit(2);
        }
        Design design = DesignCache.open(Path.of(args[0]));
        if (args[1].equals("memory")) {
            long start = System.nanoTime();
            design = design.inMemory();
            System.out.printf(Locale.ROOT, "read into the heap: %.2f s%n", (System.nanoTime() - start) / 1e9);
        }
        long start = System.nanoTime();
        Fit fit = LogisticRegression.newton().fit(design);
        double seconds = (System.nanoTime() - start) / 1e9;
        int passes = fit.trace().get(fit.trace().size() - 1).evaluations();
        System.out.printf(Locale.ROOT, "%s fit: %.2f s, %d iterations, %d passes over the data (%.2f s a pass)%n",
                args[1], seconds, fit.iterations(), passes, seconds / passes);
        start = System.nanoTime();
        double deviance = fit.inference().deviance();
        System.out.printf(Locale.ROOT, "%s inference: %.2f s (deviance %.10g)%n", args[1],
                (System.nanoTime() - start) / 1e9, deviance);
        System.out.println("coefficients " + Arrays.toString(fit.theta()));
    }
}
