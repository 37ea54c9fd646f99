package dev.logreg.bench;

import dev.logreg.LogisticRegression;
import dev.logreg.Model;
import dev.logreg.Scores;
import dev.logreg.data.Design;
import dev.logreg.data.Encoded;
import dev.logreg.data.ModelSpec;
import dev.logreg.data.Table;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A saved model at work on a million rows: writing and reading the model file, encoding a table of
 * new rows by column name, and scoring it (encoding included). The table (20 Gaussian features and a
 * categorical column of 4 levels, fixed seed) is read from CSV text in the setup, and the model fitted
 * on it there, so the benchmarks time the model alone, not the CSV reader.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms10g", "-Xmx10g", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ModelBenchmark {

    /** The seed of the rows. */
    static final long SEED = 20_241_201L;
    /** Numeric features. */
    static final int FEATURES = 20;

    @Param({"1000000"})
    public int rows;

    Table table;
    Model model;
    String file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Random r = new Random(SEED);
        String[] levels = {"a", "b", "c", "d"};
        StringBuilder csv = new StringBuilder();
        csv.append('y');
        for (int j = 1; j <= FEATURES; j++) {
            csv.append(",x").append(j);
        }
        csv.append(",grade\n");
        for (int i = 0; i < rows; i++) {
            double z = 0.2;
            StringBuilder line = new StringBuilder();
            for (int j = 1; j <= FEATURES; j++) {
                double x = Math.round(r.nextGaussian() * 1e6) / 1e6;
                z += (j % 2 == 1 ? 0.4 : -0.4) / Math.sqrt(j) * x;
                line.append(',').append(String.format(Locale.ROOT, "%.6f", x));
            }
            int level = r.nextInt(4);
            z += new double[] {0, 0.3, -0.5, 0.8}[level];
            csv.append(r.nextDouble() < 1 / (1 + Math.exp(-z)) ? '1' : '0').append(line).append(',')
                    .append(levels[level]).append('\n');
        }
        table = Table.read(new StringReader(csv.toString()), "generated", ',', null, Set.of());
        model = LogisticRegression.newton().fit(Design.build(table, ModelSpec.of("y"))).model();
        StringWriter out = new StringWriter();
        model.write(out);
        file = out.toString();
        System.out.printf("%n[model] %d rows, %d terms, model file %d bytes%n", rows, model.terms().size(),
                file.length());
    }

    @Benchmark
    public String write() throws IOException {
        StringWriter out = new StringWriter();
        model.write(out);
        return out.toString();
    }

    @Benchmark
    public Model read() throws IOException {
        return Model.read(new StringReader(file));
    }

    @Benchmark
    public Encoded encode() {
        return model.encoder().orElseThrow().encode(table);
    }

    @Benchmark
    public Scores score() {
        return model.score(table);
    }
}
