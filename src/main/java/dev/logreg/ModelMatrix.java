package dev.logreg;

/**
 * Copies a caller's feature rows into a row-major model matrix, an intercept column of ones first
 * when asked, validating the shape and that every value is finite.
 */
final class ModelMatrix {

    /** The intercept's term name, as R prints it; no feature may have it. */
    static final String INTERCEPT = "(Intercept)";
    /** What {@link #names} calls feature names; they may not be the intercept's. */
    static final String FEATURE_NAME = "feature name";

    private ModelMatrix() {
    }

    /**
     * The model matrix of {@code x}: {@code rows} &times; ({@code features} + 1 if intercept).
     *
     * @param x feature rows, all the same length, finite
     * @param intercept whether to put a column of ones first
     * @return the row-major matrix, a fresh array
     * @throws IllegalArgumentException for null or ragged rows, no rows, no columns at all or a
     *         non-finite value, naming the first (in row order)
     */
    static double[] of(double[][] x, boolean intercept) {
        return of(x, intercept, null);
    }

    /**
     * The model matrix of {@code x}, and each column's largest |x| found while copying it (for
     * {@link ColumnScaling#equilibrate}).
     *
     * @param x feature rows, all the same length, finite
     * @param intercept whether to put a column of ones first
     * @param largest receives max|x<sub>j</sub>| per column of the model matrix (1 for the intercept), or null
     * @return the row-major matrix, a fresh array
     * @throws IllegalArgumentException for null or ragged rows, no rows, no columns at all or a
     *         non-finite value, naming the first (in row order)
     */
    static double[] of(double[][] x, boolean intercept, double[] largest) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("x has no rows");
        }
        if (x[0] == null) {
            throw new IllegalArgumentException("x[0] is null");
        }
        int features = x[0].length;
        int cols = features + (intercept ? 1 : 0);
        if (cols == 0) {
            throw new IllegalArgumentException("x has no columns and the model has no intercept: nothing to fit");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException("x[" + i + "] is null");
            }
            if (x[i].length != features) {
                throw new IllegalArgumentException("x[" + i + "] has " + x[i].length + " columns, x[0] has " + features);
            }
        }
        double[] design = new double[x.length * cols];
        // Copy in parallel row ranges, each keeping its columns' largest |x|: a NaN or an infinity makes the
        // maximum non-finite (Math.max passes NaN on), and only then are the rows searched for the first.
        int offset = cols - features;
        int chunks = (long) x.length * features < (1 << 16) ? 1 : Runtime.getRuntime().availableProcessors();
        double[][] chunkLargest = new double[chunks][features];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) x.length * c / chunks);
            int to = (int) ((long) x.length * (c + 1) / chunks);
            double[] mx = chunkLargest[c];
            for (int i = from; i < to; i++) {
                double[] row = x[i];
                if (intercept) {
                    design[i * cols] = 1.0;
                }
                System.arraycopy(row, 0, design, i * cols + offset, features);
                for (int j = 0; j < features; j++) {
                    mx[j] = Math.max(mx[j], Math.abs(row[j]));
                }
            }
        });
        double[] columnLargest = new double[features];
        for (double[] mx : chunkLargest) {
            for (int j = 0; j < features; j++) {
                columnLargest[j] = Math.max(columnLargest[j], mx[j]);
            }
        }
        for (int j = 0; j < features; j++) {
            if (!Double.isFinite(columnLargest[j])) {
                throwFirstNonFinite(x);
            }
        }
        if (largest != null) {
            if (intercept) {
                largest[0] = 1.0;
            }
            System.arraycopy(columnLargest, 0, largest, offset, features);
        }
        return design;
    }

    private static void throwFirstNonFinite(double[][] x) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("x[" + i + "][" + j + "] = " + x[i][j] + ": features must be finite");
                }
            }
        }
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
     * Copies the kept columns of a row-major matrix.
     *
     * @param design rows &times; cols
     * @param rows number of rows
     * @param cols number of columns
     * @param kept the columns to keep, increasing
     * @return rows &times; kept.length
     */
    static double[] columns(double[] design, int rows, int cols, int[] kept) {
        double[] reduced = new double[rows * kept.length];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < kept.length; c++) {
                reduced[i * kept.length + c] = design[i * cols + kept[c]];
            }
        }
        return reduced;
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
