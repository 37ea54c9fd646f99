package dev.logreg.check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How far apart independent minimizations of the same objective ended: each method's
 * parameters, loss and gradient, and the largest pairwise differences. Returned by
 * {@link Validation#run}. Immutable.
 *
 * <p>For two methods a and b with parameters &theta;<sup>a</sup>, &theta;<sup>b</sup> and losses
 * J<sub>a</sub>, J<sub>b</sub>:
 * <pre>
 *   coefficient difference = maxⱼ |θᵃⱼ &minus; θᵇⱼ| / max(|θᵃⱼ|, |θᵇⱼ|, 10⁻⁸ &middot; maxₖ max(|θᵃₖ|, |θᵇₖ|))
 *   loss difference        = |Jₐ &minus; J_b| / max(|Jₐ|, |J_b|)
 * </pre>
 * Both are relative; the floor of 10<sup>&minus;8</sup> times the largest parameter of the pair
 * keeps a coefficient that is zero at the optimum (up to rounding) from turning its rounding
 * error into a large relative difference. A difference of two equal values is 0, also when both
 * are 0. The report's differences are the maxima over all pairs of methods.
 */
public final class ValidationReport {

    /** The floor of the coefficient difference, relative to the pair's largest |&theta;<sub>k</sub>|. */
    static final double COEFFICIENT_FLOOR = 1e-8;

    /**
     * One method's result, with the loss and gradient of the common objective J at its &theta;.
     * The parameter array is copied in and out.
     *
     * @param name a stable name, such as {@link Validation#NEWTON}
     * @param theta the parameters found, the intercept first
     * @param loss J(&theta;), the same objective for every method
     * @param maxAbsGradient max|&nabla;J(&theta;)|, the same objective for every method
     * @param iterations the method's own iteration count
     * @param converged whether the method met its own stopping rule
     * @param nanos the method's wall-clock time in nanoseconds
     */
    public record Method(String name, double[] theta, double loss, double maxAbsGradient, int iterations,
                         boolean converged, long nanos) {

        /**
         * Copies &theta;.
         *
         * @param name a stable name, such as {@link Validation#NEWTON}
         * @param theta the parameters found, the intercept first; copied
         * @param loss J(&theta;), the same objective for every method
         * @param maxAbsGradient max|&nabla;J(&theta;)|, the same objective for every method
         * @param iterations the method's own iteration count
         * @param converged whether the method met its own stopping rule
         * @param nanos the method's wall-clock time in nanoseconds
         * @throws IllegalArgumentException if the name or &theta; is null
         */
        public Method {
            if (name == null || theta == null) {
                throw new IllegalArgumentException((name == null ? "name" : "theta") + " is null");
            }
            theta = theta.clone();
        }

        /**
         * @return a copy of the parameters, the intercept first
         */
        @Override
        public double[] theta() {
            return theta.clone();
        }

        /**
         * Compares every component, &theta; element by element.
         *
         * @param other another object
         * @return whether it is a {@code Method} with equal components
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Method o && name.equals(o.name) && Arrays.equals(theta, o.theta)
                    && Double.compare(loss, o.loss) == 0 && Double.compare(maxAbsGradient, o.maxAbsGradient) == 0
                    && iterations == o.iterations && converged == o.converged && nanos == o.nanos;
        }

        /**
         * @return a hash of every component, &theta; by its elements
         */
        @Override
        public int hashCode() {
            return Objects.hash(name, Arrays.hashCode(theta), loss, maxAbsGradient, iterations, converged, nanos);
        }

        /**
         * @return the components, &theta; by its elements
         */
        @Override
        public String toString() {
            return "Method[name=" + name + ", theta=" + Arrays.toString(theta) + ", loss=" + loss
                    + ", maxAbsGradient=" + maxAbsGradient + ", iterations=" + iterations + ", converged="
                    + converged + ", nanos=" + nanos + "]";
        }
    }

    private final List<Method> methods;
    private final double tolerance;
    private final double maxCoefficientDifference;
    private final double maxLossDifference;

    /**
     * Compares the methods pairwise.
     *
     * @param methods at least one method, all with &theta; of the same length
     * @param tolerance the agreement tolerance, finite and &gt; 0
     * @throws IllegalArgumentException for no methods, lengths that differ, or a bad tolerance
     */
    ValidationReport(List<Method> methods, double tolerance) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the agreement tolerance must be finite and > 0, got " + tolerance);
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no methods to compare");
        }
        this.methods = List.copyOf(methods);
        this.tolerance = tolerance;
        double coefficients = 0;
        double losses = 0;
        for (int a = 0; a < this.methods.size(); a++) {
            for (int b = a + 1; b < this.methods.size(); b++) {
                Method ma = this.methods.get(a);
                Method mb = this.methods.get(b);
                coefficients = Math.max(coefficients, coefficientDifference(ma.theta, mb.theta, ma.name, mb.name));
                losses = Math.max(losses, relativeDifference(ma.loss, mb.loss, 0.0));
            }
        }
        this.maxCoefficientDifference = coefficients;
        this.maxLossDifference = losses;
    }

    /** The largest relative difference of two parameter vectors, with the floor of the class comment. */
    private static double coefficientDifference(double[] a, double[] b, String nameA, String nameB) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(nameA + " has " + a.length + " parameters, " + nameB + " has "
                    + b.length);
        }
        double scale = 0;
        for (int k = 0; k < a.length; k++) {
            scale = Math.max(scale, Math.max(Math.abs(a[k]), Math.abs(b[k])));
        }
        double floor = COEFFICIENT_FLOOR * scale;
        double max = 0;
        for (int j = 0; j < a.length; j++) {
            max = Math.max(max, relativeDifference(a[j], b[j], floor));
        }
        return max;
    }

    /** |a &minus; b| / max(|a|, |b|, floor); 0 when a = b; NaN when either is NaN. */
    private static double relativeDifference(double a, double b, double floor) {
        if (a == b) {
            return 0.0;
        }
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), floor);
    }

    /**
     * @return true when every method converged and both the largest coefficient difference and the
     *         largest loss difference are at most the tolerance (false if either is NaN)
     */
    public boolean agree() {
        return maxCoefficientDifference <= tolerance && maxLossDifference <= tolerance
                && methods.stream().allMatch(Method::converged);
    }

    /**
     * @return the largest relative coefficient difference over all pairs of methods and all
     *         coefficients, as defined in the class comment; 0 for a single method
     */
    public double maxCoefficientDifference() {
        return maxCoefficientDifference;
    }

    /**
     * @return the largest relative loss difference |J<sub>a</sub> &minus; J<sub>b</sub>| /
     *         max(|J<sub>a</sub>|, |J<sub>b</sub>|) over all pairs of methods; 0 for a single method
     */
    public double maxLossDifference() {
        return maxLossDifference;
    }

    /** @return the agreement tolerance the differences are held to */
    public double tolerance() {
        return tolerance;
    }

    /** @return the methods in the order they were run; unmodifiable */
    public List<Method> methods() {
        return methods;
    }

    /**
     * @return a few lines: whether the methods agree, the differences, and one line per method
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: max coefficient difference %.3g, max loss difference %.3g, "
                + "tolerance %.3g%n", agree() ? "agree" : "DISAGREE", maxCoefficientDifference, maxLossDifference,
                tolerance));
        for (Method m : methods) {
            s.append(String.format(Locale.ROOT, "  %-18s %-13s %5d iterations %9.3f ms   J = %.17g   max|g| = %.3g%n",
                    m.name, m.converged ? "converged" : "NOT converged", m.iterations, m.nanos / 1e6, m.loss,
                    m.maxAbsGradient));
        }
        return s.toString();
    }
}
