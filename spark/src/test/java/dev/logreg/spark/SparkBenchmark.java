package dev.logreg.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * This module's Newton against Spark ML's own {@code LogisticRegression} (L-BFGS, tol 1e-10) on local[2],
 * on generated data (fixed seed) with independent and with strongly correlated features: Spark jobs
 * during each fit, time, max|g| reached by Newton, and the largest difference of the coefficients relative
 * to the largest coefficient. Not a test: {@code bash spark/benchmark.sh [ROWS] [FEATURES]}.
 */
public final class SparkBenchmark {

    private SparkBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("SparkBenchmark")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        AtomicInteger jobs = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                jobs.incrementAndGet();
            }
        });
        for (double rho : new double[] {0.0, 0.99, 0.999}) {
            compare(spark, jobs, data(spark, rows, features, rho, 2), rows + " x " + features + ", rho " + rho);
        }
        for (double rho : new double[] {0.0, 0.99}) {
            compare(spark, jobs, data(spark, rows, features, rho, 3), rows + " x " + features + ", 3 classes, rho "
                    + rho);
        }
        spark.stop();
    }

    /**
     * Fits the data with both estimators twice (the first round warms the JVM) and prints the second round.
     * For K classes the coefficients compared are the differences from class 0 (Spark ML's symmetric
     * unpenalized coefficients are identified only up to a common shift), ours being against class 0.
     */
    private static void compare(SparkSession spark, AtomicInteger jobs, Dataset<Row> data, String name) {
        data = data.persist(StorageLevel.MEMORY_AND_DISK());
        data.count();
        for (int round = 0; round < 2; round++) {
            jobs.set(0);
            long t0 = System.nanoTime();
            LogisticRegressionModel ours = new LogisticRegression().setLabelCol("label").setTol(1e-8).fit(data);
            long t1 = System.nanoTime();
            int ourJobs = jobs.getAndSet(0);
            org.apache.spark.ml.classification.LogisticRegressionModel theirs =
                    new org.apache.spark.ml.classification.LogisticRegression().setTol(1e-10).setMaxIter(10_000)
                            .setRegParam(0.0).fit(data);
            long t2 = System.nanoTime();
            int theirJobs = jobs.get();
            double[][] a = withIntercepts(ours.coefficientMatrix(), ours.interceptVector());
            double[][] b = withIntercepts(theirs.coefficientMatrix().toArray(), theirs.interceptVector().toArray(),
                    theirs.coefficientMatrix().numRows(), theirs.coefficientMatrix().numCols());
            double diff = relativeDifference(a, b, ours.isMultinomial());
            if (round == 1) {
                System.out.printf("%s: Newton %d iterations, %d passes, %d Spark jobs, %.2f s, max|g| %.1e; Spark ML"
                        + " L-BFGS %d iterations, %d Spark jobs, %.2f s; time ratio %.2f; coefficients: Spark ML's"
                        + " differ by %.1e, the core library's fit of the collected rows by %.1e (relative to the"
                        + " largest)%n", name, ours.iterations(), ours.passes(), ourJobs, (t1 - t0) / 1e9,
                        ours.maxAbsGradient(), theirs.summary().totalIterations(), theirJobs, (t2 - t1) / 1e9,
                        (double) (t1 - t0) / (t2 - t1), diff, coreDifference(data, a, ours.isMultinomial()));
            }
        }
        data.unpersist();
    }

    /** Rows of [intercept, coefficients]. */
    private static double[][] withIntercepts(double[][] coefficients, double[] intercepts) {
        double[][] out = new double[coefficients.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = new double[coefficients[k].length + 1];
            out[k][0] = intercepts[k];
            System.arraycopy(coefficients[k], 0, out[k], 1, coefficients[k].length);
        }
        return out;
    }

    /** The same from Spark's column-major matrix. */
    private static double[][] withIntercepts(double[] columnMajor, double[] intercepts, int rows, int cols) {
        double[][] coefficients = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                coefficients[r][c] = columnMajor[c * rows + r];
            }
        }
        return withIntercepts(coefficients, intercepts);
    }

    /**
     * max|a &minus; b| over the largest |a|: of the rows themselves for one row, else of each row's difference
     * from row 0 (a's row 0 is zero, the reference class).
     */
    private static double relativeDifference(double[][] a, double[][] b, boolean contrasts) {
        double largest = 0;
        double diff = 0;
        for (int k = contrasts ? 1 : 0; k < a.length; k++) {
            for (int j = 0; j < a[k].length; j++) {
                double x = contrasts ? a[k][j] - a[0][j] : a[k][j];
                double y = contrasts ? b[k][j] - b[0][j] : b[k][j];
                largest = Math.max(largest, Math.abs(x));
                diff = Math.max(diff, Math.abs(x - y));
            }
        }
        return diff / largest;
    }

    /** The largest difference between the module's coefficients and the core library's fit of the same rows. */
    private static double coreDifference(Dataset<Row> data, double[][] ours, boolean multinomial) {
        List<Row> rows = data.collectAsList();
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = ((Vector) rows.get(i).get(0)).toArray();
            y[i] = (int) rows.get(i).getDouble(1);
        }
        double[][] core = dev.logreg.LogisticRegression.newton().fit(x, y).coefficientsWithIntercept();
        if (multinomial) {
            double[][] full = new double[core.length + 1][];
            full[0] = new double[core[0].length];
            System.arraycopy(core, 0, full, 1, core.length);
            core = full;
        }
        return relativeDifference(core, ours, multinomial);
    }

    /**
     * Gaussian features, feature j = rho * feature j-1 + sqrt(1 - rho^2) * noise; a fixed true model of
     * the given number of classes (class k's logit has the signs of the coefficients turned k times).
     */
    private static Dataset<Row> data(SparkSession spark, int rows, int features, double rho, int classes) {
        Random random = new Random(1600 + (long) (rho * 1000) + 7L * classes);
        List<Row> list = new ArrayList<>(rows);
        double scale = Math.sqrt(1 - rho * rho);
        double[] z = new double[classes];
        for (int i = 0; i < rows; i++) {
            double[] x = new double[features];
            for (int j = 0; j < features; j++) {
                x[j] = (j == 0 ? 0 : rho * x[j - 1]) + (j == 0 ? 1 : scale) * random.nextGaussian();
            }
            double sum = 1;
            for (int k = 1; k < classes; k++) {
                z[k] = 0.2 * k;
                for (int j = 0; j < features; j++) {
                    z[k] += ((j + k) % 2 == 0 ? 1 : -1) * 0.5 / Math.sqrt(j + 1) * x[j];
                }
                sum += Math.exp(z[k]);
            }
            double u = random.nextDouble() * sum;
            int label = 0;
            double cumulative = 1;
            while (label < classes - 1 && u >= cumulative) {
                label++;
                cumulative += Math.exp(z[label]);
            }
            list.add(RowFactory.create(Vectors.dense(x), (double) label));
        }
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("features", new VectorUDT(), false),
            DataTypes.createStructField("label", DataTypes.DoubleType, false)});
        return spark.createDataFrame(list, schema).repartition(4);
    }
}
