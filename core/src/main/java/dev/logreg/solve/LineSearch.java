package dev.logreg.solve;

/**
 * The Armijo rule shared by both solvers, with a guard for the last iterations, where the
 * predicted decrease is below the rounding error of the loss and comparing losses says nothing.
 */
final class LineSearch {

    /** Armijo's c<sub>1</sub>: accept when J(&theta; + &alpha;d) &le; J(&theta;) + c<sub>1</sub>&alpha;g<sup>T</sup>d. */
    static final double ARMIJO = 1e-4;
    /** Halvings of the step before the line search gives up (&alpha; = 2<sup>&minus;60</sup>). */
    static final int MAX_HALVINGS = 60;
    /**
     * Relative rounding noise of a computed loss. Below it a step is judged by the gradient: it is
     * accepted if it does not raise the loss beyond the noise and it shrinks max|g|.
     */
    static final double LOSS_NOISE = 1e-13;

    private LineSearch() {
    }

    /** Armijo's sufficient decrease, for a step &alpha; along a direction with slope g<sup>T</sup>d &lt; 0. */
    static boolean sufficientDecrease(double trialLoss, double loss, double alpha, double slope) {
        return trialLoss <= loss + ARMIJO * alpha * slope;
    }

    /**
     * Whether a step that fails Armijo's test lies within the loss's rounding noise and is
     * nevertheless progress, because it reduces the gradient.
     */
    static boolean acceptableWithinNoise(double trialLoss, double loss, double trialMaxAbsGradient,
                                         double maxAbsGradient) {
        return !increasesBeyondNoise(trialLoss, loss) && trialMaxAbsGradient < maxAbsGradient;
    }

    /** Whether the trial loss exceeds the current one by more than the rounding noise. */
    static boolean increasesBeyondNoise(double trialLoss, double loss) {
        return trialLoss > loss + LOSS_NOISE * Math.max(1.0, Math.abs(loss));
    }
}
