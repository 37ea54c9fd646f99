package dev.logreg.stats;

import dev.logreg.FitResult;
import dev.logreg.math.Logistic;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.solve.Aliasing;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Inference and goodness of fit at a maximum-likelihood estimate, with the conventions of R's
 * {@code summary.glm} for the binomial family (dispersion 1), including prior weights.
 *
 * <p>With X the model matrix (the intercept column first), p<sub>i</sub> = &sigma;(x<sub>i</sub>&theta;)
 * and prior weights w:
 * <ul>
 * <li>covariance Cov(&theta;) = (X<sup>T</sup>DX)<sup>&minus;1</sup>, D = diag(w<sub>i</sub>p<sub>i</sub>(1 &minus;
 *     p<sub>i</sub>)), the inverse Fisher information on the sum scale; standard errors its diagonal's
 *     square roots; z = &theta;/SE; two-sided p = 2&Phi;(&minus;|z|); Wald intervals &theta; &plusmn;
 *     &Phi;<sup>&minus;1</sup>(1 &minus; &alpha;/2) SE, and odds ratios e<sup>&theta;</sup> with the intervals'
 *     exponentials;</li>
 * <li>deviance D = &minus;2 &Sigma; w<sub>i</sub>[y<sub>i</sub> log p<sub>i</sub> + (1 &minus; y<sub>i</sub>) log(1
 *     &minus; p<sub>i</sub>)]; the null deviance the same at the intercept-only fit p&#772; = &Sigma;wy/&Sigma;w (at
 *     p = 1/2 without an intercept); degrees of freedom n &minus; k and n &minus; 1, n the rows with w &gt; 0,
 *     k the parameters;</li>
 * <li>log-likelihood as R's {@code logLik.glm}: &Sigma;<sub>w&gt;0</sub> log dbinom(round(w y), round(w), p),
 *     which is &minus;D/2 for integer weights; AIC = &minus;2&#8467; + 2k, BIC = &minus;2&#8467; + k log m with m
 *     the rows, those of weight 0 included (as R's {@code logLik.glm} counts them);
 *     McFadden's pseudo-R&sup2; = 1 &minus; &#8467;/&#8467;<sub>0</sub>; the likelihood-ratio statistic
 *     D<sub>0</sub> &minus; D with k &minus; 1 degrees of freedom and its &chi;&sup2; upper-tail p-value.</li>
 * </ul>
 * For a penalized fit (&lambda; &gt; 0) the Wald quantities, AIC, BIC and the likelihood-ratio test are
 * not reported ({@link #hasWald()} is false and {@link #reason()} says why): the estimate is not a
 * maximum-likelihood estimate. When X<sup>T</sup>DX cannot be inverted (aliased columns, or
 * probabilities at 0 or 1 under separation) the Wald quantities are likewise absent, with a
 * warning. Aliased parameters ({@link FitResult#aliased()}, dropped from the fit) count for nothing
 * in k and the degrees of freedom, and their entries in the Wald arrays and the covariance are NaN,
 * R's NA: not estimable. Nothing else here is NaN.
 */
public final class Inference {

    /** The default confidence level of the intervals. */
    public static final double DEFAULT_LEVEL = 0.95;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * The smallest |R<sub>jj</sub>| accepted in the QR factorization of D<sup>1/2</sup>X with unit-length
     * columns; below it X<sup>T</sup>DX counts as singular (its condition number would pass 1e14).
     */
    static final double RANK_TOLERANCE = 1e-7;

    private final double[] estimates;
    private final int rank;
    private final boolean penalized;
    private final double level;
    private final String reason;
    private final double[][] covariance;
    private final double[] standardErrors;
    private final double[] z;
    private final double[] p;
    private final double[] lower;
    private final double[] upper;
    private final double logLikelihood;
    private final double nullLogLikelihood;
    private final double deviance;
    private final double nullDeviance;
    private final int observations;
    private final int rows;
    private final int dfResidual;
    private final int dfNull;
    private final List<String> warnings;

    private Inference(Builder b) {
        this.estimates = b.theta;
        this.rank = b.kept.length;
        this.penalized = b.penalized;
        this.level = b.level;
        this.reason = b.reason;
        this.covariance = b.covariance;
        this.standardErrors = b.se;
        this.z = b.z;
        this.p = b.p;
        this.lower = b.lower;
        this.upper = b.upper;
        this.logLikelihood = b.logLikelihood;
        this.nullLogLikelihood = b.nullLogLikelihood;
        this.deviance = b.deviance;
        this.nullDeviance = b.nullDeviance;
        this.observations = b.observations;
        this.rows = b.x.length;
        this.dfResidual = b.dfResidual;
        this.dfNull = b.dfNull;
        this.warnings = List.copyOf(b.warnings);
    }

    /**
     * Inference at a fit, with 95% intervals.
     *
     * @param fit the fit
     * @param x the features it was fitted on, without the intercept column (m &times; features)
     * @param y the labels, 0 or 1
     * @param weights the prior weights, or {@code null} for ones
     * @return the inference
     * @throws IllegalArgumentException if the shapes do not match the fit, or for input the fit would
     *         reject (a feature that is not finite, a label other than 0 and 1, a negative weight), naming it
     */
    public static Inference of(FitResult fit, double[][] x, double[] y, double[] weights) {
        return of(fit, x, y, weights, DEFAULT_LEVEL);
    }

    /**
     * Inference at a fit.
     *
     * @param fit the fit
     * @param x the features it was fitted on, without the intercept column (m &times; features)
     * @param y the labels, 0 or 1
     * @param weights the prior weights, or {@code null} for ones
     * @param level the confidence level of the intervals, in (0, 1)
     * @return the inference
     * @throws IllegalArgumentException if the shapes do not match the fit, for input the fit would reject
     *         (a feature that is not finite, a label other than 0 and 1, a negative weight), naming it, or
     *         for a bad level
     */
    public static Inference of(FitResult fit, double[][] x, double[] y, double[] weights, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must be in (0, 1), got " + level);
        }
        if (fit == null) {
            throw new IllegalArgumentException("fit must not be null");
        }
        return of(fit.theta(), fit.hasIntercept(), fit.l2() > 0, fit.aliasedIndices(), x, y, weights, level);
    }

    /** Inference at given parameters; {@link #of(FitResult, double[][], double[], double[], double)} in parts. */
    static Inference of(double[] theta, boolean intercept, boolean penalized, int[] aliased, double[][] x, double[] y,
                        double[] weights, double level) {
        return new Builder(theta, intercept, penalized, aliased, x, y, weights, level).build();
    }

    /** @return the estimates &theta;, the intercept first when there is one (a copy) */
    public double[] estimates() {
        return estimates.clone();
    }

    /** @return true if the fit was penalized (&lambda; &gt; 0) */
    public boolean penalized() {
        return penalized;
    }

    /** @return true if standard errors, z, p and intervals are available */
    public boolean hasWald() {
        return reason == null;
    }

    /** @return why the Wald quantities are absent, or {@code null} if they are present */
    public String reason() {
        return reason;
    }

    /** @return the confidence level of the intervals */
    public double level() {
        return level;
    }

    private void requireWald() {
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
    }

    /**
     * @return (X<sup>T</sup>DX)<sup>&minus;1</sup>, k &times; k (a copy)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[][] covariance() {
        requireWald();
        double[][] copy = new double[covariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = covariance[i].clone();
        }
        return copy;
    }

    /**
     * @return the standard errors (a copy)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] standardErrors() {
        requireWald();
        return standardErrors.clone();
    }

    /**
     * @return the z values &theta;/SE (a copy)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] z() {
        requireWald();
        return z.clone();
    }

    /**
     * @return the two-sided p-values 2&Phi;(&minus;|z|) (a copy)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] p() {
        requireWald();
        return p.clone();
    }

    /**
     * @return the lower ends of the Wald intervals (a copy)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] lower() {
        requireWald();
        return lower.clone();
    }

    /**
     * @return the upper ends of the Wald intervals (a copy)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] upper() {
        requireWald();
        return upper.clone();
    }

    /** @return e<sup>&theta;</sup>, the odds ratios (for the intercept, the odds at x = 0) */
    public double[] oddsRatios() {
        return exp(estimates);
    }

    /**
     * @return e<sup>lower</sup>
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] oddsRatioLower() {
        requireWald();
        return exp(lower);
    }

    /**
     * @return e<sup>upper</sup>
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] oddsRatioUpper() {
        requireWald();
        return exp(upper);
    }

    private static double[] exp(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.exp(v[i]);
        }
        return out;
    }

    /** @return the log-likelihood &#8467; as R's {@code logLik} */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return the log-likelihood of the intercept-only model */
    public double nullLogLikelihood() {
        return nullLogLikelihood;
    }

    /** @return the residual deviance */
    public double deviance() {
        return deviance;
    }

    /** @return the null deviance */
    public double nullDeviance() {
        return nullDeviance;
    }

    /** @return n, the observations: rows with positive weight (R's {@code nobs}) */
    public int observations() {
        return observations;
    }

    /** @return the rows the inference was computed on, those of weight 0 included */
    public int rows() {
        return rows;
    }

    /** @return the residual degrees of freedom n &minus; k */
    public int dfResidual() {
        return dfResidual;
    }

    /** @return the null model's degrees of freedom, n &minus; 1 with an intercept, n without */
    public int dfNull() {
        return dfNull;
    }

    /** @return k, the number of parameters estimated (the rank: aliased ones do not count) */
    public int parameters() {
        return rank;
    }

    private void requireUnpenalized(String what) {
        if (penalized) {
            throw new IllegalStateException(what + " is not reported for a penalized fit (lambda > 0)");
        }
    }

    /**
     * @return AIC = &minus;2&#8467; + 2k
     * @throws IllegalStateException for a penalized fit
     */
    public double aic() {
        requireUnpenalized("AIC");
        return -2 * logLikelihood + 2 * rank;
    }

    /**
     * BIC as R's {@code BIC(glm)} computes it: &minus;2&#8467; + k log n with n the rows of the fit,
     * those of weight 0 included ({@code logLik.glm} counts them, though {@code nobs} does not).
     *
     * @return BIC
     * @throws IllegalStateException for a penalized fit
     */
    public double bic() {
        requireUnpenalized("BIC");
        return -2 * logLikelihood + rank * Math.log(rows);
    }

    /** @return McFadden's pseudo-R&sup2; = 1 &minus; &#8467;/&#8467;<sub>0</sub> */
    public double pseudoR2() {
        return nullLogLikelihood == 0 ? 0 : 1 - logLikelihood / nullLogLikelihood;
    }

    /**
     * @return the likelihood-ratio statistic D<sub>0</sub> &minus; D against the null model
     * @throws IllegalStateException for a penalized fit
     */
    public double likelihoodRatio() {
        requireUnpenalized("The likelihood-ratio test");
        return Math.max(0, nullDeviance - deviance);
    }

    /**
     * @return the likelihood-ratio test's degrees of freedom, dfNull &minus; dfResidual
     * @throws IllegalStateException for a penalized fit
     */
    public int likelihoodRatioDf() {
        requireUnpenalized("The likelihood-ratio test");
        return dfNull - dfResidual;
    }

    /**
     * @return P(&chi;&sup2; &gt; statistic), computed from the upper tail (accurate when tiny); 1 with no
     *         degrees of freedom
     * @throws IllegalStateException for a penalized fit
     */
    public double likelihoodRatioP() {
        int df = likelihoodRatioDf();
        return df <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2.0, likelihoodRatio() / 2);
    }

    /** @return warnings about the inference, empty when there are none */
    public List<String> warnings() {
        return warnings;
    }

    /** Computes the quantities once. */
    private static final class Builder {
        private final double[] theta;
        private final int[] kept;
        private final boolean intercept;
        private final boolean penalized;
        private final double level;
        private final double[][] x;
        private final double[] y;
        private final double[] w;
        private final List<String> warnings = new ArrayList<>();
        private String reason;
        private double[][] covariance;
        private double[] se;
        private double[] z;
        private double[] p;
        private double[] lower;
        private double[] upper;
        private double logLikelihood;
        private double nullLogLikelihood;
        private double deviance;
        private double nullDeviance;
        private int observations;
        private int dfResidual;
        private int dfNull;

        Builder(double[] theta, boolean intercept, boolean penalized, int[] aliased, double[][] x, double[] y,
                double[] weights, double level) {
            if (x == null || y == null) {
                throw new IllegalArgumentException("x and y must not be null");
            }
            if (aliased == null) {
                throw new IllegalArgumentException("aliased is null");
            }
            this.theta = theta.clone();
            this.kept = Aliasing.kept(aliased, theta.length);
            this.intercept = intercept;
            this.penalized = penalized;
            this.level = level;
            int features = theta.length - (intercept ? 1 : 0);
            if (y.length != x.length) {
                throw new IllegalArgumentException("y has " + y.length + " labels, x has " + x.length + " rows");
            }
            if (weights != null && weights.length != x.length) {
                throw new IllegalArgumentException("weights has " + weights.length + " entries, x has " + x.length
                        + " rows");
            }
            for (int i = 0; i < x.length; i++) {
                if (x[i] == null || x[i].length != features) {
                    throw new IllegalArgumentException("x[" + i + "] has " + (x[i] == null ? 0 : x[i].length)
                            + " columns, the fit has " + features + " coefficients");
                }
                for (int j = 0; j < features; j++) {
                    if (!Double.isFinite(x[i][j])) {
                        throw new IllegalArgumentException("x[" + i + "][" + j + "] = " + x[i][j]
                                + ": features must be finite");
                    }
                }
                if (y[i] != 0.0 && y[i] != 1.0) {
                    throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not a label: labels must be 0 or 1");
                }
            }
            if (x.length == 0) {
                throw new IllegalArgumentException("x has no rows");
            }
            // The fit's rules for prior weights: finite, >= 0, one positive.
            BinaryProblem.requireWeights(weights, x.length);
            this.x = x;
            this.y = y;
            this.w = weights;
        }

        private double weight(int i) {
            return w == null ? 1 : w[i];
        }

        private double eta(int i) {
            double s = intercept ? theta[0] : 0;
            int offset = intercept ? 1 : 0;
            for (int j = 0; j < x[i].length; j++) {
                s += x[i][j] * theta[j + offset];
            }
            return s;
        }

        /** Row i of the model matrix, the intercept's 1 first. */
        private double design(int i, int j) {
            if (intercept) {
                return j == 0 ? 1 : x[i][j - 1];
            }
            return x[i][j];
        }

        Inference build() {
            int m = x.length;
            int k = kept.length;
            double[] eta = new double[m];
            double sumW = 0;
            double sumWy = 0;
            for (int i = 0; i < m; i++) {
                eta[i] = eta(i);
                double wi = weight(i);
                if (wi > 0) {
                    observations++;
                }
                sumW += wi;
                sumWy += wi * y[i];
            }
            // Fitted and null model: deviance and R's log-likelihood.
            for (int i = 0; i < m; i++) {
                deviance += 2 * weight(i) * Logistic.crossEntropy(eta[i], y[i]);
                logLikelihood += logDbinom(i, Logistic.logSigmoid(eta[i]), Logistic.logSigmoid(-eta[i]));
            }
            double nullEta = intercept ? Logistic.logit(clamp(sumWy / sumW)) : 0;
            for (int i = 0; i < m; i++) {
                nullDeviance += 2 * weight(i) * Logistic.crossEntropy(nullEta, y[i]);
                nullLogLikelihood += logDbinom(i, Logistic.logSigmoid(nullEta), Logistic.logSigmoid(-nullEta));
            }
            dfResidual = observations - k;
            dfNull = observations - (intercept ? 1 : 0);
            if (penalized) {
                reason = "Wald inference (standard errors, z, p-values, confidence intervals) is not reported for"
                        + " penalized fits (lambda > 0): a penalized estimate is not a maximum-likelihood estimate";
            } else {
                wald(k, m, eta);
            }
            return new Inference(this);
        }

        /** Keeps the null model's mean inside (0, 1) when a class has no weight. */
        private static double clamp(double mean) {
            return Math.min(Math.max(mean, Double.MIN_NORMAL), 1 - 0x1p-53);
        }

        /**
         * log dbinom(round(w y), round(w), p) for a row with w &gt; 0, as R's binomial()$aic; else 0. With
         * y &isin; {0, 1} the count round(wy) is 0 or all of round(w), whose binomial coefficient is 1, so
         * this is round(w) log p or round(w) log(1 &minus; p), in doubles for any weight (R's round is
         * half to even, as {@link Math#rint}).
         */
        private double logDbinom(int i, double logP, double logQ) {
            double wi = weight(i);
            if (!(wi > 0)) {
                return 0;
            }
            double n = Math.rint(wi);
            if (n == 0) {
                return 0;
            }
            return y[i] == 1 ? n * logP : n * logQ;
        }

        private void wald(int k, int m, double[] eta) {
            // Cov = (X^T D X)^-1 from the QR factorization of A = D^(1/2) X S, S scaling A's columns to unit
            // length: A = QR gives X^T D X = S^-1 R^T R S^-1, so Cov = S R^-1 R^-T S. Working with A rather than
            // X^T D X squares nothing: the error grows with cond(A), the square root of cond(X^T D X), as in R.
            DMatrixRMaj a = new DMatrixRMaj(m, k);
            for (int i = 0; i < m; i++) {
                double root = Math.sqrt(weight(i) * Logistic.sigmoidDerivative(eta[i]));
                for (int j = 0; j < k; j++) {
                    a.data[i * k + j] = root * design(i, kept[j]);
                }
            }
            double[] scale = new double[k];
            for (int j = 0; j < k; j++) {
                double norm = 0;
                for (int i = 0; i < m; i++) {
                    norm = Math.hypot(norm, a.data[i * k + j]);
                }
                scale[j] = norm > 0 ? 1 / norm : 0;
                for (int i = 0; i < m; i++) {
                    a.data[i * k + j] *= scale[j];
                }
            }
            double[][] rInverse = m >= k ? upperInverse(a, k) : null;
            if (rInverse == null) {
                reason = "the information matrix X^T D X is singular or too ill-conditioned to invert"
                        + " (aliased columns, or fitted probabilities of 0 or 1): no standard errors";
                warnings.add(reason);
                return;
            }
            // Aliased parameters were not estimated: their rows and columns are NA (NaN), as in R.
            int all = theta.length;
            covariance = new double[all][all];
            for (double[] row : covariance) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            se = new double[all];
            z = new double[all];
            p = new double[all];
            lower = new double[all];
            upper = new double[all];
            for (double[] v : new double[][] {se, z, p, lower, upper}) {
                java.util.Arrays.fill(v, Double.NaN);
            }
            double q = NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
            for (int r = 0; r < k; r++) {
                for (int c = r; c < k; c++) {
                    // (R^-1 R^-T)_rc = sum over t >= max(r, c) of Rinv[r][t] Rinv[c][t]
                    double sum = 0;
                    for (int t = c; t < k; t++) {
                        sum += rInverse[r][t] * rInverse[c][t];
                    }
                    covariance[kept[r]][kept[c]] = sum * scale[r] * scale[c];
                    covariance[kept[c]][kept[r]] = covariance[kept[r]][kept[c]];
                }
            }
            for (int r = 0; r < k; r++) {
                int j = kept[r];
                // SE_j = s_j |row r of R^-1|, not sqrt(Cov_jj): for a column on a scale of 1e200 the
                // variance (1e-400) underflows while the standard error does not.
                double norm = 0;
                for (int t = r; t < k; t++) {
                    norm = Math.hypot(norm, rInverse[r][t]);
                }
                se[j] = norm * scale[r];
                z[j] = theta[j] / se[j];
                p[j] = 2 * NORMAL.cumulativeProbability(-Math.abs(z[j]));
                lower[j] = theta[j] - q * se[j];
                upper[j] = theta[j] + q * se[j];
            }
        }

        /**
         * The inverse of R in A = QR (Householder), or null if A's columns (scaled to unit length) are
         * numerically dependent: a diagonal |R<sub>jj</sub>| below {@link #RANK_TOLERANCE}.
         */
        private static double[][] upperInverse(DMatrixRMaj a, int k) {
            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(a.numRows, k);
            if (!qr.decompose(a)) {
                return null;
            }
            DMatrixRMaj r = qr.getR(null, true);
            for (int j = 0; j < k; j++) {
                double d = Math.abs(r.get(j, j));
                if (!(d > RANK_TOLERANCE) || !Double.isFinite(d)) {
                    return null;
                }
            }
            // Back substitution, column by column: R X = I.
            double[][] inverse = new double[k][k];
            for (int c = 0; c < k; c++) {
                for (int row = c; row >= 0; row--) {
                    double sum = row == c ? 1 : 0;
                    for (int t = row + 1; t <= c; t++) {
                        sum -= r.get(row, t) * inverse[t][c];
                    }
                    inverse[row][c] = sum / r.get(row, row);
                }
            }
            return inverse;
        }
    }
}
