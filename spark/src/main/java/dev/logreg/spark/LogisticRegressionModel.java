package dev.logreg.spark;

import dev.logreg.LogisticModel;
import dev.logreg.Model;
import dev.logreg.MultinomialModel;
import dev.logreg.data.Encoder;
import dev.logreg.data.Feature;
import dev.logreg.math.Logistic;
import dev.logreg.math.Softmax;
import dev.logreg.solve.Solution;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import scala.Option;

/**
 * A logistic regression fitted by {@link LogisticRegression}, binary or multinomial. Two classes: P(y = 1 |
 * x) = &sigma;(b<sub>0</sub> + x&middot;&beta;), the raw prediction (&minus;z, z) and the probability (1
 * &minus; p, p), as Spark ML's own binary model gives them. K &gt; 2 classes: the raw prediction is the K
 * logits z<sub>k</sub> = b<sub>0k</sub> + x&middot;&beta;<sub>k</sub> (0 for a reference class) and the
 * probability their softmax.
 *
 * <p>Saved and loaded as Spark ML saves its stages ({@link #write()}, {@link #load}): the Params as Spark's
 * metadata, the parameters as the core library's model file ({@code logreg.model/1}, in {@code data/}),
 * and the fit's convergence, iterations and passes. {@link #toModel()} and {@link #fromModel} convert to and
 * from the core library's model, so a model fitted on Spark scores in a plain JVM and back.
 */
