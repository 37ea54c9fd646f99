package dev.logreg.objective;

/**
 * The binary cross-entropy objective of a {@link BinaryProblem}, with
 * <pre>
 *   J = (1/W) &Sigma; wᵢ [ log(1 + e^zᵢ) &minus; yᵢ zᵢ ] + (&lambda;/2)&Vert;&beta;&Vert;²
 *   g = Xᵀ(w &#8728; (&sigma;(z) &minus; y)) / W + &lambda;&beta;
 *   H = Xᵀ D X / W + &lambda;I&prime;,   D = diag(w &#8728; &sigma;(z)(1 &minus; &sigma;(z)))
 * </pre>
 * with z = X&theta; + o (o the problem's offsets, 0 without them), where I&prime; is the identity
 * with a zero at the intercept. Subclasses compute the data terms in their own way; this class
 * checks the buffers and adds the penalty, so that every implementation agrees on it.
 */
abstract class BinaryObjective extends PenalizedObjective {

    /** The data; shared, never modified. */
    final BinaryProblem problem;

    BinaryObjective(BinaryProblem problem) {
        super(problem, 1);
        this.problem = problem;
    }

    /** Up to this many parameters, L comes from the eigenvalues of H(0); beyond, from power iteration. */
    static final int GRAM_EIGEN_MAX_COLUMNS = 512;

    private double lipschitz = Double.NaN;

    /**
     * L = &lambda;<sub>max</sub>(X<sup>T</sup>WX)/(4W) + &lambda; max f<sub>j</sub>. At &theta; = 0 every &sigma;' is 1/4, so
     * the data part of H(0) is exactly X<sup>T</sup>WX/(4W): for up to {@value #GRAM_EIGEN_MAX_COLUMNS}
     * parameters one pass of this objective and a symmetric eigenvalue decomposition of the n&times;n
     * result give L; for more, {@link BinaryProblem#lipschitzBound()} iterates without forming it.
     * With offsets, &sigma;'(o<sub>i</sub>) at &theta; = 0 is below 1/4, so L is that of the same problem
     * without them ({@link BinaryProblem#withoutOffsets()}), which bounds both. Computed once.
     */
    @Override
    public double lipschitzBound() {
        if (Double.isNaN(lipschitz)) {
            int n = problem.cols;
            if (problem.offsets != null) {
                lipschitz = new FusedBinaryObjective(problem.withoutOffsets()).lipschitzBound();
            } else if (n > GRAM_EIGEN_MAX_COLUMNS) {
                lipschitz = problem.lipschitzBound();
            } else {
                double[] g = new double[n];
                double[] h = new double[n * n];
                dataLossGradientHessian(new double[n], g, h);
                org.ejml.data.DMatrixRMaj gram = org.ejml.data.DMatrixRMaj.wrap(n, n, h);
                org.ejml.interfaces.decomposition.EigenDecomposition_F64<org.ejml.data.DMatrixRMaj> eig =
                        org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, false, true);
                double largest = 0;
                if (eig.decompose(gram)) {
                    for (int k = 0; k < n; k++) {
                        largest = Math.max(largest, eig.getEigenvalue(k).getReal());
                    }
                    lipschitz = largest + penalty.largestCurvature();
                } else {
                    lipschitz = problem.lipschitzBound();
                }
            }
        }
        return lipschitz;
    }
}
