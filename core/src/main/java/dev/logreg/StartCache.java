package dev.logreg;

import dev.logreg.objective.Objective;
import java.util.Arrays;

/**
 * An objective that answers its first evaluation from a pass already made: the aliasing check
 * evaluates the unpenalized objective's Hessian at &theta; = 0, which is also where Newton starts, so
 * that pass is not repeated. Any other &theta; goes to the wrapped objective.
 */
final class StartCache implements Objective {

    private final Objective objective;
    private final double[] start;
    private final double value;
    private final double[] gradient;
    private final double[] hessian;

    /**
     * @param objective the objective (its penalty must be 0 here, as the cached pass had none)
     * @param start the point of the cached pass
     * @param value J(start)
     * @param gradient g(start), copied
     * @param hessian H(start), n&times;n row-major, copied
     */
    StartCache(Objective objective, double[] start, double value, double[] gradient, double[] hessian) {
        this.objective = objective;
        this.start = start.clone();
        this.value = value;
        this.gradient = gradient.clone();
        this.hessian = hessian.clone();
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

    @Override
    public double value(double[] theta) {
        return Arrays.equals(theta, start) ? value : objective.value(theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] g) {
        if (Arrays.equals(theta, start) && theta != g) {
            System.arraycopy(gradient, 0, g, 0, gradient.length);
            return value;
        }
        return objective.valueAndGradient(theta, g);
    }

    @Override
    public double valueGradientHessian(double[] theta, double[] g, double[] h) {
        if (Arrays.equals(theta, start) && theta != g && theta != h && g != h && g.length == gradient.length
                && h.length == hessian.length) {
            System.arraycopy(gradient, 0, g, 0, gradient.length);
            System.arraycopy(hessian, 0, h, 0, hessian.length);
            return value;
        }
        return objective.valueGradientHessian(theta, g, h);
    }

    @Override
    public double lipschitzBound() {
        return objective.lipschitzBound();
    }
}
