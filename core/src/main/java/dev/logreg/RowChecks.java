package dev.logreg;

import dev.logreg.objective.RowSource;

/**
 * What the pipeline checks of a fit's rows before it builds the problem, in one pass over their
 * labels and weights: which classes have rows of positive weight (the weights themselves are checked by
 * {@link dev.logreg.objective.BinaryProblem#weightExponent(RowSource)}).
 */
final class RowChecks {

    private RowChecks() {
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
