package dev.logreg.objective;

import dev.logreg.math.Softmax;

/**
 * The multinomial loss in plain loops over rows, classes and columns, written to be read against
 * the formulas in {@link MultinomialObjective}: the reference every faster implementation is
 * checked against. It costs O(m&middot;(Cn)&sup2;) per Hessian.
 */
public final class LoopMultinomialObjective extends MultinomialObjective {

    private final double[] z;
    private final double[] p;

    /**
     * An objective over the problem's data.
     *
     * @param problem the data, referenced
     */
    public LoopMultinomialObjective(MultinomialProblem problem) {
        super(problem);
        problem.array(); // this implementation reads one array in memory, not a source
        z = new double[problem.classes];
        p = new double[problem.classes];
    }

    @Override
    double dataLoss(double[] theta) {
        return evaluate(theta, null, null);
    }

    @Override
    double dataLossGradient(double[] theta, double[] gradient) {
        return evaluate(theta, gradient, null);
    }

    @Override
    double dataLossGradientHessian(double[] theta, double[] gradient, double[] hessian) {
        return evaluate(theta, gradient, hessian);
    }

    private double evaluate(double[] theta, double[] gradient, double[] hessian) {
        MultinomialProblem q = problem;
        int n = q.cols;
        int dim = q.dimension();
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0.0);
        }
        if (hessian != null) {
            java.util.Arrays.fill(hessian, 0.0);
        }
        double sum = 0;
        for (int i = 0; i < q.rows; i++) {
            double wi = q.w[i];
            q.logits(i, theta, z);
            double lse = Softmax.logSumExp(z);
            // logsumexp(z_i) - z_{i,y_i}
            sum += wi * (lse - z[q.y[i]]);
            if (gradient == null) {
                continue;
            }
            for (int k = 0; k < q.classes; k++) {
                p[k] = Math.exp(z[k] - lse);
            }
            for (int c = 0; c < q.blocks(); c++) {
                int k = q.blockClass[c];
                double r = wi * (p[k] - (q.y[i] == k ? 1.0 : 0.0));
                for (int j = 0; j < n; j++) {
                    gradient[c * n + j] += r * q.x[i * n + j];
                }
                if (hessian == null) {
                    continue;
                }
                for (int d = 0; d < q.blocks(); d++) {
                    int l = q.blockClass[d];
                    double a = wi * p[k] * ((k == l ? 1.0 : 0.0) - p[l]);
                    for (int j = 0; j < n; j++) {
                        for (int t = 0; t < n; t++) {
                            hessian[(c * n + j) * dim + d * n + t] += a * q.x[i * n + j] * q.x[i * n + t];
                        }
                    }
                }
            }
        }
        if (gradient != null) {
            for (int r = 0; r < dim; r++) {
                gradient[r] /= q.totalWeight;
            }
        }
        if (hessian != null) {
            // The products were accumulated in both orders; the upper triangle is mirrored so that H is
            // exactly symmetric.
            for (int r = 0; r < dim; r++) {
                for (int s = r; s < dim; s++) {
                    double v = hessian[r * dim + s] / q.totalWeight;
                    hessian[r * dim + s] = v;
                    hessian[s * dim + r] = v;
                }
            }
        }
        return sum / q.totalWeight;
    }
}
