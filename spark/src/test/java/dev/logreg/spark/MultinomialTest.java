package dev.logreg.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.Inference;
import dev.logreg.Model;
import dev.logreg.MultinomialFit;
import dev.logreg.MultinomialModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three classes on local[2]: the estimator against the core library's multinomial fit of the same rows. */
class MultinomialTest {

    /** Agreement of the coefficients with the core's fit, relative to the largest. */
    private static final double COEFFICIENT_TOLERANCE = 1e-10;
    /** Agreement of the probabilities with the core model's. */
    private static final double PROBABILITY_TOLERANCE = 1e-12;
    /** Relative agreement of standard errors, z and p with the core's inference. */
    private static final double INFERENCE_TOLERANCE = 1e-8;
    /** Relative agreement of deviances, log-likelihood and AIC with the core's. */
    private static final double LIKELIHOOD_TOLERANCE = 1e-10;
    private static final int ROWS = 3000;
    private static final int FEATURES = 3;
    private static final int CLASSES = 3;
    private static final String[] NAMES = {"length", "width", "depth"};

    private static SparkSession spark;
    private static double[][] x;
    private static int[] y;
    private static double[] w;
    private static Dataset<Row> data;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("MultinomialTest")
                .config("spark.ui.enabled", "false").getOrCreate();
        Random random = new Random(23);
        double[][] beta = {{0, 0, 0, 0}, {0.3, 0.9, -0.4, 0.2}, {-0.2, -0.5, 0.8, 0.6}};
        x = new double[ROWS][FEATURES];
        y = new int[ROWS];
        w = new double[ROWS];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = random.nextGaussian() + (j == 2 ? 0.5 * x[i][0] : 0.0);
            }
            double[] p = new double[CLASSES];
            double sum = 0;
            for (int k = 0; k < CLASSES; k++) {
                double z = beta[k][0];
                for (int j = 0; j < FEATURES; j++) {
                    z += beta[k][j + 1] * x[i][j];
                }
                p[k] = Math.exp(z);
                sum += p[k];
            }
            double u = random.nextDouble() * sum;
            y[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            w[i] = i % 4 == 0 ? 1.5 : 1.0;
            rows.add(RowFactory.create(x[i][0], x[i][1], x[i][2], (double) y[i], w[i], "c" + y[i]));
        }
        List<StructField> fields = new ArrayList<>();
        for (String name : NAMES) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("y", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("w", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("kind", DataTypes.StringType, false));
        Dataset<Row> frame = spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
        data = new VectorAssembler().setInputCols(NAMES).setOutputCol("features").transform(frame).repartition(3)
                .cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static double[] flatten(double[][] rows) {
        int n = rows[0].length;
        double[] out = new double[rows.length * n];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * n, n);
        }
        return out;
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double largest = 0;
        for (double v : expected) {
            largest = Math.max(largest, Math.abs(v));
        }
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], tolerance * largest, what + " " + j);
        }
    }

    @Test
    void anUnpenalizedFitHasTheCoreEstimatesInferenceAndProbabilities() {
        LogisticRegressionModel model = new LogisticRegression().setLabelCol("y").setWeightCol("w").setTol(1e-12)
                .fit(data);
        MultinomialFit core = dev.logreg.LogisticRegression.newton().withTolerance(1e-12).fitMultinomial(x, y, w);
        assertTrue(model.isMultinomial());
        assertEquals(CLASSES, model.numClasses());
        assertEquals(0, model.referenceClass());
        assertTrue(model.converged());
        assertTrue(model.passes() <= 10, model.passes() + " passes");
        TrainingSummary summary = model.summary();
        assertClose(flatten(core.coefficientsWithIntercept()), summary.estimates(), COEFFICIENT_TOLERANCE,
                "estimate");
        assertEquals(List.of("(Intercept)", "length", "width", "depth"), summary.terms());
        assertEquals(List.of("1", "2"), summary.coefficientClasses());
        Inference inference = core.inference();
        for (int j = 0; j < inference.standardErrors().length; j++) {
            double se = inference.standardErrors()[j];
            assertEquals(se, summary.standardErrors()[j], INFERENCE_TOLERANCE * se, "standard error " + j);
            assertEquals(inference.p()[j], summary.p()[j], INFERENCE_TOLERANCE * inference.p()[j] + 1e-300, "p " + j);
        }
        assertEquals(inference.deviance(), summary.deviance(), LIKELIHOOD_TOLERANCE * inference.deviance());
        assertEquals(inference.nullDeviance(), summary.nullDeviance(), LIKELIHOOD_TOLERANCE * inference.nullDeviance());
        assertEquals(inference.logLikelihood(), summary.logLikelihood(),
                LIKELIHOOD_TOLERANCE * -inference.logLikelihood());
        assertEquals(inference.aic(), summary.aic(), LIKELIHOOD_TOLERANCE * inference.aic());
        MultinomialModel coreModel = core.model();
        for (Row row : model.transform(data).select("features", "probability", "prediction").collectAsList()) {
            double[] features = ((Vector) row.get(0)).toArray();
            double[] expected = coreModel.probabilities(features);
            assertArrayEquals(expected, ((Vector) row.get(1)).toArray(), PROBABILITY_TOLERANCE);
            assertEquals(coreModel.predict(features), (int) row.getDouble(2));
        }
    }

    @Test
    void aPenalizedFitIsSymmetricWithCentredInterceptsAsTheCore() {
        for (boolean intercept : new boolean[] {true, false}) {
            LogisticRegressionModel model = new LogisticRegression().setLabelCol("y").setWeightCol("w")
                    .setRegParam(0.05).setFitIntercept(intercept).setTol(1e-12).fit(data);
            MultinomialFit core = dev.logreg.LogisticRegression.newton().withL2(0.05).withIntercept(intercept)
                    .withTolerance(1e-12).fitMultinomial(x, y, w);
            assertEquals(-1, model.referenceClass());
            assertTrue(model.converged(), "intercept " + intercept);
            assertTrue(model.passes() <= 10, model.passes() + " passes");
            assertClose(flatten(core.coefficientsWithIntercept()), model.summary().estimates(), COEFFICIENT_TOLERANCE,
                    "intercept " + intercept + ", estimate");
            double sum = 0;
            for (double b0 : model.interceptVector()) {
                sum += b0;
            }
            assertEquals(0.0, sum, 1e-14, "the intercepts are centred");
            assertEquals(CLASSES, model.coefficientMatrix().length);
        }
    }

    @Test
    void aSavedModelLoadsAndTravelsAsACoreModelFile(@TempDir Path dir) throws Exception {
        LogisticRegressionModel model = new LogisticRegression().setLabelCol("y").fit(data);
        String path = dir.resolve("model").toString();
        model.save(path);
        LogisticRegressionModel loaded = LogisticRegressionModel.load(path);
        assertEquals(model.transform(data).select("probability").collectAsList(),
                loaded.transform(data).select("probability").collectAsList());
        assertEquals(model.referenceClass(), loaded.referenceClass());
        Path file = dir.resolve("model.json");
        model.toModel().write(file);
        MultinomialModel core = assertInstanceOf(MultinomialModel.class, Model.read(file));
        Row first = model.transform(data).select("features", "probability").first();
        assertArrayEquals(((Vector) first.get(1)).toArray(), core.probabilities(((Vector) first.get(0)).toArray()),
                PROBABILITY_TOLERANCE);
        LogisticRegressionModel back = LogisticRegressionModel.fromModel(core);
        assertTrue(back.isMultinomial());
        assertFalse(back.converged());
        assertArrayEquals(flatten(model.coefficientMatrix()), flatten(back.coefficientMatrix()), 0.0);
        assertArrayEquals(model.interceptVector(), back.interceptVector(), 0.0);
        LogisticRegressionModel symmetric = new LogisticRegression().setLabelCol("y").setRegParam(0.1)
                .setFitIntercept(false).fit(data);
        LogisticRegressionModel round = LogisticRegressionModel.fromModel(symmetric.toModel());
        assertEquals(-1, round.referenceClass());
        assertArrayEquals(flatten(symmetric.coefficientMatrix()), flatten(round.coefficientMatrix()), 0.0);
        assertFalse(symmetric.toModel().hasIntercept());
    }

    @Test
    void classNamesComeFromAnIndexedLabel() {
        Dataset<Row> indexed = new StringIndexer().setInputCol("kind").setOutputCol("label")
                .setStringOrderType("alphabetAsc").fit(data).transform(data);
        LogisticRegressionModel model = new LogisticRegression().fit(indexed);
        assertEquals(List.of("c0", "c1", "c2"), model.classNames());
        assertEquals(List.of("c1", "c2"), model.summary().coefficientClasses());
        assertEquals(List.of("c0", "c1", "c2"), model.toModel().classes());
    }

    @Test
    void aClassWithoutRowsIsRefused() {
        Dataset<Row> gap = data.withColumn("y", functions.when(functions.col("y").equalTo(1.0), 2.0)
                .otherwise(functions.col("y")));
        Exception e = assertThrows(IllegalArgumentException.class, () -> new LogisticRegression().setLabelCol("y")
                .fit(gap));
        assertTrue(e.getMessage().contains("class 1 has no rows"), e.getMessage());
    }
}
