package dev.logreg;

import dev.logreg.solve.Warning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Inference and goodness of fit at a fit's estimate ({@link Fit#inference()}), for two classes with
 * the conventions of R's {@code summary.glm} (binomial family, dispersion 1, prior weights), and for
 * K classes as statsmodels' {@code MNLogit} reports them. Every array here is in the order of
 * {@link Fit#theta()}: block after block (one block for a binomial fit), term after term.
 *
 * <p>With X the model matrix, p<sub>i</sub> the fitted class probabilities and w the prior weights:
 * <ul>
 * <li>Cov(&theta;&#770;) = I<sup>&minus;1</sup>, I = &Sigma; w<sub>i</sub> (diag p<sub>i</sub> &minus;
 *     p<sub>i</sub>p<sub>i</sub><sup>T</sup>) &otimes; x<sub>i</sub>x<sub>i</sub><sup>T</sup> over the
 *     coefficient classes (for two classes X<sup>T</sup>DX, D = diag(w<sub>i</sub>p<sub>i</sub>(1 &minus;
 *     p<sub>i</sub>))), the Fisher information. It is computed in the fit's own coordinates (after
 *     equilibration, standardization and the removal of aliased columns), scaled to a unit diagonal
 *     and factored, I = LL<sup>T</sup>: for a binary fit of at most {@link #QR_MAX_ELEMENTS} elements
 *     m&middot;n by the QR factorization of D<sup>1/2</sup>X (L = R<sup>T</sup>, one pass to copy the
 *     weighted rows), which does not square the condition number; otherwise by Cholesky of the
 *     Hessian that one pass of the fit's kernel accumulates in blocks, with no copy of the rows. It
 *     counts as singular when a pivot L<sub>jj</sub> falls below {@link #MIN_PIVOT}. The covariance on the
 *     original scale is A I<sup>&minus;1</sup> A<sup>T</sup>, A the linear map of the coefficients back
 *     to the original scale, and each standard error the norm of a column of L<sup>&minus;1</sup>A<sup>T</sup>
 *     (so it neither underflows nor overflows where its square would). z = &theta;/SE; two-sided
 *     p = 2&Phi;(&minus;|z|); Wald intervals &theta; &plusmn; &Phi;<sup>&minus;1</sup>(1 &minus; &alpha;/2) SE.</li>
 * <li>Deviance D = &minus;2 &Sigma; w<sub>i</sub> log p<sub>i,y<sub>i</sub></sub>; the null deviance the
 *     same for the intercepts-only model (the weighted class shares; 1/K without an intercept). With
 *     offsets o (two classes, {@link LogisticRegression#withOffset}) every fitted probability is
 *     &sigma;(x<sub>i</sub>&theta; + o<sub>i</sub>), and the null model is R's: the intercept alone fitted
 *     with the offsets (Newton, to max|g| &le; {@link #NULL_MODEL_TOLERANCE}), or &eta; = o without an
 *     intercept; the information is X<sup>T</sup>DX with D from those probabilities.</li>
 * <li>Log-likelihood &#8467; = &Sigma; c<sub>i</sub> log p<sub>i,y<sub>i</sub></sub>, with c<sub>i</sub> =
 *     round(w<sub>i</sub>) for two classes (R's {@code logLik.glm}: log dbinom with round(w) trials,
 *     which is &minus;D/2 for integer weights) and c<sub>i</sub> = w<sub>i</sub> for K classes;
 *     AIC = &minus;2&#8467; + 2k, BIC = &minus;2&#8467; + k log m with k the estimated parameters and m
 *     the rows, those of weight 0 included (as R counts them); McFadden's pseudo-R&sup2; = 1 &minus;
 *     &#8467;/&#8467;<sub>0</sub>; the likelihood-ratio statistic D<sub>0</sub> &minus; D on k &minus; C
 *     degrees of freedom (k without intercepts).</li>
 * </ul>
 * A penalized fit reports the likelihoods but no Wald quantities, AIC, BIC or test
 * ({@link #hasWald()} is false, {@link #reason()} says why): its estimate is not a maximum-likelihood
 * estimate. When the information cannot be inverted the Wald quantities are likewise absent, with a
 * warning. Aliased parameters count for nothing in k and the degrees of freedom, and their entries in
 * the Wald arrays and the covariance are NaN, R's NA. Nothing else here is NaN. Immutable.
 */
public final class Inference {

    /** The default confidence level of the intervals. */
    public static final double DEFAULT_LEVEL = 0.95;

    /**
     * The smallest Cholesky pivot L<sub>jj</sub> accepted for the information scaled to a unit diagonal:
     * below it the information counts as singular (its condition number would exceed about 1e14). It is
     * the same test as |R<sub>jj</sub>| &lt; 1e-7 in the QR factorization of D<sup>1/2</sup>X with
     * unit-length columns, whose R is that Cholesky factor.
     */
    public static final double MIN_PIVOT = 1e-7;

    /**
     * The largest m&middot;n for which a binary fit's information is factored by QR of D<sup>1/2</sup>X
     * (a copy of 8&middot;m&middot;n bytes, 32 MiB at the limit), which does not square the condition
     * number as forming X<sup>T</sup>DX does; above it, and for K classes, by Cholesky of
     * X<sup>T</sup>DX accumulated in blocks by the fused kernel, which needs no copy of the rows.
     */
    public static final long QR_MAX_ELEMENTS = 1L << 22;

    /** {@link #QR_MAX_ELEMENTS}, or another switch for tests of both factorizations. */
    static long qrMaxElements = QR_MAX_ELEMENTS;

    /**
     * The gradient tolerance (max|g| of the mean loss) of the intercept-only fit with the offsets whose deviance
     * is the null deviance of a fit with offsets; Newton converges quadratically, so the deviance is exact to
     * rounding well before.
     */
    static final double NULL_MODEL_TOLERANCE = 1e-13;
    /** The iteration limit of that fit. */
    static final int NULL_MODEL_ITERATIONS = 100;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** The quantities, computed once and shared by the inference at every level. */
    private final Computation values;
    private final double level;

    private Inference(Computation values, double level) {
        this.values = values;
        this.level = level;
    }

    /** Computes the inference of a fit from what it kept. */
    /**
     * n and the residual deviance alone: one pass over the rows, no information matrix (for the summary a
     * saved model keeps, which must not cost a factorization of the Hessian on wide data).
     *
     * @return {n, deviance}
     */
    static double[] observationsAndDeviance(Context context) {
        Computation c = new Computation(context, false);
        return new double[] {c.observations, c.deviance};
    }

    static Inference of(Context context) {
        return new Inference(new Computation(context), DEFAULT_LEVEL);
    }

    /**
     * @param value a confidence level in (0, 1)
     * @return this inference with intervals at that level (nothing is recomputed)
     * @throws IllegalArgumentException for a bad level
     */
    public Inference atLevel(double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("the confidence level must be in (0, 1), got " + value);
        }
        return value == level ? this : new Inference(values, value);
    }

    /**
     * What a fit keeps for its inference: its data on the solver's scale, the solver's parameters, and
     * the map of parameters back to the original scale.
     *
     * @param data the data the solver saw (equilibrated, standardized, aliased columns removed)
     * @param theta the solver's final parameters on that scale
     * @param toOriginal the linear map of such parameters to the full original ones
     * @param estimates the full original parameters, 0 at aliased positions
     * @param kept for each full parameter, whether it was estimated
     * @param separated whether the fit found separation
     */
    record Context(FitData data, double[] theta, java.util.function.UnaryOperator<double[]> toOriginal,
                   double[] estimates, boolean[] kept, boolean separated) {
    }

    /** @return the estimates, in {@link Fit#theta()}'s order (a copy) */
    public double[] estimates() {
        return values.estimates.clone();
    }

    /** @return true if the fit was penalized (&lambda; &gt; 0) */
    public boolean penalized() {
        return values.penalized;
    }

    /** @return true if standard errors, z, p and intervals are available */
    public boolean hasWald() {
        return values.reason == null;
    }

    /** @return why the Wald quantities are absent, or {@code null} if they are present */
    public String reason() {
        return values.reason;
    }

    /** @return the confidence level of the intervals */
    public double level() {
        return level;
    }

    private void requireWald() {
        if (values.reason != null) {
            throw new IllegalStateException(values.reason);
        }
    }

    /**
     * @return the covariance of the estimates, P &times; P in {@link Fit#theta()}'s order; NaN rows and
     *         columns for aliased parameters (a copy)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[][] covariance() {
        requireWald();
        double[][] copy = new double[values.covariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = values.covariance[i].clone();
        }
        return copy;
    }

    /**
     * @return the standard errors (a copy)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] standardErrors() {
        requireWald();
        return values.standardErrors.clone();
    }

    /**
     * @return the z values &theta;/SE
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] z() {
        requireWald();
        double[] z = new double[values.estimates.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = values.estimates[j] / values.standardErrors[j];
        }
        return z;
    }

    /**
     * @return the two-sided p-values 2&Phi;(&minus;|z|)
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] p() {
        double[] z = z();
        for (int j = 0; j < z.length; j++) {
            z[j] = Double.isNaN(z[j]) ? Double.NaN : 2 * NORMAL.cumulativeProbability(-Math.abs(z[j]));
        }
        return z;
    }

    /**
     * @return the lower ends of the Wald intervals at {@link #level()}
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] lower() {
        return limits(-1);
    }

    /**
     * @return the upper ends of the Wald intervals at {@link #level()}
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] upper() {
        return limits(1);
    }

    private double[] limits(int sign) {
        requireWald();
        double q = NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
        double[] out = new double[values.estimates.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = values.estimates[j] + sign * q * values.standardErrors[j];
        }
        return out;
    }

    /**
     * @return e<sup>&theta;</sup>: odds ratios (for the intercept, the odds at x = 0); for a multinomial fit
     *         against a reference class, the relative risk ratios of each class against it
     */
    public double[] oddsRatios() {
        return exp(values.estimates);
    }

    /**
     * @return e<sup>lower</sup>
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] oddsRatioLower() {
        return exp(lower());
    }

    /**
     * @return e<sup>upper</sup>
     * @throws IllegalStateException if {@link #hasWald()} is false
     */
    public double[] oddsRatioUpper() {
        return exp(upper());
    }

    /**
     * The Wald standard errors of an information matrix: the square roots of the diagonal of I<sup>&minus;1</sup>,
     * from the Cholesky factor of I equilibrated to a unit diagonal, as the fits' inference computes them
     * (with its test of the pivots, {@link #MIN_PIVOT}). For estimates computed elsewhere, such as on a
     * cluster, whose information is summed there.
     *
     * @param information I, d &times; d row-major, symmetric (on the sum scale: X<sup>T</sup>DX); not modified
     * @param d its order
     * @return the d standard errors, or null when I is singular or too ill-conditioned to invert
     * @throws IllegalArgumentException if the array is not d &times; d
     */
    public static double[] standardErrors(double[] information, int d) {
        if (information == null || d < 1 || information.length != (long) d * d) {
            throw new IllegalArgumentException("information must be " + d + " x " + d
                    + (information == null ? ", got null" : ", got length " + information.length));
        }
        double[] scale = new double[d];
        DMatrixRMaj lower = unitDiagonalCholesky(information, d, scale);
        if (lower == null || !pivotsAccepted(lower)) {
            return null;
        }
        // C^-1 = L^-T L^-1, so (C^-1)_jj is the squared norm of column j of L^-1.
        TriangularSolver_DDRM.invertLower(lower.data, d);
        double[] se = new double[d];
        for (int j = 0; j < d; j++) {
            double diagonal = 0;
            for (int r = j; r < d; r++) {
                diagonal += lower.get(r, j) * lower.get(r, j);
            }
            se[j] = Math.sqrt(diagonal) * scale[j];
        }
        return se;
    }

    /**
     * The Cholesky factor L of a symmetric matrix A equilibrated to a unit diagonal, C = S A S with S =
     * diag(A)<sup>&minus;1/2</sup> written into {@code scale}; null when a diagonal entry is not positive and
     * finite or C is not positive definite. The pivots are not tested ({@link #pivotsAccepted}).
     */
    private static DMatrixRMaj unitDiagonalCholesky(double[] a, int d, double[] scale) {
        for (int j = 0; j < d; j++) {
            double v = a[j * d + j];
            if (!(v > 0) || !Double.isFinite(v)) {
                return null;
            }
            scale[j] = 1 / Math.sqrt(v);
        }
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        for (int r = 0; r < d; r++) {
            for (int t = 0; t < d; t++) {
                c.data[r * d + t] = r == t ? 1.0 : a[r * d + t] * scale[r] * scale[t];
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(d, true);
        return cholesky.decompose(c) ? cholesky.getT(null) : null;
    }

    /** Whether every pivot of a unit-diagonal information's Cholesky (or QR) factor exceeds {@link #MIN_PIVOT}. */
    private static boolean pivotsAccepted(DMatrixRMaj lower) {
        for (int j = 0; j < lower.numRows; j++) {
            double pivot = lower.get(j, j);
            if (!(pivot > MIN_PIVOT) || !Double.isFinite(pivot)) {
                return false;
            }
        }
        return true;
    }

    private static double[] exp(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.exp(v[i]);
        }
        return out;
    }

    /** @return the log-likelihood &#8467; (as R's {@code logLik} for two classes) */
    public double logLikelihood() {
        return values.logLikelihood;
    }

    /** @return the log-likelihood of the intercepts-only model */
    public double nullLogLikelihood() {
        return values.nullLogLikelihood;
    }

    /** @return the residual deviance */
    public double deviance() {
        return values.deviance;
    }

    /** @return the null deviance */
    public double nullDeviance() {
        return values.nullDeviance;
    }

    /** @return n, the observations: rows with positive weight (R's {@code nobs}) */
    public int observations() {
        return values.observations;
    }

    /** @return the rows of the fit, those of weight 0 included */
    public int rows() {
        return values.rows;
    }

    /** @return the residual degrees of freedom n &minus; k */
    public int dfResidual() {
        return values.observations - values.parameters;
    }

    /** @return the null model's degrees of freedom, n minus its parameters (C intercepts, or none) */
    public int dfNull() {
        return values.observations - values.nullParameters;
    }

    /** @return k, the number of parameters estimated (aliased ones do not count) */
    public int parameters() {
        return values.parameters;
    }

    private void requireUnpenalized(String what) {
        if (values.penalized) {
            throw new IllegalStateException(what + " is not reported for a penalized fit (lambda > 0)");
        }
    }

    /**
     * @return AIC = &minus;2&#8467; + 2k
     * @throws IllegalStateException for a penalized fit
     */
    public double aic() {
        requireUnpenalized("AIC");
        return -2 * values.logLikelihood + 2 * values.parameters;
    }

    /**
     * BIC as R's {@code BIC(glm)} computes it: &minus;2&#8467; + k log m with m the rows of the fit,
     * those of weight 0 included ({@code logLik.glm} counts them, though {@code nobs} does not).
     *
     * @return BIC
     * @throws IllegalStateException for a penalized fit
     */
    public double bic() {
        requireUnpenalized("BIC");
        return -2 * values.logLikelihood + values.parameters * Math.log(values.rows);
    }

    /** @return McFadden's pseudo-R&sup2; = 1 &minus; &#8467;/&#8467;<sub>0</sub> (0 when &#8467;<sub>0</sub> = 0) */
    public double pseudoR2() {
        return values.nullLogLikelihood == 0 ? 0 : 1 - values.logLikelihood / values.nullLogLikelihood;
    }

    /**
     * @return the likelihood-ratio statistic D<sub>0</sub> &minus; D against the intercepts-only model
     * @throws IllegalStateException for a penalized fit
     */
    public double likelihoodRatio() {
        requireUnpenalized("The likelihood-ratio test");
        return Math.max(0, values.nullDeviance - values.deviance);
    }

    /**
     * @return the likelihood-ratio test's degrees of freedom, dfNull &minus; dfResidual
     * @throws IllegalStateException for a penalized fit
     */
    public int likelihoodRatioDf() {
        requireUnpenalized("The likelihood-ratio test");
        return values.parameters - values.nullParameters;
    }

    /**
     * @return P(&chi;&sup2; &gt; statistic), from the upper tail (accurate when tiny); 1 with no degrees
     *         of freedom
     * @throws IllegalStateException for a penalized fit
     */
    public double likelihoodRatioP() {
        int df = likelihoodRatioDf();
        return df <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2.0, likelihoodRatio() / 2);
    }

    /** @return warnings about the inference, empty when there are none */
    public List<Warning> warnings() {
        return java.util.Collections.unmodifiableList(values.warnings);
    }

    /** The quantities, computed once. */
    private static final class Computation {
        final double[] estimates;
        final boolean penalized;
        final int rows;
        final List<Warning> warnings = new ArrayList<>();
        int parameters;
        int nullParameters;
        String reason;
        double[][] covariance;
        double[] standardErrors;
        double logLikelihood;
        double nullLogLikelihood;
        double deviance;
        double nullDeviance;
        int observations;

        Computation(Context context) {
            this(context, true);
        }

        /** With {@code wald} false, the likelihoods only. */
        Computation(Context context, boolean wald) {
            FitData data = context.data();
            this.estimates = context.estimates().clone();
            this.penalized = data.l2 > 0;
            this.rows = data.rows;
            this.parameters = data.dimension();
            this.nullParameters = data.intercept ? data.blocks() : 0;
            likelihoods(data, context.theta(), wald);
            if (!wald) {
                return;
            }
            if (penalized) {
                reason = "Wald inference (standard errors, z, p-values, confidence intervals), AIC, BIC and the"
                        + " likelihood-ratio test are not reported for penalized fits (lambda > 0): a penalized"
                        + " estimate is not a maximum-likelihood estimate";
                return;
            }
            wald(context);
            if (reason == null && context.separated()) {
                warnings.add(new Warning(Warning.Kind.INFERENCE, "the classes are separated: the standard errors of"
                        + " the diverging coefficients grow without bound with the iterations, and their z and"
                        + " p-values mean nothing"));
            }
        }

        /** The log-likelihood's weight of a row: round(w) trials for the binomial family (R), else w. */
        private static double count(FitData data, double w) {
            return data.binomial() ? Math.rint(w) : w;
        }

        /** The likelihoods at &theta;, and with {@code nullModel} those of the null model. */
        private void likelihoods(FitData data, double[] theta, boolean nullModel) {
            int k = data.classes();
            double[] classWeight = new double[k];
            double[] classCount = new double[k];
            double[] total = {0.0};
            // Each range of rows sums its own part (observations, deviance, log-likelihood, total weight, then
            // each class's weight and count); the parts are added in row order, whatever the threads.
            for (double[] part : data.mapRanges(block -> {
                double[] sums = new double[4 + 2 * k];
                double[] z = new double[k];
                for (int i = block.from(); i < block.to(); i++) {
                    // The prior weight as the caller gave it (the normalization undone, exactly).
                    double w = Math.scalb(block.weight(i), data.weightExponent);
                    if (!(w > 0)) {
                        continue;
                    }
                    data.logits(block, i, theta, z);
                    int y = (int) block.y(i);
                    double logP = logSoftmax(z, y);
                    sums[0]++;
                    sums[1] -= 2 * w * logP;
                    sums[2] += count(data, w) * logP;
                    sums[3] += w;
                    sums[4 + y] += w;
                    sums[4 + k + y] += count(data, w);
                }
                return sums;
            })) {
                observations += (int) part[0];
                deviance += part[1];
                logLikelihood += part[2];
                total[0] += part[3];
                for (int c = 0; c < k; c++) {
                    classWeight[c] += part[4 + c];
                    classCount[c] += part[4 + k + c];
                }
            }
            if (data.hasOffsets()) {
                if (nullModel) {
                    nullWithOffsets(data);
                }
                return;
            }
            for (int c = 0; c < k; c++) {
                if (classWeight[c] > 0) {
                    double logShare = data.intercept ? Math.log(classWeight[c] / total[0]) : -Math.log(k);
                    nullDeviance -= 2 * classWeight[c] * logShare;
                    nullLogLikelihood += classCount[c] * logShare;
                }
            }
        }

        /**
         * The null model of a binary fit with offsets, as R's {@code glm} has it: the intercept alone fitted
         * with the offsets (Newton on the intercept column, to max|g| &le; {@link #NULL_MODEL_TOLERANCE}), or,
         * without an intercept, the offsets alone (&eta; = o); its deviance and log-likelihood.
         */
        private void nullWithOffsets(FitData data) {
            FitData.Binary binary = (FitData.Binary) data;
            double b = 0;
            if (data.intercept) {
                // Column 0 is the intercept's (constant on every row; never aliased, being first).
                FitData.Binary alone = new FitData.Binary(data.source.mapColumns(new int[] {0}, null, null, 0), true,
                        0.0, data.weightExponent, null, binary.offsets);
                dev.logreg.solve.Solution fit = new dev.logreg.solve.NewtonSolver(
                        new dev.logreg.solve.NewtonOptions(NULL_MODEL_TOLERANCE, NULL_MODEL_ITERATIONS))
                        .minimize(alone.objective(), new double[1], 0.0);
                b = fit.theta()[0];
            }
            double intercept = b;
            for (double[] part : data.mapRanges(block -> {
                double[] sums = new double[2];
                double[] x = block.array();
                for (int i = block.from(); i < block.to(); i++) {
                    double w = Math.scalb(block.weight(i), data.weightExponent);
                    if (!(w > 0)) {
                        continue;
                    }
                    double z = binary.offsets[i] + (data.intercept ? intercept * x[block.offset(i)] : 0.0);
                    double logP = logSoftmax(new double[] {0.0, z}, (int) block.y(i));
                    sums[0] -= 2 * w * logP;
                    sums[1] += count(data, w) * logP;
                }
                return sums;
            })) {
                nullDeviance += part[0];
                nullLogLikelihood += part[1];
            }
        }

        /**
         * log softmax(z)<sub>y</sub> = z<sub>y</sub> &minus; max z &minus; log(1 + &Sigma;<sub>k &ne; argmax</sub>
         * e<sup>z<sub>k</sub> &minus; max z</sup>), by log1p: accurate also when every other class is far behind.
         */
        private static double logSoftmax(double[] z, int y) {
            int top = 0;
            for (int k = 1; k < z.length; k++) {
                if (z[k] > z[top]) {
                    top = k;
                }
            }
            double rest = 0;
            for (int k = 0; k < z.length; k++) {
                if (k != top) {
                    rest += Math.exp(z[k] - z[top]);
                }
            }
            return z[y] - z[top] - Math.log1p(rest);
        }

        private void wald(Context context) {
            FitData data = context.data();
            int d = data.dimension();
            double total = data.totalWeight();
            double[] scale = new double[d];
            DMatrixRMaj lower = null;
            boolean singular = d > observations;
            if (useQr(data)) {
                // R of the QR factorization of D^1/2 X with unit-length columns: R^T R is the unit-diagonal information.
                DMatrixRMaj a = weightedRows(data, context.theta());
                for (int j = 0; j < d; j++) {
                    double ss = 0;
                    for (int i = 0; i < a.numRows; i++) {
                        ss += a.data[i * d + j] * a.data[i * d + j];
                    }
                    scale[j] = ss > 0 && Double.isFinite(ss) ? 1 / Math.sqrt(ss / total) : 0;
                    singular |= scale[j] == 0;
                }
                if (!singular) {
                    double root = Math.sqrt(total);
                    for (int i = 0; i < a.numRows; i++) {
                        for (int j = 0; j < d; j++) {
                            a.data[i * d + j] *= scale[j] / root;
                        }
                    }
                    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(a.numRows, d);
                    if (qr.decompose(a)) {
                        DMatrixRMaj r = qr.getR(null, true);
                        lower = new DMatrixRMaj(d, d);
                        for (int row = 0; row < d; row++) {
                            double sign = r.get(row, row) < 0 ? -1.0 : 1.0;
                            for (int col = row; col < d; col++) {
                                lower.set(col, row, sign * r.get(row, col));
                            }
                        }
                    } else {
                        singular = true;
                    }
                }
            } else {
                double[] g = new double[d];
                double[] h = new double[d * d];
                context.data().objective().valueGradientHessian(context.theta(), g, h);
                // The information on the sum scale: the kernel's Hessian is that of J = (1/W) sum w_i loss_i on the
                // normalized weights; 2^e W H is the information of the caller's weights.
                if (!singular) {
                    lower = unitDiagonalCholesky(h, d, scale);
                    singular = lower == null;
                }
            }
            singular = singular || !pivotsAccepted(lower);
            if (singular) {
                reason = "the information matrix is singular or too ill-conditioned to invert (fitted probabilities"
                        + " of 0 or 1): no standard errors";
                warnings.add(new Warning(Warning.Kind.INFERENCE, reason));
                return;
            }
            // Cov = A I^-1 A^T with I = 2^e W S^-1 L L^T S^-1: Cov = B^T B for B = L^-1 S A^T / sqrt(2^e W).
            // Column t of A^T's transpose, A e_t, is the map applied to the t-th unit vector.
            int all = estimates.length;
            double[][] b = new double[all][d];
            double[] unit = new double[d];
            for (int t = 0; t < d; t++) {
                unit[t] = 1;
                double[] column = context.toOriginal().apply(unit);
                unit[t] = 0;
                for (int j = 0; j < all; j++) {
                    b[j][t] = column[j] * scale[t];
                }
            }
            // Forward substitution L y = b_j for each full parameter j, in place.
            for (double[] y : b) {
                for (int r = 0; r < d; r++) {
                    double s = y[r];
                    for (int t = 0; t < r; t++) {
                        s -= lower.data[r * d + t] * y[t];
                    }
                    y[r] = s / lower.data[r * d + r];
                }
            }
            double root = Math.sqrt(total) * Math.sqrt(Math.scalb(1.0, data.weightExponent));
            covariance = new double[all][all];
            standardErrors = new double[all];
            boolean[] kept = context.kept();
            for (int j = 0; j < all; j++) {
                if (!kept[j]) {
                    Arrays.fill(covariance[j], Double.NaN);
                    standardErrors[j] = Double.NaN;
                    continue;
                }
                standardErrors[j] = norm(b[j]) / root;
                for (int l = 0; l < all; l++) {
                    if (!kept[l]) {
                        covariance[j][l] = Double.NaN;
                        continue;
                    }
                    double s = 0;
                    for (int t = 0; t < d; t++) {
                        s += b[j][t] * b[l][t];
                    }
                    covariance[j][l] = s / root / root;
                }
            }
        }

        /**
         * Whether the information comes from the QR factorization of D<sup>1/2</sup>X rather than the Cholesky
         * factorization of X<sup>T</sup>DX: for a binary fit whose m&times;n copy has at most
         * {@link #QR_MAX_ELEMENTS} elements.
         */
        private static boolean useQr(FitData data) {
            return data.blocks() == 1 && (long) data.rows * data.dimension() <= qrMaxElements;
        }

        /** The rows of D<sup>1/2</sup>X at &theta;, d<sub>i</sub> = w<sub>i</sub>&sigma;'(z<sub>i</sub>), one pass. */
        private static DMatrixRMaj weightedRows(FitData data, double[] theta) {
            int n = data.cols;
            DMatrixRMaj a = new DMatrixRMaj(data.rows, n);
            double[] z = new double[2];
            data.scan(block -> {
                double[] x = block.array();
                for (int i = block.from(); i < block.to(); i++) {
                    data.logits(block, i, theta, z);
                    double e = Math.exp(-Math.abs(z[1]));
                    double onePlusE = 1.0 + e;
                    double root = Math.sqrt(block.weight(i) * (e / (onePlusE * onePlusE)));
                    int row = block.offset(i);
                    for (int j = 0; j < n; j++) {
                        a.data[i * n + j] = root * x[row + j];
                    }
                }
            });
            return a;
        }

        /** The Euclidean norm, scaled so that it neither overflows nor underflows. */
        private static double norm(double[] v) {
            double largest = 0;
            for (double e : v) {
                largest = Math.max(largest, Math.abs(e));
            }
            if (largest == 0 || !Double.isFinite(largest)) {
                return largest;
            }
            double s = 0;
            for (double e : v) {
                double r = e / largest;
                s += r * r;
            }
            return largest * Math.sqrt(s);
        }
    }
}
