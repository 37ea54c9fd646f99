package dev.logreg.objective;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The multinomial loss as EJML matrix operations, the readable specification of the formulas in
 * {@link MultinomialObjective}:
 *
 * <pre>
 *     Z = X&Theta;          (m&times;C, one column per coefficient block)
 *     P = softmax(Z)      (row by row, the reference logit 0 included)
 *     G = X&#7488;(W(P &minus; Y)) / W
 *     H_cd = X&#7488; diag(w &#8728; p_c (&delta;_cd &minus; p_d)) X / W
 * </pre>
 *
 * <p>The m&times;n work matrix for the Hessian blocks is allocated on the first Hessian call and
 * reused.
 */
public final class VectorizedMultinomialObjective extends MultinomialObjective {

    private final DMatrixRMaj X;
    private final DMatrixRMaj theta;
    private final DMatrixRMaj Z;
    private final DMatrixRMaj P;
    private final DMatrixRMaj R;
    private final DMatrixRMaj G;
    private final DMatrixRMaj Hcd;
    private final double[] d;
    private DMatrixRMaj DX;

    /**
     * An objective over the problem's data.
     *
     * @param problem the data, referenced (X is wrapped, not copied)
     */
    public VectorizedMultinomialObjective(MultinomialProblem problem) {
        super(problem);
        problem.array(); // this implementation reads one array in memory, not a source
        int m = problem.rows;
        int n = problem.cols;
        int c = problem.blocks();
        X = DMatrixRMaj.wrap(m, n, problem.x);
        theta = new DMatrixRMaj(n, c);
        Z = new DMatrixRMaj(m, c);
        P = new DMatrixRMaj(m, c);
        R = new DMatrixRMaj(m, c);
        G = new DMatrixRMaj(n, c);
        Hcd = new DMatrixRMaj(n, n);
        d = new double[m];
    }

    @Override
    double dataLoss(double[] th) {
        return forward(th);
    }

    @Override
    double dataLossGradient(double[] th, double[] gradient) {
        double loss = forward(th);
        gradient(gradient);
        return loss;
    }

    @Override
    double dataLossGradientHessian(double[] th, double[] gradient, double[] hessian) {
        double loss = forward(th);
        gradient(gradient);
        MultinomialProblem q = problem;
        int n = q.cols;
        int blocks = q.blocks();
        int dim = q.dimension();
        if (DX == null) {
            DX = new DMatrixRMaj(q.rows, n);
        }
        for (int c = 0; c < blocks; c++) {
            for (int e = c; e < blocks; e++) {
                // d = w o p_c (delta_ce - p_e)
                for (int i = 0; i < q.rows; i++) {
                    double pc = P.unsafe_get(i, c);
                    d[i] = q.w[i] * pc * ((c == e ? 1.0 : 0.0) - P.unsafe_get(i, e));
                }
                DX.setTo(X);
                CommonOps_DDRM.multRows(d, DX);
                CommonOps_DDRM.multTransA(X, DX, Hcd);
                CommonOps_DDRM.scale(1.0 / q.totalWeight, Hcd);
                for (int j = 0; j < n; j++) {
                    for (int t = 0; t < n; t++) {
                        double v = Hcd.unsafe_get(j, t);
                        hessian[(c * n + j) * dim + e * n + t] = v;
                        hessian[(e * n + t) * dim + c * n + j] = v;
                    }
                }
            }
        }
        return loss;
    }

    /** Z = X Theta, P = softmax(Z) with the reference logit 0, and the mean loss. */
    private double forward(double[] th) {
        MultinomialProblem q = problem;
        int n = q.cols;
        int blocks = q.blocks();
        for (int c = 0; c < blocks; c++) {
            for (int j = 0; j < n; j++) {
                theta.unsafe_set(j, c, th[c * n + j]);
            }
        }
        CommonOps_DDRM.mult(X, theta, Z);
        boolean reference = !q.symmetric();
        double sum = 0;
        for (int i = 0; i < q.rows; i++) {
            // the largest logit, the reference's 0 included, is subtracted before exponentiating
            double max = reference ? 0.0 : Double.NEGATIVE_INFINITY;
            for (int c = 0; c < blocks; c++) {
                max = Math.max(max, Z.unsafe_get(i, c));
            }
            double s = reference ? Math.exp(-max) : 0.0;
            for (int c = 0; c < blocks; c++) {
                double e = Math.exp(Z.unsafe_get(i, c) - max);
                P.unsafe_set(i, c, e);
                s += e;
            }
            double lse = max + Math.log(s);
            for (int c = 0; c < blocks; c++) {
                P.unsafe_set(i, c, P.unsafe_get(i, c) / s);
            }
            int yc = q.classBlock[q.y[i]];
            sum += q.w[i] * (lse - (yc < 0 ? 0.0 : Z.unsafe_get(i, yc)));
        }
        return sum / q.totalWeight;
    }

    /** G = X^T (w o (P - Y)) / W, block c in gradient[c n .. c n + n). */
    private void gradient(double[] gradient) {
        MultinomialProblem q = problem;
        int n = q.cols;
        int blocks = q.blocks();
        for (int i = 0; i < q.rows; i++) {
            int yc = q.classBlock[q.y[i]];
            for (int c = 0; c < blocks; c++) {
                R.unsafe_set(i, c, q.w[i] * (P.unsafe_get(i, c) - (c == yc ? 1.0 : 0.0)));
            }
        }
        CommonOps_DDRM.multTransA(X, R, G);
        for (int c = 0; c < blocks; c++) {
            for (int j = 0; j < n; j++) {
                gradient[c * n + j] = G.unsafe_get(j, c) / q.totalWeight;
            }
        }
    }
}
