package dev.logreg.stats;

import dev.logreg.MultinomialFitResult;
import dev.logreg.objective.MultinomialProblem;
import dev.logreg.objective.VectorizedMultinomialObjective;
import dev.logreg.solve.Aliasing;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Inference for a multinomial fit in the reference parametrization, as statsmodels'
 * {@code MNLogit} reports it: per coefficient class and term the standard error, z, two-sided
 * p-value and Wald interval; the log-likelihood, the null model's, AIC, BIC, McFadden's
 * pseudo-R&sup2; and the likelihood-ratio test.
 *
 * <ul>
 * <li>Cov(&theta;&#770;) = I<sup>&minus;1</sup> with I = &Sigma; w<sub>i</sub>
 *     (diag p<sub>i</sub> &minus; p<sub>i</sub>p<sub>i</sub><sup>T</sup>) &otimes;
 *     x<sub>i</sub>x<sub>i</sub><sup>T</sup> over the coefficient classes, W times the Hessian of J
 *     at the estimate; inverted by Cholesky after scaling to unit diagonal.</li>
 * <li>&#8467; = &Sigma; w<sub>i</sub> log p<sub>i,y<sub>i</sub></sub>; the null model has only the
 *     intercepts, p<sub>k</sub> the weighted class shares (without intercepts, every p<sub>k</sub> =
 *     1/K); k the number of estimated coefficients, C times the non-aliased columns;
 *     AIC = &minus;2&#8467; + 2k, BIC = &minus;2&#8467; + k log n with n the rows of positive weight;
 *     deviance &minus;2&#8467;; the likelihood-ratio statistic 2(&#8467; &minus; &#8467;<sub>0</sub>)
 *     with k &minus; C degrees of freedom (k with no intercept).</li>
 * </ul>
 * A penalized fit, or one in the symmetric parametrization (which needs a penalty), reports
 * likelihoods but no Wald quantities, AIC, BIC or test: {@link #hasWald()} is false and
 * {@link #reason()} says why. Aliased columns have NaN (R's NA) in every Wald array.
 */
public final class MultinomialInference {

    /** The default confidence level of the intervals. */
    public static final double DEFAULT_LEVEL = 0.95;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private final MultinomialFitResult fit;
    private final double level;
    private final double logLikelihood;
    private final double nullLogLikelihood;
    private final int observations;
    private final int parameters;
    private final int nullParameters;
    private final String reason;
    private final double[][] covariance;
    private final double[][] se;
    private final List<String> warnings;

    private MultinomialInference(MultinomialFitResult fit, double level, double logLikelihood,
                                 double nullLogLikelihood, int observations, int parameters, int nullParameters,
                                 String reason, double[][] covariance, double[][] se, List<String> warnings) {
        this.fit = fit;
        this.level = level;
        this.logLikelihood = logLikelihood;
        this.nullLogLikelihood = nullLogLikelihood;
        this.observations = observations;
        this.parameters = parameters;
        this.nullParameters = nullParameters;
        this.reason = reason;
        this.covariance = covariance;
        this.se = se;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Inference at a fit, with 95% intervals.
     *
     * @param fit the fit
     * @param x the features it was fitted on, without the intercept column
     * @param y the labels it was fitted on
     * @param weights its prior weights, or {@code null} for ones
     * @return the inference
     * @throws IllegalArgumentException if the data do not match the fit
     */
    public static MultinomialInference of(MultinomialFitResult fit, double[][] x, int[] y, double[] weights) {
        return of(fit, x, y, weights, DEFAULT_LEVEL);
    }

    /**
     * Inference at a fit.
     *
     * @param fit the fit
     * @param x the features it was fitted on, without the intercept column
     * @param y the labels it was fitted on
     * @param weights its prior weights, or {@code null} for ones
     * @param level the confidence level of the intervals, in (0, 1)
     * @return the inference
     * @throws IllegalArgumentException if the data do not match the fit, or for a bad level
     */
    public static MultinomialInference of(MultinomialFitResult fit, double[][] x, int[] y, double[] weights,
                                          double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must be in (0, 1), got " + level);
        }
        if (fit == null) {
            throw new IllegalArgumentException("fit must not be null");
        }
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        int m = x.length;
        if (m == 0 || y.length != m) {
            throw new IllegalArgumentException("x has " + m + " rows and y " + y.length + ": they must match, non-empty");
        }
        List<String> terms = fit.terms();
        int cols = terms.size();
        boolean intercept = fit.hasIntercept();
        int features = cols - (intercept ? 1 : 0);
        int[] kept = Aliasing.kept(fit.aliasedIndices(), cols);
        int n = kept.length;
        double[] design = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (x[i] == null || x[i].length != features) {
                throw new IllegalArgumentException("x[" + i + "] has " + (x[i] == null ? 0 : x[i].length)
                        + " features, the fit " + features);
            }
            for (int c = 0; c < n; c++) {
                int j = kept[c];
                double v = intercept && j == 0 ? 1.0 : x[i][j - (intercept ? 1 : 0)];
                design[i * n + c] = v;
            }
        }
        // Each column divided by the power of two that brings its largest |x| into [1, 2): exact, and the
        // information matrix of features on a scale of 1e200 (or 1e-200) neither overflows nor underflows.
        // The coefficients are multiplied by the same powers, the standard errors divided back.
        double[] columnScale = new double[n];
        for (int c = 0; c < n; c++) {
            double largest = 0;
            for (int i = 0; i < m; i++) {
                largest = Math.max(largest, Math.abs(design[i * n + c]));
            }
            columnScale[c] = largest > 0 && Double.isFinite(largest) ? Math.scalb(1.0, Math.getExponent(largest)) : 1.0;
        }
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < n; c++) {
                design[i * n + c] /= columnScale[c];
            }
        }
        int k = fit.classes().size();
        MultinomialProblem problem = new MultinomialProblem(design, m, n, y.clone(),
                weights == null ? null : weights.clone(), 0.0, intercept ? 0 : -1, k, fit.referenceIndex());
        double[][] coefficients = fit.coefficients();
        int blocks = coefficients.length;
        double[] theta = new double[blocks * n];
        for (int b = 0; b < blocks; b++) {
            for (int c = 0; c < n; c++) {
                theta[b * n + c] = coefficients[b][kept[c]] * columnScale[c];
            }
        }
        VectorizedMultinomialObjective objective = new VectorizedMultinomialObjective(problem);
        double totalWeight = problem.totalWeight();
        double logLikelihood = -totalWeight * objective.value(theta);
        double[] classWeight = new double[k];
        int observations = 0;
        for (int i = 0; i < m; i++) {
            classWeight[y[i]] += problem.weight(i);
            observations += problem.weight(i) > 0 ? 1 : 0;
        }
        double nullLogLikelihood = 0;
        for (int c = 0; c < k; c++) {
            if (classWeight[c] > 0) {
                nullLogLikelihood += classWeight[c] * (intercept ? Math.log(classWeight[c] / totalWeight) : -Math.log(k));
            }
        }
        List<String> warnings = new java.util.ArrayList<>();
        String reason = null;
        double[][] covariance = null;
        double[][] se = null;
        if (fit.l2() > 0) {
            reason = "Wald inference (standard errors, z, p-values, confidence intervals), AIC, BIC and the"
                    + " likelihood-ratio test are not reported for penalized fits (lambda > 0): a penalized"
                    + " estimate is not a maximum-likelihood estimate";
        } else {
            int d = theta.length;
            double[] g = new double[d];
            double[] h = new double[d * d];
            objective.valueGradientHessian(theta, g, h);
            double[] inverse = invertInformation(h, d, totalWeight);
            if (inverse == null) {
                reason = "the information matrix is singular or too ill-conditioned to invert"
                        + " (fitted probabilities of 0 or 1): no standard errors";
                warnings.add(reason);
            } else {
                int all = blocks * cols;
                covariance = new double[all][all];
                for (double[] row : covariance) {
                    java.util.Arrays.fill(row, Double.NaN);
                }
                se = new double[blocks][cols];
                for (double[] row : se) {
                    java.util.Arrays.fill(row, Double.NaN);
                }
                for (int r = 0; r < d; r++) {
                    int fullR = (r / n) * cols + kept[r % n];
                    double scaleR = columnScale[r % n];
                    for (int s = 0; s < d; s++) {
                        covariance[fullR][(s / n) * cols + kept[s % n]] = inverse[r * d + s] / scaleR
                                / columnScale[s % n];
                    }
                    se[r / n][kept[r % n]] = Math.sqrt(inverse[r * d + r]) / scaleR;
                }
                if (fit.separation()) {
                    warnings.add("the classes are separated: the standard errors of the diverging coefficients grow"
                            + " without bound with the iterations and their z and p-values mean nothing");
                }
            }
        }
        return new MultinomialInference(fit, level, logLikelihood, nullLogLikelihood, observations, blocks * n,
                intercept ? blocks : 0, reason, covariance, se, warnings);
    }

    /** (W H)^-1 by Cholesky of the unit-diagonal scaling, or null when not positive definite. */
    private static double[] invertInformation(double[] h, int d, double totalWeight) {
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double a = h[j * d + j] * totalWeight;
            if (!(a > 0) || !Double.isFinite(a)) {
                return null;
            }
            scale[j] = 1 / Math.sqrt(a);
        }
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < d; s++) {
                a.data[r * d + s] = r == s ? 1.0 : h[r * d + s] * totalWeight * scale[r] * scale[s];
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(d, true);
        if (!cholesky.decompose(a.copy())) {
            return null;
        }
        DMatrixRMaj lower = cholesky.getT(null);
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (int j = 0; j < d; j++) {
            smallest = Math.min(smallest, Math.abs(lower.get(j, j)));
            largest = Math.max(largest, Math.abs(lower.get(j, j)));
        }
        // cond(A) >= (max L_jj / min L_jj)^2: refuse what double precision cannot invert meaningfully
        if (!(smallest > 0) || largest / smallest > 1e8) {
            return null;
        }
        DMatrixRMaj inverse = new DMatrixRMaj(d, d);
        org.ejml.dense.row.CommonOps_DDRM.invert(a, inverse);
        double[] out = new double[d * d];
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < d; s++) {
                out[r * d + s] = inverse.get(r, s) * scale[r] * scale[s];
                if (!Double.isFinite(out[r * d + s])) {
                    return null;
                }
            }
        }
        return out;
    }

    private void requireWald() {
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
    }

    /** @return the classes of the rows of every array here (the fit's coefficient classes) */
    public List<String> classes() {
        return fit.coefficientClasses();
    }

    /** @return the terms of the columns of every array here */
    public List<String> terms() {
        return fit.terms();
    }

    /** @return the estimates, one row per coefficient class (a copy) */
    public double[][] estimates() {
        return fit.coefficients();
    }

    /** @return whether the fit was penalized */
    public boolean penalized() {
        return fit.l2() > 0;
    }

    /** @return whether Wald quantities, AIC, BIC and the likelihood-ratio test are available */
    public boolean hasWald() {
        return reason == null;
    }

    /** @return why Wald inference is not available, or {@code null} when it is */
    public String reason() {
        return reason;
    }

    /** @return the confidence level of the intervals */
    public double level() {
        return level;
    }

    /**
     * @return the covariance of the flattened coefficients (class after class, term after term); NaN
     *         rows and columns for aliased terms (a copy)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[][] covariance() {
        requireWald();
        return copy(covariance);
    }

    /**
     * @return the standard errors, class by term (a copy)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[][] standardErrors() {
        requireWald();
        return copy(se);
    }

    /**
     * @return z = estimate / SE, class by term
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[][] z() {
        requireWald();
        double[][] b = fit.coefficients();
        double[][] z = new double[b.length][];
        for (int c = 0; c < b.length; c++) {
            z[c] = new double[b[c].length];
            for (int j = 0; j < b[c].length; j++) {
                z[c][j] = b[c][j] / se[c][j];
            }
        }
        return z;
    }

    /**
     * @return two-sided p-values 2&Phi;(&minus;|z|), class by term
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[][] p() {
        double[][] z = z();
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Double.isNaN(row[j]) ? Double.NaN : 2 * NORMAL.cumulativeProbability(-Math.abs(row[j]));
            }
        }
        return z;
    }

    /**
     * @return lower Wald limits estimate &minus; q SE at {@link #level()}, class by term
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[][] lower() {
        return limits(-1);
    }

    /**
     * @return upper Wald limits estimate + q SE at {@link #level()}, class by term
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[][] upper() {
        return limits(1);
    }

    private double[][] limits(int sign) {
        requireWald();
        double q = NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
        double[][] b = fit.coefficients();
        for (int c = 0; c < b.length; c++) {
            for (int j = 0; j < b[c].length; j++) {
                b[c][j] += sign * q * se[c][j];
            }
        }
        return b;
    }

    /**
     * @return exp(estimate): the relative risk ratios of each class against the reference, per unit
     *         of each feature
     */
    public double[][] relativeRiskRatios() {
        double[][] b = fit.coefficients();
        for (double[] row : b) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.exp(row[j]);
            }
        }
        return b;
    }

    /** @return &#8467; = &Sigma; w<sub>i</sub> log p<sub>i,y<sub>i</sub></sub> at the estimate */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return the null model's log-likelihood (intercepts only) */
    public double nullLogLikelihood() {
        return nullLogLikelihood;
    }

    /** @return the residual deviance &minus;2&#8467; */
    public double deviance() {
        return -2 * logLikelihood;
    }

    /** @return the null deviance &minus;2&#8467;<sub>0</sub> */
    public double nullDeviance() {
        return -2 * nullLogLikelihood;
    }

    /** @return n, the rows of positive weight */
    public int observations() {
        return observations;
    }

    /** @return k, the estimated coefficients: C times the non-aliased columns */
    public int parameters() {
        return parameters;
    }

    /**
     * @return AIC = &minus;2&#8467; + 2k
     * @throws IllegalStateException for a penalized fit
     */
    public double aic() {
        requireUnpenalized();
        return -2 * logLikelihood + 2 * parameters;
    }

    /**
     * @return BIC = &minus;2&#8467; + k log n
     * @throws IllegalStateException for a penalized fit
     */
    public double bic() {
        requireUnpenalized();
        return -2 * logLikelihood + parameters * Math.log(observations);
    }

    /** @return McFadden's pseudo-R&sup2; = 1 &minus; &#8467;/&#8467;<sub>0</sub> */
    public double pseudoR2() {
        return 1 - logLikelihood / nullLogLikelihood;
    }

    /**
     * @return the likelihood-ratio statistic 2(&#8467; &minus; &#8467;<sub>0</sub>)
     * @throws IllegalStateException for a penalized fit
     */
    public double likelihoodRatio() {
        requireUnpenalized();
        return 2 * (logLikelihood - nullLogLikelihood);
    }

    /** @return its degrees of freedom, k minus the null model's C intercepts */
    public int likelihoodRatioDf() {
        return parameters - nullParameters;
    }

    /**
     * @return its &chi;&sup2; upper-tail p-value
     * @throws IllegalStateException for a penalized fit
     */
    public double likelihoodRatioP() {
        int df = likelihoodRatioDf();
        return df <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2.0, likelihoodRatio() / 2);
    }

    /** @return warnings about the inference, empty when clean */
    public List<String> warnings() {
        return warnings;
    }

    private void requireUnpenalized() {
        if (penalized()) {
            throw new IllegalStateException(reason);
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
