package dev.logreg;

import dev.logreg.data.Encoder;
import dev.logreg.data.Table;
import dev.logreg.math.Softmax;
import java.util.List;

/**
 * A fitted multinomial logistic model: one coefficient vector per class (all zero for the
 * reference class), the class probabilities their softmax. Immutable and safe to share. See
 * {@link Model} for the model file and the scoring of tables.
 */
public final class MultinomialModel extends Model {

    private final boolean intercept;
    /** K rows, one per class, each one coefficient per term; zeros for a reference class. */
    private final double[][] beta;
    private final Parametrization parametrization;
    private final int reference;

    /**
     * @param beta K vectors, one per class, each one coefficient per term; copied
     * @param parametrization reference or symmetric
     * @param reference the reference class's index (its row all zeros), or &minus;1 for the symmetric one
     * @param header terms, classes, encoder, summary
     */
    MultinomialModel(double[][] beta, Parametrization parametrization, int reference, ModelHeader header) {
        super(header);
        int k = header().classes().size();
        if (beta.length != k) {
            throw new IllegalArgumentException("the model has " + k + " classes but " + beta.length
                    + " coefficient rows");
        }
        if ((parametrization == Parametrization.SYMMETRIC) != (reference < 0) || reference >= k) {
            throw new IllegalArgumentException("the reference class " + reference + " does not fit the "
                    + parametrization + " parametrization of " + k + " classes");
        }
        this.beta = new double[k][];
        for (int c = 0; c < k; c++) {
            if (beta[c].length != header().terms().size()) {
                throw new IllegalArgumentException("class " + header().classes().get(c) + " has " + beta[c].length
                        + " coefficients for " + header().terms().size() + " terms " + header().terms());
            }
            for (int j = 0; j < beta[c].length; j++) {
                if (!Double.isFinite(beta[c][j]) || (c == reference && beta[c][j] != 0)) {
                    throw new IllegalArgumentException("the coefficient of class " + header().classes().get(c)
                            + ", term " + header().terms().get(j) + " is " + beta[c][j] + (c == reference
                            ? ": the reference class's coefficients are 0" : ": coefficients must be finite"));
                }
            }
            this.beta[c] = beta[c].clone();
        }
        this.intercept = header().intercept();
        this.parametrization = parametrization;
        this.reference = reference;
    }

    /**
     * A model from coefficients by position: terms {@code (Intercept)}, x1, x2, &hellip;
     *
     * @param classes the K class names
     * @param reference the reference class's index, or &minus;1 for the symmetric parametrization
     * @param coefficientsWithIntercept one row per coefficient class (K &minus; 1 rows, the classes but the
     *        reference in order; or K for the symmetric parametrization), the intercept first; copied
     * @return the model
     * @throws IllegalArgumentException for a wrong number of rows, ragged rows or a non-finite coefficient
     */
    public static MultinomialModel of(List<String> classes, int reference, double[][] coefficientsWithIntercept) {
        return positional(classes, reference, coefficientsWithIntercept, true);
    }

    /**
     * A model without intercepts from coefficients by position: terms x1, x2, &hellip;
     *
     * @param classes the K class names
     * @param reference the reference class's index, or &minus;1 for the symmetric parametrization
     * @param coefficients one row per coefficient class (K &minus; 1 rows, the classes but the reference in
     *        order; or K for the symmetric parametrization), one coefficient per feature; copied
     * @return the model
     * @throws IllegalArgumentException for a wrong number of rows, ragged rows or a non-finite coefficient
     */
    public static MultinomialModel withoutIntercept(List<String> classes, int reference, double[][] coefficients) {
        return positional(classes, reference, coefficients, false);
    }

    private static MultinomialModel positional(List<String> classes, int reference, double[][] rows,
                                               boolean intercept) {
        if (classes == null) {
            throw new IllegalArgumentException("classes is null");
        }
        String what = intercept ? "coefficientsWithIntercept" : "coefficients";
        if (rows == null || rows.length == 0 || rows[0] == null) {
            throw new IllegalArgumentException(what + " is null or empty");
        }
        int n = rows[0].length;
        if (intercept && n < 1) {
            throw new IllegalArgumentException(what + " has no intercept column");
        }
        ModelHeader header = ModelHeader.positional(intercept ? n - 1 : n, intercept, classes);
        return new MultinomialModel(expand(rows, classes.size(), reference, n),
                reference < 0 ? Parametrization.SYMMETRIC : Parametrization.REFERENCE, reference, header);
    }

