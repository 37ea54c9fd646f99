package dev.logreg;

import dev.logreg.objective.Objective;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Termination;

/**
 * Detects complete or quasi-complete separation at the end of an unpenalized fit, and finds the
 * parameters that diverge; one check for two classes and for K.
 *
 * <p>A direction V (one block per coefficient class) separates the classes when no observation's own
 * logit falls behind another class's along it: (x<sub>i</sub>V)<sub>y<sub>i</sub></sub> &ge;
 * (x<sub>i</sub>V)<sub>k</sub> for every row of positive weight and every k (the reference logit
 * moving by 0), and strictly for some row. For two classes this is (2y<sub>i</sub> &minus; 1)
 * x<sub>i</sub>v &ge; 0. Moving along V lowers the loss for ever, so no finite maximum-likelihood
 * estimate exists and the coefficients on V's support diverge. The check looks for such a V and
 * verifies it row by row, so a report is a proof (up to the slack {@link #SLACK}), not a guess:
 * <ul>
 * <li>after the solver proved complete separation by the loss (every row classified correctly),
 *     V = &theta; itself;</li>
 * <li>otherwise, when the logits of some row span at least {@value #SUSPECT_LOGIT} (a fitted
 *     probability within about 3e-7 of 0 or 1), V = the undamped Newton direction
 *     &minus;H<sup>+</sup>g: near a quasi-separated optimum the gradient has converged in every
 *     direction but V, where the curvature vanishes as fast as the gradient, so their ratio points the
 *     way out. The pseudo-inverse comes from H's eigendecomposition, leaving out eigenvalues below
 *     {@link #PSEUDO_INVERSE_CUTOFF} of the largest; a damped solve would swamp exactly that ratio.</li>
 * </ul>
 * The diverging parameters are V's support: those with |V<sub>j</sub>| &middot; rms(x<sub>j</sub>)
 * at least {@link #SUPPORT} of the largest.
 */
final class SeparationCheck {

    /** A logit range of a row beyond which a fitted probability is suspiciously close to 0 or 1. */
    static final double SUSPECT_LOGIT = 15;
    /** Rows may fall short of the separating side by this fraction of the largest logit range along V. */
    static final double SLACK = 1e-6;
    /** A parameter belongs to V's support when its scaled share is at least this fraction of the largest. */
    static final double SUPPORT = 1e-3;
    /** Eigenvalues of H below this fraction of the largest are left out of the pseudo-inverse. */
    static final double PSEUDO_INVERSE_CUTOFF = 1e-20;

    private SeparationCheck() {
    }

    /**
     * The check after a solve, as the fits run it: at the solver's last iterate, and, when {@code probe}
     * is set (gradient descent) and the solver stopped unconverged without finding complete separation,
     * once more after a diagnostic Newton run from that iterate. Gradient descent creeps along a
     * separating direction too slowly to reveal it; Newton's iterates show it. The probe's coefficients
     * are not reported. Penalized problems have a finite optimum: empty.
     *
     * @param data the data on the solver's scale
     * @param objective their loss, for the candidate direction and the probe
     * @param solution what the solver returned
     * @param probe whether to probe with Newton after an unconverged solve
     * @return the indices into &theta; of the diverging parameters, increasing; empty if not separated
     */
    static int[] diverging(FitData data, Objective objective, Solution solution, boolean probe) {
        if (data.l2 > 0) {
            return new int[0];
        }
        boolean complete = solution.termination() == Termination.SEPARATION;
        int[] diverging = diverging(data, objective, solution.theta(), complete);
        if (diverging.length == 0 && probe && !complete && solution.termination() != Termination.CONVERGED) {
            Solution newton = new NewtonSolver(NewtonOptions.defaults()).minimize(objective, solution.theta(),
                    data.separationLevel());
            diverging = diverging(data, objective, newton.theta(), newton.termination() == Termination.SEPARATION);
        }
        return diverging;
    }

    /**
     * @param data the data on the solver's scale
     * @param objective their loss, for the Newton direction
     * @param theta parameters, length C&middot;n
     * @param completelySeparated whether the solver proved complete separation from the loss
     * @return the indices into &theta; of the diverging parameters, empty if not separated
     */
    static int[] diverging(FitData data, Objective objective, double[] theta, boolean completelySeparated) {
        if (data.l2 > 0) {
            return new int[0];
        }
        double[] direction;
        if (completelySeparated) {
            direction = theta.clone();
        } else {
            // The kernel found the range in the solver's last pass, at this theta: no pass of its own.
            if (!(data.largestLogitRange(theta) >= SUSPECT_LOGIT)) {
                return new int[0];
            }
            int d = data.dimension();
            double[] g = new double[d];
            double[] h = new double[d * d];
            objective.valueGradientHessian(theta, g, h);
            double gmax = 0;
            for (double v : g) {
                gmax = Math.max(gmax, Math.abs(v));
            }
            if (gmax == 0) {
                return new int[0];
            }
            direction = pseudoNewtonDirection(h, g);
            if (direction == null) {
                return new int[0];
            }
        }
        return verify(data, direction);
    }

    /** &minus;H<sup>+</sup>g from the eigendecomposition of H, undamped; null if it fails. */
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

    /** The support of V if V separates the rows, else an empty array. */
    private static int[] verify(FitData data, double[] v) {
        int n = data.cols;
        int k = data.classes();
        double[] u = new double[k];
        // The least and the largest margin of the rows of positive weight, and the largest logit range.
        double[] margins = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] scale = {0.0};
        double[] sumSquares = new double[n];
        data.scan(block -> {
            double[] x = block.array();
            for (int i = block.from(); i < block.to(); i++) {
                double w = block.weight(i);
                int row = block.offset(i);
                for (int j = 0; j < n; j++) {
                    sumSquares[j] += w * x[row + j] * x[row + j];
                }
                if (w > 0) {
                    data.logits(block, i, v, u);
                    int y = (int) block.y(i);
                    double least = Double.POSITIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        if (c != y) {
                            least = Math.min(least, u[y] - u[c]);
                        }
                    }
                    margins[0] = Math.min(margins[0], least);
                    margins[1] = Math.max(margins[1], least);
                    scale[0] = Math.max(scale[0], range(u));
                }
            }
        });
        if (!certifies(margins[0], margins[1], scale[0])) {
            return new int[0];
        }
        double[] rms = new double[v.length];
        for (int j = 0; j < n; j++) {
            double r = Math.sqrt(sumSquares[j] / data.totalWeight());
            for (int c = 0; c < data.blocks(); c++) {
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
     * Whether the margins certify a separating direction: no row of positive weight below
     * &minus;{@link #SLACK}&middot;scale, and one above {@link #SUPPORT}&middot;scale.
     */
    private static boolean certifies(double least, double largest, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return false;
        }
        return least >= -SLACK * scale && largest > SUPPORT * scale;
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
