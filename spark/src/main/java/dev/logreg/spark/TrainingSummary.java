package dev.logreg.spark;

import dev.logreg.math.Logistic;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.api.java.JavaRDD;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * What a fit on Spark reports besides its coefficients, as the core library's inference does: the Wald
 * standard errors, z and p-values from the inverse of the information X<sup>T</sup>diag(w p (1 &minus;
 * p))X at the estimate (unpenalized fits only), the deviance, the null deviance, the log-likelihood (each
 * weight rounded to a count, as R's binomial family does) and AIC; the fit's convergence, iterations and
 * passes; and warnings. The parameters are in the order of {@link #estimates()}: the intercept first
 * (with one), then the features in vector order. Two more passes over the data after the fit.
 */
public final class TrainingSummary implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Smallest pivot of the equilibrated information's Cholesky factor for the Wald quantities. */
    static final double MIN_PIVOT = 1e-10;

    private final double[] estimates;
    private final double[] standardErrors;
    private final double[] z;
    private final double[] p;
    private final double deviance;
    private final double nullDeviance;
    private final double logLikelihood;
    private final double aic;
    private final boolean converged;
    private final int iterations;
    private final int passes;
    private final List<String> warnings;

    private TrainingSummary(double[] estimates, double[] standardErrors, double[] z, double[] p, double deviance,
                            double nullDeviance, double logLikelihood, double aic, boolean converged,
                            int iterations, int passes, List<String> warnings) {
        this.estimates = estimates;
        this.standardErrors = standardErrors;
        this.z = z;
        this.p = p;
        this.deviance = deviance;
        this.nullDeviance = nullDeviance;
        this.logLikelihood = logLikelihood;
        this.aic = aic;
        this.converged = converged;
        this.iterations = iterations;
        this.passes = passes;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param blocks the fit's cached blocks
     * @param objective the fit's objective (its passes are counted)
     * @param theta the estimate, the intercept first when there is one
     * @param intercept whether column 0 is the intercept
     * @param lambda the penalty (Wald quantities only when 0)
     * @param converged whether Newton converged
     * @param iterations Newton's iterations
     * @param warnings the solver's warnings
     */
    static TrainingSummary of(JavaRDD<RowBlocks> blocks, DistributedObjective objective, double[] theta,
                              boolean intercept, double lambda, boolean converged, int iterations,
                              List<String> warnings) {
        int d = theta.length;
        List<String> notes = new ArrayList<>(warnings);
        double[] at = theta.clone();
        // One pass: the deviance, the log-likelihood on counts, and each class's weight.
        double[] sums = blocks.map(b -> {
            double[] s = new double[4];
            for (int i = 0; i < b.rows; i++) {
                double w = b.w[i];
                if (!(w > 0)) {
                    continue;
                }
                double zi = 0;
                for (int j = 0; j < b.cols; j++) {
                    zi += b.x[i * b.cols + j] * at[j];
                }
                double logP = Logistic.logSigmoid(b.y[i] == 1.0 ? zi : -zi);
                s[0] -= 2 * w * logP;
                s[1] += Math.rint(w) * logP;
                s[2] += w * b.y[i];
                s[3] += w * (1 - b.y[i]);
            }
            return s;
        }).reduce((a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]});
        double total = sums[2] + sums[3];
        double nullDeviance = intercept
                ? -2 * ((sums[2] > 0 ? sums[2] * Math.log(sums[2] / total) : 0)
                        + (sums[3] > 0 ? sums[3] * Math.log(sums[3] / total) : 0))
                : 2 * total * Math.log(2);
        double[] se = nan(d);
        double[] zs = nan(d);
        double[] ps = nan(d);
        double aic = -2 * sums[1] + 2 * d;
        if (lambda > 0) {
            notes.add("Wald inference (standard errors, z, p-values) and AIC are not reported for penalized fits"
                    + " (regParam > 0): a penalized estimate is not a maximum-likelihood estimate");
            aic = Double.NaN;
        } else {
            double[] h = new double[d * d];
            objective.valueGradientHessian(theta, new double[d], h);
            double weight = objective.totalWeight();
            // Cholesky of the information equilibrated to a unit diagonal: C = S I S, I = W H.
            double[] scale = new double[d];
            boolean singular = false;
            for (int j = 0; j < d; j++) {
                double a = weight * h[j * d + j];
                scale[j] = a > 0 && Double.isFinite(a) ? 1 / Math.sqrt(a) : 0;
                singular |= scale[j] == 0;
            }
            DMatrixRMaj c = new DMatrixRMaj(d, d);
            for (int r = 0; r < d && !singular; r++) {
                for (int t = 0; t < d; t++) {
                    // from the upper triangle, which the kernel's Hessian is sure to hold
                    double hrt = h[Math.min(r, t) * d + Math.max(r, t)];
                    c.set(r, t, r == t ? 1.0 : weight * hrt * scale[r] * scale[t]);
                }
            }
            CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(d, true);
            if (!singular && cholesky.decompose(c)) {
                DMatrixRMaj lower = cholesky.getT(null);
                for (int j = 0; j < d && !singular; j++) {
                    singular = !(lower.get(j, j) > MIN_PIVOT);
                }
                if (!singular) {
                    // C^-1 = L^-T L^-1, so (C^-1)_jj is the squared norm of column j of L^-1.
                    TriangularSolver_DDRM.invertLower(lower.data, d);
                    NormalDistribution normal = new NormalDistribution(null, 0, 1);
                    for (int j = 0; j < d; j++) {
                        double diagonal = 0;
                        for (int k = j; k < d; k++) {
                            diagonal += lower.get(k, j) * lower.get(k, j);
                        }
                        se[j] = Math.sqrt(diagonal) * scale[j];
                        zs[j] = theta[j] / se[j];
                        ps[j] = 2 * normal.cumulativeProbability(-Math.abs(zs[j]));
                    }
                }
            } else {
                singular = true;
            }
            if (singular) {
                notes.add("the information matrix is singular or too ill-conditioned to invert (fitted probabilities"
                        + " of 0 or 1, or aliased features): no standard errors");
            }
        }
        return new TrainingSummary(theta.clone(), se, zs, ps, sums[0], nullDeviance, sums[1], aic, converged,
                iterations, objective.passes(), notes);
    }

    private static double[] nan(int d) {
        double[] a = new double[d];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    /** @return the estimates: the intercept first (when fitted), then the coefficients (a copy) */
    public double[] estimates() {
        return estimates.clone();
    }

    /** @return the Wald standard errors, NaN (R's NA) when not reported (see {@link #warnings()}) */
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** @return estimate / standard error, NaN when not reported */
    public double[] z() {
        return z.clone();
    }

    /** @return two-sided normal p-values, NaN when not reported */
    public double[] p() {
        return p.clone();
    }

    /** @return &minus;2 &Sigma; w log p(y | x) */
    public double deviance() {
        return deviance;
    }

    /** @return the deviance of the model with the intercept alone (with p = 1/2 without an intercept) */
    public double nullDeviance() {
        return nullDeviance;
    }

    /** @return &Sigma; round(w) log p(y | x) */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return &minus;2 log-likelihood + 2 parameters; NaN (not reported) for a penalized fit */
    public double aic() {
        return aic;
    }

    /** @return whether Newton reached max|g| &le; tol */
    public boolean converged() {
        return converged;
    }

    /** @return Newton's iterations */
    public int iterations() {
        return iterations;
    }

    /** @return passes over the data: the fit's and the summary's */
    public int passes() {
        return passes;
    }

    /** @return the solver's and the inference's warnings */
    public List<String> warnings() {
        return warnings;
    }
}
