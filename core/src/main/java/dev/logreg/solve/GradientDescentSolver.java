package dev.logreg.solve;

import dev.logreg.objective.Objective;

/**
 * Batch gradient descent, &theta; &larr; &theta; &minus; &eta;g.
 *
 * <p>The default step is &eta; = 1/L, L the objective's Lipschitz bound of the gradient, with which
 * the loss never increases. With the line search on, &eta; is halved until
 * J(&theta; &minus; &eta;g) &le; J(&theta;) &minus; 10<sup>&minus;4</sup>&eta;&Vert;g&Vert;<sup>2</sup> and the
 * smaller &eta; is kept for later iterations. Each trial step costs one pass for the loss and
 * gradient, reused as the next iterate's evaluation. Work arrays are fields, reused while the
 * dimension stays the same.
 */
public final class GradientDescentSolver implements Solver {

    private final GradientDescentOptions options;
    private final java.util.function.Consumer<Iteration> listener;
    private int n = -1;
    private double[] theta;
    private double[] trial;
    private double[] g;
    private double[] trialG;

    /**
     * @param options tolerance, iteration limit, learning rate and line search
     */
    public GradientDescentSolver(GradientDescentOptions options) {
        this(options, null);
    }

    /**
     * @param options the settings
     * @param listener told of every iteration as the trace records it (the start first), on the
     *        solver's thread, or {@code null}; for progress reports
     */
    public GradientDescentSolver(GradientDescentOptions options, java.util.function.Consumer<Iteration> listener) {
        Checks.argument(options, "options");
        this.options = options;
        this.listener = listener;
    }

    /** @return the settings */
    public GradientDescentOptions options() {
        return options;
    }

    @Override
    public Solution minimize(Objective f, double[] start, double separationLevel) {
        Checks.argument(f, "f");
        Checks.start(start, f.dimension());
        resize(f.dimension());
        Progress progress = new Progress(separationLevel, options.tolerance(), options.maxIterations(), options.timeLimit(),
                listener);
        double eta = options.learningRate() == GradientDescentOptions.AUTOMATIC_LEARNING_RATE
                ? 1.0 / f.lipschitzBound() : options.learningRate();
        System.arraycopy(start, 0, theta, 0, n);
        double loss = f.valueAndGradient(theta, g);
        progress.evaluated();
        double gmax = Progress.maxAbs(g);
        Checks.finiteAtStart(loss, gmax);
        progress.record(0, loss, gmax, 0, 0, 0);
        int k = 0;
        int increases = 0;
        Termination termination;
        while ((termination = progress.check(loss, gmax, k)) == null) {
            double gradientNormSquared = Progress.dot(g, g);
            Progress.step(theta, -eta, g, trial);
            double trialLoss = f.valueAndGradient(trial, trialG);
            progress.evaluated();
            if (options.lineSearch()) {
                boolean accepted = acceptable(trialLoss, loss, eta, gradientNormSquared, gmax);
                for (int halving = 0; !accepted && halving < LineSearch.MAX_HALVINGS; halving++) {
                    eta *= 0.5;
                    Progress.step(theta, -eta, g, trial);
                    trialLoss = f.valueAndGradient(trial, trialG);
                    progress.evaluated();
                    accepted = acceptable(trialLoss, loss, eta, gradientNormSquared, gmax);
                }
                if (!accepted) {
                    termination = Termination.NO_PROGRESS;
                    progress.warn("the line search found no decrease along the negative gradient");
                    break;
                }
            } else if (!Double.isFinite(trialLoss) || !allFinite(trial)) {
                termination = Termination.NO_PROGRESS;
                progress.warn(String.format("the loss became non-finite with learning rate %.3g: it is too large; "
                        + "use the default 1/L or turn on the line search", eta));
                break;
            } else if (LineSearch.increasesBeyondNoise(trialLoss, loss)) {
                increases++;
            }
            swap();
            loss = trialLoss;
            gmax = Progress.maxAbs(g);
            k++;
            progress.record(k, loss, gmax, eta, eta * Math.sqrt(gradientNormSquared), 0);
        }
        if (increases > 0) {
            progress.warn(String.format("the loss increased at %d of %d iterations: learning rate %.3g is too large "
                    + "for this problem", increases, k, eta));
        }
        return progress.finish(theta, termination, k, loss, gmax);
    }

    /** Armijo along d = &minus;g (slope &minus;&Vert;g&Vert;<sup>2</sup>), or progress within the loss's rounding noise. */
    private boolean acceptable(double trialLoss, double loss, double eta, double gradientNormSquared, double gmax) {
        return LineSearch.sufficientDecrease(trialLoss, loss, eta, -gradientNormSquared)
                || LineSearch.acceptableWithinNoise(trialLoss, loss, Progress.maxAbs(trialG), gmax);
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    private void swap() {
        double[] t = theta;
        theta = trial;
        trial = t;
        t = g;
        g = trialG;
        trialG = t;
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
    }
}
