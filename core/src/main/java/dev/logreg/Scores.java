package dev.logreg;

import java.util.List;

/**
 * A model applied to the rows of a table: one row of results per table row, in table order. A row the
 * model cannot score (a missing cell in a column it reads, or an unseen level mapped to missing) has
 * NaN probabilities and log-odds and the predicted class &minus;1; no row is dropped.
 *
 * @param classes the class names, as {@link Model#classes()}
 * @param probabilities per row, one probability per class (for a binomial model {P(non-event), P(event)})
 * @param linearPredictors per row, one linear predictor per coefficient class (for a binomial model the
 *        event's log-odds)
 * @param predicted per row, the index into {@code classes} of the predicted class, &minus;1 for a row not scored
 */
public record Scores(List<String> classes, double[][] probabilities, double[][] linearPredictors, int[] predicted) {

    /** The predicted class of a row not scored. */
    public static final int NOT_SCORED = -1;

    /**
     * Validates the shapes (the arrays are kept, not copied: a record of results).
     *
     * @throws IllegalArgumentException for null parts or rows of different counts
     */
    public Scores {
        if (classes == null || probabilities == null || linearPredictors == null || predicted == null) {
            throw new IllegalArgumentException("classes, probabilities, linearPredictors and predicted must not be null");
        }
        if (probabilities.length != predicted.length || linearPredictors.length != predicted.length) {
            throw new IllegalArgumentException("probabilities, linearPredictors and predicted have "
                    + probabilities.length + ", " + linearPredictors.length + " and " + predicted.length + " rows");
        }
        classes = List.copyOf(classes);
    }

    /** @return the number of rows */
    public int rows() {
        return predicted.length;
    }

    /**
     * @param row a row index
     * @return whether the row was scored
     */
    public boolean scored(int row) {
        return predicted[row] != NOT_SCORED;
    }

    /**
     * @param row a row index
     * @return the predicted class's name, or null for a row not scored
     */
    public String predictedClass(int row) {
        return predicted[row] == NOT_SCORED ? null : classes.get(predicted[row]);
    }
}
