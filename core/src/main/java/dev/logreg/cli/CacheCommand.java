package dev.logreg.cli;

import dev.logreg.DesignCache;
import dev.logreg.data.Design;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cache}: reads a CSV file once and writes its model matrix, labels and weights to a cache
 * ({@link DesignCache}), which {@code fit --data} then maps instead of parsing the CSV again: the rows
 * need not fit the heap, and repeated fits of the same data skip the reading.
 */
@Command(name = "cache", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the model matrix of a CSV file (with its labels, weights and encoding) to a cache"
                + " file that fit --data reads by mapping it into memory: for data larger than the heap, and to"
                + " fit the same data again without reading the CSV.")
final class CacheCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "The cache to write (replaced once complete; conventionally FILE.lrc).")
    Path output;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() {
        if (DesignCache.isCache(data.data)) {
            throw new IllegalArgumentException(data.data + " is already a cache: give the CSV file it was written from");
        }
        OutputFile target = OutputFile.of("--output", output, data.data);
        Design design = data.cache(target.path(), progress.of(ProgressLines.text(spec.commandLine().getErr())));
        PrintWriter out = spec.commandLine().getOut();
        long bytes = 8L * design.rowsUsed() * (design.columnNames().size() + 3);
        out.printf(Locale.ROOT, "wrote %s: %s, %d rows of %d columns (%s), %d rows dropped for missing values%n",
                output, design.formula(), design.rowsUsed(), design.columnNames().size() + 1, size(bytes),
                design.rowsDropped());
        out.flush();
        return 0;
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
