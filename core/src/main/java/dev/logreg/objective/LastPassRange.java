package dev.logreg.objective;

import java.util.Arrays;

/**
 * The largest logit range of a row that a fused kernel's pass folds from its chunks, and the &theta; of
 * the last pass that finished: asked for the range at that &theta;, the kernel answers without another
 * pass.
 */
final class LastPassRange {

    private final double[] theta;
    private boolean known;
    /** The largest range over the chunks folded so far (of the current pass, or of the last one finished). */
    private double range;

    LastPassRange(int dimension) {
        this.theta = new double[dimension];
    }

    /** Starts a pass: forgets the last one (a pass that does not finish records nothing). */
    void start() {
        known = false;
        range = 0;
    }

    /** Folds in a chunk's largest range. */
    void fold(double chunkRange) {
        range = Math.max(range, chunkRange);
    }

    /** Records that the pass at &theta; finished. */
    void finish(double[] at) {
        System.arraycopy(at, 0, theta, 0, theta.length);
        known = true;
    }

    /**
     * @param at parameters
     * @param pass runs a pass at them (of the loss alone), for when the last finished pass was elsewhere
     * @return the largest logit range at {@code at}
     */
    double at(double[] at, java.util.function.Consumer<double[]> pass) {
        if (!(known && Arrays.equals(theta, at))) {
            pass.accept(at);
        }
        return range;
    }
}
