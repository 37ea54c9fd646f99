package dev.logreg.check;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Newton's method (IRLS) for penalized, weighted logistic regression written only with Commons
 * Math's linear algebra, independently of this library's objective and solvers:
 * <pre>
 *   z = X&theta;,   p = &sigma;(z)
 *   J = (1/W) &Sigma; wᵢ [ log(1 + e^zᵢ) &minus; yᵢ zᵢ ] + (&lambda;/2)&Vert;&beta;&Vert;²
 *   g = Xᵀ(w &#8728; (p &minus; y)) / W + &lambda;&beta;
 *   H = Xᵀ diag(w &#8728; p(1 &minus; p)) X / W + &lambda;I&prime;
 *   (H + &mu;I) d = &minus;g,   &theta; &larr; &theta; + t d,   t = 1, 1/2, 1/4, &hellip; until J does not increase
 * </pre>
 * where column 0 of X is the intercept, never penalized (I&prime; is the identity with a zero
 * there). The Cholesky factorization is built with explicit thresholds ({@link #SYMMETRY},
 * {@link #POSITIVITY}): Commons Math's default absolute positivity threshold, 1e-10, rejects the
 * Hessian of features on a scale of 1e-5 or less. If it still fails, &mu; grows from
 * {@link #FIRST_DAMPING} times the mean diagonal by a factor of 10.
 *
 * <p>Stops at max|g| &le; {@link #GRADIENT_TOLERANCE}, after {@link #MAX_ITERATIONS}
 * iterations, at a time limit, or when no halving of the step decreases J. Written for
 * obviousness, not speed: it allocates freely. The one concession is in {@link #hessian}: X<sup>T</sup>
 * is formed once, and the product X<sup>T</sup>(DX) is taken between two
 * {@code Array2DRowRealMatrix} objects, Commons Math's own loop over their arrays.
 */
final class CommonsMathIrls {

    /** Stop when max|g| is at most this. */
    static final double GRADIENT_TOLERANCE = 1e-10;
    /** The iteration limit. */
    static final int MAX_ITERATIONS = 100;
    /** Cholesky's relative symmetry threshold. */
    static final double SYMMETRY = 1e-10;
    /** Cholesky's absolute positivity threshold for the pivots. */
    static final double POSITIVITY = 1e-300;
    /** The first nonzero damping &mu;, relative to the mean diagonal of H. */
    static final double FIRST_DAMPING = 1e-12;
    /** Step halvings before giving up on a direction. */
    static final int MAX_HALVINGS = 60;
    /**
     * A step is accepted when J(&theta; + td) &le; J(&theta;)(1 + this): the rounding error of a sum
     * of m terms, so that a full Newton step at the optimum is not halved for noise.
     */
    static final double ROUNDING = 1e-14;

    private final RealMatrix x;
    /** X<sup>T</sup>, n&times;m, formed once. */
    private final Array2DRowRealMatrix xTransposed;
    private final RealVector y;
    private final RealVector w;
    private final double totalWeight;
    private final double l2;

    /**
     * @param design the model matrix X, m&times;n, intercept column 0; copied
     * @param labels y, length m, 0 or 1; copied
     * @param weights w, length m, &ge; 0 with a positive sum; copied
     * @param l2 the penalty &lambda; &ge; 0
     */
    CommonsMathIrls(double[][] design, double[] labels, double[] weights, double l2) {
        this.x = new Array2DRowRealMatrix(design, true);
        this.xTransposed = (Array2DRowRealMatrix) x.transpose();
        this.y = new ArrayRealVector(labels, true);
        this.w = new ArrayRealVector(weights, true);
        double total = 0;
        for (double wi : weights) {
            total += wi;
        }
        this.totalWeight = total;
        this.l2 = l2;
    }

    /**
     * Minimizes J from &theta; = 0, without a time limit.
     *
     * @return the final &theta;, the iterations, and whether max|g| reached the tolerance
     */
    Run minimize() {
        return minimize(Monitor.unlimited(Validation.IRLS));
    }

    /**
     * Minimizes J from &theta; = 0. The time limit is checked before each iteration, so the run
     * ends at most one iteration after the limit.
     *
     * @param monitor the time limit, and the progress callback told max|g| before each iteration
     * @return the final &theta;, the iterations, whether max|g| reached the tolerance, and why it stopped
     */
    Run minimize(Monitor monitor) {
        long start = System.nanoTime();
        int n = x.getColumnDimension();
        RealVector theta = new ArrayRealVector(n);
        double loss = loss(theta);
        int iterations = 0;
        boolean converged = false;
        String stopped;
        while (true) {
            RealVector p = probabilities(theta);
            RealVector g = gradient(theta, p);
            double maxAbsGradient = g.getLInfNorm();
            if (maxAbsGradient <= GRADIENT_TOLERANCE) {
                converged = true;
                stopped = "converged";
                break;
            }
            if (iterations > 0) {
                monitor.iteration(iterations, maxAbsGradient);
            }
            if (iterations == MAX_ITERATIONS) {
                stopped = "stopped at the iteration limit of " + MAX_ITERATIONS;
                break;
            }
            if (monitor.expired()) {
                stopped = monitor.timeLimitReached();
                break;
            }
            RealVector d = newtonDirection(hessian(p), g);
            if (d == null) {
                stopped = "stopped: no damping made the Newton system solvable";
                break;
            }
            // theta + t d with t halved until J does not increase
            double t = 1.0;
            RealVector next = null;
            double nextLoss = Double.NaN;
            for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
                RealVector candidate = theta.add(d.mapMultiply(t));
                double candidateLoss = loss(candidate);
                if (candidateLoss <= loss + ROUNDING * Math.abs(loss)) {
                    next = candidate;
                    nextLoss = candidateLoss;
                    break;
                }
                t *= 0.5;
            }
            if (next == null) {
                stopped = "stopped: no step along the Newton direction decreased J";
                break;
            }
            theta = next;
            loss = nextLoss;
            iterations++;
        }
        return new Run(theta.toArray(), iterations, converged, System.nanoTime() - start, stopped);
    }

    /**
     * J(&theta;) with log(1 + e<sup>z</sup>) = z + log1p(e<sup>&minus;z</sup>) for z &gt; 0 and
     * log1p(e<sup>z</sup>) otherwise, and &minus;yz folded in as (1 &minus; y)z for z &gt; 0.
     */
    double loss(RealVector theta) {
        RealVector z = x.operate(theta);
        double sum = 0;
        for (int i = 0; i < z.getDimension(); i++) {
            double zi = z.getEntry(i);
            double yi = y.getEntry(i);
            // log(1 + e^z) - y z, without overflow and without cancelling large terms
            double term = zi > 0 ? (1 - yi) * zi + Math.log1p(Math.exp(-zi)) : Math.log1p(Math.exp(zi)) - yi * zi;
            sum += w.getEntry(i) * term;
        }
        return sum / totalWeight + 0.5 * l2 * penaltyNorm(theta);
    }

    /** p = &sigma;(X&theta;), by a branch on the sign of z. */
    RealVector probabilities(RealVector theta) {
        RealVector z = x.operate(theta);
        RealVector p = new ArrayRealVector(z.getDimension());
        for (int i = 0; i < z.getDimension(); i++) {
            double zi = z.getEntry(i);
            double e = Math.exp(-Math.abs(zi));
            p.setEntry(i, zi >= 0 ? 1 / (1 + e) : e / (1 + e));
        }
        return p;
    }

    /** g = X<sup>T</sup>(w &#8728; (p &minus; y)) / W + &lambda;&beta; */
    RealVector gradient(RealVector theta, RealVector p) {
        RealVector r = w.ebeMultiply(p.subtract(y));
        RealVector g = x.preMultiply(r).mapDivide(totalWeight);
        for (int j = 1; j < g.getDimension(); j++) {
            g.addToEntry(j, l2 * theta.getEntry(j));
        }
        return g;
    }

    /**
     * H = X<sup>T</sup> diag(w &#8728; p(1 &minus; p)) X / W + &lambda;I&prime;, as X<sup>T</sup>
     * times DX (each row of X scaled by d<sub>i</sub> = w<sub>i</sub>p<sub>i</sub>(1 &minus;
     * p<sub>i</sub>)/W).
     */
    RealMatrix hessian(RealVector p) {
        int m = x.getRowDimension();
        int n = x.getColumnDimension();
        // DX: row i of X times d_i
        double[][] dx = new double[m][];
        for (int i = 0; i < m; i++) {
            double pi = p.getEntry(i);
            double di = w.getEntry(i) * pi * (1 - pi) / totalWeight;
            dx[i] = x.getRow(i);
            for (int j = 0; j < n; j++) {
                dx[i][j] *= di;
            }
        }
        // X^T (DX); both Array2DRowRealMatrix, so that multiply runs on the arrays (for a RealMatrix
        // argument it falls back to getEntry(i, j), element by element: 3.2 s instead of 0.8 s at 30162 x 97)
        RealMatrix h = xTransposed.multiply(new Array2DRowRealMatrix(dx, false));
        for (int j = 1; j < n; j++) {
            h.addToEntry(j, j, l2);
        }
        return h;
    }

    /**
     * Solves (H + &mu;I) d = &minus;g by Cholesky, &mu; = 0 first and then growing until the
     * factorization succeeds and d is a finite descent direction.
     *
     * @return d, or null if no &mu; up to 1e20 times the mean diagonal worked
     */
    static RealVector newtonDirection(RealMatrix h, RealVector g) {
        int n = h.getRowDimension();
        double meanDiagonal = h.getTrace() / n;
        if (!(meanDiagonal > 0) || !Double.isFinite(meanDiagonal)) {
            meanDiagonal = 1.0;
        }
        double mu = 0;
        while (mu <= 1e20 * meanDiagonal) {
            RealMatrix a = h.copy();
            for (int j = 0; j < n; j++) {
                a.addToEntry(j, j, mu);
            }
            try {
                RealVector d = new CholeskyDecomposition(a, SYMMETRY, POSITIVITY).getSolver().solve(g.mapMultiply(-1));
                if (isFinite(d) && d.dotProduct(g) < 0) {
                    return d;
                }
            } catch (MathIllegalArgumentException notPositiveDefinite) {
                // NonPositiveDefiniteMatrixException or NonSymmetricMatrixException: damp more
            }
            mu = mu == 0 ? FIRST_DAMPING * meanDiagonal : 10 * mu;
        }
        return null;
    }

    private static boolean isFinite(RealVector v) {
        for (int j = 0; j < v.getDimension(); j++) {
            if (!Double.isFinite(v.getEntry(j))) {
                return false;
            }
        }
        return true;
    }

    /** &Vert;&beta;&Vert;<sup>2</sup>: &theta; without the intercept. */
    private static double penaltyNorm(RealVector theta) {
        double s = 0;
        for (int j = 1; j < theta.getDimension(); j++) {
            s += theta.getEntry(j) * theta.getEntry(j);
        }
        return s;
    }
}
