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
            Dataset<Row> data = data(spark, rows, features, rho).persist(StorageLevel.MEMORY_AND_DISK());
            data.count();
            for (int round = 0; round < 2; round++) { // the first round warms the JVM
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
                double[] a = ours.coefficients();
                double[] b = theirs.coefficients().toArray();
                double largest = Math.abs(ours.intercept());
                double diff = Math.abs(ours.intercept() - theirs.intercept());
                for (int j = 0; j < a.length; j++) {
                    largest = Math.max(largest, Math.abs(a[j]));
                    diff = Math.max(diff, Math.abs(a[j] - b[j]));
                }
                double core = round == 1 ? coreDifference(data, ours) : Double.NaN;
                if (round == 1) {
                    System.out.printf("%d x %d, rho %.3f: Newton %d iterations, %d passes, %d Spark jobs, %.2f s,"
                            + " max|g| %.1e; Spark ML L-BFGS %d iterations, %d Spark jobs, %.2f s; time ratio %.2f;"
                            + " coefficients: Spark ML's differ by %.1e, the core library's fit of the collected rows"
                            + " by %.1e (relative to the largest)%n", rows, features, rho, ours.iterations(),
                            ours.passes(), ourJobs, (t1 - t0) / 1e9, ours.maxAbsGradient(),
                            theirs.summary().totalIterations(), theirJobs, (t2 - t1) / 1e9,
                            (double) (t1 - t0) / (t2 - t1), diff / largest, core);
                }
            }
            data.unpersist();
        }
        spark.stop();
    }

    /** The largest difference between the module's coefficients and the core library's fit of the same rows. */
    private static double coreDifference(Dataset<Row> data, LogisticRegressionModel ours) {
        List<Row> rows = data.collectAsList();
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = ((Vector) rows.get(i).get(0)).toArray();
            y[i] = rows.get(i).getDouble(1);
        }
        dev.logreg.BinomialFit core = dev.logreg.LogisticRegression.newton().fit(x, y);
        double largest = Math.abs(core.intercept());
        double diff = Math.abs(core.intercept() - ours.intercept());
        double[] a = core.featureCoefficients();
        double[] b = ours.coefficients();
        for (int j = 0; j < a.length; j++) {
            largest = Math.max(largest, Math.abs(a[j]));
            diff = Math.max(diff, Math.abs(a[j] - b[j]));
        }
        return diff / largest;
    }

    /** Gaussian features, feature j = rho * feature j-1 + sqrt(1 - rho^2) * noise; a fixed true model. */
    private static Dataset<Row> data(SparkSession spark, int rows, int features, double rho) {
        Random random = new Random(1600 + (long) (rho * 1000));
        List<Row> list = new ArrayList<>(rows);
        double scale = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < rows; i++) {
            double[] x = new double[features];
            double z = 0.2;
            for (int j = 0; j < features; j++) {
                x[j] = (j == 0 ? 0 : rho * x[j - 1]) + (j == 0 ? 1 : scale) * random.nextGaussian();
                z += (j % 2 == 0 ? 1 : -1) * 0.5 / Math.sqrt(j + 1) * x[j];
            }
            Vector v = Vectors.dense(x);
            list.add(RowFactory.create(v, random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1.0 : 0.0));
        }
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("features", new VectorUDT(), false),
            DataTypes.createStructField("label", DataTypes.DoubleType, false)});
        return spark.createDataFrame(list, schema).repartition(4);
    }
}
