package dev.logreg.bench;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.Objective;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
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
 * Commons Math's {@link NonLinearConjugateGradientOptimizer} (Polak-Ribi&egrave;re, Jacobi
 * preconditioner diag H(0), bracketing + Brent line search) on this library's objective, from
 * &theta; = 0, as the library's package-private {@code dev.logreg.check.CommonsMathConjugateGradient}
 * does it: gradients from the given {@link Objective}, values from {@link AnchoredLoss}, a new
 * anchored round whenever an iteration stops decreasing D, until max|g| &le; the tolerance.
 */
final class CommonsMathCg {

    static final int MAX_EVALUATIONS = 100_000;
    static final int MAX_ITERATIONS = 100_000;
    static final int MAX_ROUNDS = 10;
    static final double LINE_RELATIVE_TOLERANCE = 1e-12;
    static final double LINE_ABSOLUTE_TOLERANCE = 1e-300;
    static final double INITIAL_BRACKETING_RANGE = 1.0;

    /** What a run returned. */
    record Result(double[] theta, int iterations, int evaluations, boolean converged) {
    }

    private final BinaryProblem problem;
    private final Objective objective;
    private final double tolerance;

    /**
     * @param problem the data, the intercept in column 0
     * @param objective J on the same data, for the gradients
     * @param tolerance stop at max|g| &le; tolerance
     */
    CommonsMathCg(BinaryProblem problem, Objective objective, double tolerance) {
        this.problem = problem;
        this.objective = objective;
        this.tolerance = tolerance;
    }

    Result minimize() {
        int n = problem.columns();
        double[] theta = new double[n];
        double[] gradient = new double[n];
        double[] hessian = new double[n * n];
        objective.valueGradientHessian(theta, gradient, hessian);
        Preconditioner jacobi = jacobi(hessian, n);
        Checker checker = new Checker(objective, tolerance);
        checker.converged = Verify.maxAbs(gradient) <= tolerance;
        int iterations = 0;
        int evaluations = 0;
        for (int round = 0; round < MAX_ROUNDS && !checker.converged; round++) {
            AnchoredLoss loss = new AnchoredLoss(problem, theta);
            checker.last = null;
            NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                    NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, checker,
                    LINE_RELATIVE_TOLERANCE, LINE_ABSOLUTE_TOLERANCE, INITIAL_BRACKETING_RANGE, jacobi);
            PointValuePair result;
            try {
                result = optimizer.optimize(new MaxEval(MAX_EVALUATIONS - evaluations),
                        new MaxIter(MAX_ITERATIONS - iterations),
                        new ObjectiveFunction(loss::value),
                        new ObjectiveFunctionGradient(t -> {
                            double[] g = new double[n];
                            objective.valueAndGradient(t, g);
                            return g;
                        }),
                        GoalType.MINIMIZE, new InitialGuess(theta));
            } catch (TooManyEvaluationsException | TooManyIterationsException e) {
                iterations += optimizer.getIterations();
                evaluations += optimizer.getEvaluations();
                checker.converged = false;
                if (checker.last != null) {
                    theta = checker.last;
                }
                break;
            }
            iterations += optimizer.getIterations();
            evaluations += optimizer.getEvaluations();
            theta = result.getPoint();
            if (!(result.getValue() < 0)) {
                break;
            }
        }
        return new Result(theta, iterations, evaluations, checker.converged);
    }

    /** Stops a round at max|g| &le; tolerance, or when an iteration did not decrease D. */
    private static final class Checker implements ConvergenceChecker<PointValuePair> {

        private final Objective objective;
        private final double tolerance;
        private final double[] gradient;
        double[] last;
        boolean converged;

        Checker(Objective objective, double tolerance) {
            this.objective = objective;
            this.tolerance = tolerance;
            this.gradient = new double[objective.dimension()];
        }

        @Override
        public boolean converged(int iteration, PointValuePair previous, PointValuePair current) {
            last = current.getPoint();
            objective.valueAndGradient(last, gradient);
            converged = Verify.maxAbs(gradient) <= tolerance;
            return converged || !(current.getValue() < previous.getValue());
        }
    }

    /** s = diag(H)<sup>&minus;1</sup> r, with 1 in place of a diagonal element that is not positive. */
    private static Preconditioner jacobi(double[] hessian, int n) {
        double[] inverseDiagonal = new double[n];
        for (int j = 0; j < n; j++) {
            double hjj = hessian[j * n + j];
            inverseDiagonal[j] = hjj > 0 && Double.isFinite(hjj) ? 1 / hjj : 1.0;
        }
        return (point, r) -> {
            double[] s = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                s[j] = inverseDiagonal[j] * r[j];
            }
            return s;
        };
    }
}
