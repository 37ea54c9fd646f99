package dev.logreg.solve;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.objective.MultinomialProblem;
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

    /** Eigenvalues of H below this fraction of the largest are left out of the pseudo-inverse. */
    static final double PSEUDO_INVERSE_CUTOFF = 1e-20;

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
        Checks.argument(problem, "problem");
        Checks.argument(objective, "objective");
        Checks.argument(theta, "theta");
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
        if (!certifies(margin, scale, i -> problem.weight(i) > 0)) {
            return new int[0];
        }
        double[] rms = new double[n];
        for (int j = 0; j < n; j++) {
            double sumSquares = 0;
            double weight = 0;
            for (int i = 0; i < m; i++) {
                sumSquares += problem.weight(i) * problem.x(i, j) * problem.x(i, j);
                weight += problem.weight(i);
            }
            rms[j] = Math.sqrt(sumSquares / weight);
        }
        return support(v, rms);
    }

    private static double dot(BinaryProblem problem, int i, double[] v) {
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            s += problem.x(i, j) * v[j];
        }
        return s;
    }

    /**
     * The separation check after a solve, as the fits run it: at the solver's last iterate, and, when
     * {@code probe} is set (gradient descent) and the solver stopped unconverged without finding
     * complete separation, once more after a diagnostic Newton run from that iterate. Gradient
     * descent creeps along a separating direction too slowly to reveal it; Newton's iterates show it.
     * The probe's coefficients are not reported. Penalized problems have a finite optimum: empty.
     *
     * @param problem the data
     * @param objective its loss, for the candidate directions and the probe
     * @param solution what the solver returned
     * @param probe whether to probe with Newton after an unconverged solve
     * @return the indices of the diverging parameters, empty if not separated
     */
    public static int[] diverging(BinaryProblem problem, Objective objective, Solution solution, boolean probe) {
        Checks.argument(problem, "problem");
        Checks.argument(objective, "objective");
        Checks.argument(solution, "solution");
        if (problem.l2() > 0) {
            return new int[0];
        }
        return afterSolve(objective, solution, probe,
                (theta, complete) -> diverging(problem, objective, theta, complete));
    }

    /**
     * {@link #diverging(BinaryProblem, Objective, Solution, boolean)} for a multinomial problem.
     *
     * @param problem the data
     * @param objective its loss, for the candidate directions and the probe
     * @param solution what the solver returned
     * @param probe whether to probe with Newton after an unconverged solve
     * @return the indices into &theta; of the diverging coefficients, empty if not separated
     */
    public static int[] diverging(MultinomialProblem problem, Objective objective, Solution solution,
                                  boolean probe) {
        Checks.argument(problem, "problem");
        Checks.argument(objective, "objective");
        Checks.argument(solution, "solution");
        if (problem.l2() > 0) {
            return new int[0];
        }
        return afterSolve(objective, solution, probe,
                (theta, complete) -> diverging(problem, objective, theta, complete));
    }

    /** A separation check at given parameters. */
    private interface Check {
        int[] at(double[] theta, boolean completelySeparated);
    }

    private static int[] afterSolve(Objective objective, Solution solution, boolean probe, Check check) {
        boolean complete = solution.termination() == Termination.SEPARATION;
        int[] diverging = check.at(solution.theta(), complete);
        if (diverging.length == 0 && probe && !complete && solution.termination() != Termination.CONVERGED) {
            Solution newton = new NewtonSolver(NewtonOptions.defaults()).minimize(objective, solution.theta());
            diverging = check.at(newton.theta(), newton.termination() == Termination.SEPARATION);
        }
        return diverging;
    }

    /**
     * The multinomial counterpart of {@link #diverging(BinaryProblem, Objective, double[], boolean)}.
     * A direction V (one block per coefficient class) certifies separation when no observation's
     * own logit falls behind another class's along it: (x<sub>i</sub>V)<sub>y<sub>i</sub></sub>
     * &ge; (x<sub>i</sub>V)<sub>k</sub> for every i and k (the reference logit moving by 0), and
     * strictly for some i. Then J decreases along V forever, and the coefficients with weight in V
     * diverge. The candidate is &theta; itself after complete separation, else the Newton direction
     * once the logits of some row span at least {@link #SUSPECT_LOGIT}.
     *
     * @param problem the data
     * @param objective its loss, for the Newton direction
     * @param theta the solver's last iterate, length C&middot;n
     * @param completelySeparated whether the solver stopped with {@link Termination#SEPARATION}
     * @return the indices into &theta; of the diverging coefficients, empty if not separated
     */
    public static int[] diverging(MultinomialProblem problem, Objective objective, double[] theta,
                                  boolean completelySeparated) {
        Checks.argument(problem, "problem");
        Checks.argument(objective, "objective");
        Checks.argument(theta, "theta");
        if (problem.l2() > 0) {
            return new int[0];
        }
        int m = problem.rows();
        int d = problem.dimension();
        double[] direction;
        if (completelySeparated) {
            direction = theta.clone();
        } else {
            double[] z = new double[problem.classes()];
            double largest = 0;
            for (int i = 0; i < m; i++) {
                if (problem.weight(i) > 0) {
                    problem.logits(i, theta, z);
                    largest = Math.max(largest, range(z));
                }
            }
            if (!(largest >= SUSPECT_LOGIT)) {
                return new int[0];
            }
            double[] g = new double[d];
            double[] h = new double[d * d];
            objective.valueGradientHessian(theta, g, h);
            if (Progress.maxAbs(g) == 0) {
                return new int[0];
            }
            direction = pseudoNewtonDirection(h, g);
            if (direction == null) {
                return new int[0];
            }
        }
        return verify(problem, direction);
    }

    /**
     * &minus;H<sup>+</sup>g from the eigendecomposition of H, undamped: along a separating
     * direction the curvature decays like the gradient, and their ratio, which damping would
     * swamp, is what points the way out.
     */
    private static double[] pseudoNewtonDirection(double[] h, double[] g) {
        int d = g.length;
        org.ejml.interfaces.decomposition.EigenDecomposition_F64<org.ejml.data.DMatrixRMaj> eig =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(org.ejml.data.DMatrixRMaj.wrap(d, d, h.clone()))) {
            return null;
        }
        double largest = 0;
        for (int k = 0; k < d; k++) {
            largest = Math.max(largest, eig.getEigenvalue(k).getReal());
        }
        double[] direction = new double[d];
        for (int k = 0; k < d; k++) {
            double lambda = eig.getEigenvalue(k).getReal();
            org.ejml.data.DMatrixRMaj v = eig.getEigenVector(k);
            if (!(lambda > largest * PSEUDO_INVERSE_CUTOFF) || v == null) {
                continue;
            }
            double along = 0;
            for (int j = 0; j < d; j++) {
                along += v.data[j] * g[j];
            }
            for (int j = 0; j < d; j++) {
                direction[j] -= along / lambda * v.data[j];
            }
        }
        for (double value : direction) {
            if (!Double.isFinite(value)) {
                return null;
            }
        }
        return direction;
    }

    private static int[] verify(MultinomialProblem problem, double[] v) {
        int m = problem.rows();
        int n = problem.columns();
        int k = problem.classes();
        double[] u = new double[k];
        double[] margin = new double[m];
        double scale = 0;
        for (int i = 0; i < m; i++) {
            if (problem.weight(i) > 0) {
                problem.logits(i, v, u);
                int y = problem.label(i);
                double least = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    if (c != y) {
                        least = Math.min(least, u[y] - u[c]);
                    }
                }
                margin[i] = least;
                scale = Math.max(scale, range(u));
            }
        }
        if (!certifies(margin, scale, i -> problem.weight(i) > 0)) {
            return new int[0];
        }
        double[] rms = new double[v.length];
        for (int j = 0; j < n; j++) {
            double sumSquares = 0;
            for (int i = 0; i < m; i++) {
                sumSquares += problem.weight(i) * problem.x(i, j) * problem.x(i, j);
            }
            double r = Math.sqrt(sumSquares / problem.totalWeight());
            for (int c = 0; c < problem.blocks(); c++) {
                rms[c * n + j] = r;
            }
        }
        return support(v, rms);
    }

    /** The parameters whose share |v_j| rms(x_j) of the direction is at least SUPPORT of the largest. */
    private static int[] support(double[] v, double[] rms) {
        int n = v.length;
        double[] share = new double[n];
        double largest = 0;
        for (int j = 0; j < n; j++) {
            share[j] = Math.abs(v[j]) * rms[j];
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

    /**
     * Whether the margins certify a separating direction: none of the counted rows below
     * &minus;{@link #SLACK}&middot;scale, and one above {@link #SUPPORT}&middot;scale.
     */
    private static boolean certifies(double[] margin, double scale, java.util.function.IntPredicate counted) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return false;
        }
        boolean strict = false;
        for (int i = 0; i < margin.length; i++) {
            if (counted.test(i)) {
                if (margin[i] < -SLACK * scale) {
                    return false;
                }
                strict |= margin[i] > SUPPORT * scale;
            }
        }
        return strict;
    }

    private static double range(double[] z) {
        double lo = z[0];
        double hi = z[0];
        for (double value : z) {
            lo = Math.min(lo, value);
            hi = Math.max(hi, value);
        }
        return hi - lo;
    }
}
