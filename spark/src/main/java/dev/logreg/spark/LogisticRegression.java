package dev.logreg.spark;

import dev.logreg.Aliasing;
import dev.logreg.SeparationCheck;
import dev.logreg.objective.InterceptShiftCurvature;
import dev.logreg.objective.Objective;
import dev.logreg.solve.GradientDescentOptions;
import dev.logreg.solve.GradientDescentSolver;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Solver;
import dev.logreg.solve.Warning;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Binary logistic regression fitted by Newton's method on a Spark cluster, as a Spark ML estimator (a
 * {@code Pipeline} stage): the rows are cached once as one block per partition, each pass over them is one
 * {@code treeAggregate} of the loss, gradient and Hessian computed by the core library's fused kernel, and
 * the driver takes the damped Newton step with a line search (see {@link DistributedObjective}). The
 * objective is the core library's: (1/W) &Sigma; w<sub>i</sub> &#8467;<sub>i</sub> + (&lambda;/2)
 * &Sigma;<sub>j</sub> &beta;<sub>j</sub><sup>2</sup>, the intercept unpenalized.
 *
 * <p>Params: {@code featuresCol} (a {@link Vector}, dense or sparse), {@code labelCol} (class indices 0,
 * &hellip;, K &minus; 1: two classes give the binary model, more the multinomial one), {@code weightCol}
 * (prior weights &ge; 0; unset for ones), {@code offsetCol} (added to the linear predictor; two classes),
 * {@code predictionCol}, {@code probabilityCol}, {@code rawPredictionCol}, {@code regParam} (&lambda;,
 * default 0), {@code fitIntercept} (default true), {@code standardization} (default false: the penalty on
 * the coefficients as given), {@code maxIter} (default 100), {@code tol} (max|g| at which the solver stops,
 * default 1e-8), {@code aggregationDepth} (default 2), {@code solver} ({@code newton}, the default, or
 * {@code gd}).
 *
 * <p>With K &gt; 2 classes the parametrization is the core library's default: against class 0 without a
 * penalty (statsmodels' {@code MNLogit}, R's {@code nnet::multinom}), symmetric with one (scikit-learn,
 * glmnet), the intercepts then centred to sum to zero.
 */
