package dev.logreg.check;

import dev.logreg.FitResult;
import dev.logreg.LogisticRegression;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.Objective;
import dev.logreg.objective.VectorizedBinaryObjective;
import java.util.Arrays;
import java.util.List;

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
 *       (Polak-Ribi&egrave;re, Jacobi preconditioner) on this library's loss and gradient, to
 *       max|g| &le; 1e-9.</li>
 * </ol>
 * Each method's loss and max|g| in the report are evaluated with the same J at its &theta;, so they
 * are comparable. The methods agree ({@link ValidationReport#agree()}) when all converged and
 * their coefficients and losses differ by at most the tolerance, relatively.
 *
 * <pre>{@code
 * ValidationReport report = Validation.run(x, y, null, 0.0, 1e-6);
 * if (!report.agree()) {
 *     System.err.println(report);
 * }
 * }</pre>
 *
 * <p>When the classes are completely separated there is no finite optimum: this library's solver
 * stops with a warning, not converged, the others wherever their gradient gets small, and the
 * report disagrees. Meant for checking a data set or an installation, not for fitting: it costs
 * several fits.
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

    private Validation() {
    }

    /**
     * Fits the model three ways and compares the results.
     *
     * @param x features, one row per observation, without the intercept column (an intercept is
     *        always fitted as &theta;<sub>0</sub>); all rows of equal length, finite; not modified
     * @param y labels 0 or 1, one per row, both present among rows of positive weight; not modified
     * @param weights finite sample weights &ge; 0, one per row, or null for unit weights; not modified
     * @param l2 the penalty &lambda; &ge; 0 on &beta; (never on the intercept)
     * @param tolerance the agreement tolerance on the relative differences, finite and &gt; 0,
     *        for example 1e-6
     * @return the three methods' results and their largest differences
     * @throws IllegalArgumentException for a bad tolerance or penalty, or for input that
     *         {@link LogisticRegression#fit(double[][], double[], double[])} rejects, naming the row,
     *         column or value
     */
    public static ValidationReport run(double[][] x, double[] y, double[] weights, double l2, double tolerance) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the agreement tolerance must be finite and > 0, got " + tolerance);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("the L2 penalty must be finite and >= 0, got " + l2);
        }
        // (a) first: it validates x, y and weights and throws naming the row, column or value
        long start = System.nanoTime();
        FitResult fit = LogisticRegression.newton().withL2(l2).withTolerance(NEWTON_TOLERANCE).fit(x, y, weights);
        Run newton = new Run(fit.theta(), fit.iterations(), fit.converged(), System.nanoTime() - start);

        // X = [1 x], m x n, as rows for Commons Math and row-major for the objective
        int m = x.length;
        int n = x[0].length + 1;
        double[][] design = new double[m][n];
        double[] flat = new double[m * n];
        for (int i = 0; i < m; i++) {
            design[i][0] = 1.0;
            System.arraycopy(x[i], 0, design[i], 1, n - 1);
            System.arraycopy(design[i], 0, flat, i * n, n);
        }
        double[] labels = y.clone();
        double[] w = weights == null ? ones(m) : weights.clone();
        BinaryProblem problem = new BinaryProblem(flat, m, n, labels, w, l2, 0);

        Run irls = new CommonsMathIrls(design, labels, w, l2).minimize();
        CommonsMathConjugateGradient.Result cg = new CommonsMathConjugateGradient(problem).minimize();
        Run conjugateGradient = new Run(cg.theta(), cg.iterations(), cg.converged(), cg.nanos());

        Objective objective = new VectorizedBinaryObjective(problem);
        return new ValidationReport(List.of(
                method(NEWTON, newton, objective),
                method(IRLS, irls, objective),
                method(CONJUGATE_GRADIENT, conjugateGradient, objective)), tolerance);
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
                run.converged(), run.nanos());
    }

    private static double[] ones(int m) {
        double[] a = new double[m];
        Arrays.fill(a, 1.0);
        return a;
    }
}
