package dev.logreg;

import dev.logreg.data.Encoded;
import dev.logreg.data.Encoder;
import dev.logreg.data.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What both kinds of model carry beside their coefficients: the term names, the class names, the encoder
 * of the table they were fitted on and the fit's summary; and the scoring of a table, shared.
 *
 * @param terms the term names, {@code (Intercept)} first when there is one
 * @param intercept whether there is one
 * @param classes the class names
 * @param encoder the encoder, or null
 * @param summary the fit's summary, or null
 */
record ModelHeader(List<String> terms, boolean intercept, List<String> classes, Encoder encoder,
                   FitSummary summary) {

    /** Rows per parallel range when a table is scored. */
    private static final int SCORE_CHUNK_ROWS = 1 << 14;

    ModelHeader {
        if (terms == null || classes == null) {
            throw new IllegalArgumentException("terms and classes must not be null");
        }
        terms = List.copyOf(terms);
        classes = List.copyOf(classes);
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < terms.size(); j++) {
            String t = terms.get(j);
            if (t.isEmpty() || !seen.add(t)) {
                throw new IllegalArgumentException("term " + j + " '" + t + "' is " + (t.isEmpty() ? "empty" : "given twice"));
            }
            if (t.equals(ModelMatrix.INTERCEPT) != (intercept && j == 0)) {
                throw new IllegalArgumentException("the term " + ModelMatrix.INTERCEPT + " must come first, and only"
                        + " when the model has an intercept (term " + j + ")");
            }
        }
        if (intercept && terms.isEmpty()) {
            throw new IllegalArgumentException("a model with an intercept needs the term " + ModelMatrix.INTERCEPT);
        }
        if (classes.size() < 2 || new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("the classes must be at least two distinct names, got " + classes);
        }
        if (encoder != null) {
            List<String> features = terms.subList(intercept ? 1 : 0, terms.size());
            if (!encoder.columnNames().equals(features)) {
                throw new IllegalArgumentException("the encoder makes the columns " + encoder.columnNames()
                        + " but the model's features are " + features);
            }
            if (encoder.hasOffsets() && classes.size() > 2) {
                throw new IllegalArgumentException("the encoder's formula " + encoder.formula().orElseThrow()
                        + " has an offset, but the model has " + classes.size() + " classes: offsets are for two");
            }
            if (!encoder.classes().equals(classes)) {
                throw new IllegalArgumentException("the encoder's classes " + encoder.classes()
                        + " are not the model's " + classes);
            }
        }
    }

    /** A header for coefficients by position: x1, x2, ... and the given classes. */
    static ModelHeader positional(int features, boolean intercept, List<String> classes) {
        return new ModelHeader(ModelMatrix.terms(null, features, intercept), intercept, classes, null, null);
    }

    int features() {
        return terms.size() - (intercept ? 1 : 0);
    }

    /**
     * Scores one encoded row with its offset (0 without one): writes the class probabilities and the linear
     * predictors, returns the class.
     */
    interface RowScorer {
        int score(double[] x, double offset, double[] probabilities, double[] linearPredictors);
    }

    /**
     * Encodes a table and scores its complete rows in parallel ranges.
     *
     * @param table the data
     * @param unseen what an unseen level does
     * @param blocks the linear predictors per row
     * @param scorer the model's scoring of one row
     * @return the scores, one row per table row
     */
    Scores score(Table table, Encoder.UnseenLevel unseen, int blocks, RowScorer scorer) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        if (unseen == null) {
            throw new IllegalArgumentException("unseen is null");
        }
        if (encoder == null) {
            throw new IllegalArgumentException("this model has no encoder (it was not fitted from a table), so it"
                    + " cannot read a table by column name: score rows of features with probabilities(double[][])");
        }
        Encoded encoded = encoder.encode(table, unseen);
        double[] x = encoded.values();
        double[] offsets = encoded.offsets();
        int m = encoded.rows();
        int cols = encoded.cols();
        double[][] p = new double[m][];
        double[][] z = new double[m][];
        int[] predicted = new int[m];
        int chunks = (m + SCORE_CHUNK_ROWS - 1) / SCORE_CHUNK_ROWS;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] row = new double[cols];
            for (int i = c * SCORE_CHUNK_ROWS; i < Math.min(m, (c + 1) * SCORE_CHUNK_ROWS); i++) {
                p[i] = new double[classes.size()];
                z[i] = new double[blocks];
                if (encoded.complete()[i]) {
                    System.arraycopy(x, i * cols, row, 0, cols);
                    predicted[i] = scorer.score(row, offsets == null ? 0.0 : offsets[i], p[i], z[i]);
                } else {
                    java.util.Arrays.fill(p[i], Double.NaN);
                    java.util.Arrays.fill(z[i], Double.NaN);
                    predicted[i] = Scores.NOT_SCORED;
                }
            }
        });
        return new Scores(classes, p, z, predicted);
    }

}
