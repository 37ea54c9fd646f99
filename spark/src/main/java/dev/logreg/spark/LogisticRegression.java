package dev.logreg.spark;

import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
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
 * <p>Params: {@code featuresCol} (a {@link Vector}), {@code labelCol} (0 or 1), {@code weightCol} (prior
 * weights &ge; 0; unset for ones), {@code predictionCol}, {@code probabilityCol}, {@code rawPredictionCol},
 * {@code regParam} (&lambda;, default 0), {@code fitIntercept} (default true), {@code maxIter} (default
 * 100), {@code tol} (max|g| at which Newton stops, default 1e-8), {@code aggregationDepth} (default 2).
 */
public final class LogisticRegression
        extends ProbabilisticClassifier<Vector, LogisticRegression, LogisticRegressionModel> {

    private static final long serialVersionUID = 1L;

    /**
     * The id of the stage being constructed: Spark's inherited Params ask for {@link #uid()} while the
     * superclass is constructed, before this class's fields are set.
     */
    static final ThreadLocal<String> CONSTRUCTING = new ThreadLocal<>();

    private String uid;
    private final DoubleParam regParam;
    private final BooleanParam fitIntercept;
    private final IntParam maxIter;
    private final DoubleParam tol;
    private final IntParam aggregationDepth;
    private final Param<String> weightCol;

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
        setDefault(regParam, 0.0);
        setDefault(fitIntercept, true);
        setDefault(maxIter, 100);
        setDefault(tol, NewtonOptions.DEFAULT_TOLERANCE);
        setDefault(aggregationDepth, 2);
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
        JavaRDD<Row> rows = dataset.select(functions.col(getFeaturesCol()), functions.col(getLabelCol())
                .cast("double"), weight).toJavaRDD();
        JavaRDD<RowBlocks> blocks = rows.mapPartitionsWithIndex((index, it) -> List.of(block(index, it, intercept))
                .iterator(), true).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            double[] shape = blocks.map(b -> new double[] {b.totalWeight, b.rows, b.rows == 0 ? -1 : b.cols})
                    .reduce(LogisticRegression::shapes);
            if (shape[1] == 0) {
                throw new IllegalArgumentException("the dataset has no rows");
            }
            if (!(shape[0] > 0)) {
                throw new IllegalArgumentException("the weights sum to " + shape[0] + ": a fit needs a positive total");
            }
            int cols = (int) shape[2];
            DistributedObjective objective = new DistributedObjective(blocks, cols, lambda, intercept ? 0 : -1,
                    (Integer) getOrDefault(aggregationDepth), shape[0]);
            NewtonSolver solver = new NewtonSolver(new NewtonOptions((Double) getOrDefault(tol),
                    (Integer) getOrDefault(maxIter)));
            Solution solution = solver.minimize(objective, new double[cols]);
            double[] theta = solution.theta();
            double b0 = intercept ? theta[0] : 0.0;
            double[] beta = java.util.Arrays.copyOfRange(theta, intercept ? 1 : 0, cols);
            int fitPasses = objective.passes();
            List<String> warnings = new ArrayList<>();
            solution.warnings().forEach(w -> warnings.add(w.message()));
            TrainingSummary summary = TrainingSummary.of(blocks, objective, theta, intercept, lambda,
                    solution.converged(), solution.iterations(), warnings);
            LogisticRegressionModel model = new LogisticRegressionModel(uid, intercept, b0, beta, solution,
                    fitPasses).withSummary(summary);
            return copyValues(model.setParent(this), ParamMap.empty());
        } finally {
            blocks.unpersist(false);
        }
    }

    /** Total weight, rows and columns of two sets of blocks, checking that the columns agree. */
    private static double[] shapes(double[] a, double[] b) {
        if (a[2] >= 0 && b[2] >= 0 && a[2] != b[2]) {
            throw new IllegalArgumentException("the feature vectors differ in size: " + (int) a[2] + " and "
                    + (int) b[2] + " columns with the intercept");
        }
        return new double[] {a[0] + b[0], a[1] + b[1], Math.max(a[2], b[2])};
    }

    /** A partition's rows as one block, checked: finite features of one size, labels 0 or 1, weights >= 0. */
    private static RowBlocks block(int partition, Iterator<Row> it, boolean intercept) {
        List<double[]> x = new ArrayList<>();
        List<double[]> labels = new ArrayList<>();
        int size = -1;
        int r = 0;
        while (it.hasNext()) {
            Row row = it.next();
            String where = "partition " + partition + ", row " + r;
            if (row.isNullAt(0) || row.isNullAt(1) || row.isNullAt(2)) {
                throw new IllegalArgumentException(where + ": a null feature vector, label or weight");
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
            if (y != 0.0 && y != 1.0) {
                throw new IllegalArgumentException(where + ": label " + y + " is not 0 or 1");
            }
            double w = row.getDouble(2);
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException(where + ": weight " + w + " is not finite and >= 0");
            }
            x.add(features);
            labels.add(new double[] {y, w});
            r++;
        }
        int n = Math.max(size, 0) + (intercept ? 1 : 0);
        double[] data = new double[x.size() * n];
        double[] y = new double[x.size()];
        double[] w = new double[x.size()];
        for (int i = 0; i < x.size(); i++) {
            if (intercept) {
                data[i * n] = 1.0;
            }
            System.arraycopy(x.get(i), 0, data, i * n + (intercept ? 1 : 0), size);
            y[i] = labels.get(i)[0];
            w[i] = labels.get(i)[1];
        }
        return new RowBlocks(data, x.size(), n, y, w);
    }
}
