package dev.logreg.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How far apart independent minimizations of the same objective ended: each method's
 * parameters, loss and gradient, the largest pairwise differences, and the verdict with its
 * reason. Returned by {@link Validation#run}. Immutable.
 *
 * <p>For two methods a and b with parameters &theta;<sup>a</sup>, &theta;<sup>b</sup> and losses
 * J<sub>a</sub>, J<sub>b</sub>, over the coefficients j that are not aliased:
 * <pre>
 *   coefficient difference = maxⱼ |θᵃⱼ &minus; θᵇⱼ| / max(|θᵃⱼ|, |θᵇⱼ|, sⱼ)
 *   loss difference        = |Jₐ &minus; J_b| / max(|Jₐ|, |J_b|)
 * </pre>
 * where the scale s<sub>j</sub> ({@link #scale()}) is
 * <ul>
 *   <li>{@link Scale#STANDARD_ERROR}: the standard error of coefficient j at this library's fit
 *       (unpenalized fits with Wald inference, {@code Fit.inference()}). A coefficient
 *       larger than its standard error is compared relatively; a smaller one, which the data do not
 *       distinguish from zero, in standard errors, so that rounding-level values near zero
 *       (&minus;4e-17 against 1e-12) do not count as relative disagreements;</li>
 *   <li>{@link Scale#LARGEST_COEFFICIENT} otherwise (penalized fits, singular X<sup>T</sup>DX):
 *       s<sub>j</sub> = max<sub>k</sub> max(|θᵃₖ|, |θᵇₖ|), so that the difference is normwise relative,
 *       maxⱼ |θᵃⱼ &minus; θᵇⱼ| / maxₖ max(|θᵃₖ|, |θᵇₖ|).</li>
 * </ul>
 * A difference of two equal values is 0, also when both are 0; a NaN makes it NaN. The report's
 * differences are the maxima over all pairs of methods.
 *
 * <p>Aliased coefficients ({@link #aliased()}: columns that are linear combinations of earlier
 * ones, which this library's fit drops) are left out of every method: the other methods are run on
 * the kept columns only, every method's &theta; holds 0 for them, and they are not compared.
 *
 * <p>When this library's fit finds the classes separated ({@link #diverging()}), no finite
 * maximum-likelihood estimate exists: the coefficients along the separating direction grow without
 * bound in every method, and are not compared either. The others have finite limits, which the
 * methods must agree on, as on the loss.
 *
 * <p>The methods agree ({@link #agree()}) when every one converged (this library's Newton, under
 * separation, by stopping on it) and both differences are at most the tolerance. {@link #reason()}
 * says why, naming the method, coefficient and pair.
 */
public final class ValidationReport {

    /** How the coefficient differences are scaled; see the class comment. */
    public enum Scale {
        /** Relative, floored at the coefficient's standard error at this library's fit. */
        STANDARD_ERROR("relative, floored at the standard error"),
        /** Normwise relative: relative to the pair's largest |&theta;<sub>k</sub>|. */
        LARGEST_COEFFICIENT("relative to the largest coefficient");

        private final String description;

        Scale(String description) {
            this.description = description;
        }

        /** @return the scale in words, as {@link #reason()} and the reports print it */
        public String description() {
            return description;
        }
    }

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
     * @param stopped why the method stopped, in words: {@code "converged"},
     *        {@code "stopped at the time limit of 60 s"}, {@code "stopped on separation"}, &hellip;
     */
    public record Method(String name, double[] theta, double loss, double maxAbsGradient, int iterations,
                         boolean converged, long nanos, String stopped) {

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
         * @param stopped why the method stopped, in words
         * @throws IllegalArgumentException if the name, &theta; or the stopping reason is null
         */
        public Method {
            if (name == null || theta == null || stopped == null) {
                throw new IllegalArgumentException((name == null ? "name" : theta == null ? "theta" : "stopped")
                        + " is null");
            }
            theta = theta.clone();
        }

        /**
         * A method whose stopping reason is only whether it converged.
         *
         * @param name a stable name, such as {@link Validation#NEWTON}
         * @param theta the parameters found, the intercept first; copied
         * @param loss J(&theta;), the same objective for every method
         * @param maxAbsGradient max|&nabla;J(&theta;)|, the same objective for every method
         * @param iterations the method's own iteration count
         * @param converged whether the method met its own stopping rule
         * @param nanos the method's wall-clock time in nanoseconds
         */
        public Method(String name, double[] theta, double loss, double maxAbsGradient, int iterations,
                      boolean converged, long nanos) {
            this(name, theta, loss, maxAbsGradient, iterations, converged, nanos,
                    converged ? "converged" : "stopped before its tolerance");
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
                    && iterations == o.iterations && converged == o.converged && nanos == o.nanos
                    && stopped.equals(o.stopped);
        }

        /**
         * @return a hash of every component, &theta; by its elements
         */
        @Override
        public int hashCode() {
            return Objects.hash(name, Arrays.hashCode(theta), loss, maxAbsGradient, iterations, converged, nanos,
                    stopped);
        }

        /**
         * @return the components, &theta; by its elements
         */
        @Override
        public String toString() {
            return "Method[name=" + name + ", theta=" + Arrays.toString(theta) + ", loss=" + loss
                    + ", maxAbsGradient=" + maxAbsGradient + ", iterations=" + iterations + ", converged="
                    + converged + ", nanos=" + nanos + ", stopped=" + stopped + "]";
        }
    }

    private final List<Method> methods;
    private final double tolerance;
    private final List<String> terms;
    private final int[] aliased;
    private final int[] diverging;
    private final double[] standardErrors;
    private final double maxCoefficientDifference;
    private final double maxLossDifference;
    /** The pair and coefficient of the largest coefficient difference, or -1 when there is none. */
    private final int coefficientA;
    private final int coefficientB;
    private final int coefficientTerm;
    /** Whether that difference was floored at the standard error (in standard errors, not relative). */
    private final boolean inStandardErrors;
    /** The pair of the largest loss difference, or -1. */
    private final int lossA;
    private final int lossB;

    /**
     * Compares the methods pairwise on every coefficient, normwise ({@link Scale#LARGEST_COEFFICIENT}),
     * with none aliased.
     *
     * @param methods at least one method, all with &theta; of the same length
     * @param tolerance the agreement tolerance, finite and &gt; 0
     * @throws IllegalArgumentException for no methods, lengths that differ, or a bad tolerance
     */
    ValidationReport(List<Method> methods, double tolerance) {
        this(methods, tolerance, new int[0], null, new int[0], null);
    }

    /**
     * Compares the methods pairwise.
     *
     * @param methods at least one method, all with &theta; of the same length n
     * @param tolerance the agreement tolerance, finite and &gt; 0
     * @param aliased indices of the aliased coefficients, left out of the comparison; copied
     * @param standardErrors the scale s<sub>j</sub> of each coefficient (length n, positive and finite
     *        except at aliased indices), or null for {@link Scale#LARGEST_COEFFICIENT}; copied
     * @param diverging indices of coefficients that diverge because the classes are separated, for the
     *        reason; copied
     * @param terms the coefficients' names, n of them, or null for {@code (Intercept), x1, x2, ...}
     * @throws IllegalArgumentException for no methods, lengths that differ, an index out of range, or
     *         a bad tolerance
     */
    ValidationReport(List<Method> methods, double tolerance, int[] aliased, double[] standardErrors,
                     int[] diverging, List<String> terms) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the agreement tolerance must be finite and > 0, got " + tolerance);
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no methods to compare");
        }
        this.methods = List.copyOf(methods);
        this.tolerance = tolerance;
        int n = this.methods.get(0).theta.length;
        for (Method m : this.methods) {
            if (m.theta.length != n) {
                throw new IllegalArgumentException(this.methods.get(0).name + " has " + n + " parameters, " + m.name
                        + " has " + m.theta.length);
            }
        }
        this.terms = terms == null ? defaultTerms(n) : checkedTerms(terms, n);
        this.aliased = checkedIndices(aliased, n, "aliased");
        this.diverging = checkedIndices(diverging, n, "diverging");
        if (standardErrors != null && standardErrors.length != n) {
            throw new IllegalArgumentException(standardErrors.length + " standard errors for " + n + " parameters");
        }
        this.standardErrors = standardErrors == null ? null : standardErrors.clone();
        boolean[] compared = new boolean[n];
        Arrays.fill(compared, true);
        for (int j : this.aliased) {
            compared[j] = false;
        }
        // Under separation the diverging coefficients have no finite value to agree on.
        for (int j : this.diverging) {
            compared[j] = false;
        }
        for (int j = 0; j < n && this.standardErrors != null; j++) {
            if (compared[j] && !(this.standardErrors[j] > 0 && Double.isFinite(this.standardErrors[j]))) {
                throw new IllegalArgumentException("the standard error of " + this.terms.get(j)
                        + " must be finite and > 0, got " + this.standardErrors[j]);
            }
        }

        double coefficients = 0;
        int ca = -1;
        int cb = -1;
        int cj = -1;
        boolean inSe = false;
        double losses = 0;
        int la = -1;
        int lb = -1;
        for (int a = 0; a < this.methods.size(); a++) {
            for (int b = a + 1; b < this.methods.size(); b++) {
                double[] ta = this.methods.get(a).theta;
                double[] tb = this.methods.get(b).theta;
                double largest = 0;
                for (int k = 0; k < n; k++) {
                    if (compared[k]) {
                        largest = Math.max(largest, Math.max(Math.abs(ta[k]), Math.abs(tb[k])));
                    }
                }
                for (int j = 0; j < n; j++) {
                    if (!compared[j]) {
                        continue;
                    }
                    double floor = this.standardErrors == null ? largest : this.standardErrors[j];
                    double d = relativeDifference(ta[j], tb[j], floor);
                    if (worse(d, coefficients) || cj < 0) {
                        coefficients = d;
                        ca = a;
                        cb = b;
                        cj = j;
                        inSe = this.standardErrors != null && floor > Math.max(Math.abs(ta[j]), Math.abs(tb[j]));
                    }
                }
                double dl = relativeDifference(this.methods.get(a).loss, this.methods.get(b).loss, 0.0);
                if (worse(dl, losses) || la < 0) {
                    losses = dl;
                    la = a;
                    lb = b;
                }
            }
        }
        this.maxCoefficientDifference = coefficients;
        this.coefficientA = ca;
        this.coefficientB = cb;
        this.coefficientTerm = cj;
        this.inStandardErrors = inSe;
        this.maxLossDifference = losses;
        this.lossA = la;
        this.lossB = lb;
    }

    /** The same report with new term names. */
    private ValidationReport(ValidationReport r, List<String> terms) {
        this.methods = r.methods;
        this.tolerance = r.tolerance;
        this.terms = terms;
        this.aliased = r.aliased;
        this.diverging = r.diverging;
        this.standardErrors = r.standardErrors;
        this.maxCoefficientDifference = r.maxCoefficientDifference;
        this.maxLossDifference = r.maxLossDifference;
        this.coefficientA = r.coefficientA;
        this.coefficientB = r.coefficientB;
        this.coefficientTerm = r.coefficientTerm;
        this.inStandardErrors = r.inStandardErrors;
        this.lossA = r.lossA;
        this.lossB = r.lossB;
    }

    /** Whether d is a larger difference than the largest so far; NaN counts as the largest. */
    private static boolean worse(double d, double largest) {
        return Double.isNaN(d) ? !Double.isNaN(largest) : d > largest;
    }

    /** |a &minus; b| / max(|a|, |b|, floor); 0 when a = b; NaN when either is NaN. */
    private static double relativeDifference(double a, double b, double floor) {
        if (a == b) {
            return 0.0;
        }
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), floor);
    }

    private static List<String> defaultTerms(int n) {
        List<String> names = new ArrayList<>();
        names.add("(Intercept)");
        for (int j = 1; j < n; j++) {
            names.add("x" + j);
        }
        return List.copyOf(names);
    }

    private static List<String> checkedTerms(List<String> terms, int n) {
        List<String> copy = List.copyOf(terms);
        if (copy.size() != n) {
            throw new IllegalArgumentException(copy.size() + " term names for " + n + " parameters");
        }
        return copy;
    }

    private static int[] checkedIndices(int[] indices, int n, String what) {
        int[] copy = indices.clone();
        for (int j : copy) {
            if (j < 0 || j >= n) {
                throw new IllegalArgumentException(what + " index " + j + " is not in [0, " + n + ")");
            }
        }
        return copy;
    }

    /**
     * The same report with the coefficients named, for {@link #reason()}, {@link #aliased()} and
     * {@link #terms()}.
     *
     * @param terms one name per parameter, in &theta;'s order, the intercept first
     * @return a copy with these names
     * @throws IllegalArgumentException if the number of names is not the number of parameters
     */
    public ValidationReport withTerms(List<String> terms) {
        if (terms == null) {
            throw new IllegalArgumentException("terms is null");
        }
        return new ValidationReport(this, checkedTerms(terms, this.terms.size()));
    }

    /**
     * @return true when every method converged and both the largest coefficient difference and the
     *         largest loss difference are at most the tolerance (false if either is NaN)
     */
    public boolean agree() {
        return maxCoefficientDifference <= tolerance && maxLossDifference <= tolerance
                && methods.stream().allMatch(this::settled);
    }

    /** Converged, or, with the classes separated, stopped on that separation (there is no optimum to reach). */
    private boolean settled(Method m) {
        return m.converged || (diverging.length > 0 && m.stopped.equals(Validation.STOPPED_ON_SEPARATION));
    }

    /**
     * The verdict and why, for example
     * {@code "AGREE: coefficients within 6.8e-10 (relative, floored at the standard error), losses within 7.8e-16"},
     * {@code "DISAGREE: commons-math-nlcg did not converge (stopped at the time limit of 60 s, max|g| = 3.1e-6)"} or
     * {@code "DISAGREE: coefficient gre differs by 2.3e-4 (in standard errors) between logreg-newton and
     * commons-math-irls, tolerance 1e-6"}. A disagreement lists every cause, separated by "; ":
     * separation if this library's fit found it, each method that did not converge, and the largest
     * coefficient difference and the largest loss difference if above the tolerance.
     *
     * @return "AGREE: " or "DISAGREE: " followed by the reason
     */
    public String reason() {
        String separation = diverging.length == 0 ? "" : "the classes are separated, so no finite maximum-likelihood"
                + " estimate exists: the " + (diverging.length == 1 ? "coefficient of " : "coefficients of ")
                + String.join(", ", names(diverging)) + " diverge" + (diverging.length == 1 ? "s" : "")
                + " in every method and " + (diverging.length == 1 ? "is" : "are") + " not compared (an L2 penalty"
                + " gives a finite optimum)";
        if (agree()) {
            return "AGREE: coefficients within " + number(maxCoefficientDifference) + " (" + scale().description()
                    + "), losses within " + number(maxLossDifference) + (separation.isEmpty() ? "" : "; " + separation);
        }
        List<String> causes = new ArrayList<>();
        if (!separation.isEmpty()) {
            causes.add(separation);
        }
        for (Method m : methods) {
            if (!settled(m)) {
                causes.add(m.name + " did not converge (" + m.stopped + ", max|g| = " + number(m.maxAbsGradient) + ")");
            }
        }
        if (!(maxCoefficientDifference <= tolerance) && coefficientTerm >= 0) {
            Method a = methods.get(coefficientA);
            Method b = methods.get(coefficientB);
            String term = terms.get(coefficientTerm);
            if (Double.isNaN(maxCoefficientDifference)) {
                causes.add("coefficient " + term + " is NaN in "
                        + (Double.isNaN(a.theta[coefficientTerm]) ? a.name : b.name));
            } else {
                causes.add("coefficient " + term + " differs by " + number(maxCoefficientDifference) + " ("
                        + (inStandardErrors ? "in standard errors" : scale() == Scale.STANDARD_ERROR ? "relative"
                        : scale().description()) + ") between " + a.name + " and " + b.name + ", tolerance "
                        + number(tolerance));
            }
        }
        if (!(maxLossDifference <= tolerance) && lossA >= 0) {
            causes.add("losses differ by " + number(maxLossDifference) + " (relative) between "
                    + methods.get(lossA).name + " and " + methods.get(lossB).name + ", tolerance " + number(tolerance));
        }
        return "DISAGREE: " + String.join("; ", causes);
    }

    /**
     * A number with two significant digits, as the reason prints it: {@code 6.8e-10}, {@code 2.3e-4},
     * {@code 0.12}, {@code 1}, {@code 620}, {@code 9.9e3}, {@code 0}; NaN as {@code NaN}.
     */
    static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double abs = Math.abs(v);
        if (abs >= 0.01 && abs < 1000) {
            return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        }
        String text = String.format(Locale.ROOT, "%.1e", v);
        int e = text.indexOf('e');
        String mantissa = text.substring(0, e).replaceAll("\\.0$", "");
        int exponent = Integer.parseInt(text.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    private List<String> names(int[] indices) {
        List<String> names = new ArrayList<>();
        for (int j : indices) {
            names.add(terms.get(j));
        }
        return List.copyOf(names);
    }

    /**
     * @return the largest coefficient difference over all pairs of methods and all coefficients but
     *         the aliased ones, as defined in the class comment; 0 for a single method
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

    /** @return how the coefficient differences are scaled (see the class comment) */
    public Scale scale() {
        return standardErrors == null ? Scale.LARGEST_COEFFICIENT : Scale.STANDARD_ERROR;
    }

    /**
     * @return the standard errors s<sub>j</sub> the differences are floored at, one per parameter (NaN
     *         at aliased ones), for {@link Scale#STANDARD_ERROR}; null for {@link Scale#LARGEST_COEFFICIENT}
     */
    public double[] standardErrors() {
        return standardErrors == null ? null : standardErrors.clone();
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
     * @return the parameters' names in &theta;'s order: those given to {@link #withTerms}, else
     *         {@code (Intercept), x1, x2, ...}
     */
    public List<String> terms() {
        return terms;
    }

    /**
     * @return the names of the aliased parameters (linear combinations of earlier columns, dropped by
     *         this library's fit), which every method left out and which are not compared; empty if none
     */
    public List<String> aliased() {
        return names(aliased);
    }

    /** @return the indices into &theta; of the aliased parameters, increasing (a copy) */
    public int[] aliasedIndices() {
        return aliased.clone();
    }

    /**
     * @return the names of the parameters that diverge because this library's fit found the classes
     *         separated; empty if it did not
     */
    public List<String> diverging() {
        return names(diverging);
    }

    /**
     * @return a few lines: the reason, the aliased terms if any, and one line per method
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(reason()).append(String.format(Locale.ROOT, "%n"));
        if (aliased.length > 0) {
            s.append("  aliased, left out of every method: ").append(String.join(", ", aliased()))
                    .append(String.format(Locale.ROOT, "%n"));
        }
        for (Method m : methods) {
            s.append(String.format(Locale.ROOT, "  %-18s %-13s %5d iterations %9.3f ms   J = %.17g   max|g| = %.3g%n",
                    m.name, m.converged ? "converged" : "NOT converged", m.iterations, m.nanos / 1e6, m.loss,
                    m.maxAbsGradient));
        }
        return s.toString();
    }
}
