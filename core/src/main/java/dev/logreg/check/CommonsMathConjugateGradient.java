package dev.logreg.check;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.Objective;
import dev.logreg.objective.VectorizedBinaryObjective;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.Preconditioner;

/**
 * Minimizes this library's objective J with Commons Math's
 * {@link NonLinearConjugateGradientOptimizer} (Polak-Ribi&egrave;re, restarted every n
 * iterations), from &theta; = 0:
 * <pre>
 *   g = &nabla;J(&theta;)                             this library's gradient ({@link VectorizedBinaryObjective})
 *   s = P⁻¹(&minus;g),   P = H(0)               preconditioner: this library's Hessian at the start
 *   &beta; = (g&prime; &minus; g)&middot;P⁻¹g&prime; / (g&middot;P⁻¹g)       Polak-Ribi&egrave;re; &beta; = 0 when negative and every n iterations
 *   d = s + &beta;d
 *   &theta; &larr; &theta; + td,   t = argmin D(&theta; + td)     Commons Math's line search: bracketing, then Brent
 * </pre>
 * Stops when max|g| &le; {@link #GRADIENT_TOLERANCE}, checked by a {@link ConvergenceChecker}
 * that computes the gradient at each iterate.
 *
 * <p>The preconditioner H(0) = X<sup>T</sup>WX/(4W) + &lambda;I&prime; is factorized once by Commons
 * Math's Cholesky on its unit-diagonal scaling ({@link #startHessian}). Its diagonal alone (Jacobi)
 * leaves the correlation between columns: on the UCI Adult data (96 kept columns, raw scales,
 * categorical dummies; the rows of the four levels that separate the classes left out) the
 * Jacobi-preconditioned Hessian at the optimum has a condition number of 3.3e4 and the optimizer
 * needs 603 iterations and 9531 evaluations of D (74 s); preconditioned by H(0) the condition
 * number is 79, and it needs 99 iterations and 1874 evaluations (12 s).
 *
 * <p>The line search only compares values, and a value of J carries a rounding error near
 * 1e-15 that hides any further decrease once max|g| is near 1e-5 on data such as UCLA's
 * (gre ~ 600); the tolerance 1e-9 could never be reached, and the coefficients stay 4e-6 to
 * 1e-5 (relative) from the optimum on the data in the tests. So the optimizer minimizes
 * D(&theta;) = J(&theta;) &minus; J(&theta;<sub>a</sub>), computed accurately from
 * &theta; &minus; &theta;<sub>a</sub> by {@link AnchoredLoss}: the same function up to a
 * constant, with the same gradient, which is this library's. The anchor &theta;<sub>a</sub>
 * is the start (0) in the first round; a round ends when an iteration no longer decreases D, and
 * the next one starts a new optimizer anchored at the point reached. On the data in the tests
 * the first round stalls near max|g| = 1e-5 and the second converges.
 *
 * <p>{@link TooManyEvaluationsException} and {@link TooManyIterationsException} (limits
 * {@link #MAX_EVALUATIONS} and {@link #MAX_ITERATIONS} over all rounds) end the run with the last
 * iterate, not converged; so does a time limit ({@link #minimize(Duration, Consumer)}), checked
 * after every iteration. {@link Result#stopped()} says which.
 */
final class CommonsMathConjugateGradient {

    /** Stop when max|g| of this library's gradient is at most this (the default). */
    public static final double GRADIENT_TOLERANCE = 1e-9;
    /** Evaluations of D and g over all rounds (the line searches use most). */
    static final int MAX_EVALUATIONS = 100_000;
    /** Iterations over all rounds. */
    static final int MAX_ITERATIONS = 100_000;
    /** Rounds, each with a new anchor; two suffice on every data set in the tests. */
    static final int MAX_ROUNDS = 10;
    /** The line search's relative tolerance on successive values of D. */
    static final double LINE_RELATIVE_TOLERANCE = 1e-12;
    /** The line search's absolute tolerance on successive values of D. */
    static final double LINE_ABSOLUTE_TOLERANCE = 1e-300;
    /**
     * The smallest pivot accepted in the Cholesky factorization of the unit-diagonal start Hessian
     * for the preconditioner; below it the preconditioner is its diagonal alone.
     */
    static final double PIVOT = 1e-12;
    /** The first trial step of the bracketing, in units of the preconditioned direction. */
    static final double INITIAL_BRACKETING_RANGE = 1.0;

