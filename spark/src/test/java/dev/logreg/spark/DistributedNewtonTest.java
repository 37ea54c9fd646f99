package dev.logreg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.BinomialFit;
import dev.logreg.LogisticRegression;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Newton's method on the driver over a cluster's partitions reaches the core library's optimum. */
class DistributedNewtonTest {

    /** Relative agreement of the coefficients with the core library's fit of the same rows. */
    private static final double COEFFICIENT_TOLERANCE = 1e-10;
    private static final int ROWS = 5000;
    private static final int FEATURES = 6;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("DistributedNewtonTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void newtonOnPartitionsReachesTheCoreOptimum() {
        Random random = new Random(16);
        double[][] x = new double[ROWS][FEATURES];
        double[] y = new double[ROWS];
        double[] w = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double z = 0.3;
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = random.nextGaussian();
                z += (j % 2 == 0 ? 0.8 : -0.5) * x[i][j];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            w[i] = i % 7 == 0 ? 2.5 : 1.0;
        }
        for (double lambda : new double[] {0.0, 0.01}) {
            BinomialFit core = LogisticRegression.newton().withL2(lambda).withTolerance(1e-12).fit(x, y, w);
            JavaRDD<RowBlocks> blocks = blocks(x, y, w, 5).persist(StorageLevel.MEMORY_AND_DISK());
            double total = blocks.map(b -> b.totalWeight).fold(0.0, Double::sum);
            double[] penalty = new double[FEATURES + 1];
            java.util.Arrays.fill(penalty, 1, FEATURES + 1, lambda);
            DistributedObjective objective = new DistributedObjective(blocks, new RowBlocks.Classes(2, 0), FEATURES + 1,
                    penalty, 2, total);
            Solution solution = new NewtonSolver(new NewtonOptions(1e-12, 100)).minimize(objective,
                    new double[FEATURES + 1]);
            assertTrue(solution.converged(), "lambda " + lambda + ": " + solution.termination());
            assertTrue(objective.passes() <= 10, objective.passes() + " passes");
            double[] expected = core.theta();
            double largest = 0;
            for (double v : expected) {
                largest = Math.max(largest, Math.abs(v));
            }
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[j], solution.theta()[j], COEFFICIENT_TOLERANCE * largest,
                        "lambda " + lambda + ", coefficient " + j);
            }
            blocks.unpersist();
        }
    }

    /** The rows in the given number of partitions, each one block with the intercept column first. */
    private static JavaRDD<RowBlocks> blocks(double[][] x, double[] y, double[] w, int partitions) {
        List<RowBlocks> parts = new ArrayList<>();
        int n = x[0].length + 1;
        for (int p = 0; p < partitions; p++) {
            int from = (int) ((long) x.length * p / partitions);
            int to = (int) ((long) x.length * (p + 1) / partitions);
            double[] data = new double[(to - from) * n];
            double[] labels = new double[to - from];
            double[] weights = new double[to - from];
            for (int i = from; i < to; i++) {
                data[(i - from) * n] = 1.0;
                System.arraycopy(x[i], 0, data, (i - from) * n + 1, n - 1);
                labels[i - from] = y[i];
                weights[i - from] = w[i];
            }
            parts.add(new RowBlocks(data, to - from, n, labels, weights));
        }
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(parts, partitions);
    }
}
