package dev.logreg.solve;

import dev.logreg.objective.Objective;

/**
 * Newton's method with a damped Cholesky solve and Armijo backtracking.
 *
 * <p>Iteration k: evaluate J, g and H at &theta;<sub>k</sub>; stop on separation, on
 * max|g| &le; tolerance or at the iteration limit; otherwise solve (H + &mu;I)d = &minus;g with the
 * smallest &mu; in {0, 1e-8 mean(diag H), &times;10, &hellip;} that gives a well-conditioned factor
 * and a descent direction (see {@link DampedCholesky}); try &theta; + d with one full evaluation,
 * which becomes the next iterate's evaluation when the step is accepted; otherwise halve &alpha;
 * until J(&theta; + &alpha;d) &le; J(&theta;) + 10<sup>&minus;4</sup>&alpha;g<sup>T</sup>d, evaluating the
 * loss alone.
 *
 * <p>Each iteration costs one pass over the data when the full step is taken, which is the rule
 * near the optimum. Work arrays are fields, reused while the dimension stays the same.
 */
public final class NewtonSolver implements Solver {

    private final NewtonOptions options;
    private final java.util.function.Consumer<Iteration> listener;
    private final DampedCholesky dampedCholesky = new DampedCholesky();
    private int n = -1;
    private double[] theta;
    private double[] trial;
    private double[] g;
    private double[] trialG;
    private double[] H;
    private double[] trialH;
    private double[] d;

    /**
     * @param options tolerance and iteration limit
     */
    public NewtonSolver(NewtonOptions options) {
        this(options, null);
    }

    /**
     * @param options the settings
     * @param listener told of every iteration as the trace records it (the start first), on the
     *        solver's thread, or {@code null}; for progress reports
     */
    public NewtonSolver(NewtonOptions options, java.util.function.Consumer<Iteration> listener) {
        Checks.argument(options, "options");
        this.options = options;
        this.listener = listener;
    }

    /** @return the settings */
    public NewtonOptions options() {
        return options;
    }

    @Override
    public Solution minimize(Objective f, double[] start, double separationLevel) {
        Checks.argument(f, "f");
        Checks.start(start, f.dimension());
        resize(f.dimension());
        Progress progress = new Progress(separationLevel, options.tolerance(), options.maxIterations(), options.timeLimit(),
                listener);
        System.arraycopy(start, 0, theta, 0, n);
        double loss = f.valueGradientHessian(theta, g, H);
        progress.evaluated();
        double gmax = Progress.maxAbs(g);
        Checks.finiteAtStart(loss, gmax);
        progress.record(0, loss, gmax, 0, 0, 0);
        int k = 0;
        int dampedIterations = 0;
        double largestDamping = 0;
        double previousGmax = Double.NaN;
        boolean lastStepFull = false;
        boolean hessianStale = false;
        boolean reusedHessian = false;
        Termination termination;
        while ((termination = progress.check(loss, gmax, k)) == null) {
            boolean reuse = false;
            if (hessianStale) {
                // The last pass skipped H, expecting convergence that did not come. If max|g| still fell
                // by 10 or more, the Hessian of the previous iterate (kept in H) is close enough for one
                // more step (a simplified Newton step); otherwise compute H here.
                if (!reusedHessian && gmax <= 0.1 * previousGmax) {
                    reuse = true;
                } else {
                    loss = f.valueGradientHessian(theta, g, H);
                    progress.evaluated();
                    gmax = Progress.maxAbs(g);
                }
                hessianStale = false;
            }
            reusedHessian = reuse;
            double mu = dampedCholesky.solve(H, g, d);
            if (mu < 0) {
                termination = Termination.NO_PROGRESS;
                progress.warn("no damping of the Hessian gave a descent direction");
                break;
            }
            double slope = Progress.dot(g, d);
            // The full step, evaluated completely: if it is accepted, it is the next iteration's pass. When
            // quadratic convergence predicts that this step ends the solve (max|g| after it, extrapolated
            // as gmax^3 / previousGmax^2 from the last full step, within ten times the tolerance), the
            // Hessian at the trial point would probably never be used, and the pass computes J and g only.
            // A wrong guess costs little: the next step reuses this iteration's H (see above).
            double alpha = 1.0;
            Progress.step(theta, alpha, d, trial);
            boolean expectLast = lastStepFull && mu == 0 && previousGmax > 0
                    && gmax * gmax * gmax / (previousGmax * previousGmax) < 10 * options.tolerance();
            double trialLoss = expectLast ? f.valueAndGradient(trial, trialG) : f.valueGradientHessian(trial, trialG, trialH);
            progress.evaluated();
            boolean accepted = LineSearch.sufficientDecrease(trialLoss, loss, alpha, slope)
                    || LineSearch.acceptableWithinNoise(trialLoss, loss, Progress.maxAbs(trialG), gmax);
            for (int halving = 0; !accepted && halving < LineSearch.MAX_HALVINGS; halving++) {
                alpha *= 0.5;
                Progress.step(theta, alpha, d, trial);
                trialLoss = f.value(trial);
                progress.evaluated();
                accepted = LineSearch.sufficientDecrease(trialLoss, loss, alpha, slope);
                if (accepted) {
                    trialLoss = f.valueGradientHessian(trial, trialG, trialH);
                    progress.evaluated();
                    expectLast = false;
                }
            }
            if (!accepted) {
                termination = Termination.NO_PROGRESS;
                progress.warn("the line search found no decrease along the Newton direction");
                break;
            }
            if (mu > 0) {
                dampedIterations++;
                largestDamping = Math.max(largestDamping, mu);
            }
            swap(!expectLast);
            loss = trialLoss;
            previousGmax = gmax;
            gmax = Progress.maxAbs(g);
            lastStepFull = alpha == 1.0;
            hessianStale = expectLast;
            k++;
            progress.record(k, loss, gmax, alpha, alpha * Progress.norm2(d), mu);
        }
        if (dampedIterations > 0) {
            progress.warn(String.format("the Hessian was not safely positive definite at %d of %d iterations and "
                    + "was damped (mu up to %.3g): the model may be nearly unidentifiable", dampedIterations, k, largestDamping));
        }
        return progress.finish(theta, termination, k, loss, gmax);
    }

    /** Makes the trial point current; its Hessian too, unless the trial pass skipped it (H is kept). */
    private void swap(boolean hessian) {
        double[] t = theta;
        theta = trial;
        trial = t;
        t = g;
        g = trialG;
        trialG = t;
        if (hessian) {
            t = H;
            H = trialH;
            trialH = t;
        }
    }

    private void resize(int dimension) {
        if (dimension == n) {
            return;
        }
        n = dimension;
        theta = new double[n];
        trial = new double[n];
        g = new double[n];
        trialG = new double[n];
        H = new double[n * n];
        trialH = new double[n * n];
        d = new double[n];
    }
}
