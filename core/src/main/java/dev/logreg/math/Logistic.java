package dev.logreg.math;

/**
 * Numerically stable scalar functions of the logistic model.
 *
 * <p>Every function is finite for every finite argument: the sigmoid
 * &sigma;(z) = 1/(1 + e<sup>&minus;z</sup>) is evaluated by a branch on the sign of z so that
 * {@code exp} never overflows, and the softplus log(1 + e<sup>z</sup>) is written as
 * max(z, 0) + log1p(e<sup>&minus;|z|</sup>), exact to a few ulps for |z| up to 1e4 and beyond.
 */
public final class Logistic {

    private Logistic() {
    }

    /**
     * The logistic sigmoid &sigma;(z) = 1/(1 + e<sup>&minus;z</sup>), the probability for log-odds z.
     *
     * @param z log-odds, any double
     * @return &sigma;(z) in [0, 1]; NaN only for a NaN argument
     */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /**
     * The derivative of the sigmoid, &sigma;(z)(1 &minus; &sigma;(z)) = e<sup>&minus;|z|</sup>/(1 + e<sup>&minus;|z|</sup>)<sup>2</sup>,
     * computed without the cancellation of 1 &minus; &sigma;(z) for large z.
     *
     * @param z log-odds
     * @return the Bernoulli variance at probability &sigma;(z), in [0, 1/4]
     */
    public static double sigmoidDerivative(double z) {
        double e = Math.exp(-Math.abs(z));
        double s = 1.0 + e;
        return e / (s * s);
    }

    /**
     * The softplus log(1 + e<sup>z</sup>) = max(z, 0) + log1p(e<sup>&minus;|z|</sup>).
     *
     * @param z any double
     * @return log(1 + e<sup>z</sup>) &ge; 0
     */
    public static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /**
     * The logarithm of the sigmoid, log &sigma;(z) = &minus;softplus(&minus;z).
     *
     * @param z log-odds
     * @return log &sigma;(z) &le; 0
     */
    public static double logSigmoid(double z) {
        return -softplus(-z);
    }

    /**
     * The Bernoulli negative log-likelihood of label y at log-odds z,
     * log(1 + e<sup>z</sup>) &minus; y z, written as (1 &minus; y) softplus(z) + y softplus(&minus;z) so
     * that no large terms cancel when y = 1 and z is large.
     *
     * @param z log-odds
     * @param y label in [0, 1]
     * @return the cross-entropy of the prediction &sigma;(z) against y
     * @throws IllegalArgumentException if y is outside [0, 1] or NaN
     */
    public static double crossEntropy(double z, double y) {
        if (y == 0.0) {
            return softplus(z);
        }
        if (y == 1.0) {
            return softplus(-z);
        }
        checkProbability(y);
        return (1.0 - y) * softplus(z) + y * softplus(-z);
    }

    /**
     * The logit log(p/(1 &minus; p)), the inverse of the sigmoid, written as log(p) &minus; log1p(&minus;p)
     * to keep its precision for p near 0 and near 1.
     *
     * @param p a probability in [0, 1]
     * @return the log-odds of p: &minus;&infin; at 0, +&infin; at 1
     * @throws IllegalArgumentException if p is outside [0, 1] or NaN
     */
    public static double logit(double p) {
        checkProbability(p);
        return Math.log(p) - Math.log1p(-p);
    }

    /**
     * The log-odds of a probability; the same function as {@link #logit(double)}.
     *
     * @param p a probability in [0, 1]
     * @return log(p/(1 &minus; p))
     * @throws IllegalArgumentException if p is outside [0, 1] or NaN
     */
    public static double logOdds(double p) {
        return logit(p);
    }

    /**
     * The odds p/(1 &minus; p) of a probability.
     *
     * @param p a probability in [0, 1]
     * @return the odds, +&infin; at p = 1
     * @throws IllegalArgumentException if p is outside [0, 1] or NaN
     */
    public static double odds(double p) {
        checkProbability(p);
        return p / (1.0 - p);
    }

    /**
     * The probability for given odds, o/(1 + o).
     *
     * @param odds odds in [0, +&infin;]
     * @return the probability, 1 for infinite odds
     * @throws IllegalArgumentException if the odds are negative or NaN
     */
    public static double probabilityFromOdds(double odds) {
        if (!(odds >= 0)) {
            throw new IllegalArgumentException("odds must be >= 0, got " + odds);
        }
        return odds == Double.POSITIVE_INFINITY ? 1.0 : odds / (1.0 + odds);
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
    }
}
