package dev.logreg;

import dev.logreg.data.Encoder;
import dev.logreg.data.Table;
import dev.logreg.math.Logistic;
import java.util.Arrays;
import java.util.List;

/**
 * A fitted binary logistic model, P(y = 1 | x) = &sigma;(&beta;<sub>0</sub> + x<sup>T</sup>&beta;), the
 * event being the second of {@link #classes()}. Immutable and safe to share; every method that returns
 * an array returns a new one. See {@link Model} for the model file and the scoring of tables.
 *
 * <p>The model has no offset: one fitted {@linkplain LogisticRegression#withOffset with an offset} predicts
 * from x alone, and a row with an offset o has the probability &sigma;(&beta;<sub>0</sub> + x<sup>T</sup>&beta;
 * + o), which {@link #probability} (&sigma;(&beta;<sub>0</sub> + x<sup>T</sup>&beta;)) does not give.
 * A model fitted from a formula with {@code offset()} carries it in its encoder instead, and
 * {@link #score(Table)} adds each row's offset to its log-odds, as R's {@code predict.glm} does.
 */
public final class LogisticModel extends Model {

    /** The default classification threshold, 0.5. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final double intercept;
    private final double[] coefficients;

    LogisticModel(double intercept, double[] coefficients, ModelHeader header) {
        super(header);
        if (header().classes().size() != 2) {
            throw new IllegalArgumentException("a binomial model has two classes, got " + header().classes());
        }
        if (header().features() != coefficients.length) {
            throw new IllegalArgumentException("the model has " + header().terms().size() + " terms " + header().terms()
                    + " but " + (coefficients.length + (header().intercept() ? 1 : 0)) + " coefficients");
        }
        if (!header().intercept() && intercept != 0) {
            throw new IllegalArgumentException("a model without an intercept has the intercept 0, got " + intercept);
        }
        this.intercept = intercept;
        this.coefficients = coefficients;
    }

    /**
     * A model with the given parameters.
     *
     * @param intercept &beta;<sub>0</sub> (0 for a model without intercept)
     * @param coefficients &beta;, one per feature; copied
     * @return the model
     * @throws IllegalArgumentException if a parameter is not finite
     */
    public static LogisticModel of(double intercept, double... coefficients) {
        return positional(true, intercept, coefficients);
    }

    /**
     * A model without an intercept: logit P(y = 1 | x) = x&middot;&beta;.
     *
     * @param coefficients &beta;, one per feature; copied
     * @return the model
     * @throws IllegalArgumentException if a coefficient is not finite
     */
    public static LogisticModel withoutIntercept(double... coefficients) {
        return positional(false, 0.0, coefficients);
    }

    private static LogisticModel positional(boolean hasIntercept, double intercept, double[] coefficients) {
        if (coefficients == null) {
            throw new IllegalArgumentException("coefficients is null");
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept = " + intercept + ": it must be finite");
        }
        for (int j = 0; j < coefficients.length; j++) {
            if (!Double.isFinite(coefficients[j])) {
                throw new IllegalArgumentException("coefficients[" + j + "] = " + coefficients[j] + ": it must be finite");
            }
        }
        return new LogisticModel(intercept, coefficients.clone(),
                ModelHeader.positional(coefficients.length, hasIntercept, List.of("0", "1")));
    }

    @Override
    LogisticModel withHeader(ModelHeader value) {
        return new LogisticModel(intercept, coefficients, value);
    }

    @Override
    public boolean binomial() {
        return true;
    }

    /** @return the event, the class whose probability {@link #probability(double[])} gives */
    public String eventClass() {
        return header().classes().get(1);
    }

    @Override
    public List<String> coefficientClasses() {
        return List.of(eventClass());
    }

    @Override
    public double[][] coefficientsWithIntercept() {
        double[] row = new double[header().terms().size()];
        int offset = header().intercept() ? 1 : 0;
        if (header().intercept()) {
            row[0] = intercept;
        }
        System.arraycopy(coefficients, 0, row, offset, coefficients.length);
        return new double[][] {row};
    }

    @Override
    public Scores score(Table table, Encoder.UnseenLevel unseen) {
        return score(table, unseen, DEFAULT_THRESHOLD);
    }

