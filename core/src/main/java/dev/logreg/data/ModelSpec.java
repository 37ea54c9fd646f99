package dev.logreg.data;

import java.util.List;

/**
 * What to fit from a {@link Table}: the target column, the features, the event level and the
 * weight column.
 *
 * @param target the target column's name
 * @param features feature expressions ({@link Feature#parse}); empty for every column but the
 *        target and the weights
 * @param positive the target level that is the event (y = 1), or {@code null} for the default:
 *        1 for a 0/1 target, else the second of the two levels in sorted order
 * @param weights the name of a numeric column of prior weights, or {@code null} for unit weights
 */
public record ModelSpec(String target, List<String> features, String positive, String weights) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the target is missing or empty
     */
    public ModelSpec {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("no target column given (target is " + (target == null ? "null"
                    : "blank") + ")");
        }
        for (int j = 0; features != null && j < features.size(); j++) {
            if (features.get(j) == null) {
                throw new IllegalArgumentException("features[" + j + "] is null");
            }
        }
        features = features == null ? List.of() : List.copyOf(features);
    }

    /**
     * @param target the target column
     * @param features feature expressions; none for every other column
     * @return a spec with the default event and unit weights
     */
    public static ModelSpec of(String target, String... features) {
        if (features == null) {
            throw new IllegalArgumentException("features is null");
        }
        return new ModelSpec(target, List.of(features), null, null);
    }

    /**
     * @param value the event level
     * @return a copy with that event level
     */
    public ModelSpec withPositive(String value) {
        return new ModelSpec(target, features, value, weights);
    }

    /**
     * @param column the weight column
     * @return a copy with that weight column
     */
    public ModelSpec withWeights(String column) {
        return new ModelSpec(target, features, positive, column);
    }
}
