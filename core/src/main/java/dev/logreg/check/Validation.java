package dev.logreg.check;

import dev.logreg.BinomialFit;
import dev.logreg.LogisticRegression;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.Objective;
import dev.logreg.objective.VectorizedBinaryObjective;
import dev.logreg.Inference;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Validation against Apache Commons Math: fits one logistic regression three independent ways
 * and reports how far apart the results are. The objective is this library's
 * <pre>
 *   J(&theta;) = (1/W) &Sigma; wᵢ [ log(1 + e^zᵢ) &minus; yᵢ zᵢ ] + (&lambda;/2)&Vert;&beta;&Vert;²,   z = X&theta;
 * </pre>
 * with an intercept column of ones first in X (&theta;<sub>0</sub>, never penalized) and
 * &beta; = (&theta;<sub>1</sub>, &hellip;, &theta;<sub>p</sub>). The methods, in this order, all
 * from &theta; = 0:
 * <ol>
 *   <li>{@value #NEWTON}: this library's {@code LogisticRegression.newton()}, tolerance
 *       max|g| &le; 1e-10;</li>
 *   <li>{@value #IRLS}: Newton's method (IRLS) written only with Commons Math's linear algebra
 *       ({@code RealMatrix}, {@code CholeskyDecomposition}) and its own loss, gradient and Hessian,
 *       with step halving, to max|g| &le; 1e-10 within 100 iterations;</li>
 *   <li>{@value #CONJUGATE_GRADIENT}: Commons Math's {@code NonLinearConjugateGradientOptimizer}
 *       (Polak-Ribi&egrave;re, preconditioned by the Hessian at &theta; = 0) on this library's loss and gradient, to
 *       max|g| &le; 1e-9.</li>
 * </ol>
 * Columns that this library's fit finds aliased are removed before the Commons Math methods run
 * (below). Each method's loss and max|g| in the report are evaluated with the same J at its
 * &theta;, so they are comparable. The methods agree ({@link ValidationReport#agree()}) when all
 * converged and their coefficients and losses differ by at most the tolerance, the coefficients
 * relatively with a floor at their standard errors, or normwise for penalized fits
 * ({@link ValidationReport}); {@link ValidationReport#reason()} says why they agree or not. Each
 * Commons Math method runs within a time limit ({@link #DEFAULT_TIME_LIMIT} unless given).
 *
 * <pre>{@code
 * ValidationReport report = Validation.run(x, y, null, 0.0, 1e-6);
 * if (!report.agree()) {
 *     System.err.println(report.reason());
 * }
 * }</pre>
 *
 * <p>When the classes are completely or quasi-completely separated there is no finite optimum:
 * this library's solver stops with a warning, not converged, the others wherever their gradient
 * gets small, and the report disagrees, saying so. Meant for checking a data set or an
 * installation, not for fitting: it costs several fits.
 */
public final class Validation {

    /** The name of this library's Newton solver in the report. */
    public static final String NEWTON = "logreg-newton";
    /** The name of the Commons Math IRLS in the report. */
    public static final String IRLS = "commons-math-irls";
    /** The name of Commons Math's nonlinear conjugate gradient in the report. */
    public static final String CONJUGATE_GRADIENT = "commons-math-nlcg";

    /** The stopping tolerance on max|g| given to this library's Newton solver. */
    static final double NEWTON_TOLERANCE = 1e-10;

    /** The default time limit of each Commons Math method. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(120);

    /**
     * One iteration of a Commons Math method, as the progress callback of
     * {@link Validation#run(double[][], double[], double[], double, double, Duration, Consumer)} sees it.
     *
     * @param method the method's name, {@value #IRLS} or {@value #CONJUGATE_GRADIENT}
     * @param iterations the iterations it has done
     * @param maxAbsGradient max|g| at its current iterate, by its own gradient
     * @param elapsed the time since the method started
     */
    public record Progress(String method, int iterations, double maxAbsGradient, Duration elapsed) {

        /**
         * @return {@code "commons-math-nlcg: 1200 iterations, max|g| = 2.1e-7 (10 s)"}, the time in
         *         whole seconds
         */
        @Override
        public String toString() {
            return method + ": " + iterations + (iterations == 1 ? " iteration" : " iterations") + ", max|g| = "
                    + ValidationReport.number(maxAbsGradient) + " (" + elapsed.toSeconds() + " s)";
        }
    }

    private Validation() {
    }

    /**
     * Fits the model three ways and compares the results, each Commons Math method limited to
     * {@link #DEFAULT_TIME_LIMIT}, without progress reports.
     *
     * @param x features, one row per observation, without the intercept column (an intercept is
     *        always fitted as &theta;<sub>0</sub>); all rows of equal length, finite; not modified
     * @param y labels 0 or 1, one per row, both present among rows of positive weight; not modified
     * @param weights finite sample weights &ge; 0, one per row, or null for unit weights; not modified
     * @param l2 the penalty &lambda; &ge; 0 on &beta; (never on the intercept)
     * @param tolerance the agreement tolerance on the differences, finite and &gt; 0, for example 1e-6
     * @return the three methods' results, their largest differences and the verdict's reason
     * @throws IllegalArgumentException for a bad tolerance or penalty, or for input that
     *         {@link LogisticRegression#fit(double[][], double[], double[])} rejects, naming the row,
     *         column or value
     */
    public static ValidationReport run(double[][] x, double[] y, double[] weights, double l2, double tolerance) {
        return run(x, y, weights, l2, tolerance, DEFAULT_TIME_LIMIT, null);
    }

    /**
     * Fits the model three ways and compares the results.
     *
     * <p>This library's Newton runs first, on every column. Columns it finds aliased (linear
     * combinations of earlier ones; unpenalized fits only) are removed before the Commons Math
     * methods run, so that all three fit the same identifiable model; their coefficients are 0 in
     * every method's &theta; and are not compared ({@link ValidationReport#aliased()}). For an
     * unpenalized fit with Wald inference the coefficient differences are floored at the standard
     * errors of this library's fit, otherwise they are normwise ({@link ValidationReport.Scale}).
     *
     * <p>Each Commons Math method checks the time limit once per iteration: when it is reached the
     * method stops with its last iterate, counts as not converged, and its
     * {@link ValidationReport.Method#stopped()} says so. The callback, if any, is called on this
     * thread after every iteration of either method (thousands of times a second on small data): it
     * should be quick, and decide itself how often to show anything.
     *
     * @param x features, one row per observation, without the intercept column (an intercept is
     *        always fitted as &theta;<sub>0</sub>); all rows of equal length, finite; not modified
     * @param y labels 0 or 1, one per row, both present among rows of positive weight; not modified
     * @param weights finite sample weights &ge; 0, one per row, or null for unit weights; not modified
     * @param l2 the penalty &lambda; &ge; 0 on &beta; (never on the intercept)
     * @param tolerance the agreement tolerance on the differences, finite and &gt; 0, for example 1e-6
     * @param timeLimit the longest each Commons Math method may run, positive, for example
     *        {@link #DEFAULT_TIME_LIMIT}
     * @param progress told of every iteration of the Commons Math methods, or null
     * @return the three methods' results, their largest differences and the verdict's reason
     * @throws IllegalArgumentException for a bad tolerance, penalty or time limit, or for input that
     *         {@link LogisticRegression#fit(double[][], double[], double[])} rejects, naming the row,
     *         column or value
     */
    public static ValidationReport run(double[][] x, double[] y, double[] weights, double l2, double tolerance,
                                       Duration timeLimit, Consumer<Progress> progress) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the agreement tolerance must be finite and > 0, got " + tolerance);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("the L2 penalty must be finite and >= 0, got " + l2);
        }
        requireTimeLimit(timeLimit);
        // (a) first: it validates x, y and weights and throws naming the row, column or value
        long start = System.nanoTime();
        BinomialFit fit = LogisticRegression.newton().withL2(l2).withTolerance(NEWTON_TOLERANCE).fit(x, y, weights);
        Run newton = new Run(fit.theta(), fit.iterations(), fit.converged(), System.nanoTime() - start,
                stopped(fit));

        // X = [1 x], m x n; the kept columns of X, m x k, as rows for Commons Math and row-major for the objective
        int m = x.length;
        int n = x[0].length + 1;
        int[] aliased = fit.aliasedIndices();
        int[] kept = kept(aliased, n);
        int k = kept.length;
        double[] flat = new double[m * n];
        double[][] keptRows = new double[m][k];
        double[] keptFlat = new double[m * k];
        for (int i = 0; i < m; i++) {
            flat[i * n] = 1.0;
            System.arraycopy(x[i], 0, flat, i * n + 1, n - 1);
            for (int c = 0; c < k; c++) {
                keptRows[i][c] = flat[i * n + kept[c]];
            }
            System.arraycopy(keptRows[i], 0, keptFlat, i * k, k);
        }
        double[] labels = y.clone();
        double[] w = weights == null ? ones(m) : weights.clone();
        BinaryProblem problem = new BinaryProblem(flat, m, n, labels, w, l2, 0);
        BinaryProblem keptProblem = new BinaryProblem(keptFlat, m, k, labels, w, l2, 0);

        Run irls = new CommonsMathIrls(keptRows, labels, w, l2).minimize(new Monitor(IRLS, timeLimit, progress));
        CommonsMathConjugateGradient.Result cg = new CommonsMathConjugateGradient(keptProblem)
                .minimize(new Monitor(CONJUGATE_GRADIENT, timeLimit, progress));
        Run conjugateGradient = new Run(cg.theta(), cg.iterations(), cg.converged(), cg.nanos(), cg.stopped());

        Objective objective = new VectorizedBinaryObjective(problem);
        List<ValidationReport.Method> methods = List.of(
                method(NEWTON, newton, objective),
                method(IRLS, expand(irls, kept, n), objective),
                method(CONJUGATE_GRADIENT, expand(conjugateGradient, kept, n), objective));
        return new ValidationReport(methods, tolerance, aliased, standardErrors(fit, aliased),
                diverging(fit), null);
    }

    /** How this library's Newton's stop on separated classes reads in {@link ValidationReport.Method#stopped()}. */
    static final String STOPPED_ON_SEPARATION = "stopped on separation";

    /** @throws IllegalArgumentException unless the time limit is positive */
    static void requireTimeLimit(Duration timeLimit) {
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit (timeLimit) must be positive, got " + timeLimit);
        }
    }

    /** Why this library's fit stopped, in words without term names. */
    private static String stopped(BinomialFit fit) {
        return switch (fit.termination()) {
            case CONVERGED -> "converged";
            case MAX_ITERATIONS -> "stopped at the iteration limit of " + fit.iterations();
            case SEPARATION -> STOPPED_ON_SEPARATION;
            case NO_PROGRESS -> "stopped: no step decreased J";
            case TIME_LIMIT -> "stopped at the time limit";
        };
    }

    /** A run on the kept columns with its &theta; put back in place, 0 at the aliased columns. */
    private static Run expand(Run run, int[] kept, int n) {
        double[] full = new double[n];
        double[] theta = run.theta();
        for (int c = 0; c < kept.length; c++) {
            full[kept[c]] = theta[c];
        }
        return new Run(full, run.iterations(), run.converged(), run.nanos(), run.stopped());
    }

    /**
     * The standard errors of this library's fit, NaN at aliased columns, when it is unpenalized and has
     * Wald inference with a finite positive standard error for every kept column; otherwise null.
     */
    private static double[] standardErrors(BinomialFit fit, int[] aliased) {
        if (fit.l2() > 0) {
            return null;
        }
        Inference inference = fit.inference();
        if (!inference.hasWald()) {
            return null;
        }
        double[] se = inference.standardErrors();
        boolean[] dropped = new boolean[se.length];
        for (int j : aliased) {
            dropped[j] = true;
        }
        for (int j = 0; j < se.length; j++) {
            if (dropped[j]) {
                se[j] = Double.NaN;
            } else if (!(se[j] > 0 && Double.isFinite(se[j]))) {
                return null;
            }
        }
        return se;
    }

    /** The indices of the coefficients the fit found diverging under separation. */
    private static int[] diverging(BinomialFit fit) {
        List<String> terms = fit.terms();
        return fit.divergingTerms().stream().mapToInt(terms::indexOf).filter(j -> j >= 0).toArray();
    }

    /** Evaluates the common J and max|g| at the run's &theta;. */
    private static ValidationReport.Method method(String name, Run run, Objective objective) {
        double[] gradient = new double[objective.dimension()];
        double loss = objective.valueAndGradient(run.theta(), gradient);
        double maxAbsGradient = 0;
        for (double g : gradient) {
            maxAbsGradient = Math.max(maxAbsGradient, Math.abs(g));
        }
        return new ValidationReport.Method(name, run.theta(), loss, maxAbsGradient, run.iterations(),
                run.converged(), run.nanos(), run.stopped());
    }

    /** The columns other than the aliased ones (increasing), increasing. */
    private static int[] kept(int[] aliased, int n) {
        boolean[] dropped = new boolean[n];
        for (int j : aliased) {
            dropped[j] = true;
        }
        return java.util.stream.IntStream.range(0, n).filter(j -> !dropped[j]).toArray();
    }

    private static double[] ones(int m) {
        double[] a = new double[m];
        Arrays.fill(a, 1.0);
        return a;
    }
}
