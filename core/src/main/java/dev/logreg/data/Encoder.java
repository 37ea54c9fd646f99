package dev.logreg.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How a model reads a table: the encoding a {@link Design} used, kept so that new data is encoded the same
 * way. {@link Design#encoder()} gives a design's encoder; {@link #encode(Table)} turns any table that has
 * the columns the model reads into rows of the model matrix.
 *
 * <p>A design built afresh from new data would take a categorical column's levels from the new rows, so
 * that rows whose {@code rank} is 2, 3, 4 or 5 would get the columns {@code rank3, rank4, rank5} instead of
 * the fit's {@code rank2, rank3, rank4}. The encoder keeps each categorical column's levels as the fit saw
 * them and finds every column by its name:
 *
 * <ul>
 * <li>the table's columns may come in any order, columns the model does not read are ignored, and
 *     neither the target nor the weight column is needed;</li>
 * <li>a numeric input is its feature's value, computed as {@link Design} computes it, so that rows of
 *     the training table encode to exactly the rows of {@link Design#x()};</li>
 * <li>a categorical input compares each cell's text with its levels: the first is the baseline (every
 *     dummy 0), level k &gt; 0 sets the input's term k &minus; 1 to 1; a level the fit did not see is an
 *     error or, if asked, a missing value ({@link UnseenLevel});</li>
 * <li>a row with a missing cell in a column the model reads is kept, as an incomplete row of NaN
 *     ({@link Encoded#complete()}); rows are never dropped.</li>
 * </ul>
 * An encoder is immutable and compares by value: target, classes and inputs.
 */
public final class Encoder {

    /** Rows per parallel range of {@link #encode(Table, UnseenLevel)}. */
    private static final int ENCODE_CHUNK_ROWS = 1 << 14;

    /** What encoding does with a categorical level the fit did not see. */
    public enum UnseenLevel {
        /** An unseen level is an error naming the row, column and level. */
        REJECT,
        /** A row with an unseen level is incomplete, as if the cell were missing. */
        MISSING
    }

    /**
     * One feature as the model reads the table: a numeric feature (a column or a function of one), or a
     * categorical column with the levels the fit saw.
     *
     * @param feature the feature; for a categorical input the column itself ({@link Feature#column})
     * @param levels for a categorical input its levels, the first the baseline; empty for a numeric
     *        input ({@code null} is empty)
     */
    public record Input(Feature feature, List<String> levels) {

        /**
         * Validates and copies.
         *
         * @throws IllegalArgumentException if the feature is null or lacks a label, column or function, or
         *         for a categorical input (levels given) whose feature is not its column as it is, with fewer
         *         than two levels, or with a level that is null, empty, not trimmed, a missing-value marker
         *         ({@link Table#MISSING}) or listed twice
         */
        public Input {
            if (feature == null) {
                throw new IllegalArgumentException("feature is null");
            }
            if (feature.label() == null || feature.label().isBlank()) {
                throw new IllegalArgumentException("the feature " + feature + " has no label");
            }
            if (feature.column() == null || feature.column().isBlank()) {
                throw new IllegalArgumentException("feature '" + feature.label() + "' reads no column");
            }
            if (feature.function() == null) {
                throw new IllegalArgumentException("feature '" + feature.label() + "' has no function");
            }
            levels = levels == null ? List.of() : levels;
            if (!levels.isEmpty()) {
                checkCategorical(feature, levels);
            }
            levels = List.copyOf(levels);
        }

        private static void checkCategorical(Feature feature, List<String> levels) {
            String column = feature.column();
            if (feature.function() != Feature.Function.IDENTITY) {
                throw new IllegalArgumentException("the categorical input '" + feature.label() + "' applies "
                        + feature.function() + " to column '" + column
                        + "'; a categorical column is read as it is (IDENTITY)");
            }
            if (!feature.label().equals(column)) {
                throw new IllegalArgumentException("the categorical input on column '" + column + "' is labelled '"
                        + feature.label() + "'; its label must be the column's name");
            }
            if (levels.size() < 2) {
                throw new IllegalArgumentException("the categorical input '" + column + "' has the single level "
                        + (levels.get(0) == null ? "null" : "'" + levels.get(0) + "'") + "; it needs at least 2");
            }
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < levels.size(); j++) {
                String level = levels.get(j);
                String where = "levels[" + j + "] of the categorical input '" + column + "'";
                if (level == null) {
                    throw new IllegalArgumentException(where + " is null");
                }
                if (level.isEmpty()) {
                    throw new IllegalArgumentException(where + " is empty");
                }
                if (!level.trim().equals(level)) {
                    throw new IllegalArgumentException(where + ", '" + level
                            + "', has surrounding white space; cells are read trimmed, so no cell is that level");
                }
                if (Table.MISSING.contains(level)) {
                    throw new IllegalArgumentException(where + ", '" + level
                            + "', is a missing-value marker; no cell is that level");
                }
                if (!seen.add(level)) {
                    throw new IllegalArgumentException("the categorical input '" + column + "' lists level '"
                            + level + "' twice");
                }
            }
        }

        /** @return whether the input is categorical (has levels) */
        public boolean categorical() {
            return !levels.isEmpty();
        }

        /**
         * @return the names of the model-matrix columns the input gives: for a numeric input its label; for
         *         a categorical one column + level for each level but the first ({@code rank2, rank3, rank4})
         */
        public List<String> terms() {
            if (levels.isEmpty()) {
                return List.of(feature.label());
            }
            List<String> terms = new ArrayList<>(levels.size() - 1);
            for (String level : levels.subList(1, levels.size())) {
                terms.add(feature.column() + level);
            }
            return List.copyOf(terms);
        }

        /**
         * @param feature a feature of a numeric column
         * @return the numeric input reading it
         */
        public static Input numeric(Feature feature) {
            if (feature == null) {
                throw new IllegalArgumentException("feature is null");
            }
            return new Input(feature, List.of());
        }

        /**
         * @param column a categorical column
         * @param levels its levels, the first the baseline (a design lists them in {@link String} order)
         * @return the categorical input reading it
         * @throws IllegalArgumentException for fewer than two levels or a bad level (see
         *         {@link Input#Input(Feature, List)})
         */
        public static Input categorical(String column, List<String> levels) {
            if (column == null) {
                throw new IllegalArgumentException("column is null");
            }
            if (levels == null) {
                throw new IllegalArgumentException("levels is null");
            }
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("the categorical input '" + column
                        + "' has no levels; it needs at least 2");
            }
            return new Input(Feature.column(column), levels);
        }

        /** @return the label, and a categorical input's levels: {@code rank (levels 1, 2, 3, 4)} */
        @Override
        public String toString() {
            return levels.isEmpty() ? feature.label() : feature.label() + " (levels " + String.join(", ", levels)
                    + ")";
        }

        /** What the input's term is, for messages: as {@link Design} says it. */
        private String origin(int term) {
            return levels.isEmpty() ? "feature '" + feature.label() + "'"
                    : "level '" + levels.get(term + 1) + "' of the categorical column '" + feature.column() + "'";
        }
    }

    private final String target;
    private final List<String> classes;
    private final List<Input> inputs;
    private final List<String> columnNames;
    private final List<String> sourceColumns;
    /** For the encoder of a formula: the formula (without '.') and each categorical variable's levels; else null. */
    private final Formula formula;
    private final Map<String, List<String>> formulaLevels;

    private Encoder(String target, List<String> classes, List<Input> inputs, List<String> columnNames,
                    List<String> sourceColumns) {
        this(target, classes, inputs, columnNames, sourceColumns, null, null);
    }

    private Encoder(String target, List<String> classes, List<Input> inputs, List<String> columnNames,
                    List<String> sourceColumns, Formula formula, Map<String, List<String>> formulaLevels) {
        this.target = target;
        this.classes = classes;
        this.inputs = inputs;
        this.columnNames = columnNames;
        this.sourceColumns = sourceColumns;
        this.formula = formula;
        this.formulaLevels = formulaLevels;
    }

    /**
     * The encoder of an R model formula, as {@link Design#encoder()} gives it for a design built with
     * {@link Design#build(Table, Formula, String, String)}: it rebuilds the model matrix of new rows with the
     * formula's columns in the same order and names, each categorical variable coded by its levels as fitted
     * (a level not among them is handled as by an encoder of features, {@link UnseenLevel}), and carries
     * the formula's offsets, evaluated per row ({@link Encoded#offsets()}).
     *
     * @param formula the formula, its {@code .} expanded; its response must be a column
     * @param classes the classes, as {@link #of}
     * @param levels for each categorical variable, by its label ({@code rank}, {@code factor(rank)}), its
     *        levels, the baseline first; every {@code factor()} of the formula's terms needs them, and a plain
     *        column with levels is categorical
     * @return the encoder; it has no {@link #inputs()}
     * @throws IllegalArgumentException for a null argument, a formula with {@code .} or whose response is not
     *         a column, bad classes (as {@link #of}), levels missing for a {@code factor()}, levels for a name
     *         that is no categorical variable of the terms, a null, empty or repeated level, or a contrast of
     *         a single level
     */
    public static Encoder ofFormula(Formula formula, List<String> classes, Map<String, List<String>> levels) {
        if (formula == null) {
            throw new IllegalArgumentException("formula is null");
        }
        if (classes == null) {
            throw new IllegalArgumentException("classes is null");
        }
        if (levels == null) {
            throw new IllegalArgumentException("levels is null");
        }
        if (formula.hasDot()) {
            throw new IllegalArgumentException("formula \"" + formula.text() + "\" has '.': expand it first");
        }
        Variable response = formula.responseVariable();
        if (response.kind() != Variable.Kind.COLUMN) {
            throw new IllegalArgumentException("formula \"" + formula + "\": the response " + response.label()
                    + " must be a column");
        }
        String target = ((Expression.Column) response.expression()).name();
        List<String> classCopy = checkClasses(target, classes);
        Set<String> candidates = new HashSet<>();
        Set<String> factors = new LinkedHashSet<>();
        for (Formula.Term term : formula.terms()) {
            for (Variable v : term.factors()) {
                if (v.kind() == Variable.Kind.FACTOR) {
                    factors.add(v.label());
                    candidates.add(v.label());
                } else if (v.kind() == Variable.Kind.COLUMN) {
                    candidates.add(v.label());
                }
            }
        }
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : levels.entrySet()) {
            String name = e.getKey();
            if (name == null || !candidates.contains(name)) {
                throw new IllegalArgumentException("levels are given for '" + name + "', which is no column or"
                        + " factor() of the terms of \"" + formula + "\"");
            }
            List<String> list = e.getValue();
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException("the categorical variable '" + name + "' has no levels");
            }
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < list.size(); j++) {
                String level = list.get(j);
                if (level == null || level.isEmpty()) {
                    throw new IllegalArgumentException("level " + j + " of '" + name + "' is "
                            + (level == null ? "null" : "empty"));
                }
                if (!seen.add(level)) {
                    throw new IllegalArgumentException("the categorical variable '" + name + "' lists level '"
                            + level + "' twice");
                }
            }
            copy.put(name, List.copyOf(list));
        }
        for (String f : factors) {
            if (!copy.containsKey(f)) {
                throw new IllegalArgumentException("the categorical variable " + f + " of \"" + formula
                        + "\" has no levels");
            }
        }
        List<String> names = FormulaDesign.columnNames(formula, copy);
        Set<String> sources = new LinkedHashSet<>();
        for (Variable v : formula.variables()) {
            sources.addAll(v.columns());
        }
        sources.remove(target);
        return new Encoder(target, classCopy, List.of(), names, List.copyOf(sources), formula,
                java.util.Collections.unmodifiableMap(copy));
    }

    /** @return the formula of an encoder of a formula ({@link #ofFormula}), its {@code .} expanded; else empty */
    public java.util.Optional<Formula> formula() {
        return java.util.Optional.ofNullable(formula);
    }

    /**
     * @return for an encoder of a formula, each categorical variable's levels by its label, the baseline
     *         first, in the order of the formula's variables; empty for an encoder of features
     */
    public Map<String, List<String>> formulaLevels() {
        return formulaLevels == null ? Map.of() : formulaLevels;
    }

    /** @return whether encoding gives each row an offset: the encoder of a formula with {@code offset()} */
    public boolean hasOffsets() {
        return formula != null && !formula.offsets().isEmpty();
    }

    /**
     * An encoder from its parts, as {@link Design#encoder()} gives them.
     *
     * @param target the target column's name; the inputs may not read it
     * @param classes the classes, as {@link Design#classes()}: for a binary model the non-event then the
     *        event, for a multinomial one every level in order
     * @param inputs the features in model order; none for an intercept-only model
     * @return the encoder
     * @throws IllegalArgumentException for a null or blank target, fewer than two classes, a null or
     *         repeated class, a null input, an input reading the target, a categorical column read by more
     *         than one input, or a term name that is the intercept's or is given twice
     */
    public static Encoder of(String target, List<String> classes, List<Input> inputs) {
        if (target == null) {
            throw new IllegalArgumentException("target is null");
        }
        if (target.isBlank()) {
            throw new IllegalArgumentException("target is blank: no target column given");
        }
        if (classes == null) {
            throw new IllegalArgumentException("classes is null");
        }
        if (inputs == null) {
            throw new IllegalArgumentException("inputs is null");
        }
        List<String> classCopy = checkClasses(target, classes);
        List<Input> inputCopy = new ArrayList<>(inputs.size());
        for (int k = 0; k < inputs.size(); k++) {
            if (inputs.get(k) == null) {
                throw new IllegalArgumentException("inputs[" + k + "] is null");
            }
            inputCopy.add(inputs.get(k));
        }
        // Each column's first input, and the inputs each term name came from.
        Map<String, Integer> readers = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (int k = 0; k < inputCopy.size(); k++) {
            Input input = inputCopy.get(k);
            String column = input.feature().column();
            if (column.equals(target)) {
                throw new IllegalArgumentException("inputs[" + k + "], feature '" + input.feature().label()
                        + "', reads the target column '" + target + "'");
            }
            Integer first = readers.putIfAbsent(column, k);
            if (first != null && (input.categorical() || inputCopy.get(first).categorical())) {
                throw new IllegalArgumentException("column '" + column + "' is read by inputs[" + first + "] ('"
                        + inputCopy.get(first).feature().label() + "') and by inputs[" + k + "] ('"
                        + input.feature().label() + "'); a categorical column is read by one input only");
            }
            sources.add(column);
            List<String> terms = input.terms();
            for (int t = 0; t < terms.size(); t++) {
                String name = terms.get(t);
                String origin = input.origin(t) + " (inputs[" + k + "])";
                if (name.equals(Design.INTERCEPT)) {
                    throw new IllegalArgumentException("the term name '" + name + "' of " + origin
                            + " is the intercept's");
                }
                String earlier = seen.putIfAbsent(name, origin);
                if (earlier != null) {
                    throw new IllegalArgumentException("the term name '" + name + "' is given twice, to " + earlier
                            + " and to " + origin);
                }
                names.add(name);
            }
        }
        return new Encoder(target, classCopy, List.copyOf(inputCopy), List.copyOf(names), List.copyOf(sources));
    }

    private static List<String> checkClasses(String target, List<String> classes) {
        for (int k = 0; k < classes.size(); k++) {
            if (classes.get(k) == null) {
                throw new IllegalArgumentException("classes[" + k + "] is null");
            }
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("the target '" + target + "' has " + classes.size()
                    + (classes.size() == 1 ? " class (" + classes.get(0) + ")" : " classes")
                    + "; a model has at least 2");
        }
        Set<String> distinct = new HashSet<>();
        for (String c : classes) {
            if (!distinct.add(c)) {
                throw new IllegalArgumentException("class '" + c + "' is listed twice in classes "
                        + String.join(", ", classes));
            }
        }
        return List.copyOf(classes);
    }

    /** @return the target column's name (encoding does not need the column) */
    public String target() {
        return target;
    }

    /**
     * @return the classes, as {@link Design#classes()}: for a binary model the non-event first, then the
     *         event; for a multinomial model every level of the target, in order
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * @return the names of the model-matrix columns, every input's {@link Input#terms() terms} in order; for
     *         a design's encoder, its {@link Design#columnNames()}
     */
    public List<String> columnNames() {
        return columnNames;
    }

    /** @return the inputs, in model order */
    public List<Input> inputs() {
        return inputs;
    }

    /** @return the distinct table columns the inputs read, in the order of their first use */
    public List<String> sourceColumns() {
        return sourceColumns;
    }

    /**
     * Encodes a table, rejecting a categorical level the fit did not see.
     *
     * @param table the data; its columns are found by name
     * @return one row of the model matrix (without the intercept) per table row
     * @throws IllegalArgumentException as {@link #encode(Table, UnseenLevel)} with {@link UnseenLevel#REJECT}
     */
    public Encoded encode(Table table) {
        return encode(table, UnseenLevel.REJECT);
    }

    /**
     * Encodes a table: row i of the result is table row i as the model reads it, all NaN and incomplete if
     * a column the model reads has a missing cell there (or, with {@link UnseenLevel#MISSING}, a level the
     * fit did not see). Other rows are exactly what {@link Design} would give for them with this encoding.
     * A row that is incomplete for a missing cell raises no error for its other cells, as {@link Design}
     * drops such a row before it looks at them.
     *
     * @param table the data; its columns are found by name, in any order, and columns the model does not
     *        read (the target's, for one) are ignored
     * @param unseen what a categorical level the fit did not see is
     * @return one row of the model matrix (without the intercept) per table row
     * @throws IllegalArgumentException if the table lacks a column the model reads, if a column the model
     *         reads as numeric is not numeric, if a feature's value is not finite, or with
     *         {@link UnseenLevel#REJECT} for an unseen level; the message names the table, row and column
     */
    public Encoded encode(Table table, UnseenLevel unseen) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        if (formula != null) {
            if (unseen == null) {
                throw new IllegalArgumentException("unseen is null");
            }
            return FormulaDesign.encode(table, formula, formulaLevels, columnNames.size(), unseen);
        }
        return encode(table, unseen, 0, table.rows(), new Column[0]);
    }

    /**
     * Encodes rows [from, to) of a table, as {@link #encode(Table, UnseenLevel)} does all of them, a row also
     * incomplete when one of the {@code required} columns has a missing cell there (as {@link Design} drops
     * a row without a target or a weight before it reads the features).
     *
     * @return row i &minus; from of the result is table row i
     */
    Encoded encode(Table table, UnseenLevel unseen, int from, int to, Column[] required) {
        if (unseen == null) {
            throw new IllegalArgumentException("unseen is null");
        }
        for (String name : sourceColumns) {
            if (!table.has(name)) {
                throw new IllegalArgumentException(table.source() + " has no column '" + name
                        + "', which the model reads; its columns are " + String.join(", ", table.names()));
            }
        }
        Binding[] bindings = new Binding[inputs.size()];
        int offset = 0;
        for (int k = 0; k < bindings.length; k++) {
            Input input = inputs.get(k);
            Column column = table.column(input.feature().column());
            if (!input.categorical() && !column.isNumeric()) {
                throw notNumeric(table, column);
            }
            bindings[k] = new Binding(input, column, offset);
            offset += input.categorical() ? input.levels().size() - 1 : 1;
        }
        int m = to - from;
        int p = columnNames.size();
        boolean[] complete = new boolean[m];
        double[] x = new double[Math.multiplyExact(m, p)];
        Column[] read = new Column[sourceColumns.size() + required.length];
        for (int k = 0; k < sourceColumns.size(); k++) {
            read[k] = table.column(sourceColumns.get(k));
        }
        System.arraycopy(required, 0, read, sourceColumns.size(), required.length);
        // Parallel ranges of rows; each stops at its first error, and the error of the earliest range is
        // thrown, so the message names the first bad row in table order, as a serial loop would.
        int chunks = (m + ENCODE_CHUNK_ROWS - 1) / ENCODE_CHUNK_ROWS;
        IllegalArgumentException[] errors = new IllegalArgumentException[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int start = from + c * ENCODE_CHUNK_ROWS;
            int end = Math.min(to, start + ENCODE_CHUNK_ROWS);
            try {
                encodeRange(table, bindings, read, start, end, from, x, p, complete, unseen);
            } catch (IllegalArgumentException e) {
                errors[c] = e;
            }
        });
        for (IllegalArgumentException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        return new Encoded(x, m, p, complete);
    }

    /**
     * Encodes rows [from, to) column by column (one pass down each column, its function chosen once): a
     * row with a missing cell is incomplete; a row where some input meets a non-finite value or an unseen
     * level is encoded again on its own, in row order, by {@link #fill}, which throws or leaves it
     * incomplete exactly as a row-by-row encoding would.
     */
    private static void encodeRange(Table table, Binding[] bindings, Column[] read, int from, int to, int base,
                                    double[] x, int p, boolean[] complete, UnseenLevel unseen) {
        // Table row i is row i - base of x and complete.
        Arrays.fill(complete, from - base, to - base, true);
        for (Column column : read) {
            for (int i = from; i < to; i++) {
                if (column.isMissing(i)) {
                    complete[i - base] = false;
                }
            }
        }
        boolean[] trouble = new boolean[to - from];
        boolean any = false;
        for (Binding r : bindings) {
            Column c = r.column;
            if (r.levels == null) {
                Feature f = r.feature;
                for (int i = from; i < to; i++) {
                    if (complete[i - base]) {
                        double v = f.apply(c.number(i));
                        x[(i - base) * p + r.offset] = v;
                        if (!Double.isFinite(v)) {
                            trouble[i - from] = true;
                            any = true;
                        }
                    }
                }
            } else {
                for (int i = from; i < to; i++) {
                    if (complete[i - base]) {
                        Integer level = r.levels.get(c.text(i));
                        if (level == null) {
                            trouble[i - from] = true;
                            any = true;
                        } else if (level > 0) {
                            x[(i - base) * p + r.offset + level - 1] = 1;
                        }
                    }
                }
            }
        }
        for (int i = from; i < to; i++) {
            int row = (i - base) * p;
            if (complete[i - base] && any && trouble[i - from]) {
                Arrays.fill(x, row, row + p, 0.0);
                complete[i - base] = fill(table, bindings, i, x, row, unseen);
            }
            if (!complete[i - base]) {
                Arrays.fill(x, row, row + p, Double.NaN);
            }
        }
    }

    /** Writes row i of a table with no missing cell the model reads; false if it has an unseen level to miss. */
    private static boolean fill(Table table, Binding[] bindings, int i, double[] row, int base, UnseenLevel unseen) {
        for (Binding r : bindings) {
            Column c = r.column;
            if (r.levels == null) {
                double v = r.feature.apply(c.number(i));
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(row(table, i) + ": feature '"
                            + r.feature.label() + "' is " + v + " (" + c.name() + " = " + c.text(i) + ")");
                }
                row[base + r.offset] = v;
            } else {
                Integer level = r.levels.get(c.text(i));
                if (level == null) {
                    if (unseen == UnseenLevel.MISSING) {
                        return false;
                    }
                    throw new IllegalArgumentException(row(table, i) + ", column '"
                            + c.name() + "': level '" + c.text(i) + "' was not seen in fitting (levels: "
                            + String.join(", ", r.input.levels()) + ")");
                }
                if (level > 0) {
                    row[base + r.offset + level - 1] = 1;
                }
            }
        }
        return true;
    }

    /** The source and the row in it (as the file numbers it: a chunk of a stream starts past row 1). */
    private static String row(Table table, int row) {
        return table.source() + ", row " + (table.firstRow() + row + 1);
    }

    /** The error for a column the model reads as numeric that is not, naming its first cell that is no number. */
    private static IllegalArgumentException notNumeric(Table table, Column column) {
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i) && !Table.isNumber(column.text(i))) {
                return new IllegalArgumentException(row(table, i) + ", column '"
                        + column.name() + "': '" + column.text(i) + "' is not a number; the model reads '"
                        + column.name() + "' as numeric");
            }
        }
        return new IllegalArgumentException(table.source() + ", column '" + column.name()
                + "' was read as categorical; the model reads '" + column.name() + "' as numeric");
    }

    /** One input bound to a table's column: where its terms go in a row and, if categorical, its level index. */
    private static final class Binding {
        private final Input input;
        private final Feature feature;
        private final Column column;
        private final int offset;
        private final Map<String, Integer> levels;

        Binding(Input input, Column column, int offset) {
            this.input = input;
            this.feature = input.feature();
            this.column = column;
            this.offset = offset;
            if (input.categorical()) {
                List<String> names = input.levels();
                levels = new HashMap<>(2 * names.size());
                for (int k = 0; k < names.size(); k++) {
                    levels.put(names.get(k), k);
                }
            } else {
                levels = null;
            }
        }
    }

    /**
     * @param other an object
     * @return whether it is an encoder with the same target, classes and inputs
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Encoder e && target.equals(e.target) && classes.equals(e.classes)
                && inputs.equals(e.inputs) && formulaText().equals(e.formulaText())
                && formulaLevels().equals(e.formulaLevels());
    }

    private String formulaText() {
        return formula == null ? "" : formula.toString();
    }

    /** @return a hash of the target, classes and inputs */
    @Override
    public int hashCode() {
        return Objects.hash(target, classes, inputs, formulaText(), formulaLevels());
    }

    /** @return the model and its classes: {@code Encoder[admit ~ gre + rank (levels 1, 2, 3, 4); classes 0, 1]} */
    @Override
    public String toString() {
        if (formula != null) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : formulaLevels.entrySet()) {
                parts.add(e.getKey() + " (levels " + String.join(", ", e.getValue()) + ")");
            }
            return "Encoder[" + formula + (parts.isEmpty() ? "" : "; " + String.join("; ", parts)) + "; classes "
                    + String.join(", ", classes) + "]";
        }
        List<String> parts = new ArrayList<>();
        for (Input input : inputs) {
            parts.add(input.toString());
        }
        return "Encoder[" + target + " ~ " + (parts.isEmpty() ? "1" : String.join(" + ", parts)) + "; classes "
                + String.join(", ", classes) + "]";
    }
}
