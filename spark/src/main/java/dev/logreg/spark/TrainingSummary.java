package dev.logreg.spark;

import dev.logreg.Inference;
import dev.logreg.math.Logistic;
import dev.logreg.math.Softmax;
import dev.logreg.solve.Iteration;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.api.java.JavaRDD;

/**
 * What a fit on Spark reports besides its coefficients, as the core library's inference does: the Wald
 * standard errors, z and p-values from the inverse of the information at the estimate (unpenalized fits
 * only), the deviance, the null deviance, the log-likelihood (for two classes each weight rounded to a
 * count, as R's binomial family does; for more, weighted as statsmodels' and the core's) and AIC; the fit's solver, convergence, iterations and passes; and warnings
 * (aliased features, the solver's). The parameters are in the order of {@link #estimates()}: one block per
 * coefficient class ({@link #coefficientClasses()}: class 1 for two classes; every class but the reference,
 * or every class, for more), each the intercept first (with one), then the features in vector order
 * ({@link #terms()}). Two more passes over the data after the fit.
 */
public final class TrainingSummary implements Serializable {

    private static final long serialVersionUID = 2L;
    /** max|g| at which the intercept-only fit with the offsets, for the null deviance, stops. */
    static final double NULL_MODEL_TOLERANCE = 1e-12;

    private final List<String> terms;
    private final List<String> coefficientClasses;
    private final double[] estimates;
    private final double[] standardErrors;
    private final double[] z;
    private final double[] p;
    private final double deviance;
    private final double nullDeviance;
    private final double logLikelihood;
    private final double aic;
    private final String solver;
    private final boolean converged;
    private final int iterations;
    private final int passes;
    private final List<String> warnings;
    private final List<Iteration> trace;

    private TrainingSummary(List<String> terms, List<String> coefficientClasses, double[] estimates,
                            double[] standardErrors, double[] z, double[] p, double deviance, double nullDeviance,
                            double logLikelihood, double aic, String solver, boolean converged, int iterations,
                            int passes, List<String> warnings, List<Iteration> trace) {
        this.terms = List.copyOf(terms);
        this.coefficientClasses = List.copyOf(coefficientClasses);
        this.estimates = estimates;
        this.standardErrors = standardErrors;
        this.z = z;
        this.p = p;
        this.deviance = deviance;
        this.nullDeviance = nullDeviance;
        this.logLikelihood = logLikelihood;
        this.aic = aic;
        this.solver = solver;
        this.converged = converged;
        this.iterations = iterations;
        this.passes = passes;
        this.warnings = List.copyOf(warnings);
        this.trace = List.copyOf(trace);
    }

