package dev.logreg.solve;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The Newton direction d from (H + &mu;I) d = &minus;g by Cholesky, with the damping &mu; raised
 * geometrically until the solve is trustworthy.
 *
 * <p>For each &mu; (0 first): the matrix A = H + &mu;I is equilibrated to S A S with
 * S = diag(A<sub>jj</sub>)<sup>&minus;1/2</sup>, so that features on very different scales do not
 * count as ill-conditioning; it is factored by EJML's Cholesky; its reciprocal condition number
 * in the 1-norm is estimated from the factor by Hager's method (EJML's Cholesky only fails on a
 * non-positive pivot, so a nearly singular matrix would pass unnoticed); and d is accepted when
 * the factorization succeeded, the estimate is at least {@link #MIN_RECIPROCAL_CONDITION}, d is
 * finite and g<sup>T</sup>d &lt; 0. Otherwise &mu; grows from {@link #FIRST_DAMPING} times the
 * mean diagonal of H by a factor {@link #DAMPING_GROWTH}.
 *
 * <p>Work arrays are kept and resized only when the dimension changes.
 */
final class DampedCholesky {

    /** Smallest acceptable estimate of 1/&kappa;<sub>1</sub>(SAS). */
    static final double MIN_RECIPROCAL_CONDITION = 1e-12;
    /** The first nonzero &mu;, relative to the mean diagonal of H. */
    static final double FIRST_DAMPING = 1e-8;
    /** The factor by which &mu; grows after each failed attempt. */
    static final double DAMPING_GROWTH = 10.0;
    /** Attempts with &mu; &gt; 0 before giving up (&mu; up to 1e31 times the mean diagonal). */
    static final int MAX_DAMPING_STEPS = 40;
    /** Hager's method converges in two or three sweeps; this caps it. */
    private static final int HAGER_SWEEPS = 5;

    private int n = -1;
    private DMatrixRMaj A;
    private DMatrixRMaj L;
    private double[] scale;
    private double[] x;
    private double[] y;
    private double[] z;
    private CholeskyDecomposition_F64<DMatrixRMaj> cholesky;

    /**
     * Solves for the damped Newton direction.
     *
     * @param hessian H, n&times;n row-major, symmetric; not modified
     * @param gradient g, length n, not all zero; not modified
     * @param direction output d, length n
     * @return the damping &mu; &ge; 0 that was used, or &minus;1 when no &mu; gave a descent direction
     */
    double solve(double[] hessian, double[] gradient, double[] direction) {
        resize(gradient.length);
        double meanDiagonal = 0;
        for (int j = 0; j < n; j++) {
            meanDiagonal += Math.abs(hessian[j * n + j]);
        }
        meanDiagonal /= n;
        if (!(meanDiagonal > 0) || !Double.isFinite(meanDiagonal)) {
            meanDiagonal = 1.0;
        }
        double mu = 0;
        for (int attempt = 0; attempt <= MAX_DAMPING_STEPS; attempt++) {
            if (tryDirection(hessian, gradient, mu, direction)) {
                return mu;
            }
            mu = mu == 0 ? FIRST_DAMPING * meanDiagonal : mu * DAMPING_GROWTH;
        }
        return -1;
    }

    private boolean tryDirection(double[] hessian, double[] gradient, double mu, double[] d) {
        // S = diag(H_jj + mu)^(-1/2)
        for (int j = 0; j < n; j++) {
            double a = hessian[j * n + j] + mu;
            if (!(a > 0) || !Double.isFinite(a)) {
                return false;
            }
            scale[j] = 1.0 / Math.sqrt(a);
        }
        // A = S (H + mu I) S, with unit diagonal
        double norm1 = 0;
        for (int i = 0; i < n; i++) {
            double column = 0;
            for (int j = 0; j < n; j++) {
                double a = i == j ? 1.0 : scale[i] * hessian[i * n + j] * scale[j];
                A.data[i * n + j] = a;
                column += Math.abs(a);
            }
            norm1 = Math.max(norm1, column);
        }
        if (!cholesky.decompose(A)) {
            return false;
        }
        cholesky.getT(L);
        if (reciprocalCondition(norm1) < MIN_RECIPROCAL_CONDITION) {
            return false;
        }
        // (S A S) d = -g  <=>  A (S^-1 d) = -S g
        for (int j = 0; j < n; j++) {
            x[j] = -scale[j] * gradient[j];
        }
        solveInPlace(x);
        double slope = 0;
        for (int j = 0; j < n; j++) {
            d[j] = scale[j] * x[j];
            if (!Double.isFinite(d[j])) {
                return false;
            }
            slope += gradient[j] * d[j];
        }
        return slope < 0;
    }

    /** b = A<sup>&minus;1</sup>b = L<sup>&minus;T</sup>L<sup>&minus;1</sup>b */
    private void solveInPlace(double[] b) {
        TriangularSolver_DDRM.solveL(L.data, b, n);
        TriangularSolver_DDRM.solveTranL(L.data, b, n);
    }

    /**
     * 1/(&Vert;A&Vert;<sub>1</sub> est&Vert;A<sup>&minus;1</sup>&Vert;<sub>1</sub>), with the norm of the
     * inverse estimated by Hager's method (W. W. Hager, Condition estimates, SIAM J. Sci. Stat.
     * Comput. 5, 1984) from solves with the factor; A is symmetric, so A<sup>T</sup> solves are A solves.
     */
    private double reciprocalCondition(double norm1) {
        java.util.Arrays.fill(x, 1.0 / n);
        double estimate = 0;
        for (int sweep = 0; sweep < HAGER_SWEEPS; sweep++) {
            System.arraycopy(x, 0, y, 0, n);
            solveInPlace(y);
            estimate = 0;
            for (int j = 0; j < n; j++) {
                estimate += Math.abs(y[j]);
                z[j] = y[j] >= 0 ? 1.0 : -1.0;
            }
            solveInPlace(z);
            int best = 0;
            double zx = 0;
            for (int j = 0; j < n; j++) {
                zx += z[j] * x[j];
                if (Math.abs(z[j]) > Math.abs(z[best])) {
                    best = j;
                }
            }
            if (!(Math.abs(z[best]) > zx)) {
                break;
            }
            java.util.Arrays.fill(x, 0.0);
            x[best] = 1.0;
        }
        if (!Double.isFinite(estimate)) {
            return 0.0;
        }
        return 1.0 / (norm1 * estimate);
    }

    private void resize(int dimension) {
        if (dimension == n) {
            return;
        }
        n = dimension;
        A = new DMatrixRMaj(n, n);
        L = new DMatrixRMaj(n, n);
        scale = new double[n];
        x = new double[n];
        y = new double[n];
        z = new double[n];
        cholesky = DecompositionFactory_DDRM.chol(n, true);
    }
}
