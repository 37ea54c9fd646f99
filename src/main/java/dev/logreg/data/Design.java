package dev.logreg.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A model matrix built from a {@link Table} the way R's {@code model.matrix} builds one with
 * treatment contrasts, with the labels and weights that go with it.
 *
 * <ul>
 * <li>Rows with a missing cell in the target, the weight column or any column a feature reads are
 *     dropped and counted; cells of other columns do not matter.</li>
 * <li>A numeric feature is one column, the feature's value.</li>
 * <li>A categorical column with levels L<sub>1</sub> &lt; &hellip; &lt; L<sub>k</sub> (distinct
 *     values of the rows used, in {@link String} order) gives k &minus; 1 columns of 0/1, one for
 *     each level but the first, named column + level ({@code rank2}, {@code A9t}).</li>
 * <li>The target: for a numeric column its distinct values in numeric order, else its levels in
 *     String order. With two classes the second is the event (y = 1), so for 0/1 labels 1 is the
 *     event; {@code positive} names another. With more than two, {@code positive} names the event
 *     of a binary fit of that level against the rest; without it the design is
 *     {@link #multinomial() multinomial}: {@link #classes()} lists every level in that order and
 *     {@link #classLabels()} gives each row's index into it.</li>
 * </ul>
 * The intercept is not a column of {@link #x()}; it is the first of {@link #terms()}.
 */
public final class Design {

    /** The name of the intercept term, as R prints it. */
    public static final String INTERCEPT = "(Intercept)";

    private final String source;
    private final String target;
    private final String weightColumn;
    private final List<Feature> features;
    /** Each feature's levels as the design used them: empty for a numeric feature. */
    private final List<List<String>> featureLevels;
    private final List<String> columnNames;
    private final double[][] x;
    private final double[] y;
    private final double[] weights;
    private final int[] rows;
    private final int tableRows;
    private final String event;
    private final List<String> classes;
    private final List<Object> classKeys;
    private final boolean numericTarget;
    private final int[] labels;

    private Design(Builder b) {
        this.source = b.table.source();
        this.target = b.spec.target();
        this.weightColumn = b.spec.weights();
        this.features = List.copyOf(b.features);
        this.featureLevels = List.copyOf(b.levels);
        this.columnNames = List.copyOf(b.names);
        this.x = b.x;
        this.y = b.y;
        this.weights = b.w;
        this.rows = b.rows;
        this.tableRows = b.table.rows();
        this.event = b.event;
        this.classes = List.copyOf(b.classes);
        this.classKeys = java.util.Collections.unmodifiableList(new ArrayList<>(b.classKeys));
        this.numericTarget = b.numericTarget;
        this.labels = b.labels;
    }

    /**
     * Builds the design.
     *
     * @param table the data
     * @param spec target, features, event level and weights
     * @return the design
     * @throws IllegalArgumentException for an unknown column, a bad expression, a feature that is not
     *         finite, a target with a single class, an event level that does not occur, negative
     *         weights, or no rows left after dropping those with missing values
     */
    public static Design build(Table table, ModelSpec spec) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        if (spec == null) {
            throw new IllegalArgumentException("spec is null");
        }
        return new Builder(table, spec).build();
    }

    /** @return where the data came from */
    public String source() {
        return source;
    }

    /** @return the target column */
    public String target() {
        return target;
    }

    /** @return the weight column, or {@code null} for unit weights */
    public String weightColumn() {
        return weightColumn;
    }

    /** @return the features as parsed, in model order */
    public List<Feature> features() {
        return features;
    }

    /** @return the names of the columns of {@link #x()} */
    public List<String> columnNames() {
        return columnNames;
    }

    /** @return {@code (Intercept)} followed by {@link #columnNames()}: the coefficients' names */
    public List<String> terms() {
        List<String> terms = new ArrayList<>(columnNames.size() + 1);
        terms.add(INTERCEPT);
        terms.addAll(columnNames);
        return terms;
    }

    /** @return the model matrix without the intercept, one row per observation used (a copy) */
    public double[][] x() {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        return copy;
    }

    /**
     * @return the labels of a binary design, 1 for the event and 0 otherwise (a copy)
     * @throws IllegalStateException for a {@link #multinomial()} design, which has
     *         {@link #classLabels()} instead
     */
    public double[] y() {
        if (y == null) {
            throw new IllegalStateException("the target '" + target + "' has " + classes.size()
                    + " classes: a multinomial design has class labels, not 0/1 labels");
        }
        return y.clone();
    }

    /**
     * @return whether the target has more than two classes and no event was named, so that the
     *         model is multinomial (one class against each other) rather than binary
     */
    public boolean multinomial() {
        return y == null;
    }

    /**
     * @return each observation's class as an index into {@link #classes()} (a copy); for a binary
     *         design the same as {@link #y()}: 0 for the non-event, 1 for the event
     */
    public int[] classLabels() {
        return labels.clone();
    }

    /**
     * The position of a target level among the {@link #classes()}: for a numeric target the level
     * is matched by value ({@code 2.0} is {@code 2}), otherwise by its text.
     *
     * @param level a level of the target as written on the command line
     * @return its index into {@link #classes()}, or &minus;1 if it is not a class (for a binary fit
     *         of one level against the rest, only the event is)
     */
    public int classIndex(String level) {
        Object key = Builder.key(numericTarget, level);
        return key == null ? -1 : classKeys.indexOf(key);
    }

    /** @return the prior weights (a copy), or {@code null} for unit weights */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /**
     * @return the observations: rows used with a positive weight, R's {@code nobs} (with unit weights,
     *         every row used)
     */
    public int observations() {
        if (weights == null) {
            return rows.length;
        }
        int n = 0;
        for (double w : weights) {
            n += w > 0 ? 1 : 0;
        }
        return n;
    }

    /** @return the rows used: those not dropped for missing values, whatever their weight */
    public int rowsUsed() {
        return rows.length;
    }

    /** @return the rows used whose weight is 0: in the model matrix, but no observation */
    public int rowsWithZeroWeight() {
        return rows.length - observations();
    }

    /** @return the number of rows of the table dropped for missing values */
    public int rowsDropped() {
        return tableRows - rows.length;
    }

    /** @return the number of rows of the table */
    public int tableRows() {
        return tableRows;
    }

    /** @return the 0-based table row of each observation, increasing (a copy) */
    public int[] rows() {
        return rows.clone();
    }

    /** @return the target level that is the event (y = 1), or {@code null} for a multinomial design */
    public String event() {
        return event;
    }

    /**
     * @return the classes: for a binary design the non-event first, then the event (the two levels
     *         of the target, or with more than two levels, {@code not <event>} and the event); for a
     *         {@link #multinomial()} design every level of the target, in order
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * The encoding of this design, to encode new data the same way: the target, the {@link #classes()} and
     * an input for each of the {@link #features()} in order, a categorical column's with the levels of the
     * rows used. Its {@link Encoder#columnNames()} are {@link #columnNames()}, and it encodes the rows used
     * of this design's table to the rows of {@link #x()}.
     *
     * @return the encoder
     */
    public Encoder encoder() {
        List<Encoder.Input> inputs = new ArrayList<>(features.size());
        for (int k = 0; k < features.size(); k++) {
            inputs.add(new Encoder.Input(features.get(k), featureLevels.get(k)));
        }
        return Encoder.of(target, classes, inputs);
    }

    /** @return the model in R's notation, {@code admit ~ gre + gpa + rank} */
    public String formula() {
        List<String> labels = new ArrayList<>();
        for (Feature f : features) {
            labels.add(f.label());
        }
        return target + " ~ " + (labels.isEmpty() ? "1" : String.join(" + ", labels));
    }

    /** Collects the pieces of a design; used once. */
    private static final class Builder {
        private final Table table;
        private final ModelSpec spec;
        private final List<Feature> features = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<List<String>> levels = new ArrayList<>();
        private double[][] x;
        private double[] y;
        private double[] w;
        private int[] rows;
        private String event;
        private final List<String> classes = new ArrayList<>();
        private final List<Object> classKeys = new ArrayList<>();
        private boolean numericTarget;
        private int[] labels;

        Builder(Table table, ModelSpec spec) {
            this.table = table;
            this.spec = spec;
        }

        Design build() {
            Column target = table.column(spec.target());
            Column weight = spec.weights() == null ? null : table.column(spec.weights());
            if (weight != null && weight.name().equals(target.name())) {
                throw new IllegalArgumentException("the target '" + target.name() + "' cannot also be the weights");
            }
            if (weight != null && !weight.isNumeric()) {
                int row = table.firstRow() + firstNonNumeric(weight);
                throw new IllegalArgumentException("the weight column '" + weight.name()
                        + "' is not numeric (for example row " + row + ")");
            }
            resolveFeatures();
            selectRows(target, weight);
            labels(target);
            if (weight != null) {
                weights(weight);
            }
            matrix();
            return new Design(this);
        }

        private void resolveFeatures() {
            Set<String> labels = new LinkedHashSet<>();
            if (spec.features().isEmpty()) {
                for (String name : table.names()) {
                    if (!name.equals(spec.target()) && !name.equals(spec.weights())) {
                        features.add(Feature.column(name));
                    }
                }
            } else {
                for (String expression : spec.features()) {
                    features.add(Feature.parse(expression, table));
                }
            }
            java.util.Map<Feature, String> meanings = new java.util.HashMap<>();
            for (Feature f : features) {
                String earlier = meanings.putIfAbsent(new Feature("", f.column(), f.function(), f.power()), f.label());
                if (earlier != null && !earlier.equals(f.label())) {
                    throw new IllegalArgumentException("feature '" + f.label() + "' is the same as '" + earlier + "'");
                }
                if (f.column().equals(spec.target())) {
                    throw new IllegalArgumentException("the target '" + spec.target()
                            + "' cannot also be a feature ('" + f.label() + "')");
                }
                if (!labels.add(f.label())) {
                    throw new IllegalArgumentException("feature '" + f.label() + "' is listed twice");
                }
            }
        }

        private void selectRows(Column target, Column weight) {
            List<Column> used = new ArrayList<>();
            used.add(target);
            if (weight != null) {
                used.add(weight);
            }
            for (Feature f : features) {
                used.add(table.column(f.column()));
            }
            int m = table.rows();
            int[] kept = new int[m];
            int count = 0;
            rowLoop:
            for (int i = 0; i < m; i++) {
                for (Column c : used) {
                    if (c.isMissing(i)) {
                        continue rowLoop;
                    }
                }
                kept[count++] = i;
            }
            if (count == 0) {
                throw new IllegalArgumentException("no rows left: each of the " + m + " rows of " + table.source()
                        + " has a missing value in the target, the weights or a feature");
            }
            rows = java.util.Arrays.copyOf(kept, count);
        }

        private void labels(Column target) {
            numericTarget = target.isNumeric();
            // Classes as (sort key -> label): numeric order for numbers, String order otherwise.
            TreeMap<Object, String> levels = new TreeMap<>();
            for (int i : rows) {
                levels.putIfAbsent(key(target, i), target.text(i));
            }
            List<Object> keys = new ArrayList<>(levels.keySet());
            List<String> names = new ArrayList<>(levels.values());
            if (keys.size() < 2) {
                throw new IllegalArgumentException("the target '" + target.name() + "' has the single class '"
                        + names.get(0) + "' in the " + rows.length + " rows used; logistic regression needs two");
            }
            labels = new int[rows.length];
            if (spec.positive() == null && keys.size() > 2) {
                classes.addAll(names);
                classKeys.addAll(keys);
                java.util.Map<Object, Integer> index = new java.util.HashMap<>();
                for (int k = 0; k < keys.size(); k++) {
                    index.put(keys.get(k), k);
                }
                for (int r = 0; r < rows.length; r++) {
                    labels[r] = index.get(key(target, rows[r]));
                }
                return;
            }
            Object eventKey;
            if (spec.positive() == null) {
                eventKey = keys.get(1);
            } else {
                eventKey = key(target, spec.positive());
                if (eventKey == null || !levels.containsKey(eventKey)) {
                    throw new IllegalArgumentException("the event level '" + spec.positive()
                            + "' does not occur in the target '" + target.name() + "' (classes: "
                            + String.join(", ", names) + ")");
                }
            }
            event = levels.get(eventKey);
            if (keys.size() == 2) {
                Object other = keys.get(keys.get(0).equals(eventKey) ? 1 : 0);
                classes.add(levels.get(other));
                classKeys.add(other);
            } else {
                classes.add("not " + event);
                classKeys.add(null);
            }
            classes.add(event);
            classKeys.add(eventKey);
            y = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                int i = rows[r];
                labels[r] = key(target, i).equals(eventKey) ? 1 : 0;
                y[r] = labels[r];
            }
        }

        /** A class's identity: its value for a numeric target (-0 is 0), else its text. */
        private static Object key(Column target, int row) {
            return target.isNumeric() ? (Object) (target.number(row) + 0.0) : target.text(row);
        }

        private static Object key(Column target, String level) {
            return key(target.isNumeric(), level);
        }

        /** A level's identity as {@link #key(Column, int)} gives it, or null for a non-number in a numeric target. */
        static Object key(boolean numeric, String level) {
            if (level == null) {
                return null;
            }
            if (!numeric) {
                return level;
            }
            String text = level.trim();
            return Table.isNumber(text) ? (Object) (Double.parseDouble(text) + 0.0) : null;
        }

        private void weights(Column weight) {
            w = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                double v = weight.number(rows[r]);
                if (v < 0) {
                    throw new IllegalArgumentException(row(rows[r]) + ", column '"
                            + weight.name() + "': weight " + weight.text(rows[r]) + " is negative");
                }
                w[r] = v;
            }
        }

        private void matrix() {
            List<double[]> columns = new ArrayList<>();
            // What gave each term its name, for the message when two names collide.
            List<String> origins = new ArrayList<>();
            for (Feature f : features) {
                Column c = table.column(f.column());
                if (c.isNumeric()) {
                    double[] v = new double[rows.length];
                    for (int r = 0; r < rows.length; r++) {
                        double raw = c.number(rows[r]);
                        v[r] = f.apply(raw);
                        if (!Double.isFinite(v[r])) {
                            throw new IllegalArgumentException(row(rows[r]) + ": feature '"
                                    + f.label() + "' is " + v[r] + " (" + c.name() + " = " + c.text(rows[r]) + ")");
                        }
                    }
                    columns.add(v);
                    names.add(f.label());
                    origins.add("feature '" + f.label() + "'");
                    this.levels.add(List.of());
                } else {
                    List<String> levels = c.levels(rows);
                    if (levels.size() < 2) {
                        throw new IllegalArgumentException("the categorical column '" + c.name()
                                + "' has the single level '" + levels.get(0) + "' in the rows used;"
                                + " it cannot be a feature");
                    }
                    this.levels.add(List.copyOf(levels));
                    for (String level : levels.subList(1, levels.size())) {
                        double[] v = new double[rows.length];
                        for (int r = 0; r < rows.length; r++) {
                            v[r] = level.equals(c.text(rows[r])) ? 1 : 0;
                        }
                        columns.add(v);
                        names.add(c.name() + level);
                        origins.add("level '" + level + "' of the categorical column '" + c.name() + "'");
                    }
                }
            }
            java.util.Map<String, String> seen = new java.util.HashMap<>();
            seen.put(INTERCEPT, "the intercept");
            for (int j = 0; j < names.size(); j++) {
                String earlier = seen.putIfAbsent(names.get(j), origins.get(j));
                if (earlier != null) {
                    throw new IllegalArgumentException("the term name '" + names.get(j) + "' would be given twice, to "
                            + earlier + " and to " + origins.get(j) + ": rename a column of " + table.source());
                }
            }
            x = new double[rows.length][columns.size()];
            for (int j = 0; j < columns.size(); j++) {
                double[] v = columns.get(j);
                for (int r = 0; r < rows.length; r++) {
                    x[r][j] = v[r];
                }
            }
        }

        /** The source and the row in it (as the file numbers it: a chunk of a stream starts past row 1). */
        private String row(int row) {
            return table.source() + ", row " + (table.firstRow() + row + 1);
        }

        private static int firstNonNumeric(Column c) {
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i) && !Table.isNumber(c.text(i))) {
                    return i + 1;
                }
            }
            return 1;
        }
    }
}