    /**
     * @param blocks the fit's cached blocks
     * @param objective the fit's objective on every parameter (its passes are counted)
     * @param kept the parameters the fit estimated (the others, aliased, are reported NaN)
     * @param theta the estimate on every parameter, C blocks of n
     * @param classes the classes and their parametrization
     * @param intercept whether column 0 is the intercept
     * @param offsets whether the rows have offsets (two classes)
     * @param lambda the penalty (Wald quantities only when 0)
     * @param terms the names of the columns, {@code (Intercept)} first when there is one
     * @param owners the class of each block of coefficients
     * @param solution what the solver returned
     * @param solver the solver that ran
     * @param warnings the fit's warnings so far
     */
    static TrainingSummary of(JavaRDD<RowBlocks> blocks, DistributedObjective objective, KeptParameters kept,
                              double[] theta, RowBlocks.Classes classes, boolean intercept, boolean offsets,
                              double lambda,
                              List<String> terms, List<String> owners, Solution solution, String solver,
                              List<String> warnings) {
        int full = theta.length;
        int k = classes.count();
        int n = full / classes.blocks();
        List<String> notes = new ArrayList<>(warnings);
        double[] at = theta.clone();
        // One pass: the deviance, the log-likelihood on counts, and each class's weight.
        double[] sums = blocks.map(b -> likelihoods(b, at, classes)).reduce((a, b) -> {
            for (int j = 0; j < a.length; j++) {
                a[j] += b[j];
            }
            return a;
        });
        double total = 0;
        double nullLikelihood = 0;
        for (int c = 0; c < k; c++) {
            total += sums[2 + c];
        }
        for (int c = 0; c < k; c++) {
            nullLikelihood += sums[2 + c] > 0 ? sums[2 + c] * Math.log(sums[2 + c] / total) : 0;
        }
        double nullDeviance = intercept ? -2 * nullLikelihood : 2 * total * Math.log(k);
        if (offsets) {
            // The null model keeps the offset, as R's glm: the intercept alone fitted with it (a few passes),
            // or the offset alone without an intercept.
            double[] zero = new double[full];
            if (intercept) {
                KeptParameters alone = new KeptParameters(objective, 1, n, new int[] {0});
                Solution fit = new NewtonSolver(new NewtonOptions(NULL_MODEL_TOLERANCE, NewtonOptions.DEFAULT_MAX_ITERATIONS))
                        .minimize(alone.objective(), new double[1]);
                nullDeviance = 2 * objective.totalWeight() * alone.objective().value(fit.theta());
            } else {
                nullDeviance = 2 * objective.totalWeight() * objective.value(zero);
            }
        }
        double[] se = nan(full);
        double[] zs = nan(full);
        double[] ps = nan(full);
        int[] index = kept.index();
        int d = index.length;
        double aic = -2 * sums[1] + 2 * d;
        if (lambda > 0) {
            notes.add("Wald inference (standard errors, z, p-values) and AIC are not reported for penalized fits"
                    + " (regParam > 0): a penalized estimate is not a maximum-likelihood estimate");
            aic = Double.NaN;
        } else {
            double[] h = new double[d * d];
            kept.objective().valueGradientHessian(kept.select(theta), new double[d], h);
            // The information on the sum scale, W H; factored as the core's inference factors it.
            double[] information = new double[d * d];
            for (int j = 0; j < d * d; j++) {
                information[j] = objective.totalWeight() * h[j];
            }
            double[] errors = Inference.standardErrors(information, d);
            if (errors == null) {
                notes.add("the information matrix is singular or too ill-conditioned to invert (fitted probabilities"
                        + " of 0 or 1, or features that are almost collinear): no standard errors");
            } else {
                NormalDistribution normal = new NormalDistribution(null, 0, 1);
                for (int a = 0; a < d; a++) {
                    int j = index[a];
                    se[j] = errors[a];
                    zs[j] = theta[j] / se[j];
                    ps[j] = 2 * normal.cumulativeProbability(-Math.abs(zs[j]));
                }
            }
        }
        double[] estimates = theta.clone();
        boolean[] estimated = new boolean[full];
        for (int j : index) {
            estimated[j] = true;
        }
        for (int j = 0; j < full; j++) {
            if (!estimated[j]) {
                estimates[j] = Double.NaN;
            }
        }
        return new TrainingSummary(terms, owners, estimates, se, zs, ps, sums[0], nullDeviance, sums[1], aic, solver,
                solution.converged(), solution.iterations(), objective.passes(), notes, solution.trace());
    }

    /**
     * A block's [deviance, log-likelihood on counts, weight of each class].
     */
    private static double[] likelihoods(RowBlocks b, double[] theta, RowBlocks.Classes classes) {
        int k = classes.count();
        double[] s = new double[2 + k];
        double[] logits = new double[k];
        for (int i = 0; i < b.rows; i++) {
            double w = b.w[i];
            if (!(w > 0)) {
                continue;
            }
            int label = (int) b.y[i];
            b.logits(i, theta, classes, true, logits);
            double logP = classes.binomial() ? Logistic.logSigmoid(label == 1 ? logits[1] : -logits[1])
                    : logits[label] - Softmax.logSumExp(logits);
            s[0] -= 2 * w * logP;
            s[1] += (classes.binomial() ? Math.rint(w) : w) * logP;
            s[2 + label] += w;
        }
        return s;
    }

    private static double[] nan(int d) {
        double[] a = new double[d];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    /** @return the names of the coefficients in a block: {@code (Intercept)} (when fitted), then the features */
    public List<String> terms() {
        return terms;
    }

    /** @return the class of each block of coefficients, in order */
    public List<String> coefficientClasses() {
        return coefficientClasses;
    }

    /** @return the solver that ran: {@code newton} or {@code gd} */
    public String solver() {
        return solver;
    }

    /**
     * @return the estimates, block by block ({@link #coefficientClasses()}), each the intercept first (when
     *         fitted), then the coefficients; NaN (R's NA) for an aliased feature (a copy)
     */
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

    /**
     * @return the deviance of the null model: the intercept alone (with p = 1/K without an intercept), with the
     *         offsets when there are any, as R's glm
     */
    public double nullDeviance() {
        return nullDeviance;
    }

    /** @return &Sigma; round(w) log p(y | x) for two classes, &Sigma; w log p(y | x) for more */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return &minus;2 log-likelihood + 2 parameters; NaN (not reported) for a penalized fit */
    public double aic() {
        return aic;
    }

    /** @return whether the solver reached max|g| &le; tol */
    public boolean converged() {
        return converged;
    }

    /** @return the solver's iterations */
    public int iterations() {
        return iterations;
    }

    /** @return passes over the data: the fit's and the summary's */
    public int passes() {
        return passes;
    }

    /**
     * @return the solver's trace: per iteration the loss, max|g|, the step, the damping and the evaluations
     *         of the objective so far (each one pass over the data)
     */
    public List<Iteration> trace() {
        return trace;
    }

    /** @return the solver's and the inference's warnings */
    public List<String> warnings() {
        return warnings;
    }
}
