package dev.logreg.objective;

/**
 * A smooth convex loss J(&theta;) to be minimized, with its gradient and Hessian written into
 * caller-owned buffers.
 *
 * <p>Implementations keep their own work arrays, sized once at construction, so repeated
 * evaluations allocate nothing; an instance is therefore not safe for concurrent use. No method
 * modifies {@code theta}. The {@code gradient} and {@code hessian} buffers are overwritten and
 * must not be the same array as {@code theta}.
 */
public interface Objective {

    /**
     * The number of parameters n.
     *
     * @return the length of &theta;
     */
    int dimension();

    /**
     * Evaluates the loss alone.
     *
     * @param theta parameters, length n, not modified
     * @return J(&theta;)
     * @throws IllegalArgumentException if {@code theta} has the wrong length
     */
    double value(double[] theta);

    /**
     * Evaluates the loss and its gradient.
     *
     * @param theta parameters, length n, not modified
     * @param gradient output, length n: &nabla;J(&theta;)
     * @return J(&theta;)
     * @throws IllegalArgumentException if a buffer has the wrong length
     */
    double valueAndGradient(double[] theta, double[] gradient);

    /**
     * Evaluates the loss, its gradient and its Hessian.
     *
     * @param theta parameters, length n, not modified
     * @param gradient output, length n: &nabla;J(&theta;)
     * @param hessian output, length n&times;n, row-major and fully symmetric: &nabla;<sup>2</sup>J(&theta;)
     * @return J(&theta;)
     * @throws IllegalArgumentException if a buffer has the wrong length
     */
    double valueGradientHessian(double[] theta, double[] gradient, double[] hessian);

    /**
     * An upper bound L on the largest eigenvalue of the Hessian over all &theta;, the Lipschitz
     * constant of the gradient; 1/L is a step size for which gradient descent never increases J.
     *
     * @return L &gt; 0
     */
    double lipschitzBound();
}
