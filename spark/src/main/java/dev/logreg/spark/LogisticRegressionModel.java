package dev.logreg.spark;

import dev.logreg.math.Logistic;
import dev.logreg.solve.Solution;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;

/**
 * A binary logistic regression fitted by {@link LogisticRegression}: P(y = 1 | x) = &sigma;(b<sub>0</sub> +
 * x&middot;&beta;). Its raw prediction is (&minus;z, z) and its probability (1 &minus; p, p), as Spark ML's
 * own binary model gives them.
 */
public final class LogisticRegressionModel
        extends ProbabilisticClassificationModel<Vector, LogisticRegressionModel> {

    private static final long serialVersionUID = 1L;

    private String uid;
    private final double intercept;
    private final double[] coefficients;
    private final boolean converged;
    private final int iterations;
    private final int passes;
    private final double maxAbsGradient;

    LogisticRegressionModel(String uid, double intercept, double[] coefficients, Solution solution, int passes) {
        this(LogisticRegression.constructing(uid), intercept, coefficients, solution.converged(), solution.iterations(), passes,
                solution.maxAbsGradient());
    }

    private LogisticRegressionModel(String uid, double intercept, double[] coefficients, boolean converged,
                                    int iterations, int passes, double maxAbsGradient) {
        this.uid = uid;
        LogisticRegression.CONSTRUCTING.remove();
        this.intercept = intercept;
        this.coefficients = coefficients.clone();
        this.converged = converged;
        this.iterations = iterations;
        this.passes = passes;
        this.maxAbsGradient = maxAbsGradient;
    }

    @Override
    public String uid() {
        return uid != null ? uid : LogisticRegression.CONSTRUCTING.get();
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
        LogisticRegressionModel copy = new LogisticRegressionModel(LogisticRegression.constructing(uid), intercept, coefficients, converged,
                iterations, passes, maxAbsGradient);
        return copyValues(copy, extra).setParent(parent());
    }
}
