package dev.logreg;

import dev.logreg.objective.RowSource;

/**
 * What the pipeline checks of a fit's rows before it builds the problem, each in one pass over their
 * labels and weights: that the weights are valid (finite, &ge; 0, one positive) and the power of two
 * they are divided by, and which classes have rows of positive weight.
 */
final class RowChecks {

    private RowChecks() {
    }

    /**
     * Checks the weights and finds e, the binary exponent of the largest, so that the weights divided by
     * 2<sup>e</sup> have their largest in [1, 2) (see
     * {@link dev.logreg.objective.BinaryProblem#weightExponent}).
     *
     * @param rows the rows
     * @return e, 0 without weights
     * @throws IllegalArgumentException for a weight that is negative or not finite, or no positive weight,
     *         naming the first
     */
    static int weightExponent(RowSource rows) {
        if (!rows.weighted()) {
            return 0;
        }
        double[] largest = {0.0};
        rows.scanLabels(block -> {
            for (int i = block.from(); i < block.to(); i++) {
                double w = block.weight(i);
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("weights[" + i + "] = " + w + ": weights must be finite and >= 0");
                }
                largest[0] = Math.max(largest[0], w);
            }
        });
        if (largest[0] == 0) {
            throw new IllegalArgumentException("every weight is 0 (the weights sum to 0.0): at least one must be positive");
        }
        double top = largest[0];
        // A subnormal largest weight is first scaled up exactly by 2^54.
        return top < Double.MIN_NORMAL ? Math.getExponent(Math.scalb(top, 54)) - 54 : Math.getExponent(top);
    }

    /**
     * @param rows the rows, their labels class indices in [0, classes)
     * @param classes K
     * @return for each class whether a row of positive weight has it
     */
    static boolean[] classesSeen(RowSource rows, int classes) {
        boolean[] seen = new boolean[classes];
        rows.scanLabels(block -> {
            for (int i = block.from(); i < block.to(); i++) {
                if (block.weight(i) > 0) {
                    seen[(int) block.y(i)] = true;
                }
            }
        });
        return seen;
    }
}
