package dev.logreg.testing;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Central finite differences, for checking analytic derivatives. */
public final class FiniteDifferences {

    /** The step for coordinate k is STEP &middot; max(1, |&theta;<sub>k</sub>|). */
    public static final double STEP = 1e-5;

    private FiniteDifferences() {
    }

    /**
     * The Jacobian of a vector function by central differences.
     *
     * @param f maps &theta; (length n) to a vector of length q; must not modify its argument
     * @return row-major q&times;n: element (i, k) is &part;f<sub>i</sub>/&part;&theta;<sub>k</sub>
     */
    public static double[] jacobian(Function<double[], double[]> f, double[] theta) {
        int n = theta.length;
        double[] result = null;
        for (int k = 0; k < n; k++) {
            double h = STEP * Math.max(1, Math.abs(theta[k]));
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double[] fPlus = f.apply(plus).clone();
            double[] fMinus = f.apply(minus);
            if (result == null) {
                result = new double[fPlus.length * n];
            }
            for (int i = 0; i < fPlus.length; i++) {
                result[i * n + k] = (fPlus[i] - fMinus[i]) / (2 * h);
            }
        }
        return result;
    }

    /** The gradient of a scalar function by central differences. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] theta) {
        return jacobian(t -> new double[] {f.applyAsDouble(t)}, theta);
    }
}
