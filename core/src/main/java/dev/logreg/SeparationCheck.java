package dev.logreg;

import dev.logreg.objective.Objective;
import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Termination;
import java.util.List;

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
 *
 * <p>With offsets o (two classes) the suspect range is that of the fitted logits x<sub>i</sub>&theta; +
 * o<sub>i</sub>, whose probabilities are the fit's; it only decides whether to look for V. The margins along V
 * are those of x<sub>i</sub>V without the offset: moving &theta; along a V with (2y<sub>i</sub> &minus; 1)
 * x<sub>i</sub>V &ge; 0 for every row, strictly for some, lowers the loss for ever whatever the offsets, so the
 * verification is the same proof. The loss alone proves nothing with offsets (the problem's separation level
 * is 0): complete separation is found by the direction as well.
 *
 * <p>The check reads the rows through {@link Rows}, so that it runs where the rows are: in one JVM, or on
 * a cluster's partitions (one pass per question).
 */
public final class SeparationCheck {

    /** A logit range of a row beyond which a fitted probability is suspiciously close to 0 or 1. */
    public static final double SUSPECT_LOGIT = 15;
    /** Rows may fall short of the separating side by this fraction of the largest logit range along V. */
    public static final double SLACK = 1e-6;
    /** A parameter belongs to V's support when its scaled share is at least this fraction of the largest. */
    public static final double SUPPORT = 1e-3;
    /** Eigenvalues of H below this fraction of the largest are left out of the pseudo-inverse. */
    public static final double PSEUDO_INVERSE_CUTOFF = 1e-20;

    private SeparationCheck() {
    }

    /** What the check asks of the rows of an unpenalized problem (C blocks of n coefficients). */
    public interface Rows {
        /** @return n, the columns */
        int cols();

        /** @return C, the blocks of coefficients */
        int blocks();

        /** @return W, the sum of the weights */
        double totalWeight();

        /**
         * @param theta parameters, length C&middot;n
         * @return the largest range (max minus min) of a row's K logits over the rows of positive weight
         */
        double largestLogitRange(double[] theta);

        /**
         * The margins of the rows along a direction V: for each row of positive weight, its own logit minus the
         * largest other one, (x<sub>i</sub>V)<sub>y<sub>i</sub></sub> &minus; max<sub>k &ne; y<sub>i</sub></sub>
         * (x<sub>i</sub>V)<sub>k</sub> (the reference class's logit 0).
         *
         * @param v the direction, length C&middot;n
         * @return the least and the largest margin, the largest logit range along V, and &Sigma;w x<sub>j</sub><sup>2</sup>
         *         per column over every row
         */
        Margins margins(double[] v);
    }

    /**
     * The rows' margins along a direction (see {@link Rows#margins}); serializable, so that partitions' margins
     * can be sent to be merged.
     *
     * @param least the least margin of a row of positive weight
     * @param largest the largest margin
     * @param scale the largest range of a row's logits along the direction
     * @param sumSquares &Sigma;w x<sub>j</sub><sup>2</sup> per column
     */
    public record Margins(double least, double largest, double scale, double[] sumSquares)
            implements java.io.Serializable {

        /** @return the margins of two sets of rows together */
        public Margins merge(Margins other) {
            double[] sums = sumSquares.clone();
            for (int j = 0; j < sums.length; j++) {
                sums[j] += other.sumSquares[j];
            }
            return new Margins(Math.min(least, other.least), Math.max(largest, other.largest),
                    Math.max(scale, other.scale), sums);
        }
    }

    /**
     * Adds one row's margin along a direction to running [least, largest, scale].
     *
     * @param logits the row's K logits along the direction (the reference class's 0)
     * @param label the row's class
     * @param running least margin, largest margin, largest logit range; updated
     * @throws IllegalArgumentException if an array is null
     */
    public static void addRow(double[] logits, int label, double[] running) {
        if (logits == null || running == null) {
            throw new IllegalArgumentException((logits == null ? "logits" : "running") + " is null");
        }
        double least = Double.POSITIVE_INFINITY;
        for (int c = 0; c < logits.length; c++) {
            if (c != label) {
                least = Math.min(least, logits[label] - logits[c]);
            }
        }
        running[0] = Math.min(running[0], least);
        running[1] = Math.max(running[1], least);
        running[2] = Math.max(running[2], range(logits));
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
        return diverging(rows(data), objective, solution, probe, data.separationLevel());
    }

