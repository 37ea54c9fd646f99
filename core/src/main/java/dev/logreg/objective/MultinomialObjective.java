package dev.logreg.objective;

/**
 * The multinomial (softmax) loss of a {@link MultinomialProblem} as an {@link Objective}: the
 * definition and the penalty live here, the data part in the implementations.
 *
 * <p>With p<sub>ik</sub> the softmax of row i's logits and Y the one-hot labels, block c (class
 * k) of the gradient and block (c, d) (classes k, l) of the Hessian are
 *
 * <pre>
 *     g_c  = X&#7488; (w &#8728; (p_k &minus; y_k)) / W + &lambda; &beta;_c
 *     H_cd = X&#7488; diag(w &#8728; p_k (&delta;_kl &minus; p_l)) X / W + &lambda; I&prime; &delta;_cd
 * </pre>
 *
 * with I&prime; the identity with 0 at the intercept. In the symmetric parametrization the
 * Hessian is singular along a common shift of the intercepts, a direction in which J is flat.
 */
abstract class MultinomialObjective extends PenalizedObjective {

    final MultinomialProblem problem;

    private double lipschitz = Double.NaN;

    MultinomialObjective(MultinomialProblem problem) {
        super(problem, problem == null ? 1 : problem.blocks());
        this.problem = problem;
    }

    /**
     * Böhning's bound: the softmax covariance diag(p) &minus; pp&#7488; is at most
     * &frac12;(I &minus; 11&#7488;/K), whose largest eigenvalue is &frac12;, or &frac14; for a
     * single block (the binary case); so L = c &middot; &lambda;<sub>max</sub>(X&#7488;WX/W) + &lambda;.
     *
     * @return L &gt; 0
     */
    @Override
    public double lipschitzBound() {
        if (Double.isNaN(lipschitz)) {
            // The binary objective's Hessian at 0 is X'WX/(4W): its bound is lambda_max(X'WX/W)/4.
            double quarter = new FusedBinaryObjective(problem.gramProblem()).lipschitzBound();
            lipschitz = (problem.blocks() == 1 ? 1.0 : 2.0) * quarter + penalty.largestCurvature();
        }
        return lipschitz;
    }
}