    /** K rows from the coefficient classes' rows, zeros at the reference. */
    static double[][] expand(double[][] rows, int k, int reference, int n) {
        int expected = reference < 0 ? k : k - 1;
        if (rows.length != expected) {
            throw new IllegalArgumentException(expected + " coefficient rows expected for " + k + " classes"
                    + (reference < 0 ? " (symmetric)" : " (reference class " + reference + ")") + ", got " + rows.length);
        }
        double[][] full = new double[k][];
        int next = 0;
        for (int c = 0; c < k; c++) {
            if (c == reference) {
                full[c] = new double[n];
            } else {
                if (rows[next] == null || rows[next].length != n) {
                    throw new IllegalArgumentException("coefficient row " + next + " has "
                            + (rows[next] == null ? "no" : String.valueOf(rows[next].length)) + " values, row 0 has " + n);
                }
                full[c] = rows[next++];
            }
        }
        return full;
    }

    @Override
    MultinomialModel withHeader(ModelHeader value) {
        return new MultinomialModel(beta, parametrization, reference, value);
    }

    @Override
    public boolean binomial() {
        return false;
    }

    /** @return the parametrization of the coefficients */
    public Parametrization parametrization() {
        return parametrization;
    }

    /** @return the reference class, whose coefficients are all 0, or null for the symmetric parametrization */
    public String referenceClass() {
        return reference < 0 ? null : header().classes().get(reference);
    }

    @Override
    public List<String> coefficientClasses() {
        return coefficientClasses(header().classes(), reference);
    }

    /** The classes that have coefficients: every class but the reference (all for &minus;1), in order. */
    static List<String> coefficientClasses(List<String> classes, int reference) {
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (c != reference) {
                names.add(classes.get(c));
            }
        }
        return List.copyOf(names);
    }

    @Override
    public double[][] coefficientsWithIntercept() {
        double[][] rows = new double[beta.length - (reference < 0 ? 0 : 1)][];
        int next = 0;
        for (int c = 0; c < beta.length; c++) {
            if (c != reference) {
                rows[next++] = beta[c].clone();
            }
        }
        return rows;
    }

    @Override
    public Scores score(Table table, Encoder.UnseenLevel unseen) {
        int blocks = beta.length - (reference < 0 ? 0 : 1);
        return header().score(table, unseen, blocks, (x, offset, p, z) -> {
            logitsOf(x, p);
            int next = 0;
            for (int c = 0; c < beta.length; c++) {
                if (c != reference) {
                    z[next++] = p[c];
                }
            }
            int best = argmax(p);
            Softmax.softmax(p, p);
            return best;
        });
    }

    /**
     * The K logits of one row: z<sub>k</sub> = &beta;<sub>k</sub>&middot;(1, x).
     *
     * @param x one row of features
     * @return the logits, 0 for a reference class
     * @throws IllegalArgumentException for a row of the wrong length or with a non-finite value
     */
    public double[] logits(double[] x) {
        check(x);
        double[] z = new double[beta.length];
        logitsOf(x, z);
        return z;
    }

    /** The K logits of a checked row into z. */
    private void logitsOf(double[] x, double[] z) {
        int offset = intercept ? 1 : 0;
        for (int k = 0; k < beta.length; k++) {
            double s = intercept ? beta[k][0] : 0.0;
            for (int j = 0; j < x.length; j++) {
                s += beta[k][j + offset] * x[j];
            }
            z[k] = s;
        }
    }

    /** The first index of the largest value. */
    private static int argmax(double[] z) {
        int best = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] > z[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The class probabilities of one row, computed stably (they sum to 1 up to rounding).
     *
     * @param x one row of features
     * @return K probabilities
     */
    public double[] probabilities(double[] x) {
        double[] z = logits(x);
        Softmax.softmax(z, z);
        return z;
    }

    /**
     * The class probabilities of many rows.
     *
     * @param x rows of features
     * @return one row of K probabilities per row of x
     */
    @Override
    public double[][] probabilities(double[][] x) {
        double[][] p = new double[x == null ? 0 : x.length][];
        ModelMatrix.perRow(x, (row, i) -> p[i] = probabilities(row));
        return p;
    }

    /**
     * The most probable class of one row (the first on a tie).
     *
     * @param x one row of features
     * @return its index into {@link #classes()}
     */
    public int predict(double[] x) {
        return argmax(logits(x));
    }

    private void check(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (x.length != features()) {
            throw new IllegalArgumentException("the row has " + x.length + " features, the model " + features());
        }
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                throw new IllegalArgumentException("feature " + j + " is " + x[j] + ": features must be finite");
            }
        }
    }
}
