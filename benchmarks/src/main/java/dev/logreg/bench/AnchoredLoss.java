package dev.logreg.bench;

import dev.logreg.math.Logistic;
import dev.logreg.objective.BinaryProblem;

/**
 * D(&theta;) = J(&theta;) &minus; J(&theta;<sub>a</sub>) computed from d = &theta; &minus; &theta;<sub>a</sub>
 * without forming J, so that its rounding error shrinks with the distance to the anchor: a copy of
 * the library's package-private {@code dev.logreg.check.AnchoredLoss} (unpenalized problems only),
 * which lets Commons Math's value-only line search get max|g| below 1e-8:
 * <pre>
 *   D = (1/W) &Sigma; wᵢ [ &#8467;(aᵢ + &delta;ᵢ, yᵢ) &minus; &#8467;(aᵢ, yᵢ) ],   a = X&theta;ₐ,  &delta; = Xd
 *   softplus(a + &delta;) &minus; softplus(a) = log1p(&sigma;(a) expm1(&delta;))      for |&delta;| &le; 1
 * </pre>
 */
final class AnchoredLoss {

    private final BinaryProblem problem;
    private final double[] anchor;
    private final double[] anchorPredictor;
    private final double[] step;

    AnchoredLoss(BinaryProblem problem, double[] anchor) {
        if (problem.l2() != 0) {
            throw new IllegalArgumentException("the benchmarks' anchored loss is for unpenalized problems");
        }
        this.problem = problem;
        this.anchor = anchor.clone();
        int m = problem.rows();
        int n = problem.columns();
        this.anchorPredictor = new double[m];
        this.step = new double[n];
        // a = X theta_a
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += problem.x(i, j) * anchor[j];
            }
            anchorPredictor[i] = s;
        }
    }

    double value(double[] theta) {
        int m = problem.rows();
        int n = problem.columns();
        // d = theta - theta_a
        for (int j = 0; j < n; j++) {
            step[j] = theta[j] - anchor[j];
        }
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double delta = 0;
            for (int j = 0; j < n; j++) {
                delta += problem.x(i, j) * step[j];
            }
            double a = anchorPredictor[i];
            // l(z, 0) = softplus(z), l(z, 1) = softplus(-z)
            double term = problem.label(i) == 1.0 ? softplusDifference(-a, -delta) : softplusDifference(a, delta);
            sum += problem.weight(i) * term;
        }
        return sum / problem.totalWeight();
    }

    private static double softplusDifference(double a, double delta) {
        if (Math.abs(delta) <= 1) {
            return Math.log1p(Logistic.sigmoid(a) * Math.expm1(delta));
        }
        return Logistic.softplus(a + delta) - Logistic.softplus(a);
    }
}
