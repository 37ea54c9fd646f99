package dev.logreg.bench;

import dev.logreg.data.Column;
import dev.logreg.data.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a CSV file into a table: {@code Table.read} of a file of {@code rows} rows, a 0/1 {@code y}
 * and 20 Gaussian features written with 6 decimals (fixed seed; 192 MB for a million rows), the shape
 * of {@code python-peer.sh}. The file is written to a temporary file in the setup; the primary result
 * is reads per second, and the secondary {@code megabytes} the file's megabytes (10<sup>6</sup> bytes)
 * read per second. Teardown checks the rows, that every column is numeric, and one column's sum against
 * the sum of the values written.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@State(Scope.Benchmark)
public class IngestBenchmark {

    /** The seed of the values. */
    static final long SEED = 20_240_607L;
    /** Gaussian features. */
    static final int FEATURES = 20;
    /** The decimals each feature is written with. */
    static final int DECIMALS = 6;
    private static final long SCALE = 1_000_000L;
    private static final double MEGABYTE = 1e6;

    @Param({"1000000"})
    public int rows;

    Path file;
    double megabytes;
    /** The sum of x1 as written, and as last read. */
    double x1Sum;
    Table last;

    /** Megabytes of the file read, per second: the secondary result. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Read {
        /** The megabytes read so far. */
        public double megabytes;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("ingest-benchmark", ".csv");
        Random r = new Random(SEED);
        StringBuilder line = new StringBuilder();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line.append('y');
            for (int j = 1; j <= FEATURES; j++) {
                line.append(",x").append(j);
            }
            out.write(line.append('\n').toString());
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(r.nextInt(2));
                for (int j = 1; j <= FEATURES; j++) {
                    long scaled = Math.round(r.nextGaussian() * SCALE);
                    if (j == 1) {
                        x1Sum += scaled / (double) SCALE;
                    }
                    appendDecimal(line.append(','), scaled);
                }
                out.write(line.append('\n').toString());
            }
        }
        megabytes = Files.size(file) / MEGABYTE;
        System.out.printf(Locale.ROOT, "%n[ingest] %d rows x %d columns, %.1f MB%n", rows, FEATURES + 1, megabytes);
    }

    /** Appends {@code scaled / 10^6} with 6 decimals, as {@code %.6f} writes it. */
    private static void appendDecimal(StringBuilder out, long scaled) {
        if (scaled < 0) {
            out.append('-');
        }
        long magnitude = Math.abs(scaled);
        out.append(magnitude / SCALE).append('.');
        String fraction = Long.toString(magnitude % SCALE);
        for (int k = fraction.length(); k < DECIMALS; k++) {
            out.append('0');
        }
        out.append(fraction);
    }

    @Benchmark
    public Table read(Read counter) {
        last = Table.read(file, List.of());
        counter.megabytes += megabytes;
        return last;
    }

    @TearDown(Level.Trial)
    public void check() throws IOException {
        try {
            if (last != null) {
                if (last.rows() != rows || last.names().size() != FEATURES + 1) {
                    throw new IllegalStateException("read " + last + ", expected " + rows + " rows");
                }
                for (String name : last.names()) {
                    if (!last.column(name).isNumeric()) {
                        throw new IllegalStateException("column " + name + " is not numeric");
                    }
                }
                Column x1 = last.column("x1");
                double sum = 0;
                for (int i = 0; i < last.rows(); i++) {
                    sum += x1.number(i);
                }
                // The values written, read back exactly and summed in the same order: the same sum.
                Verify.close("IngestBenchmark sum of x1", sum, x1Sum, 0);
                System.out.printf(Locale.ROOT, "%n[verify] IngestBenchmark %d rows: sum of x1 %.6f, written %.6f%n",
                        rows, sum, x1Sum);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
