package dev.logreg.cli;

import dev.logreg.DesignCache;
import dev.logreg.data.Design;
import dev.logreg.data.Feature;
import dev.logreg.data.Formula;
import dev.logreg.data.ModelSpec;
import dev.logreg.data.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say what to fit from a CSV file; shared by the commands that read data. */
final class DataOptions {

    /** Rows per chunk when a CSV file is read in chunks. */
    static final int CHUNK_ROWS = 1 << 14;
    /** The share of the heap a table and its model matrix may take before they are read out of core. */
    static final double HEAP_SHARE = 0.5;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file (UTF-8 text, or gzip-compressed) with a header row; ?, NA, NaN and empty"
                    + " cells are missing. Or a cache written by logreg cache, which holds its model matrix.")
    Path data;

    @Option(names = "--formula", paramLabel = "FORMULA",
            description = "The model as an R formula, 'y ~ x1 + x2', instead of --target, --features and"
                    + " --categorical: + : * ^ / %%in%% - 0 1 ., factor(c), I(expr), log log1p exp sqrt abs and"
                    + " offset(expr), expanded and coded as R's model.matrix. A CSV file read into memory only.")
    String formula;

    @Option(names = "--target", paramLabel = "COL",
            description = "The column to predict (required for a CSV file; a cache knows its own).")
    String target;

    @Option(names = "--features", paramLabel = "LIST",
            description = "Comma-separated terms: a column, log(c), log1p(c), sqrt(c), sq(c) or pow(c,k)."
                    + " Default: every column but the target and the weights.")
    String features;

    @Option(names = "--categorical", paramLabel = "COL", split = ",",
            description = "Read this column as categorical even if it looks numeric (repeatable).")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "The target level that is the event (y = 1). Default: 1 for 0/1 targets,"
                    + " else the second of two levels in sorted order. With more than two levels it fits"
                    + " this level against the rest; without it such a target is multinomial.")
    String positive;

    @Option(names = "--weights", paramLabel = "COL", description = "A numeric column of prior weights (>= 0).")
    String weights;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "The cell separator (default: ${DEFAULT-VALUE}); 'tab' for tab-separated files.")
    String delimiter;

    /** @return the design these options describe, with no progress lines */
    Design design() {
        return design(null, line -> { });
    }

    /**
     * The design these options describe: opened from a cache; or read from the CSV file into memory; or,
     * when the table and its model matrix would take more than {@link #HEAP_SHARE} of the heap, read in
     * chunks into a temporary cache (deleted when the JVM exits) and fitted from the mapped file.
     *
     * @param err where the note of a temporary cache goes, or null for none
     * @param progress told of the rows read, for progress lines
     * @return the design
     */
    Design design(PrintWriter err, Consumer<String> progress) {
        Formula parsed = formula();
        if (DesignCache.isCache(data)) {
            if (parsed != null) {
                throw new IllegalArgumentException(data + " is a cache (written by logreg cache), which holds its own"
                        + " model matrix: --formula applies to a CSV file");
            }
            return cached();
        }
        if (parsed == null) {
            requireTarget();
        }
        long needed = HeapEstimate.table(data, delimiter(delimiter));
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > HEAP_SHARE * heap && parsed != null) {
            throw new IllegalArgumentException("the table of " + data + " and its model matrix need about "
                    + Activity.bytes(needed) + ", more than half the heap (" + Activity.bytes(heap) + "), and a"
                    + " --formula design is built in memory only: give the JVM more heap (-Xmx) or use --target and"
                    + " --features");
        }
        if (needed > HEAP_SHARE * heap) {
            Path temporary;
            try {
                temporary = Files.createTempFile("logreg-", ".lrc");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot create a temporary cache in "
                        + System.getProperty("java.io.tmpdir") + ": " + OutputFile.reason(e), e);
            }
            temporary.toFile().deleteOnExit();
            if (err != null) {
                err.println("logreg: note: the table of " + data + " and its model matrix need about "
                        + Activity.bytes(needed) + ", more than half the heap (" + Activity.bytes(heap) + "): they are"
                        + " read in chunks into the temporary cache " + temporary + " and fitted from the mapped file"
                        + " (--cache FILE keeps a cache to fit again)");
                err.flush();
            }
            return streamed(temporary, progress);
        }
        char separator = delimiter(delimiter);
        Activity.reading(data, needed);
        Table table = Table.read(data, separator, categorical);
        Activity.doing("building the model matrix of " + data);
        Design design = parsed != null ? Design.build(table, parsed, positive, weights) : Design.build(table, spec());
        Activity.fitting(design.rowsUsed(), design.columnNames().size() + 1);
        return design;
    }

    private void requireTarget() {
        if (target == null) {
            throw new IllegalArgumentException("--target is required: name the column to predict");
        }
    }

    /**
     * Reads the CSV file in chunks, twice, into a cache, to be fitted from the mapped file: neither the
     * table nor its model matrix is ever in the heap.
     *
     * @param cache the cache to write (replaced once complete)
     * @param progress told of the rows read
     * @return the design, reading its rows from the cache
     */
    Design cache(Path cache, Consumer<String> progress) {
        if (formula() != null) {
            throw new IllegalArgumentException("a cache cannot hold a --formula design yet: use --target and"
                    + " --features to write a cache, or fit the CSV file in memory without --cache");
        }
        requireTarget();
        return streamed(cache, progress);
    }

    private Design streamed(Path cache, Consumer<String> progress) {
        char separator = delimiter(delimiter);
        int[] pass = {0};
        Design.Chunks chunks = chunk -> {
            pass[0]++;
            Activity.doing("reading " + data + " in chunks into the cache " + cache);
            Table.stream(data, separator, categorical, CHUNK_ROWS, table -> {
                chunk.accept(table);
                progress.accept(String.format(java.util.Locale.ROOT, "reading %s (pass %d of 2): %,d rows", data,
                        pass[0], (long) table.firstRow() + table.rows()));
            });
        };
        Design design = DesignCache.write(chunks, spec(), cache);
        Activity.doing("fitting the rows of the cache " + cache);
        return design;
    }

    /**
     * The formula of {@code --formula}, parsed, or null without one.
     *
     * @throws IllegalArgumentException if it is given with --target, --features or --categorical, or does not
     *         parse (naming the position)
     */
    Formula formula() {
        if (formula == null) {
            return null;
        }
        String other = target != null ? "--target" : features != null ? "--features"
                : !categorical.isEmpty() ? "--categorical" : null;
        if (other != null) {
            throw new IllegalArgumentException("--formula and " + other + " cannot be combined: the formula names the"
                    + " response and the terms (factor(c) makes a numeric column categorical)");
        }
        return Formula.parse(formula.replace('\n', ' ').replace('\r', ' '));
    }

    /**
     * Refuses a design of a formula without an intercept or with offsets, for a command that fits the model
     * matrix with an intercept and no offsets.
     *
     * @param design the design
     * @param command the command, for the message
     * @throws IllegalArgumentException for such a design
     */
    static void requireInterceptWithoutOffsets(Design design, String command) {
        if (!design.intercept() || design.hasOffsets()) {
            throw new IllegalArgumentException(command + " fits models with an intercept and no offset; the --formula "
                    + design.formula() + " has " + (design.hasOffsets() ? "an offset()" : "no intercept")
                    + ": use fit for it");
        }
    }

    /** @return the model these options ask for */
    ModelSpec spec() {
        List<String> terms = features == null ? List.of() : Feature.split(features);
        return new ModelSpec(target, terms, positive, weights);
    }

    /**
     * The design of a cache: the options that would shape a design from a CSV file cannot change it.
     *
     * @throws IllegalArgumentException if such an option is given (or --target names another column)
     */
    private Design cached() {
        Design design = DesignCache.open(data);
        String fixed = features != null ? "--features" : !categorical.isEmpty() ? "--categorical"
                : positive != null ? "--positive" : weights != null ? "--weights"
                : !delimiter.equals(",") ? "--delimiter" : null;
        if (fixed != null) {
            throw new IllegalArgumentException(data + " is a cache of " + design.formula() + " (written by logreg"
                    + " cache): " + fixed + " cannot change it; write another cache from the CSV file");
        }
        if (target != null && !target.equals(design.target())) {
            throw new IllegalArgumentException(data + " is a cache of " + design.formula() + ": its target is '"
                    + design.target() + "', not '" + target + "'");
        }
        return design;
    }

    /** The cell separator an option names: one character, or 'tab'. */
    static char delimiter(String delimiter) {
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character or 'tab', got '" + delimiter + "'");
        }
        return delimiter.charAt(0);
    }
}
