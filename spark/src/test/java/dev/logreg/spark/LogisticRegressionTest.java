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
    /** Relative agreement of standard errors, z and p with the core library's inference. */
    private static final double INFERENCE_TOLERANCE = 1e-8;
    /** Relative agreement of deviances, log-likelihood and AIC with the core's. */
    private static final double LIKELIHOOD_TOLERANCE = 1e-10;
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
        // The assembled features had names: the file reads those columns and the label by name.
        assertEquals(List.of("x1", "x2", "x3", "x4"), core.encoder().orElseThrow().columnNames());
        assertEquals("y", core.encoder().orElseThrow().target());
        assertEquals(core.terms(), loaded.toModel().terms());
        double[] features = x[7];
        Row first = model.transform(assembled).select("features", "p").first();
        assertEquals(((Vector) first.get(1)).apply(1), core.probability(((Vector) first.get(0)).toArray()),
                PROBABILITY_TOLERANCE);
        assertEquals(((LogisticModel) model.toModel()).probability(features), core.probability(features));
        LogisticRegressionModel back = LogisticRegressionModel.fromModel(core);
        assertEquals(model.intercept(), back.intercept());
        assertArrayEquals(model.coefficients(), back.coefficients(), 0.0);
        assertEquals(false, back.converged());
        LogisticRegressionModel noIntercept = new LogisticRegression().setLabelCol("y").setFitIntercept(false)
                .fit(assembled);
        assertEquals(false, noIntercept.toModel().hasIntercept());
    }

    @Test
    void theSummaryHasTheCoreInference() {
        Dataset<Row> assembled = assembler().transform(data);
        LogisticRegressionModel model = new LogisticRegression().setLabelCol("y").setWeightCol("w").setTol(1e-12)
                .fit(assembled);
        TrainingSummary summary = model.summary();
        dev.logreg.Inference core = dev.logreg.LogisticRegression.newton().withTolerance(1e-12).fit(x, y, w)
                .inference();
        double[] se = core.standardErrors();
        for (int j = 0; j < se.length; j++) {
            assertEquals(se[j], summary.standardErrors()[j], INFERENCE_TOLERANCE * se[j], "standard error " + j);
            assertEquals(core.z()[j], summary.z()[j], INFERENCE_TOLERANCE * Math.abs(core.z()[j]), "z " + j);
            assertEquals(core.p()[j], summary.p()[j], INFERENCE_TOLERANCE * core.p()[j] + 1e-300, "p " + j);
        }
        assertEquals(core.deviance(), summary.deviance(), LIKELIHOOD_TOLERANCE * core.deviance());
        assertEquals(core.nullDeviance(), summary.nullDeviance(), LIKELIHOOD_TOLERANCE * core.nullDeviance());
        assertEquals(core.logLikelihood(), summary.logLikelihood(), LIKELIHOOD_TOLERANCE * -core.logLikelihood());
        assertEquals(core.aic(), summary.aic(), LIKELIHOOD_TOLERANCE * core.aic());
        assertTrue(summary.converged());
        assertTrue(summary.passes() > model.passes(), "the summary's passes include its own");
        assertEquals(model.iterations() + 1, summary.trace().size(), "the trace has the start and each iteration");
        assertTrue(summary.trace().get(summary.trace().size() - 1).maxAbsGradient() <= 1e-12);
        // The aliasing check's pass at 0 is the solver's first evaluation, so the passes are the evaluations.
        assertEquals(model.passes(), summary.trace().get(summary.trace().size() - 1).evaluations(),
                "the trace's evaluations so far are the fit's passes");
        TrainingSummary penalized = new LogisticRegression().setLabelCol("y").setRegParam(0.1).fit(assembled)
                .summary();
        assertTrue(Double.isNaN(penalized.standardErrors()[0]));
        assertTrue(penalized.warnings().get(0).contains("penalized"), penalized.warnings().toString());
        assertThrows(IllegalStateException.class, () -> LogisticRegressionModel.fromModel(model.toModel()).summary());
    }

    @Test
    void badRowsAreRefusedNamingTheValue() {
        Dataset<Row> assembled = assembler().transform(data);
        Exception labels = assertThrows(Exception.class, () -> new LogisticRegression().setLabelCol("x1")
                .fit(assembled.withColumnRenamed("y", "label")));
        assertTrue(rootMessage(labels).contains("is not a class index"), rootMessage(labels));
        Exception weights = assertThrows(Exception.class, () -> new LogisticRegression().setLabelCol("y")
                .setWeightCol("x2").fit(assembled));
        assertTrue(rootMessage(weights).contains("is not finite and >= 0"), rootMessage(weights));
        Dataset<Row> nan = assembler().setHandleInvalid("keep").transform(data.withColumn("x3",
                org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.col("y").equalTo(1.0),
                        org.apache.spark.sql.functions.lit(Double.NaN)).otherwise(org.apache.spark.sql.functions.col("x3"))));
        Exception features = assertThrows(Exception.class, () -> new LogisticRegression().setLabelCol("y").fit(nan));
        assertTrue(rootMessage(features).contains("feature 2 is NaN"), rootMessage(features));
    }

    @Test
    void sparseFeatureVectorsFitAsTheirDenseValues() {
        List<Row> dense = new ArrayList<>();
        List<Row> sparse = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            double[] v = x[i].clone();
            for (int j = 0; j < FEATURES; j++) {
                if (Math.abs(v[j]) < 0.5) {
                    v[j] = 0.0; // about 40% zeros
                }
            }
            org.apache.spark.ml.linalg.Vector d = org.apache.spark.ml.linalg.Vectors.dense(v);
            dense.add(RowFactory.create(d, y[i]));
            sparse.add(RowFactory.create(d.toSparse(), y[i]));
        }
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("features", new org.apache.spark.ml.linalg.VectorUDT(), false),
            DataTypes.createStructField("label", DataTypes.DoubleType, false)});
        LogisticRegressionModel a = new LogisticRegression().fit(spark.createDataFrame(dense, schema));
        LogisticRegressionModel b = new LogisticRegression().fit(spark.createDataFrame(sparse, schema));
        assertTrue(spark.createDataFrame(sparse, schema).first().get(0) instanceof org.apache.spark.ml.linalg.SparseVector);
        assertArrayEquals(a.coefficients(), b.coefficients(), 0.0);
        assertEquals(a.intercept(), b.intercept(), 0.0);
        assertArrayEquals(a.summary().standardErrors(), b.summary().standardErrors(), 0.0);
    }

    @Test
    void standardizationPenalizesTheStandardizedCoefficientsAsTheCore() {
        Dataset<Row> assembled = assembler().transform(data);
        for (boolean intercept : new boolean[] {true, false}) {
            LogisticRegressionModel model = new LogisticRegression().setLabelCol("y").setWeightCol("w")
                    .setRegParam(0.2).setStandardization(true).setFitIntercept(intercept).setTol(1e-12).fit(assembled);
            BinomialFit core = dev.logreg.LogisticRegression.newton().withL2(0.2).withIntercept(intercept)
                    .withPenaltyScale(dev.logreg.PenaltyScale.STANDARDIZED).withTolerance(1e-12).fit(x, y, w);
            BinomialFit original = dev.logreg.LogisticRegression.newton().withL2(0.2).withIntercept(intercept)
                    .withTolerance(1e-12).fit(x, y, w);
            double[] expected = core.featureCoefficients();
            for (int j = 0; j < FEATURES; j++) {
                assertEquals(expected[j], model.coefficients()[j], COEFFICIENT_TOLERANCE * Math.abs(expected[j]),
                        "intercept " + intercept + ", coefficient " + j);
                assertTrue(Math.abs(original.featureCoefficients()[j] - expected[j]) > 1e-6,
                        "the two penalties give different models");
            }
            assertEquals(core.intercept(), model.intercept(), COEFFICIENT_TOLERANCE * Math.abs(core.intercept()) + 1e-14);
        }
    }

    @Test
    void gradientDescentReachesNewtonsOptimum() {
        Dataset<Row> assembled = assembler().transform(data);
        double lambda = 0.5;
        double tolerance = 1e-7;
        LogisticRegressionModel newton = new LogisticRegression().setLabelCol("y").setRegParam(lambda).setTol(1e-12)
                .fit(assembled);
        LogisticRegressionModel gd = new LogisticRegression().setLabelCol("y").setRegParam(lambda)
                .setSolver(LogisticRegression.GRADIENT_DESCENT).setTol(tolerance).setMaxIter(500).fit(assembled);
        assertTrue(gd.converged(), "gradient descent converged");
        assertEquals("gd", gd.summary().solver());
        assertEquals("newton", newton.summary().solver());
        assertTrue(gd.passes() > newton.passes());
        // J is lambda-strongly convex: |theta - theta*| <= |g| / lambda <= sqrt(d) tol / lambda.
        double bound = Math.sqrt(FEATURES + 1) * tolerance / lambda;
        assertEquals(newton.intercept(), gd.intercept(), bound);
        assertArrayEquals(newton.coefficients(), gd.coefficients(), bound);
        assertThrows(IllegalArgumentException.class, () -> new LogisticRegression().setSolver("lbfgs"));
    }

    @Test
    void tooManyParametersForNewtonRunGradientDescentAndSayWhy() {
        int features = LogisticRegression.MAX_NEWTON_PARAMETERS;
        Random random = new Random(5);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double[] v = new double[features];
            for (int j = 0; j < features; j++) {
                v[j] = random.nextGaussian();
            }
            rows.add(RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(v), (double) (i % 2)));
        }
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("features", new org.apache.spark.ml.linalg.VectorUDT(), false),
            DataTypes.createStructField("label", DataTypes.DoubleType, false)});
        Dataset<Row> wide = spark.createDataFrame(rows, schema).repartition(2);
        LogisticRegressionModel model = new LogisticRegression().setRegParam(1.0).setMaxIter(3).fit(wide);
        assertTrue(model.toModel().encoder().isEmpty(), "vectors without ML attributes give a model by position");
        assertEquals("gd", model.summary().solver());
        assertTrue(model.summary().warnings().get(0).contains((features + 1) + " parameters are more than the "
                + features), model.summary().warnings().toString());
        assertEquals(3, model.iterations());
    }

    @Test
    void anAliasedFeatureIsLeftOutAsTheCoreDoesAndNamed() {
        double[][] wider = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            wider[i] = java.util.Arrays.copyOf(x[i], FEATURES + 1);
            wider[i][FEATURES] = x[i][0] - 2 * x[i][2];
        }
        Dataset<Row> extended = data.withColumn("combo", org.apache.spark.sql.functions.col("x1")
                .minus(org.apache.spark.sql.functions.col("x3").multiply(2)));
        Dataset<Row> assembled = new VectorAssembler().setInputCols(new String[] {"x1", "x2", "x3", "x4", "combo"})
                .setOutputCol("features").transform(extended);
        LogisticRegressionModel model = new LogisticRegression().setLabelCol("y").setWeightCol("w").setTol(1e-12)
                .fit(assembled);
        BinomialFit core = dev.logreg.LogisticRegression.newton().withTolerance(1e-12).fit(wider, y, w);
        assertEquals(List.of(FEATURES + 1), java.util.Arrays.stream(core.aliasedIndices()).boxed().toList());
        TrainingSummary summary = model.summary();
        assertEquals(List.of("(Intercept)", "x1", "x2", "x3", "x4", "combo"), summary.terms());
        double[] expected = core.coefficientsWithNa()[0];
        double[] se = core.inference().standardErrors();
        for (int j = 0; j < FEATURES + 1; j++) {
            assertEquals(expected[j], summary.estimates()[j], COEFFICIENT_TOLERANCE * Math.abs(expected[j]), "estimate " + j);
            assertEquals(se[j], summary.standardErrors()[j], INFERENCE_TOLERANCE * se[j], "standard error " + j);
        }
        assertTrue(Double.isNaN(se[FEATURES + 1]) && Double.isNaN(summary.standardErrors()[FEATURES + 1]));
        assertTrue(Double.isNaN(summary.estimates()[FEATURES + 1]));
        assertEquals(0.0, model.coefficients()[FEATURES]);
        assertEquals(core.warnings().get(0).message().replace("x5", "combo"), summary.warnings().get(0));
        assertTrue(summary.warnings().get(0).contains("singularities: combo"), summary.warnings().toString());
        assertEquals(core.inference().aic(), summary.aic(), LIKELIHOOD_TOLERANCE * core.inference().aic());
    }

    @Test
    void separationIsProvedAndWordedAsTheCoreDoes() {
        // Quasi-complete separation: rows with x1 > 0 are events, rows with x1 < 0 are not, and rows with
        // x1 = 0 are both.
        double[][] xs = new double[ROWS][];
        double[] ys = new double[ROWS];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            xs[i] = new double[] {i % 10 == 0 ? 0.0 : x[i][0], x[i][1]};
            ys[i] = xs[i][0] > 0 ? 1.0 : xs[i][0] < 0 ? 0.0 : y[i];
            rows.add(RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(xs[i]), ys[i]));
        }
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("features", new org.apache.spark.ml.linalg.VectorUDT(), false),
            DataTypes.createStructField("label", DataTypes.DoubleType, false)});
        Dataset<Row> separated = spark.createDataFrame(rows, schema).repartition(3);
        LogisticRegressionModel model = new LogisticRegression().fit(separated);
        BinomialFit core = dev.logreg.LogisticRegression.newton().fit(xs, ys);
        assertTrue(core.separation(), "the core finds separation");
        String expected = core.warnings().stream().filter(w -> w.kind() == dev.logreg.solve.Warning.Kind.SEPARATION)
                .findFirst().orElseThrow().message();
        List<String> warnings = model.summary().warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("quasi-complete separation")), warnings.toString());
        String found = warnings.stream().filter(w -> w.contains("separation")).findFirst().orElseThrow();
        assertEquals(expected.substring(0, expected.indexOf(" Stopped")), found.substring(0, found.indexOf(" Stopped")));
        // Gradient descent stopped short: a diagnostic Newton run finds the separation, as in the core.
        LogisticRegressionModel gd = new LogisticRegression().setSolver(LogisticRegression.GRADIENT_DESCENT)
                .setMaxIter(30).fit(separated);
        assertEquals(dev.logreg.LogisticRegression.gradientDescent().withMaxIterations(30).fit(xs, ys).separation(),
                gd.summary().warnings().stream().anyMatch(w -> w.contains("separation")), gd.summary().warnings().toString());
        assertTrue(gd.summary().warnings().stream().anyMatch(w -> w.contains("separation")));
        LogisticRegressionModel clean = new LogisticRegression().setLabelCol("y").fit(assembler().transform(data));
        assertTrue(clean.summary().warnings().stream().noneMatch(w -> w.contains("separation")));
    }

    /** Relative agreement of coefficients with R's glm (converged to epsilon 1e-14). */
    private static final double R_COEFFICIENT_TOLERANCE = 1e-9;
    /** Relative agreement of standard errors with R's summary.glm. */
    private static final double R_STANDARD_ERROR_TOLERANCE = 1e-8;
    /** Relative agreement of deviances and AIC with R's. */
    private static final double R_DEVIANCE_TOLERANCE = 1e-10;

    @Test
    void offsetsFitAsRsGlmAndScoreWithTheirColumn() throws Exception {
        java.util.Properties r = new java.util.Properties();
        try (java.io.InputStream in = getClass().getResourceAsStream("/reference/r-offset.properties")) {
            r.load(in);
        }
        List<String> lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                getClass().getResourceAsStream("/data/ucla_admissions.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .lines().filter(l -> !l.startsWith("#")).skip(1).toList();
        List<Row> rows = new ArrayList<>();
        double offsetSum = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            double gpa = Double.parseDouble(cells[2]);
            int rank = Integer.parseInt(cells[3]);
            int row = i + 1; // R's 1-based row number
            double o = (gpa - 3.4) * (gpa - 3.4) + 0.25 * ((row % 5) - 2);
            offsetSum += o;
            double[] features = {Double.parseDouble(cells[1]), gpa, rank == 2 ? 1 : 0, rank == 3 ? 1 : 0, rank == 4 ? 1 : 0};
            double[] withDup = java.util.Arrays.copyOf(features, features.length + 1);
            withDup[features.length] = features[0] / 100 + 2 * gpa; // aliased: gre / 100 + 2 gpa
            rows.add(RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(features),
                    Double.parseDouble(cells[0]), 1.0 + row % 3, o, org.apache.spark.ml.linalg.Vectors.dense(withDup)));
        }
        assertEquals(Double.parseDouble(r.getProperty("offset.sum")), offsetSum, 1e-12);
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("features", new org.apache.spark.ml.linalg.VectorUDT(), false),
            DataTypes.createStructField("label", DataTypes.DoubleType, false),
            DataTypes.createStructField("w", DataTypes.DoubleType, false),
            DataTypes.createStructField("o", DataTypes.DoubleType, false),
            DataTypes.createStructField("withDup", new org.apache.spark.ml.linalg.VectorUDT(), false)});
        Dataset<Row> ucla = spark.createDataFrame(rows, schema).repartition(3);
        String[] terms = {"(Intercept)", "gre", "gpa", "factor(rank)2", "factor(rank)3", "factor(rank)4"};
        for (String fit : new String[] {"plain", "weighted"}) {
            LogisticRegression estimator = new LogisticRegression().setOffsetCol("o").setTol(1e-12);
            if (fit.equals("weighted")) {
                estimator.setWeightCol("w");
            }
            LogisticRegressionModel model = estimator.fit(ucla);
            TrainingSummary summary = model.summary();
            for (int j = 0; j < terms.length; j++) {
                double b = Double.parseDouble(r.getProperty("offset." + fit + ".coef[" + terms[j] + "]"));
                double se = Double.parseDouble(r.getProperty("offset." + fit + ".se[" + terms[j] + "]"));
                assertEquals(b, summary.estimates()[j], R_COEFFICIENT_TOLERANCE * Math.abs(b), fit + " " + terms[j]);
                assertEquals(se, summary.standardErrors()[j], R_STANDARD_ERROR_TOLERANCE * se, fit + " se " + terms[j]);
            }
            for (String key : new String[] {"deviance", "null.deviance", "aic"}) {
                double expected = Double.parseDouble(r.getProperty("offset." + fit + "." + key));
                double actual = key.equals("deviance") ? summary.deviance() : key.equals("aic") ? summary.aic()
                        : summary.nullDeviance();
                assertEquals(expected, actual, R_DEVIANCE_TOLERANCE * expected, fit + " " + key);
            }
            for (Row scored : model.transform(ucla).select("features", "o", "probability").collectAsList()) {
                double[] x = ((Vector) scored.get(0)).toArray();
                double z = model.intercept() + scored.getDouble(1);
                for (int j = 0; j < x.length; j++) {
                    z += model.coefficients()[j] * x[j];
                }
                assertEquals(1 / (1 + Math.exp(-z)), ((Vector) scored.get(2)).apply(1), PROBABILITY_TOLERANCE);
            }
        }
        // An aliased column with the offsets: left out, the rest as R's fit without it.
        TrainingSummary aliased = new LogisticRegression().setOffsetCol("o").setFeaturesCol("withDup").setTol(1e-12)
                .fit(ucla).summary();
        for (int j = 0; j < terms.length; j++) {
            double b = Double.parseDouble(r.getProperty("offset.plain.coef[" + terms[j] + "]"));
            double se = Double.parseDouble(r.getProperty("offset.plain.se[" + terms[j] + "]"));
            assertEquals(b, aliased.estimates()[j], R_COEFFICIENT_TOLERANCE * Math.abs(b), "aliased " + terms[j]);
            assertEquals(se, aliased.standardErrors()[j], R_STANDARD_ERROR_TOLERANCE * se, "aliased se " + terms[j]);
        }
        assertTrue(Double.isNaN(aliased.estimates()[terms.length]));
        assertTrue(aliased.warnings().get(0).contains("singularities: x6"), aliased.warnings().toString());
        Dataset<Row> bad = ucla.withColumn("o", org.apache.spark.sql.functions.when(
                org.apache.spark.sql.functions.col("label").equalTo(1.0), Double.NaN)
                .otherwise(org.apache.spark.sql.functions.col("o")));
        Exception nan = assertThrows(Exception.class, () -> new LogisticRegression().setOffsetCol("o").fit(bad));
        assertTrue(rootMessage(nan).contains("offset NaN is not finite"), rootMessage(nan));
        Dataset<Row> three = ucla.withColumn("label", org.apache.spark.sql.functions.lit(2.0).multiply(
                org.apache.spark.sql.functions.col("w").equalTo(3.0).cast("double")).plus(
                org.apache.spark.sql.functions.col("label")));
        Exception classes = assertThrows(IllegalArgumentException.class, () -> new LogisticRegression()
                .setOffsetCol("o").fit(three));
        assertTrue(classes.getMessage().contains("offsets are for two classes"), classes.getMessage());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
