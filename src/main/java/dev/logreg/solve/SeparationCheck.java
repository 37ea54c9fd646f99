package dev.logreg.solve;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.objective.Objective;

/**
 * Detects complete or quasi-complete separation at the end of an unpenalized fit, and finds the
 * parameters that diverge.
 *
 * <p>The classes are (quasi-)separated when some direction v &ne; 0 has (2y<sub>i</sub> &minus; 1)
 * x<sub>i</sub>v &ge; 0 for every row with positive weight and &gt; 0 for some: moving along v
 * lowers the loss for ever, so no finite maximum-likelihood estimate exists and the coefficients on
 * v's support diverge. The check looks for such a v and verifies it row by row, so a report is a
 * proof (up to the slack {@link #SLACK}), not a guess:
 * <ul>
 * <li>after complete separation was proved by the loss (every row classified correctly),
 *     v = &theta; itself;</li>
 * <li>otherwise, when some fitted probability is within e<sup>&minus;{@value #SUSPECT_LOGIT}</sup>
 *     (&asymp; 3e-7) of 0 or 1, v = the Newton direction at &theta;: near a quasi-separated optimum the
 *     gradient has converged in every direction but v, where the curvature vanishes, so the Newton
 *     step points along v.</li>
 * </ul>
 * The diverging parameters are v's support: those with |v<sub>j</sub>| &middot; rms(x<sub>j</sub>) at
 * least {@link #SUPPORT} of the largest.
 */
public final class SeparationCheck {

    /** |x<sub>i</sub>&theta;| beyond which a fitted probability is suspiciously close to 0 or 1. */
    public static final double SUSPECT_LOGIT = 15;
    /** Rows may fall short of the separating side by this fraction of max|x<sub>i</sub>v| (rounding). */
    public static final double SLACK = 1e-6;
    /** A parameter belongs to v's support when its scaled share is at least this fraction of the largest. */
    public static final double SUPPORT = 1e-3;

    private SeparationCheck() {
    }

    /**
     * @param problem the data; a penalized problem is never separated
     * @param objective its objective (for the Newton direction)
     * @param theta the final parameters
     * @param completelySeparated whether the solver already proved complete separation from the loss
     * @return the indices of the diverging parameters, increasing; empty when no separation is found
     */
    public static int[] diverging(BinaryProblem problem, Objective objective, double[] theta,
                                  boolean completelySeparated) {
        if (problem.l2() > 0) {
            return new int[0];
        }
        int m = problem.rows();
        int n = problem.columns();
        double[] direction;
        if (completelySeparated) {
            direction = theta.clone();
        } else {
            double largest = objective instanceof FusedBinaryObjective
                    ? ((FusedBinaryObjective) objective).lastMaxAbsLinearPredictor(theta) : Double.NaN;
            if (Double.isNaN(largest)) {
                largest = 0;
                for (int i = 0; i < m; i++) {
                    if (problem.weight(i) > 0) {
                        largest = Math.max(largest, Math.abs(dot(problem, i, theta)));
                    }
                }
            }
            if (!(largest >= SUSPECT_LOGIT)) {
                return new int[0];
            }
            double[] g = new double[n];
            double[] h = new double[n * n];
            objective.valueGradientHessian(theta, g, h);
            if (Progress.maxAbs(g) == 0) {
                return new int[0];
            }
            direction = new double[n];
            if (new DampedCholesky().solve(h, g, direction) < 0) {
                return new int[0];
            }
        }
        return verify(problem, direction);
    }

    /** The support of v if v separates the rows, else an empty array. */
    private static int[] verify(BinaryProblem problem, double[] v) {
        int m = problem.rows();
        int n = problem.columns();
        double scale = 0;
        double[] margin = new double[m];
        for (int i = 0; i < m; i++) {
            if (problem.weight(i) > 0) {
                margin[i] = (2 * problem.label(i) - 1) * dot(problem, i, v);
                scale = Math.max(scale, Math.abs(margin[i]));
            }
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return new int[0];
        }
        boolean strict = false;
        for (int i = 0; i < m; i++) {
            if (problem.weight(i) > 0) {
                if (margin[i] < -SLACK * scale) {
                    return new int[0];
                }
                strict |= margin[i] > SUPPORT * scale;
            }
        }
        if (!strict) {
            return new int[0];
        }
        double[] share = new double[n];
        double largest = 0;
        for (int j = 0; j < n; j++) {
            double sumSquares = 0;
            double weight = 0;
            for (int i = 0; i < m; i++) {
                sumSquares += problem.weight(i) * problem.x(i, j) * problem.x(i, j);
                weight += problem.weight(i);
            }
            share[j] = Math.abs(v[j]) * Math.sqrt(sumSquares / weight);
            largest = Math.max(largest, share[j]);
        }
        int[] support = new int[n];
        int count = 0;
        for (int j = 0; j < n; j++) {
            if (share[j] >= SUPPORT * largest) {
                support[count++] = j;
            }
        }
        return java.util.Arrays.copyOf(support, count);
    }

    private static double dot(BinaryProblem problem, int i, double[] v) {
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            s += problem.x(i, j) * v[j];
        }
        return s;
    }
}