    /**
     * What a run returned.
     *
     * @param theta the last iterate (a copy)
     * @param iterations iterations over all rounds
     * @param evaluations evaluations of D and g over all rounds
     * @param converged whether max|g| reached the tolerance
     * @param nanos the time taken
     * @param stopped why the run stopped, in words: "converged", "stopped at the time limit of 60 s",
     *        "stopped at the iteration limit of 100000", &hellip;
     */
    public record Result(double[] theta, int iterations, int evaluations, boolean converged, long nanos,
                         String stopped) {
        /**
         * Copies &theta;.
         *
         * @param theta the last iterate; copied
         * @param iterations iterations over all rounds
         * @param evaluations evaluations of D and g over all rounds
         * @param converged whether max|g| reached the tolerance
         * @param nanos the time taken
         * @param stopped why the run stopped, in words
         * @throws IllegalArgumentException if &theta; is null
         */
        public Result {
            if (theta == null) {
                throw new IllegalArgumentException("theta is null");
            }
            theta = theta.clone();
        }

        /** @return a copy of the last iterate */
        @Override
        public double[] theta() {
            return theta.clone();
        }
    }

    private final BinaryProblem problem;
    private final Objective objective;
    private final double tolerance;

    /**
     * Gradients from the EJML objective, tolerance {@link #GRADIENT_TOLERANCE}.
     *
     * @param problem the data, the intercept in column 0
     */
    public CommonsMathConjugateGradient(BinaryProblem problem) {
        this(problem, new VectorizedBinaryObjective(problem), GRADIENT_TOLERANCE);
    }