    /**
     * Scores the rows of a table, the predicted class being the event where P(event) &gt; threshold.
     *
     * @param table new data, its columns found by name
     * @param unseen whether an unseen level is an error or makes its row not scored
     * @param threshold a probability in [0, 1]
     * @return one row of results per table row
     * @throws IllegalArgumentException as {@link Model#score(Table)}, or for a threshold outside [0, 1]
     */
    public Scores score(Table table, Encoder.UnseenLevel unseen, double threshold) {
        checkThreshold(threshold);
        return header().score(table, unseen, 1, (x, offset, p, z) -> {
            double logOdds = linear(x) + offset;
            z[0] = logOdds;
            p[0] = Logistic.sigmoid(-logOdds);
            p[1] = Logistic.sigmoid(logOdds);
            return p[1] > threshold ? 1 : 0;
        });
    }

    /** z for an encoded row (finite, of the right length). */
    private double linear(double[] x) {
        double z = intercept;
        for (int j = 0; j < x.length; j++) {
            z += coefficients[j] * x[j];
        }
        return z;
    }

    private static void checkThreshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
    }

    /** @return &beta;<sub>0</sub> */
    public double intercept() {
        return intercept;
    }

    /** @return a copy of &beta;, without the intercept */
    public double[] featureCoefficients() {
        return coefficients.clone();
    }

    /**
     * The log-odds (linear predictor) z = &beta;<sub>0</sub> + x<sup>T</sup>&beta;.
     *
     * @param x one observation's features, length {@link #features()}, finite
     * @return z
     * @throws IllegalArgumentException on a wrong length or a non-finite feature
     */
    public double logOdds(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (x.length != coefficients.length) {
            throw new IllegalArgumentException("x has " + x.length + " features, the model takes " + coefficients.length);
        }
        double z = intercept;
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                throw new IllegalArgumentException("x[" + j + "] = " + x[j] + ": features must be finite");
            }
            z += coefficients[j] * x[j];
        }
        return z;
    }

    /**
     * The predicted probability &sigma;(z) that y = 1.
     *
     * @param x one observation's features
     * @return P(y = 1 | x) in [0, 1]
     * @throws IllegalArgumentException on a wrong length or a non-finite feature
     */
    public double probability(double[] x) {
        return Logistic.sigmoid(logOdds(x));
    }

    /**
     * The two class probabilities of one observation, as {@link MultinomialModel#probabilities(double[])}
     * gives K.
     *
     * @param x one observation's features
     * @return {P(y = 0 | x), P(y = 1 | x)}
     * @throws IllegalArgumentException on a wrong length or a non-finite feature
     */
    public double[] probabilities(double[] x) {
        double z = logOdds(x);
        return new double[] {Logistic.sigmoid(-z), Logistic.sigmoid(z)};
    }

    /**
     * The two class probabilities of many observations.
     *
     * @param x one row per observation
     * @return one row {P(y = 0), P(y = 1)} per observation
     * @throws IllegalArgumentException on a wrong length or a non-finite feature, naming the row
     */
    @Override
    public double[][] probabilities(double[][] x) {
        double[][] p = new double[x == null ? 0 : x.length][];
        ModelMatrix.perRow(x, (row, i) -> p[i] = probabilities(row));
        return p;
    }

    /**
     * The event's probability for many observations.
     *
     * @param x one row per observation
     * @return P(y = 1 | x<sub>i</sub>) for each row
     * @throws IllegalArgumentException on a wrong length or a non-finite feature, naming the row
     */
    public double[] eventProbabilities(double[][] x) {
        double[] p = new double[x == null ? 0 : x.length];
        ModelMatrix.perRow(x, (row, i) -> p[i] = probability(row));
        return p;
    }

    /**
     * The class at threshold 0.5.
     *
     * @param x one observation's features
     * @return 1 when P(y = 1 | x) &gt; 0.5, else 0
     */
    public int predict(double[] x) {
        return predict(x, DEFAULT_THRESHOLD);
    }

    /**
     * The class at a threshold.
     *
     * @param x one observation's features
     * @param threshold a probability in [0, 1]
     * @return 1 when P(y = 1 | x) &gt; threshold, else 0
     * @throws IllegalArgumentException if the threshold is outside [0, 1]
     */
    public int predict(double[] x, double threshold) {
        checkThreshold(threshold);
        return probability(x) > threshold ? 1 : 0;
    }

    /**
     * The odds ratios e<sup>&beta;<sub>j</sub></sup>: the factor by which the odds of y = 1 change when
     * feature j grows by one unit, the others fixed.
     *
     * @return one odds ratio per feature
     */
    public double[] oddsRatios() {
        double[] r = new double[coefficients.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = Math.exp(coefficients[j]);
        }
        return r;
    }

    @Override
    public String toString() {
        return "LogisticModel[" + eventClass() + " against " + classes().get(0) + ", terms=" + terms()
                + ", coefficients=" + Arrays.toString(coefficientsWithIntercept()[0]) + "]";
    }
}
