package dev.logreg.objective;

/**
 * A symmetric multinomial objective (K blocks of n coefficients, column 0 of each the intercept) with
 * curvature added along the common shift of the intercepts, the one direction in which J is flat: H +
 * (1/K) u u&#7488; with u the indicator of the intercepts. J and its gradient are unchanged, and the
 * gradient is orthogonal to u, so Newton's steps keep the intercepts' sum where it started instead of
 * meeting a singular Hessian. Wherever its data are (one JVM or a cluster), a symmetric fit with
 * intercepts runs Newton on this.
 */
public final class InterceptShiftCurvature implements Objective {

    private final Objective inner;
    private final int blocks;
    private final int n;

    /**
     * @param inner the symmetric objective, of dimension blocks &times; n
     * @param blocks K, the coefficient blocks (one per class)
     * @param n the coefficients per block, the intercept first
     * @throws IllegalArgumentException if the dimensions do not match
     */
    public InterceptShiftCurvature(Objective inner, int blocks, int n) {
        if (inner == null) {
            throw new IllegalArgumentException("inner is null");
        }
        if (blocks < 1 || n < 1 || inner.dimension() != blocks * n) {
            throw new IllegalArgumentException("an objective of " + blocks + " blocks of " + n
                    + " coefficients expected, got dimension " + inner.dimension());
        }
        this.inner = inner;
        this.blocks = blocks;
        this.n = n;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public double value(double[] theta) {
        return inner.value(theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        return inner.valueAndGradient(theta, gradient);
    }

    @Override
    public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
        double loss = inner.valueGradientHessian(theta, gradient, hessian);
        int d = dimension();
        for (int a = 0; a < blocks; a++) {
            for (int b = 0; b < blocks; b++) {
                hessian[(a * n) * d + b * n] += 1.0 / blocks;
            }
        }
        return loss;
    }

    @Override
    public double lipschitzBound() {
        return inner.lipschitzBound() + 1.0;
    }
}
