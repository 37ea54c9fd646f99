package dev.logreg.spark;

import dev.logreg.LogisticModel;
import dev.logreg.Model;
import dev.logreg.math.Logistic;
import dev.logreg.solve.Solution;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import scala.Option;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;

/**
 * A binary logistic regression fitted by {@link LogisticRegression}: P(y = 1 | x) = &sigma;(b<sub>0</sub> +
 * x&middot;&beta;). Its raw prediction is (&minus;z, z) and its probability (1 &minus; p, p), as Spark ML's
 * own binary model gives them.
 *
 * <p>Saved and loaded as Spark ML saves its stages ({@link #write()}, {@link #load}): the Params as Spark's
 * metadata, the parameters as the core library's model file ({@code logreg.model/1}, in {@code data/}),
 * and the fit's convergence, iterations and passes. {@link #toModel()} and {@link #fromModel} convert to and
 * from the core library's model, so a model fitted on Spark scores in a plain JVM and back.
 */
public final class LogisticRegressionModel
        extends ProbabilisticClassificationModel<Vector, LogisticRegressionModel> implements MLWritable {

    private static final long serialVersionUID = 1L;

    private String uid;
    private final boolean hasIntercept;
    private final double intercept;
    private final double[] coefficients;
    private final boolean converged;
    private final int iterations;
    private final int passes;
    private final double maxAbsGradient;
    /** The fit's summary; absent on a loaded or converted model, as on Spark ML's own. */
    private transient TrainingSummary summary;

    LogisticRegressionModel(String uid, boolean hasIntercept, double intercept, double[] coefficients,
                            Solution solution, int passes) {
        this(LogisticRegression.constructing(uid), hasIntercept, intercept, coefficients, solution.converged(),
                solution.iterations(), passes, solution.maxAbsGradient());
    }

    private LogisticRegressionModel(String uid, boolean hasIntercept, double intercept, double[] coefficients,
                                    boolean converged, int iterations, int passes, double maxAbsGradient) {
        this.uid = uid;
        this.hasIntercept = hasIntercept;
        LogisticRegression.CONSTRUCTING.remove();
        this.intercept = intercept;
        this.coefficients = coefficients.clone();
        this.converged = converged;
        this.iterations = iterations;
        this.passes = passes;
        this.maxAbsGradient = maxAbsGradient;
    }

    /**
     * @return the core library's model of the same parameters, whose features are this model's vector
     *         positions (write it with {@link Model#write(java.nio.file.Path)})
     */
    public LogisticModel toModel() {
        return hasIntercept ? LogisticModel.of(intercept, coefficients) : LogisticModel.withoutIntercept(coefficients);
    }

    /**
     * A Spark model of a core library's binary model (read from a model file, or fitted in a plain JVM): its
     * features are taken as the feature vector's positions. It was not fitted here, so it has no fit: it is
     * not {@link #converged()}, and its iterations and passes are 0.
     *
     * @param model the core model
     * @return the Spark model, with a new id
     */
    public static LogisticRegressionModel fromModel(LogisticModel model) {
        return new LogisticRegressionModel(LogisticRegression.constructing(
                org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("logregNewton")), model.hasIntercept(),
                model.intercept(), model.featureCoefficients(), false, 0, 0, Double.NaN);
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** @return the reader of saved models */
    public static MLReader<LogisticRegressionModel> read() {
        return new Reader();
    }

    /**
     * @param path where {@link #save} wrote a model
     * @return the model
     */
    public static LogisticRegressionModel load(String path) {
        return read().load(path);
    }

    /** Spark's metadata with the Params, the core model file, and a line of the fit's figures. */
    private static final class Writer extends MLWriter {
        private final LogisticRegressionModel model;

        Writer(LogisticRegressionModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sc(), Option.empty(), Option.empty());
            StringWriter file = new StringWriter();
            try {
                model.toModel().write(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JavaSparkContext context = JavaSparkContext.fromSparkContext(sc());
            context.parallelize(List.of(file.toString().strip()), 1).saveAsTextFile(path + "/data");
            String fit = model.converged + " " + model.iterations + " " + model.passes + " " + model.maxAbsGradient;
            context.parallelize(List.of(fit), 1).saveAsTextFile(path + "/fit");
        }
    }

    /** Reads what {@link Writer} saved. */
    private static final class Reader extends MLReader<LogisticRegressionModel> {
        @Override
        public LogisticRegressionModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sc(),
                    LogisticRegressionModel.class.getName());
            JavaSparkContext context = JavaSparkContext.fromSparkContext(sc());
            String text = String.join("\n", context.textFile(path + "/data", 1).collect());
            Model core;
            try {
                core = Model.read(new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!(core instanceof LogisticModel binary)) {
                throw new IllegalArgumentException(path + " holds a multinomial model; this is a binary one");
            }
            String[] fit = context.textFile(path + "/fit", 1).first().split(" ");
            LogisticRegressionModel model = new LogisticRegressionModel(LogisticRegression.constructing(
                    metadata.uid()), binary.hasIntercept(), binary.intercept(), binary.featureCoefficients(),
                    Boolean.parseBoolean(fit[0]), Integer.parseInt(fit[1]), Integer.parseInt(fit[2]),
                    Double.parseDouble(fit[3]));
            metadata.getAndSetParams(model, Option.empty());
            return model;
        }
    }

    @Override
    public String uid() {
        return uid != null ? uid : LogisticRegression.CONSTRUCTING.get();
    }

    /** Attaches the fit's summary. */
    LogisticRegressionModel withSummary(TrainingSummary value) {
        this.summary = value;
        return this;
    }

    /** @return whether this model has its fit's summary (a model loaded or converted has none) */
    public boolean hasSummary() {
        return summary != null;
    }

    /**
     * @return the fit's summary: standard errors, z, p, deviance, log-likelihood, AIC, warnings
     * @throws IllegalStateException for a model without one ({@link #hasSummary()})
     */
    public TrainingSummary summary() {
        if (summary == null) {
            throw new IllegalStateException("this model has no training summary: it was loaded or converted, not"
                    + " fitted here");
        }
        return summary;
    }

    /** @return b<sub>0</sub> (0 without an intercept) */
    public double intercept() {
        return intercept;
    }

    /** @return &beta;, one per feature (a copy) */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** @return whether Newton reached max|g| &le; tol */
    public boolean converged() {
        return converged;
    }

    /** @return Newton's iterations */
    public int iterations() {
        return iterations;
    }

    /** @return the passes over the data the fit took (Spark jobs of the objective) */
    public int passes() {
        return passes;
    }

    /** @return max|g| at the estimate */
    public double maxAbsGradient() {
        return maxAbsGradient;
    }

    /**
     * Spark's own, as its superclass has it. Declared here only because Java sees two inherited signatures
     * of this Scala method (the Scala tuple's covariance has no Java counterpart); raw, to match both.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public scala.Tuple3 findSummaryModel() {
        return super.findSummaryModel();
    }

    @Override
    public int numClasses() {
        return 2;
    }

    @Override
    public int numFeatures() {
        return coefficients.length;
    }

    @Override
    public Vector predictRaw(Vector features) {
        if (features.size() != coefficients.length) {
            throw new IllegalArgumentException("a feature vector of " + features.size() + " values; the model has "
                    + coefficients.length + " coefficients");
        }
        double z = intercept;
        double[] x = features.toArray();
        for (int j = 0; j < x.length; j++) {
            z += coefficients[j] * x[j];
        }
        return Vectors.dense(-z, z);
    }

    @Override
    public Vector raw2probabilityInPlace(Vector rawPrediction) {
        DenseVector raw = (DenseVector) rawPrediction;
        double z = raw.values()[1];
        raw.values()[0] = Logistic.sigmoid(-z);
        raw.values()[1] = Logistic.sigmoid(z);
        return raw;
    }

    @Override
    public LogisticRegressionModel copy(ParamMap extra) {
        LogisticRegressionModel copy = new LogisticRegressionModel(LogisticRegression.constructing(uid), hasIntercept, intercept,
                coefficients, converged,
                iterations, passes, maxAbsGradient);
        copy.summary = summary;
        return copyValues(copy, extra).setParent(parent());
    }
}
