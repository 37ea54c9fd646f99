package dev.logreg.objective;

import dev.logreg.math.Logistic;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * {@link BinaryObjective} written as EJML matrix operations, the readable specification of the
 * computation:
 * <pre>
 *   z = X&theta; + o
 *   J = wᵀ&#8467;(z, y) / W
 *   g = Xᵀ(w &#8728; (&sigma;(z) &minus; y)) / W
 *   H = Xᵀ(DX) / W,   D = diag(w &#8728; &sigma;'(z))
 * </pre>
 * with o the problem's offsets (the addition skipped without them). The work vectors (m) are allocated
 * at construction, the m&times;n matrix DX on the first Hessian request; later evaluations allocate
 * nothing.
 */
public final class VectorizedBinaryObjective extends BinaryObjective {

    private final DMatrixRMaj X;
    private final DMatrixRMaj theta;
    private final DMatrixRMaj z;
    /** The offsets o as an m&times;1 matrix (wrapped, not copied), or null without them. */
    private final DMatrixRMaj offsets;
    private final DMatrixRMaj r;
    private final double[] d;
    private final DMatrixRMaj g;
    private final DMatrixRMaj H;
    private DMatrixRMaj DX;

    /**
     * @param problem the data; its X is wrapped, not copied
     */
    public VectorizedBinaryObjective(BinaryProblem problem) {
        super(problem);
        problem.array(); // this implementation reads one array in memory, not a source
        int m = problem.rows;
        int n = problem.cols;
        X = DMatrixRMaj.wrap(m, n, problem.x);
        theta = new DMatrixRMaj(n, 1);
        z = new DMatrixRMaj(m, 1);
        offsets = problem.offsets == null ? null : DMatrixRMaj.wrap(m, 1, problem.offsets);
        r = new DMatrixRMaj(m, 1);
        d = new double[m];
        g = new DMatrixRMaj(n, 1);
        H = new DMatrixRMaj(n, n);
    }

    @Override
    double dataLoss(double[] th) {
        linearPredictor(th);
        return meanLoss();
    }

    @Override
    double dataLossGradient(double[] th, double[] gradient) {
        linearPredictor(th);
        double loss = meanLoss();
        gradient(gradient);
        return loss;
    }

    @Override
    double dataLossGradientHessian(double[] th, double[] gradient, double[] hessian) {
        linearPredictor(th);
        double loss = meanLoss();
        gradient(gradient);
        // D = diag(w o sigma'(z))
        for (int i = 0; i < d.length; i++) {
            d[i] = problem.w[i] * Logistic.sigmoidDerivative(z.data[i]);
        }
        // H = X^T (D X) / W
        if (DX == null) {
            DX = new DMatrixRMaj(problem.rows, problem.cols);
        }
        DX.setTo(X);
        CommonOps_DDRM.multRows(d, DX);
        CommonOps_DDRM.multTransA(X, DX, H);
        CommonOps_DDRM.scale(1.0 / problem.totalWeight, H);
        System.arraycopy(H.data, 0, hessian, 0, hessian.length);
        return loss;
    }

    /** z = X&theta; + o */
    private void linearPredictor(double[] th) {
        System.arraycopy(th, 0, theta.data, 0, th.length);
        CommonOps_DDRM.mult(X, theta, z);
        if (offsets != null) {
            CommonOps_DDRM.addEquals(z, offsets);
        }
    }

    /** J = w<sup>T</sup>&#8467;(z, y) / W */
    private double meanLoss() {
        double sum = 0;
        for (int i = 0; i < problem.rows; i++) {
            sum += problem.w[i] * Logistic.crossEntropy(z.data[i], problem.y[i]);
        }
        return sum / problem.totalWeight;
    }

    /** g = X<sup>T</sup>(w &#8728; (&sigma;(z) &minus; y)) / W, from the current z */
    private void gradient(double[] gradient) {
        for (int i = 0; i < problem.rows; i++) {
            r.data[i] = problem.w[i] * (Logistic.sigmoid(z.data[i]) - problem.y[i]);
        }
        CommonOps_DDRM.multTransA(X, r, g);
        CommonOps_DDRM.scale(1.0 / problem.totalWeight, g);
        System.arraycopy(g.data, 0, gradient, 0, gradient.length);
    }
}