public final class LogisticRegression
        extends ProbabilisticClassifier<Vector, LogisticRegression, LogisticRegressionModel> {

    private static final long serialVersionUID = 1L;

    /**
     * The id of the stage being constructed: Spark's inherited Params ask for {@link #uid()} while the
     * superclass is constructed, before this class's fields are set.
     */
    static final ThreadLocal<String> CONSTRUCTING = new ThreadLocal<>();
    /** The {@code solver} value for Newton's method. */
    public static final String NEWTON = "newton";
    /** The {@code solver} value for gradient descent. */
    public static final String GRADIENT_DESCENT = "gd";
    /**
     * The most parameters (classes' blocks &times; columns) Newton takes: each partition's pass builds a
     * dense d &times; d Hessian (128 MiB at this size, the aggregated upper triangle half of it) and the
     * driver factors it in O(d<sup>3</sup>). Above it the fit runs gradient descent and says so.
     */
    public static final int MAX_NEWTON_PARAMETERS = 4096;

    private String uid;
    private final DoubleParam regParam;
    private final BooleanParam fitIntercept;
    private final IntParam maxIter;
    private final DoubleParam tol;
    private final IntParam aggregationDepth;
    private final Param<String> weightCol;
    private final Param<String> offsetCol;
    private final BooleanParam standardization;
    private final Param<String> solver;

    /** An estimator with a new unique id. */
    public LogisticRegression() {
        this(Identifiable$.MODULE$.randomUID("logregNewton"));
    }

    /** @param uid the stage's id */
    public LogisticRegression(String uid) {
        this(0, constructing(uid));
    }

    private LogisticRegression(int unused, String uid) {
        this.uid = uid;
        CONSTRUCTING.remove();
        regParam = new DoubleParam(this, "regParam", "the L2 penalty lambda >= 0 (the core library's)",
                ParamValidators.gtEq(0.0));
        fitIntercept = new BooleanParam(this, "fitIntercept", "whether to fit an intercept");
        maxIter = new IntParam(this, "maxIter", "the Newton iteration limit (>= 1)", ParamValidators.gtEq(1));
        tol = new DoubleParam(this, "tol", "Newton stops when max|gradient| <= tol (> 0)", ParamValidators.gt(0.0));
        aggregationDepth = new IntParam(this, "aggregationDepth", "the depth of treeAggregate (>= 2)",
                ParamValidators.gtEq(2));
        weightCol = new Param<>(this, "weightCol", "the column of prior weights (>= 0); unset for ones");
        offsetCol = new Param<>(this, "offsetCol", "the column of offsets added to the linear predictor (two"
                + " classes); unset for none");
        standardization = new BooleanParam(this, "standardization", "whether the penalty is measured on the"
                + " coefficients of the standardized features (glmnet's convention) rather than the original ones");
        solver = new Param<>(this, "solver", "the solver: newton or gd (gradient descent)",
                ParamValidators.inArray(new String[] {NEWTON, GRADIENT_DESCENT}));
        setDefault(regParam, 0.0);
        setDefault(fitIntercept, true);
        setDefault(maxIter, 100);
        setDefault(tol, NewtonOptions.DEFAULT_TOLERANCE);
        setDefault(aggregationDepth, 2);
        setDefault(standardization, false);
        setDefault(solver, NEWTON);
    }

    /** Remembers the id for the superclass's constructor. */
    static String constructing(String uid) {
        if (uid == null) {
            throw new IllegalArgumentException("uid is null");
        }
        CONSTRUCTING.set(uid);
        return uid;
    }

    @Override
    public String uid() {
        return uid != null ? uid : CONSTRUCTING.get();
    }

    /** @return the penalty Param */
    public DoubleParam regParam() {
        return regParam;
    }

    /** @return the intercept Param */
    public BooleanParam fitIntercept() {
        return fitIntercept;
    }

    /** @return the iteration limit Param */
    public IntParam maxIter() {
        return maxIter;
    }

    /** @return the tolerance Param */
    public DoubleParam tol() {
        return tol;
    }

    /** @return the tree-aggregation depth Param */
    public IntParam aggregationDepth() {
        return aggregationDepth;
    }

    /** @return the weight column Param */
    public Param<String> weightCol() {
        return weightCol;
    }

    /** @return the offset column Param */
    public Param<String> offsetCol() {
        return offsetCol;
    }

    /**
     * @param value the column of offsets o (finite): the model is logit P(y = 1 | x) = b<sub>0</sub> +
     *        x&middot;&beta; + o, R's {@code glm(..., offset = o)}; two classes only. The model scores with
     *        the same column
     * @return this
     */
    public LogisticRegression setOffsetCol(String value) {
        return (LogisticRegression) set(offsetCol, value);
    }

    /** @return the standardization Param */
    public BooleanParam standardization() {
        return standardization;
    }

    /** @return the solver Param */
    public Param<String> solver() {
        return solver;
    }

    /**
     * @param value whether the penalty is (&lambda;/2) &Sigma; (s<sub>j</sub>&beta;<sub>j</sub>)<sup>2</sup>,
     *        s<sub>j</sub> the weighted population standard deviation of feature j (the root mean square
     *        without an intercept; 1 for a constant feature), as the core library's
     *        {@code PenaltyScale.STANDARDIZED} and glmnet's {@code standardize = TRUE}; no effect without a
     *        penalty. Default false: the penalty on the coefficients as they are
     * @return this
     */
    public LogisticRegression setStandardization(boolean value) {
        return (LogisticRegression) set(standardization, value);
    }

    /**
     * @param value {@code newton} (the default) or {@code gd}, gradient descent with step 1/L
     * @return this
     */
    public LogisticRegression setSolver(String value) {
        return (LogisticRegression) set(solver, value);
    }

    /** @param value &lambda; &ge; 0 @return this */
    public LogisticRegression setRegParam(double value) {
        return (LogisticRegression) set(regParam, value);
    }

    /** @param value whether to fit an intercept @return this */
    public LogisticRegression setFitIntercept(boolean value) {
        return (LogisticRegression) set(fitIntercept, value);
    }

    /** @param value the iteration limit @return this */
    public LogisticRegression setMaxIter(int value) {
        return (LogisticRegression) set(maxIter, value);
    }

    /** @param value the gradient tolerance @return this */
    public LogisticRegression setTol(double value) {
        return (LogisticRegression) set(tol, value);
    }

    /** @param value the tree-aggregation depth @return this */
    public LogisticRegression setAggregationDepth(int value) {
        return (LogisticRegression) set(aggregationDepth, value);
    }

    /** @param value the weight column @return this */
    public LogisticRegression setWeightCol(String value) {
        return (LogisticRegression) set(weightCol, value);
    }

    @Override
    public LogisticRegression copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    @Override
    public LogisticRegressionModel train(Dataset<?> dataset) {
        boolean intercept = (Boolean) getOrDefault(fitIntercept);
        double lambda = (Double) getOrDefault(regParam);
        Column weight = isDefined(weightCol) && !getOrDefault(weightCol).isEmpty()
                ? functions.col(getOrDefault(weightCol)).cast("double") : functions.lit(1.0);
        boolean offsets = isDefined(offsetCol) && !getOrDefault(offsetCol).isEmpty();
        Column offset = offsets ? functions.col(getOrDefault(offsetCol)).cast("double") : functions.lit(0.0);
        JavaRDD<Row> rows = dataset.select(functions.col(getFeaturesCol()), functions.col(getLabelCol())
                .cast("double"), weight, offset).toJavaRDD();
        JavaRDD<RowBlocks> blocks = rows.mapPartitionsWithIndex((index, it) -> List.of(block(index, it, intercept,
                offsets)).iterator(), true).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            DataShape shape = blocks.map(DataShape::of).reduce(DataShape::merge);
            int k = shape.classes();
            if (offsets && k > 2) {
                throw new IllegalArgumentException("offsetCol " + getOrDefault(offsetCol) + " is set, but the labels"
                        + " have " + k + " classes: offsets are for two classes");
            }
            RowBlocks.Classes classes = new RowBlocks.Classes(k, k > 2 && lambda > 0 ? -1 : 0);
            int n = shape.cols();
            int c = classes.blocks();
            int d = c * n;
            double total = shape.totalWeight();
            List<String> warnings = new ArrayList<>();
            double[] factors = (Boolean) getOrDefault(standardization) && lambda > 0
                    ? Standardization.penaltyFactors(blocks, n, intercept, total) : null;
            double[] penalty = new double[d];
            for (int b = 0; b < c; b++) {
                for (int j = intercept ? 1 : 0; j < n; j++) {
                    penalty[b * n + j] = lambda * (factors == null ? 1.0 : factors[j]);
                }
            }
            DistributedObjective objective = new DistributedObjective(blocks, classes, d, penalty,
                    (Integer) getOrDefault(aggregationDepth), total);
            boolean newton = NEWTON.equals(getOrDefault(solver));
            if (newton && d > MAX_NEWTON_PARAMETERS) {
                newton = false;
                warnings.add(d + " parameters are more than the " + MAX_NEWTON_PARAMETERS + " that Newton's method"
                        + " takes (a dense Hessian per partition): gradient descent ran instead");
            }
            // Aliased columns (unpenalized fits): from the Gram matrix in the Hessian at 0, which is also
            // Newton's first pass; their coefficients stay 0 and the rest are fitted, as R's glm does.
            int[] aliased = new int[0];
            if (lambda == 0) {
                double[] gram = new double[n * n];
                if (offsets) {
                    // X'WX of the rows themselves: the Hessian at 0 would weight them by sigma'(o), and the
                    // core's check, like R's, is on the columns alone. One pass of its own.
                    gram = weightedGram(blocks, n, (Integer) getOrDefault(aggregationDepth));
                } else {
                    double[] h = new double[d * d];
                    objective.valueGradientHessian(new double[d], new double[d], h);
                    for (int a = 0; a < n; a++) {
                        System.arraycopy(h, a * d, gram, a * n, n);
                    }
                }
                aliased = Aliasing.find(gram, n);
            }
            int[] kept = Aliasing.kept(aliased, n);
            Objective solved = objective;
            if (classes.reference() < 0 && intercept && newton) {
                solved = new InterceptShiftCurvature(solved, c, n);
            }
            KeptParameters subspace = new KeptParameters(solved, c, n, kept);
            // With offsets a loss below the level does not prove separation (the offsets may do the classifying).
            double separationLevel = lambda > 0 || offsets ? 0.0 : Math.log(2.0) * shape.smallestWeight() / total;
            Solver method = newton
                    ? new NewtonSolver(new NewtonOptions((Double) getOrDefault(tol), (Integer) getOrDefault(maxIter)))
                    : new GradientDescentSolver(GradientDescentOptions.defaults().withTolerance((Double) getOrDefault(tol))
                            .withMaxIterations((Integer) getOrDefault(maxIter)));
            Solution solution = method.minimize(subspace.objective(), new double[subspace.objective().dimension()],
                    separationLevel);
            double[] theta = subspace.expand(solution.theta());
            if (classes.reference() < 0 && intercept) {
                centreIntercepts(theta, c, n);
            }
            int fitPasses = objective.passes();
            List<String> named = attributeNames(dataset, n - (intercept ? 1 : 0));
            List<String> features = named;
            if (features == null) {
                features = new ArrayList<>();
                for (int j = 1; j <= n - (intercept ? 1 : 0); j++) {
                    features.add("x" + j);
                }
            }
            List<String> classNames = classNames(dataset, k);
            List<String> terms = new ArrayList<>();
            if (intercept) {
                terms.add("(Intercept)");
            }
            terms.addAll(features);
            List<String> owners = new ArrayList<>();
            for (int b = 0; b < c; b++) {
                owners.add(classNames.get(classes.blockClass(b)));
            }
            if (aliased.length > 0) {
                List<String> names = new ArrayList<>();
                for (int j : aliased) {
                    names.add(terms.get(j));
                }
                warnings.add(Aliasing.warning(names, c > 1));
            }
            // Separation (unpenalized fits), proved row by row by the core's check, one pass per question.
            boolean separated = false;
            if (lambda == 0) {
                // After gradient descent that stopped short, a diagnostic Newton run (its coefficients unused),
                // unless Newton is too big for the problem.
                boolean probe = !newton && subspace.objective().dimension() <= MAX_NEWTON_PARAMETERS;
                int[] diverging = SeparationCheck.diverging(new DistributedRows(blocks, classes, subspace, kept, n,
                        total), subspace.objective(), solution, probe, separationLevel);
                if (diverging.length > 0) {
                    separated = true;
                    int[] index = subspace.index();
                    int[] full = new int[diverging.length];
                    for (int a = 0; a < diverging.length; a++) {
                        full[a] = index[diverging[a]];
                    }
                    warnings.add(SeparationCheck.warning(solution.termination(), solution.iterations(), owners, terms,
                            full));
                }
            }
            boolean provedSeparated = separated;
            solution.warnings().stream().filter(w -> !(provedSeparated && w.kind() == Warning.Kind.SEPARATION))
                    .forEach(w -> warnings.add(w.message()));
            TrainingSummary summary = TrainingSummary.of(blocks, objective, subspace, theta, classes, intercept,
                    offsets, lambda, terms, owners, solution, newton ? NEWTON : GRADIENT_DESCENT, warnings);
            LogisticRegressionModel model = LogisticRegressionModel.fitted(uid, classes, classNames, intercept,
                    theta, n, solution, fitPasses, new LogisticRegressionModel.Names(getLabelCol(), named))
                    .withSummary(summary);
            return copyValues(model.setParent(this), ParamMap.empty());
        } finally {
            blocks.unpersist(false);
        }
    }

    /** X<sup>T</sup>WX over the blocks (n &times; n), by one {@code treeAggregate} of its upper triangles. */
    private static double[] weightedGram(JavaRDD<RowBlocks> blocks, int n, int depth) {
        double[] upper = blocks.treeAggregate(new double[n * (n + 1) / 2], (acc, b) -> {
            for (int i = 0; i < b.rows; i++) {
                double w = b.w[i];
                int next = 0;
                for (int r = 0; r < n; r++) {
                    double wx = w * b.x[i * n + r];
                    for (int c = r; c < n; c++) {
                        acc[next++] += wx * b.x[i * n + c];
                    }
                }
            }
            return acc;
        }, (a, b) -> {
            for (int j = 0; j < a.length; j++) {
                a[j] += b[j];
            }
            return a;
        }, depth);
        double[] gram = new double[n * n];
        int next = 0;
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                gram[r * n + c] = upper[next];
                gram[c * n + r] = upper[next++];
            }
        }
        return gram;
    }

    /** Shifts the intercepts of the symmetric parametrization by their mean, which changes no probability. */
    private static void centreIntercepts(double[] theta, int blocks, int n) {
        double mean = 0;
        for (int b = 0; b < blocks; b++) {
            mean += theta[b * n];
        }
        mean /= blocks;
        for (int b = 0; b < blocks; b++) {
            theta[b * n] -= mean;
        }
    }

    /**
     * The features' names from the vector column's ML attributes (a VectorAssembler's), or null unless every
     * feature has one.
     */
    private List<String> attributeNames(Dataset<?> dataset, int features) {
        AttributeGroup group = AttributeGroup.fromStructField(dataset.schema().apply(getFeaturesCol()));
        Attribute[] attributes = group.attributes().isDefined() ? group.attributes().get() : null;
        if (attributes == null || attributes.length != features) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Attribute attribute : attributes) {
            if (!attribute.name().isDefined()) {
                return null;
            }
            names.add(attribute.name().get());
        }
        return names;
    }

    /** The class names from a nominal label's ML attribute (a StringIndexer's), else 0, 1, &hellip; */
    private List<String> classNames(Dataset<?> dataset, int classes) {
        Attribute label = Attribute.fromStructField(dataset.schema().apply(getLabelCol()));
        String[] values = label instanceof NominalAttribute nominal && nominal.values().isDefined()
                ? nominal.values().get() : null;
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add(values != null && values.length == classes ? values[k] : String.valueOf(k));
        }
        return names;
    }

    /**
     * A partition's rows as one block, checked: finite features of one size, class labels, weights &ge; 0,
     * finite offsets.
     */
    private static RowBlocks block(int partition, Iterator<Row> it, boolean intercept, boolean offsets) {
        List<double[]> x = new ArrayList<>();
        List<double[]> labels = new ArrayList<>();
        int size = -1;
        int r = 0;
        while (it.hasNext()) {
            Row row = it.next();
            String where = "partition " + partition + ", row " + r;
            if (row.isNullAt(0) || row.isNullAt(1) || row.isNullAt(2) || row.isNullAt(3)) {
                throw new IllegalArgumentException(where + ": a null feature vector, label, weight or offset");
            }
            double[] features = ((Vector) row.get(0)).toArray();
            if (size < 0) {
                size = features.length;
            } else if (features.length != size) {
                throw new IllegalArgumentException(where + ": " + features.length + " features, not " + size);
            }
            for (int j = 0; j < features.length; j++) {
                if (!Double.isFinite(features[j])) {
                    throw new IllegalArgumentException(where + ": feature " + j + " is " + features[j]);
                }
            }
            double y = row.getDouble(1);
            if (!(y >= 0) || y != Math.rint(y) || y > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException(where + ": label " + y + " is not a class index 0, 1, 2, ...");
            }
            double w = row.getDouble(2);
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException(where + ": weight " + w + " is not finite and >= 0");
            }
            double o = row.getDouble(3);
            if (!Double.isFinite(o)) {
                throw new IllegalArgumentException(where + ": offset " + o + " is not finite");
            }
            x.add(features);
            labels.add(new double[] {y, w, o});
            r++;
        }
        int n = Math.max(size, 0) + (intercept ? 1 : 0);
        double[] data = new double[x.size() * n];
        double[] y = new double[x.size()];
        double[] w = new double[x.size()];
        double[] o = offsets ? new double[x.size()] : null;
        for (int i = 0; i < x.size(); i++) {
            if (intercept) {
                data[i * n] = 1.0;
            }
            System.arraycopy(x.get(i), 0, data, i * n + (intercept ? 1 : 0), size);
            y[i] = labels.get(i)[0];
            w[i] = labels.get(i)[1];
            if (o != null) {
                o[i] = labels.get(i)[2];
            }
        }
        return new RowBlocks(data, x.size(), n, y, w, o);
    }
}
