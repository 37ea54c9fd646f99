package dev.logreg.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.BinomialFit;
import dev.logreg.LogisticModel;
import dev.logreg.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimator in a Spark ML pipeline against the core library's fit of the same rows, on local[2]. */
class LogisticRegressionTest {

    /** Relative agreement of the coefficients with the core library's fit. */
    private static final double COEFFICIENT_TOLERANCE = 1e-10;
    /** Agreement of the probabilities with the core model's. */
    private static final double PROBABILITY_TOLERANCE = 1e-12;
    private static final int ROWS = 4000;
    private static final int FEATURES = 4;

    private static SparkSession spark;
    private static double[][] x;
    private static double[] y;
    private static double[] w;
    private static Dataset<Row> data;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("LogisticRegressionTest")
                .config("spark.ui.enabled", "false").getOrCreate();
        Random random = new Random(17);
        x = new double[ROWS][FEATURES];
        y = new double[ROWS];
        w = new double[ROWS];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            double z = -0.4;
            Object[] cells = new Object[FEATURES + 2];
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = random.nextGaussian() + (j == 1 ? 0.9 * x[i][0] : 0.0);
                z += (j % 2 == 0 ? 0.7 : -0.6) * x[i][j];
                cells[j] = x[i][j];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            w[i] = i % 5 == 0 ? 0.5 : 1.0;
            cells[FEATURES] = y[i];
            cells[FEATURES + 1] = w[i];
            rows.add(RowFactory.create(cells));
        }
        List<StructField> fields = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            fields.add(DataTypes.createStructField("x" + (j + 1), DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("y", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("w", DataTypes.DoubleType, false));
        data = spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0]))).repartition(3);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static VectorAssembler assembler() {
        String[] names = new String[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            names[j] = "x" + (j + 1);
        }
        return new VectorAssembler().setInputCols(names).setOutputCol("features");
    }

    @Test
    void aPipelineFitsTheCoreOptimumAndScoresAsTheCoreModel() {
        for (boolean intercept : new boolean[] {true, false}) {
            LogisticRegression estimator = new LogisticRegression().setLabelCol("y").setWeightCol("w")
                    .setRegParam(0.05).setFitIntercept(intercept).setTol(1e-12);
            PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {assembler(), estimator}).fit(data);
            LogisticRegressionModel model = (LogisticRegressionModel) pipeline.stages()[1];
            BinomialFit core = dev.logreg.LogisticRegression.newton().withL2(0.05).withIntercept(intercept)
                    .withTolerance(1e-12).fit(x, y, w);
            assertTrue(model.converged());
            assertTrue(model.passes() <= 10, model.passes() + " passes");
            double[] expected = core.featureCoefficients();
            for (int j = 0; j < FEATURES; j++) {
                assertEquals(expected[j], model.coefficients()[j], COEFFICIENT_TOLERANCE * Math.abs(expected[j]) + 1e-14,
                        "intercept " + intercept + ", coefficient " + j);
            }
            assertEquals(core.intercept(), model.intercept(), COEFFICIENT_TOLERANCE * Math.abs(core.intercept()) + 1e-14);
            for (Row row : pipeline.transform(data).select("features", "probability", "prediction").collectAsList()) {
                double[] features = ((Vector) row.get(0)).toArray();
                double p = core.model().probability(features);
                Vector probability = (Vector) row.get(1);
                assertEquals(p, probability.apply(1), PROBABILITY_TOLERANCE);
                assertEquals(1 - p, probability.apply(0), PROBABILITY_TOLERANCE);
                assertEquals(p > 0.5 ? 1.0 : 0.0, row.getDouble(2));
            }
        }
    }

    @Test
    void aSavedModelLoadsToTheSamePredictionsAndTravelsAsACoreModelFile(@TempDir Path dir) throws Exception {
        Dataset<Row> assembled = assembler().transform(data);
        LogisticRegressionModel model = new LogisticRegression().setLabelCol("y").setWeightCol("w")
                .setProbabilityCol("p").fit(assembled);
        String path = dir.resolve("model").toString();
        model.save(path);
        LogisticRegressionModel loaded = LogisticRegressionModel.load(path);
        assertEquals(model.uid(), loaded.uid());
        assertEquals("p", loaded.getProbabilityCol());
        assertEquals(model.converged(), loaded.converged());
        assertEquals(model.passes(), loaded.passes());
        assertEquals(model.intercept(), loaded.intercept());
        assertArrayEquals(model.coefficients(), loaded.coefficients(), 0.0);
        List<Row> before = model.transform(assembled).select("p").collectAsList();
        List<Row> after = loaded.transform(assembled).select("p").collectAsList();
        assertEquals(before, after);
        // To the core library's model file and back: the same parameters, the same probabilities.
        Path file = dir.resolve("model.json");
        model.toModel().write(file);
        LogisticModel core = (LogisticModel) Model.read(file);
        double[] features = x[7];
        Row first = model.transform(assembled).select("features", "p").first();
        assertEquals(((Vector) first.get(1)).apply(1), core.probability(((Vector) first.get(0)).toArray()),
                PROBABILITY_TOLERANCE);
        assertEquals(model.toModel().probability(features), core.probability(features));
        LogisticRegressionModel back = LogisticRegressionModel.fromModel(core);
        assertEquals(model.intercept(), back.intercept());
        assertArrayEquals(model.coefficients(), back.coefficients(), 0.0);
        assertEquals(false, back.converged());
        LogisticRegressionModel noIntercept = new LogisticRegression().setLabelCol("y").setFitIntercept(false)
                .fit(assembled);
        assertEquals(false, noIntercept.toModel().hasIntercept());
    }

    @Test
    void badRowsAreRefusedNamingTheValue() {
        Dataset<Row> assembled = assembler().transform(data);
        Exception labels = assertThrows(Exception.class, () -> new LogisticRegression().setLabelCol("x1")
                .fit(assembled.withColumnRenamed("y", "label")));
        assertTrue(rootMessage(labels).contains("is not 0 or 1"), rootMessage(labels));
        Exception weights = assertThrows(Exception.class, () -> new LogisticRegression().setLabelCol("y")
                .setWeightCol("x2").fit(assembled));
        assertTrue(rootMessage(weights).contains("is not finite and >= 0"), rootMessage(weights));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