    /**
     * @param problem the data, the intercept in column 0
     * @param objective J on the same data, for the gradients (any implementation)
     * @param tolerance stop at max|g| &le; tolerance
     * @throws IllegalArgumentException if the tolerance is not positive and finite
     */
    public CommonsMathConjugateGradient(BinaryProblem problem, Objective objective, double tolerance) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, got " + tolerance);
        }
        this.problem = problem;
        this.objective = objective;
        this.tolerance = tolerance;
    }

    /**
     * Minimizes J from &theta; = 0, without a time limit.
     *
     * @return the last iterate, the iterations and evaluations over all rounds, and whether max|g|
     *         reached the tolerance
     */
    public Result minimize() {
        return minimize(Monitor.unlimited(Validation.CONJUGATE_GRADIENT));
    }

    /**
     * Minimizes J from &theta; = 0 within a time limit. The limit is checked after every iteration
     * (one line search), so the run ends at most one iteration after it, with the last iterate,
     * not converged.
     *
     * @param timeLimit the longest the run may take, positive
     * @param progress called after every iteration with the iterations so far, max|g| and the time
     *        taken, on the calling thread; or null
     * @return the last iterate, the iterations and evaluations over all rounds, whether max|g|
     *         reached the tolerance, and why the run stopped
     * @throws IllegalArgumentException if the time limit is null, zero or negative
     */
    public Result minimize(Duration timeLimit, Consumer<Validation.Progress> progress) {
        Validation.requireTimeLimit(timeLimit);
        return minimize(new Monitor(Validation.CONJUGATE_GRADIENT, timeLimit, progress));
    }

    /** {@link #minimize(Duration, Consumer)} with the clock already started. */
    Result minimize(Monitor monitor) {
        long start = System.nanoTime();
        int n = problem.columns();
        double[] theta = new double[n];
        double[] gradient = new double[n];
        double[] hessian = new double[n * n];
        objective.valueGradientHessian(theta, gradient, hessian);
        Preconditioner preconditioner = startHessian(hessian, n);
        Checker checker = new Checker(objective, tolerance, monitor);
        checker.converged = maxAbs(gradient) <= tolerance;
        String stopped = checker.converged ? "converged" : null;
        int evaluations = 0;
        for (int round = 0; stopped == null; round++) {
            if (round == MAX_ROUNDS) {
                stopped = "stopped after " + MAX_ROUNDS + " rounds of line searches";
                break;
            }
            AnchoredLoss loss = new AnchoredLoss(problem, theta);
            checker.last = null;
            checker.iterationsBefore = checker.iterations;
            NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                    NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, checker,
                    LINE_RELATIVE_TOLERANCE, LINE_ABSOLUTE_TOLERANCE, INITIAL_BRACKETING_RANGE, preconditioner);
            PointValuePair result;
            try {
                result = optimizer.optimize(new MaxEval(MAX_EVALUATIONS - evaluations),
                        new MaxIter(MAX_ITERATIONS - checker.iterations),
                        new ObjectiveFunction(loss::value),
                        new ObjectiveFunctionGradient(t -> {
                            double[] g = new double[n];
                            objective.valueAndGradient(t, g);
                            return g;
                        }),
                        GoalType.MINIMIZE, new InitialGuess(theta));
            } catch (TooManyEvaluationsException | TooManyIterationsException e) {
                checker.converged = false;
                if (checker.last != null) {
                    theta = checker.last;
                }
                evaluations = e instanceof TooManyEvaluationsException ? MAX_EVALUATIONS
                        : evaluations + optimizer.getEvaluations();
                stopped = e instanceof TooManyEvaluationsException
                        ? "stopped at the limit of " + MAX_EVALUATIONS + " evaluations"
                        : "stopped at the iteration limit of " + MAX_ITERATIONS;
                break;
            }
            evaluations += optimizer.getEvaluations();
            theta = result.getPoint();
            if (checker.converged) {
                stopped = "converged";
            } else if (checker.timedOut) {
                stopped = monitor.timeLimitReached();
            } else if (!(result.getValue() < 0)) {
                // D(theta) = J(theta) - J(anchor) >= 0: this round found nothing better than its anchor
                stopped = "stopped: a round of line searches found no lower J than its start";
            }
        }
        return new Result(theta, checker.iterations, evaluations, checker.converged, System.nanoTime() - start,
                stopped);
    }

    /**
     * Stops a round at max|g| &le; the tolerance (converged), or when an iteration
     * did not decrease D (the round's line searches have reached rounding level).
     */
    private static final class Checker implements ConvergenceChecker<PointValuePair> {

        private final Objective objective;
        private final double[] gradient;
        private final double tolerance;
        private final Monitor monitor;
        /** The last iterate seen, or null in a new round. */
        double[] last;
        boolean converged;
        boolean timedOut;
        /** Iterations over all rounds, and before the current round. */
        int iterations;
        int iterationsBefore;

        Checker(Objective objective, double tolerance, Monitor monitor) {
            this.tolerance = tolerance;
            this.objective = objective;
            this.monitor = monitor;
            this.gradient = new double[objective.dimension()];
        }

        @Override
        public boolean converged(int iteration, PointValuePair previous, PointValuePair current) {
            last = current.getPoint();
            iterations = iterationsBefore + iteration;
            objective.valueAndGradient(last, gradient);
            double maxAbsGradient = maxAbs(gradient);
            converged = maxAbsGradient <= tolerance;
            monitor.iteration(iterations, maxAbsGradient);
            timedOut = !converged && monitor.expired();
            return converged || timedOut || !(current.getValue() < previous.getValue());
        }
    }

    /**
     * s = H(0)<sup>&minus;1</sup> r, by Commons Math's Cholesky factorization of the unit-diagonal
     * C = S H(0) S, S = diag(H(0))<sup>&minus;1/2</sup>: s = S C<sup>&minus;1</sup> S r. When C does not
     * factor (a pivot below {@link #PIVOT}), the diagonal alone: s = diag(H(0))<sup>&minus;1</sup> r.
     * A diagonal element that is not positive counts as 1.
     */
    static Preconditioner startHessian(double[] hessian, int n) {
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            double hjj = hessian[j * n + j];
            scale[j] = hjj > 0 && Double.isFinite(hjj) ? 1 / Math.sqrt(hjj) : 1.0;
        }
        // C = S H(0) S
        RealMatrix c = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c.setEntry(i, j, scale[i] * hessian[i * n + j] * scale[j]);
            }
        }
        DecompositionSolver cholesky;
        try {
            cholesky = new CholeskyDecomposition(c, CommonsMathIrls.SYMMETRY, PIVOT).getSolver();
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            cholesky = null;
        }
        DecompositionSolver solver = cholesky;
        return (point, r) -> {
            // S r
            double[] s = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                s[j] = scale[j] * r[j];
            }
            // C^-1 S r, or S r alone (Jacobi) without a factorization
            if (solver != null) {
                s = solver.solve(new ArrayRealVector(s, false)).toArray();
            }
            // S C^-1 S r
            for (int j = 0; j < r.length; j++) {
                s[j] *= scale[j];
            }
            return s;
        };
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
