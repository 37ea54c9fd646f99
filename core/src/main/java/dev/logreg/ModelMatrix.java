package dev.logreg;

/**
 * The names and shapes around a model matrix: term names, the validation of names, and the selection
 * of kept columns. The matrix itself is a {@link dev.logreg.objective.DesignMatrix}, copied from the
 * caller's rows and checked on the way.
 */
final class ModelMatrix {

    /** The intercept's term name, as R prints it; no feature may have it. */
    static final String INTERCEPT = "(Intercept)";
    /** What {@link #names} calls feature names; they may not be the intercept's. */
    static final String FEATURE_NAME = "feature name";

    private ModelMatrix() {
    }

    /**
     * The term names: "(Intercept)" first if there is one, then the feature names or x1, x2, &hellip;
     *
     * @param featureNames names of the features, or {@code null}
     * @param features the number of feature columns
     * @param intercept whether there is an intercept
     * @return the names
     * @throws IllegalArgumentException if the number of names differs from the number of features
     */
    static java.util.List<String> terms(java.util.List<String> featureNames, int features, boolean intercept) {
        if (featureNames != null && featureNames.size() != features) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for " + features + " columns");
        }
        java.util.List<String> terms = new java.util.ArrayList<>();
        if (intercept) {
            terms.add(INTERCEPT);
        }
        for (int j = 0; j < features; j++) {
            terms.add(featureNames == null ? "x" + (j + 1) : featureNames.get(j));
        }
        return terms;
    }

    /**
     * Validates a list of names: none null or empty, none twice, and no feature name {@code (Intercept)}.
     *
     * @param what what the names are, for messages ("feature name")
     * @param names the names, or {@code null}
     * @return an unmodifiable copy, or {@code null}
     */
    static java.util.List<String> names(String what, java.util.List<String> names) {
        if (names == null) {
            return null;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException(what + " " + j + " is " + (name == null ? "null" : "empty"));
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(what + " '" + name + "' is given twice");
            }
            if (what.equals(FEATURE_NAME) && name.equals(INTERCEPT)) {
                throw new IllegalArgumentException(what + " " + j + " is '" + name + "', the name of the intercept"
                        + " term " + INTERCEPT + ": choose another name");
            }
        }
        return java.util.List.copyOf(names);
    }

    /**
     * @param n a number of columns
     * @return 0, 1, &hellip;, n &minus; 1: every column kept
     */
    static int[] all(int n) {
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        return all;
    }

    /**
     * @param values a vector
     * @param kept the positions to keep, increasing
     * @return values at those positions
     */
    static double[] select(double[] values, int[] kept) {
        double[] out = new double[kept.length];
        for (int c = 0; c < kept.length; c++) {
            out[c] = values[kept[c]];
        }
        return out;
    }

    /**
     * Applies a prediction to each row, naming the row in the message of a rejected one.
     *
     * @param x rows of features
     * @param predict the prediction of one row; throws IllegalArgumentException for a bad row
     * @throws IllegalArgumentException for a null x, or "row i: " and the prediction's message
     */
    static void perRow(double[][] x, java.util.function.ObjIntConsumer<double[]> predict) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        for (int i = 0; i < x.length; i++) {
            try {
                predict.accept(x[i], i);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
            }
        }
    }
}