    /**
     * The check after the solve of an unpenalized fit, as the core's fits run it (see above): at the solver's
     * last iterate and, with {@code probe}, after a diagnostic Newton run from an unconverged iterate. The
     * probe's coefficients are not reported.
     *
     * @param data the rows, on the solver's scale
     * @param objective their loss
     * @param solution what the solver returned
     * @param probe whether to probe with Newton after an unconverged solve (for gradient descent)
     * @param separationLevel the loss level that proves complete separation (0 for none), for the probe
     * @return the indices into &theta; of the diverging parameters, increasing; empty if not separated
     * @throws IllegalArgumentException if an argument is null
     */
    public static int[] diverging(Rows data, Objective objective, Solution solution, boolean probe,
                                  double separationLevel) {
        if (solution == null) {
            throw new IllegalArgumentException("solution is null");
        }
        boolean complete = solution.termination() == Termination.SEPARATION;
        int[] diverging = diverging(data, objective, solution.theta(), complete);
        if (diverging.length == 0 && probe && !complete && solution.termination() != Termination.CONVERGED) {
            Solution newton = new NewtonSolver(NewtonOptions.defaults()).minimize(objective, solution.theta(),
                    separationLevel);
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
        return diverging(rows(data), objective, theta, completelySeparated);
    }

    /**
     * The check at an iterate of an unpenalized fit.
     *
     * @param data the rows, on the solver's scale
     * @param objective their loss, for the Newton direction
     * @param theta parameters, length C&middot;n
     * @param completelySeparated whether the solver proved complete separation from the loss (it stopped with
     *        {@link Termination#SEPARATION})
     * @return the indices into &theta; of the diverging parameters, increasing; empty if not separated
     * @throws IllegalArgumentException if an argument is null
     */
    public static int[] diverging(Rows data, Objective objective, double[] theta, boolean completelySeparated) {
        if (data == null || objective == null || theta == null) {
            throw new IllegalArgumentException((data == null ? "data" : objective == null ? "objective" : "theta")
                    + " is null");
        }
        double[] direction;
        if (completelySeparated) {
            direction = theta.clone();
        } else {
            // The kernel found the range in the solver's last pass, at this theta: no pass of its own.
            if (!(data.largestLogitRange(theta) >= SUSPECT_LOGIT)) {
                return new int[0];
            }
            int d = theta.length;
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

    /**
     * The warning a fit gives for diverging parameters, as the core's fits word it.
     *
     * @param solver how the solver stopped
     * @param iterations its iterations
     * @param owners the class of each block of coefficients (one for two classes)
     * @param terms the names of the n columns
     * @param diverging the diverging parameters as indices into &theta; (C blocks of n), not empty
     * @return the warning's text
     * @throws IllegalArgumentException if an argument is null or diverging is empty
     */
    public static String warning(Termination solver, int iterations, List<String> owners, List<String> terms,
                                 int[] diverging) {
        if (solver == null || owners == null || terms == null || diverging == null || diverging.length == 0) {
            throw new IllegalArgumentException((solver == null ? "solver" : owners == null ? "owners"
                    : terms == null ? "terms" : "diverging") + " is null" + (diverging != null ? " or empty" : ""));
        }
        int n = terms.size();
        int[][] byBlock = new int[diverging.length][];
        List<String> names = new java.util.ArrayList<>();
        for (int d = 0; d < diverging.length; d++) {
            byBlock[d] = new int[] {diverging[d] / n, diverging[d] % n};
            names.add(terms.get(diverging[d] % n));
        }
        String words = owners.size() == 1 ? Warnings.terms(names) : Warnings.byClass(owners, terms, byBlock);
        return Warnings.separation(solver, iterations, words, diverging.length);
    }

    /** The support of V if V separates the rows, else an empty array. */
    private static int[] verify(Rows data, double[] v) {
        int n = data.cols();
        Margins margins = data.margins(v);
        if (!certifies(margins.least(), margins.largest(), margins.scale())) {
            return new int[0];
        }
        double[] rms = new double[v.length];
        for (int j = 0; j < n; j++) {
            double r = Math.sqrt(margins.sumSquares()[j] / data.totalWeight());
            for (int c = 0; c < data.blocks(); c++) {
                rms[c * n + j] = r;
            }
        }
        return support(v, rms);
    }

    /** The rows of a fit in this JVM. */
    private static Rows rows(FitData data) {
        return new Rows() {
            @Override
            public int cols() {
                return data.cols;
            }

            @Override
            public int blocks() {
                return data.blocks();
            }

            @Override
            public double totalWeight() {
                return data.totalWeight();
            }

            @Override
            public double largestLogitRange(double[] theta) {
                return data.largestLogitRange(theta);
            }

            @Override
            public Margins margins(double[] v) {
                int n = data.cols;
                double[] u = new double[data.classes()];
                double[] running = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0};
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
                            // Along the direction: x_i V, without the offset (it does not move with V).
                            data.logitsAlong(block, i, v, u);
                            addRow(u, (int) block.y(i), running);
                        }
                    }
                });
                return new Margins(running[0], running[1], running[2], sumSquares);
            }
        };
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