public final class LogisticRegressionModel
        extends ProbabilisticClassificationModel<Vector, LogisticRegressionModel> implements MLWritable {

    private static final long serialVersionUID = 2L;

    private String uid;
    private final RowBlocks.Classes classes;
    private final List<String> classNames;
    private final boolean hasIntercept;
    /** K intercepts, 0 for a reference class and without an intercept. */
    private final double[] intercepts;
    /** K rows of one coefficient per feature, zeros for a reference class. */
    private final double[][] coefficients;
    private final boolean converged;
    private final int iterations;
    private final int passes;
    private final double maxAbsGradient;
    /** The fit's summary; absent on a loaded or converted model, as on Spark ML's own. */
    private transient TrainingSummary summary;
    private final Param<String> offsetCol;
    /** The label's and the features' names the model file's encoder reads, or null (features by position). */
    private final Names names;

    /**
     * The columns a model fitted from named features reads in a table: its label's and its features' names.
     *
     * @param label the label column
     * @param features the features' names, in vector order
     */
    record Names(String label, List<String> features) implements java.io.Serializable {
    }

    private LogisticRegressionModel(String uid, RowBlocks.Classes classes, List<String> classNames,
                                    boolean hasIntercept, double[] intercepts, double[][] coefficients,
                                    boolean converged, int iterations, int passes, double maxAbsGradient,
                                    Names names) {
        this.uid = uid;
        this.names = names == null || names.features() == null ? null : names;
        this.offsetCol = new Param<>(this, "offsetCol", "the column of offsets added to the linear predictor (two"
                + " classes); unset for none");
        LogisticRegression.CONSTRUCTING.remove();
        this.classes = classes;
        this.classNames = List.copyOf(classNames);
        this.hasIntercept = hasIntercept;
        this.intercepts = intercepts.clone();
        this.coefficients = new double[coefficients.length][];
        for (int k = 0; k < coefficients.length; k++) {
            this.coefficients[k] = coefficients[k].clone();
        }
        this.converged = converged;
        this.iterations = iterations;
        this.passes = passes;
        this.maxAbsGradient = maxAbsGradient;
    }

    /**
     * The model of a fit.
     *
     * @param theta the estimate, C blocks of n (the intercept first in each when there is one)
     * @param n the columns, the intercept's included
     */
    static LogisticRegressionModel fitted(String uid, RowBlocks.Classes classes, List<String> classNames,
                                          boolean hasIntercept, double[] theta, int n, Solution solution,
                                          int passes, Names names) {
        int k = classes.count();
        int p = n - (hasIntercept ? 1 : 0);
        double[] intercepts = new double[k];
        double[][] coefficients = new double[k][p];
        for (int b = 0; b < classes.blocks(); b++) {
            int c = classes.blockClass(b);
            intercepts[c] = hasIntercept ? theta[b * n] : 0.0;
            System.arraycopy(theta, b * n + (hasIntercept ? 1 : 0), coefficients[c], 0, p);
        }
        return new LogisticRegressionModel(LogisticRegression.constructing(uid), classes, classNames, hasIntercept,
                intercepts, coefficients, solution.converged(), solution.iterations(), passes,
                solution.maxAbsGradient(), names);
    }

    /**
     * @return the core library's model of the same parameters and class names (a {@link LogisticModel} for
     *         two classes, else a {@link MultinomialModel}; write it with {@link Model#write(java.nio.file.Path)}).
     *         When the features had names (ML attributes, as a {@code VectorAssembler} gives them), it carries
     *         an encoder that reads those numeric columns and the label column by name, so that it scores
     *         tables ({@code logreg predict}); otherwise its features are the vector's positions x1, x2, &hellip;
     */
    public Model toModel() {
        Model positional = positionalModel();
        if (names == null) {
            return positional;
        }
        List<Encoder.Input> inputs = new java.util.ArrayList<>();
        for (String feature : names.features()) {
            inputs.add(Encoder.Input.numeric(Feature.column(feature)));
        }
        try {
            return positional.withEncoder(Encoder.of(names.label(), classNames, inputs));
        } catch (IllegalArgumentException e) {
            // Names no table could have (the label among the features, a name twice): by position.
            return positional;
        }
    }

    private Model positionalModel() {
        if (classes.binomial()) {
            return hasIntercept ? LogisticModel.of(intercepts[1], coefficients[1])
                    : LogisticModel.withoutIntercept(coefficients[1]);
        }
        double[][] rows = new double[classes.blocks()][];
        for (int b = 0; b < rows.length; b++) {
            int c = classes.blockClass(b);
            rows[b] = hasIntercept ? prepend(intercepts[c], coefficients[c]) : coefficients[c].clone();
        }
        return hasIntercept ? MultinomialModel.of(classNames, classes.reference(), rows)
                : MultinomialModel.withoutIntercept(classNames, classes.reference(), rows);
    }

    private static double[] prepend(double first, double[] rest) {
        double[] out = new double[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    /**
     * A Spark model of a core library's model (read from a model file, or fitted in a plain JVM): its
     * features are taken as the feature vector's positions, class k is the core model's k-th class. It was
     * not fitted here, so it has no fit: it is not {@link #converged()}, and its iterations and passes are 0.
     *
     * @param model the core model, binary or multinomial
     * @return the Spark model, with a new id
     */
    public static LogisticRegressionModel fromModel(Model model) {
        return of(Identifiable$.MODULE$.randomUID("logregNewton"), model, false, 0, 0, Double.NaN);
    }

    private static LogisticRegressionModel of(String uid, Model model, boolean converged, int iterations,
                                              int passes, double maxAbsGradient) {
        List<String> names = model.classes();
        int k = names.size();
        int reference = 0;
        if (model instanceof MultinomialModel multinomial) {
            reference = multinomial.referenceClass() == null ? -1 : names.indexOf(multinomial.referenceClass());
        }
        RowBlocks.Classes classes = new RowBlocks.Classes(k, reference);
        int p = model.features();
        double[] intercepts = new double[k];
        double[][] coefficients = new double[k][p];
        double[][] rows = model.coefficientsWithIntercept();
        int start = model.hasIntercept() ? 1 : 0;
        for (int b = 0; b < rows.length; b++) {
            int c = classes.blockClass(b);
            intercepts[c] = model.hasIntercept() ? rows[b][0] : 0.0;
            System.arraycopy(rows[b], start, coefficients[c], 0, p);
        }
        Names columns = model.encoder().map(e -> new Names(e.target(), e.columnNames())).orElse(null);
        return new LogisticRegressionModel(LogisticRegression.constructing(uid), classes,
                classes.binomial() && columns == null ? List.of("0", "1") : names, model.hasIntercept(), intercepts,
                coefficients, converged, iterations, passes, maxAbsGradient, columns);
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
            String[] fit = context.textFile(path + "/fit", 1).first().split(" ");
            LogisticRegressionModel model = of(metadata.uid(), core, Boolean.parseBoolean(fit[0]),
                    Integer.parseInt(fit[1]), Integer.parseInt(fit[2]), Double.parseDouble(fit[3]));
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

    /** @return whether the model has more than two classes */
    public boolean isMultinomial() {
        return !classes.binomial();
    }

    /** @return the class names, by label: a nominal label's values, else 0, 1, &hellip; */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * @return the reference class, whose logit is 0 (0 for two classes: the event is class 1), or &minus;1 for
     *         the symmetric parametrization (every class has coefficients; penalized fits of K &gt; 2 classes)
     */
    public int referenceClass() {
        return classes.reference();
    }

    /**
     * @return b<sub>0</sub> (0 without an intercept)
     * @throws IllegalStateException for a multinomial model ({@link #interceptVector()})
     */
    public double intercept() {
        requireBinomial("interceptVector()");
        return intercepts[1];
    }

    /**
     * @return &beta;, one per feature (a copy)
     * @throws IllegalStateException for a multinomial model ({@link #coefficientMatrix()})
     */
    public double[] coefficients() {
        requireBinomial("coefficientMatrix()");
        return coefficients[1].clone();
    }

    /** @return the intercepts: one (the binary model's) for two classes, else one per class (a copy) */
    public double[] interceptVector() {
        return classes.binomial() ? new double[] {intercepts[1]} : intercepts.clone();
    }

    /**
     * @return the coefficients: one row for two classes, else one row per class (zeros for a reference
     *         class), each one coefficient per feature (a copy)
     */
    public double[][] coefficientMatrix() {
        if (classes.binomial()) {
            return new double[][] {coefficients[1].clone()};
        }
        double[][] out = new double[coefficients.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = coefficients[k].clone();
        }
        return out;
    }

    private void requireBinomial(String instead) {
        if (!classes.binomial()) {
            throw new IllegalStateException("a multinomial model of " + classes.count() + " classes: use "
                    + instead);
        }
    }

    /** @return whether the solver reached max|g| &le; tol */
    public boolean converged() {
        return converged;
    }

    /** @return the solver's iterations */
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
        return classes.count();
    }

    @Override
    public int numFeatures() {
        return coefficients[0].length;
    }

    @Override
    public Vector predictRaw(Vector features) {
        int p = coefficients[0].length;
        if (features.size() != p) {
            throw new IllegalArgumentException("a feature vector of " + features.size() + " values; the model has "
                    + p + " coefficients per class");
        }
        double[] x = features.toArray();
        int k = classes.count();
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            if (c == classes.reference()) {
                continue;
            }
            double sum = intercepts[c];
            double[] beta = coefficients[c];
            for (int j = 0; j < p; j++) {
                sum += beta[j] * x[j];
            }
            z[c] = sum;
        }
        if (classes.binomial()) {
            z[0] = -z[1];
        }
        return Vectors.dense(z);
    }

    @Override
    public Vector raw2probabilityInPlace(Vector rawPrediction) {
        double[] raw = ((DenseVector) rawPrediction).values();
        if (classes.binomial()) {
            double z = raw[1];
            raw[0] = Logistic.sigmoid(-z);
            raw[1] = Logistic.sigmoid(z);
        } else {
            Softmax.softmax(raw, raw);
        }
        return rawPrediction;
    }

    /** @return the offset column Param: the estimator's, with which the model scores */
    public Param<String> offsetCol() {
        return offsetCol;
    }

    /**
     * @param value the column of offsets the linear predictor adds when scoring a dataset (two classes);
     *        empty for none
     * @return this
     */
    public LogisticRegressionModel setOffsetCol(String value) {
        return (LogisticRegressionModel) set(offsetCol, value);
    }

    /**
     * Scores a dataset as Spark ML's classification models do; with {@link #offsetCol()} set, each row's
     * offset is added to its linear predictor (a single vector's {@link #predictRaw} has none).
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        if (!isDefined(offsetCol) || getOrDefault(offsetCol).isEmpty()) {
            return super.transform(dataset);
        }
        if (!classes.binomial()) {
            throw new IllegalArgumentException("offsetCol " + getOrDefault(offsetCol) + " is set on a model of "
                    + classes.count() + " classes: offsets are for two classes");
        }
        // The offset as one more feature whose coefficient is 1.
        String shifted = uid() + "_featuresAndOffset";
        UserDefinedFunction append = functions.udf((UDF2<Vector, Double, Vector>) (features, offset) -> {
            if (features == null || offset == null || !Double.isFinite(offset)) {
                throw new IllegalArgumentException("a row with " + (features == null ? "a null feature vector"
                        : "the offset " + offset + ", not a finite number"));
            }
            double[] values = java.util.Arrays.copyOf(features.toArray(), features.size() + 1);
            values[features.size()] = offset;
            return Vectors.dense(values);
        }, new VectorUDT());
        double[][] extended = new double[coefficients.length][];
        for (int k = 0; k < extended.length; k++) {
            extended[k] = java.util.Arrays.copyOf(coefficients[k], coefficients[k].length + 1);
        }
        extended[1][coefficients[1].length] = 1.0;
        LogisticRegressionModel inner = new LogisticRegressionModel(LogisticRegression.constructing(uid), classes,
                classNames, hasIntercept, intercepts, extended, converged, iterations, passes, maxAbsGradient, null);
        copyValues(inner, ParamMap.empty());
        inner.set(inner.offsetCol, "");
        inner.setFeaturesCol(shifted);
        Column offset = functions.col(getOrDefault(offsetCol)).cast("double");
        return inner.transform(dataset.withColumn(shifted, append.apply(functions.col(getFeaturesCol()), offset)))
                .drop(shifted);
    }

    @Override
    public LogisticRegressionModel copy(ParamMap extra) {
        LogisticRegressionModel copy = new LogisticRegressionModel(LogisticRegression.constructing(uid), classes,
                classNames, hasIntercept, intercepts, coefficients, converged, iterations, passes, maxAbsGradient,
                names);
        copy.summary = summary;
        return copyValues(copy, extra).setParent(parent());
    }
}
