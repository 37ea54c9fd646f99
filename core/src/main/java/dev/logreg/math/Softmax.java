package dev.logreg.math;

/**
 * Numerically stable softmax functions over a vector of K logits z: the log-sum-exp
 * log &Sigma;<sub>k</sub> e<sup>z<sub>k</sub></sup> and the probabilities
 * p<sub>k</sub> = e<sup>z<sub>k</sub></sup> / &Sigma;<sub>l</sub> e<sup>z<sub>l</sub></sup>.
 *
 * <p>Both subtract the largest logit before exponentiating, so no exponent exceeds 0: the results
 * are finite for any finite logits, however large, and the probabilities sum to 1 up to rounding.
 * The softmax is invariant to adding one constant to every logit, which is why a multinomial model
 * fixes one class's logit (the reference) or centres them.
 */
public final class Softmax {

    private Softmax() {
    }

    /**
     * log &Sigma;<sub>k</sub> e<sup>z<sub>k</sub></sup>, computed as
     * max z + log &Sigma; e<sup>z<sub>k</sub> &minus; max z</sup>.
     *
     * @param z logits, at least one, finite
     * @return the log-sum-exp; +&infin; or NaN only if a logit is
     */
    public static double logSumExp(double[] z) {
        if (z == null) {
            throw new IllegalArgumentException("z is null");
        }
        return logSumExp(z, 0, z.length);
    }

    /**
     * The log-sum-exp of {@code z[from .. from + length)}.
     *
     * @param z logits
     * @param from first index
     * @param length number of logits, at least 1
     * @return log &Sigma; e<sup>z<sub>k</sub></sup> over the range
     */
    public static double logSumExp(double[] z, int from, int length) {
        if (z == null) {
            throw new IllegalArgumentException("z is null");
        }
        double max = z[from];
        for (int k = from + 1; k < from + length; k++) {
            max = Math.max(max, z[k]);
        }
        if (max == Double.POSITIVE_INFINITY || max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int k = from; k < from + length; k++) {
            sum += Math.exp(z[k] - max);
        }
        return max + Math.log(sum);
    }

    /**
     * Writes the softmax of {@code z} into {@code p} and returns the log-sum-exp, so that
     * log p<sub>k</sub> = z<sub>k</sub> &minus; the returned value.
     *
     * @param z logits, length K
     * @param p output probabilities, length K (may be {@code z} itself)
     * @return log &Sigma;<sub>k</sub> e<sup>z<sub>k</sub></sup>
     */
    public static double softmax(double[] z, double[] p) {
        if (z == null) {
            throw new IllegalArgumentException("z is null");
        }
        if (p == null) {
            throw new IllegalArgumentException("p is null");
        }
        int k = z.length;
        double max = z[0];
        for (int c = 1; c < k; c++) {
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double e = Math.exp(z[c] - max);
            p[c] = e;
            sum += e;
        }
        for (int c = 0; c < k; c++) {
            p[c] /= sum;
        }
        return max + Math.log(sum);
    }
}
