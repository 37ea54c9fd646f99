package dev.logreg.objective;

import java.util.Arrays;

/**
 * The largest logit range of a row that a fused kernel's last complete pass found on its way, and the
 * &theta; of that pass: asked for the range at that &theta;, the kernel answers without another pass.
 */
final class LastPassRange {

    private final double[] theta;
    private boolean known;
    private double range;

    LastPassRange(int dimension) {
        this.theta = new double[dimension];
    }

    /** Forgets the last pass, before a new one starts (a pass that does not finish records nothing). */
    void forget() {
        known = false;
    }

    /** Records a finished pass at &theta;. */
    void record(double[] at, double largest) {
        System.arraycopy(at, 0, theta, 0, theta.length);
        range = largest;
        known = true;
    }

    /** @return whether the last finished pass was at exactly this &theta; */
    boolean isAt(double[] at) {
        return known && Arrays.equals(theta, at);
    }

    /** @return the range the last finished pass found */
    double range() {
        return range;
    }
}
