package dev.logreg.data;

import dev.logreg.objective.RowSink;
import dev.logreg.objective.RowSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * The intercept is not a column of {@link #x()}; it is the first of {@link #terms()}, and the first
 * column of {@link #rowSource()}, the model matrix as the fit reads it: for a table in memory, computed
 * from the table's columns block by block as the fit reads it (the data are held once, in the table);
 * for data larger than the heap, written once by the {@link #encoder()} into a file.
 */
public final class Design {

    /** The name of the intercept term, as R prints it. */
    public static final String INTERCEPT = "(Intercept)";

    /** Up to this many classes of a numeric target, a row's label is found by a scan, not a map. */
    static final int FEW_CLASSES = 16;

    /** Rows encoded at a time while the model matrix is written: a bounded buffer, whatever the rows. */
    static final int FILL_ROWS = 1 << 16;

    private final String source;
    private final String target;
    private final String weightColumn;
    private final List<Feature> features;
    /** Each feature's levels as the design used them: empty for a numeric feature. */
    private final List<List<String>> featureLevels;
    private final List<String> columnNames;
    /** The model matrix with the intercept column first, the labels and the weights. */
    private final RowSource matrix;
    private final boolean weighted;
    /** The table row of each row used, or null for a design written in chunks. */
    private final int[] rows;
    private final int rowsUsed;
    private final int observations;
    private final int tableRows;
    private final String event;
    private final List<String> classes;
    private final List<Object> classKeys;
    private final boolean numericTarget;
    /** The formula the design was built from (its '.' expanded), or null for a design of features. */
    private final Formula formula;
    /** Whether the model has an intercept: false only for a formula without one. */
    private final boolean intercept;
    /** The offset of each row used, or null for none. */
    private final double[] offsets;
    /** The formula as the design shows it, or null for a design of features. */
    private final String formulaText;
    /** For a design of a formula, each categorical variable's levels by label; else null. */
    private final Map<String, List<String>> formulaLevels;

    private Design(Plan plan, RowSource matrix, int[] rows) {
        this.source = plan.source;
        this.target = plan.spec.target();
        this.weightColumn = plan.spec.weights();
        this.features = List.copyOf(plan.features);
        this.featureLevels = List.copyOf(plan.levels);
        this.columnNames = List.copyOf(plan.names);
        this.matrix = matrix;
        this.weighted = plan.spec.weights() != null;
        this.rows = rows;
        this.rowsUsed = plan.used;
        this.observations = plan.observations;
        this.tableRows = plan.tableRows;
        this.event = plan.event;
        this.classes = List.copyOf(plan.classes);
        this.classKeys = java.util.Collections.unmodifiableList(new ArrayList<>(plan.classKeys));
        this.numericTarget = plan.numericTarget;
        this.formula = plan.formula;
        this.intercept = plan.intercept;
        this.offsets = plan.offsets;
        this.formulaText = plan.formulaText;
        this.formulaLevels = plan.formulaLevels;
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
        Plan plan = new Plan(table, spec);
        boolean[] complete = plan.observe(table);
        plan.finish();
        int[] used = new int[plan.used()];
        double[] y = new double[used.length];
        double[] w = spec.weights() == null ? null : new double[used.length];
        plan.rowsUsed(table, complete, used, y, w);
        RowSource computed = TableRows.of(table, plan.features, plan.levels, used, y, w);
        if (computed != null) {
            return new Design(plan, computed, used);
        }
        // Some feature is not finite in some row: writing the model matrix names the first such row.
        RowSource.Builder builder = RowSource.builder(plan.used(), plan.width(), spec.weights() != null);
        int[] rows = plan.fill(table, builder, true);
        return new Design(plan, builder.build(), rows);
    }

    /**
     * Builds the design of an R model formula, the model matrix R's {@code model.matrix} makes of it for
     * {@code glm(formula, family = binomial, data, weights)}:
     * <ul>
     * <li>the intercept column if {@link Formula#intercept()}, then each term's columns in order: the
     *     product of its factors' codings ({@link Formula#coding}), the first factor varying fastest;</li>
     * <li>a numeric factor is its value ({@link Variable#evaluate}); a categorical one (a categorical
     *     column, or {@code factor(c)} of any column) is coded by indicators of its levels, all but the
     *     first for contrasts; the levels of a categorical column are its distinct cells in the rows used
     *     in {@link String} order (as for features), those of {@code factor(c)} of a numeric column its
     *     distinct values in numeric order, written as R writes them ({@code 2}, {@code 0.5});</li>
     * <li>columns are named as R names them: {@code gre}, {@code I(gpa^2)}, {@code rank2},
     *     {@code factor(rank)2}, joined by {@code :} in an interaction ({@code fb:x});</li>
     * <li>{@code .} is every column of the table but the response's (as in R, the weight column too);</li>
     * <li>rows with a missing cell in the response, the weights or any column a variable of the formula
     *     reads (also one that {@code -} removes, as R's model frame) are dropped;</li>
     * <li>the offsets, {@code offset(expression)}, are summed per row into {@link #offsets()}.</li>
     * </ul>
     * The response must be a column; its classes and event are those of {@link #build(Table, ModelSpec)}.
     * {@link #rowSource()} has the intercept column first even for a formula without an intercept, which
     * {@link #intercept()} tells (a fit then leaves the column out).
     *
     * @param table the data
     * @param formula the model, parsed with {@link Formula#parse}
     * @param positive the event level, or {@code null} for the default (as {@link ModelSpec#positive()})
     * @param weights the weight column, or {@code null} for unit weights
     * @return the design; its {@link #encoder()} is the formula's ({@link Encoder#ofFormula})
     * @throws IllegalArgumentException for an unknown column (naming its position in the formula), a response
     *         that is not a column or is also a term, a value that is not finite, a categorical factor coded by
     *         contrasts with a single level, offsets with more than two classes, or as {@link #build(Table,
     *         ModelSpec)}
     */
    public static Design build(Table table, Formula formula, String positive, String weights) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        if (formula == null) {
            throw new IllegalArgumentException("formula is null");
        }
        return FormulaDesign.build(table, formula, positive, weights);
    }

    /** A table read in consecutive chunks, from the first row, once per call. */
    @FunctionalInterface
    public interface Chunks {
        /**
         * Reads the table once.
         *
         * @param chunk told of each chunk in order: the same columns of the same types in every chunk, each
         *        chunk's {@link Table#firstRow()} where it starts in the file
         */
        void read(java.util.function.Consumer<Table> chunk);
    }

    /** Where a design read in chunks writes its model matrix: memory, or a file. */
    public interface RowStore {
        /**
         * @param rows the rows that will be written
         * @param cols their columns, the intercept's first
         * @param weighted whether they have weights
         * @return where to write them, in order
         */
        RowSink open(int rows, int cols, boolean weighted);

        /** @return the rows written, to be read */
        RowSource close();
    }

    /**
     * Builds a design from a table read in chunks, in two passes: the first finds the rows used, the classes
     * and the levels; the second writes the model matrix, chunk by chunk, into the store. Memory does not
     * grow with the rows (but for the levels and the classes), so the table may be larger than the heap.
     * The model matrix is the one {@link #build} makes of the whole table, element for element.
     *
     * @param chunks the table, read once per pass
     * @param spec target, features, event level and weights
     * @param store where the model matrix goes
     * @return the design, reading its rows from the store; it keeps no table rows
     * @throws IllegalArgumentException as {@link #build}
     */
    public static Design stream(Chunks chunks, ModelSpec spec, RowStore store) {
        if (chunks == null || spec == null || store == null) {
            throw new IllegalArgumentException((chunks == null ? "chunks" : spec == null ? "spec" : "store")
                    + " is null");
        }
        Plan[] plan = {null};
        chunks.read(chunk -> {
            if (plan[0] == null) {
                plan[0] = new Plan(chunk, spec);
            }
            plan[0].observe(chunk);
        });
        if (plan[0] == null) {
            throw new IllegalArgumentException("the table has no chunks: no data rows");
        }
        Plan planned = plan[0];
        planned.finish();
        RowSink sink = store.open(planned.used(), planned.width(), spec.weights() != null);
        chunks.read(chunk -> planned.fill(chunk, sink, false));
        return new Design(planned, store.close(), null);
    }

    /**
     * Rebuilds a design from what a cache of it keeps (see {@code dev.logreg.DesignCache}): its encoder,
     * the description of its rows, and the rows themselves.
     *
     * @param encoder the encoding: target, classes, features and their levels
     * @param event the event level of a binary design, or null for a multinomial one
     * @param againstRest whether a binary design's first class is every level but the event
     *        ({@link #eventAgainstRest()})
     * @param numericTarget whether the target column is numeric (classes are then matched by value)
     * @param weightColumn the weight column, or null
     * @param source where the data came from
     * @param tableRows the rows of the table
     * @param observations the rows used with a positive weight
     * @param rows the model matrix with the intercept column first, one column per term of the encoder
     * @return the design; it keeps no table rows ({@link #rows()} is not available)
     * @throws IllegalArgumentException if the rows do not have the encoder's columns or the counts do not fit
     */
    public static Design restore(Encoder encoder, String event, boolean againstRest, boolean numericTarget,
                                 String weightColumn,
                                 String source, int tableRows, int observations, RowSource rows) {
        if (encoder == null || rows == null || source == null) {
            throw new IllegalArgumentException((encoder == null ? "encoder" : rows == null ? "rows" : "source")
                    + " is null");
        }
        if (rows.cols() != encoder.columnNames().size() + 1) {
            throw new IllegalArgumentException("the rows have " + rows.cols() + " columns; the encoder makes "
                    + encoder.columnNames().size() + " and the intercept");
        }
        if (rows.weighted() != (weightColumn != null)) {
            throw new IllegalArgumentException(weightColumn == null ? "the rows have weights but no weight column"
                    : "the weight column is '" + weightColumn + "' but the rows have no weights");
        }
        if (observations < 0 || observations > rows.rows() || tableRows < rows.rows()) {
            throw new IllegalArgumentException(observations + " observations in " + rows.rows()
                    + " rows used of " + tableRows + " do not fit");
        }
        if (event != null && (encoder.classes().size() != 2 || !encoder.classes().get(1).equals(event))) {
            throw new IllegalArgumentException("the event '" + event + "' is not the second of the classes "
                    + encoder.classes());
        }
        Plan plan = new Plan(encoder, event, againstRest, numericTarget, weightColumn, source, tableRows, rows.rows(),
                observations);
        return new Design(plan, rows, null);
    }

    /**
     * @return this design with its rows in memory: itself when they are, else a copy that reads the rows of
     *         a cache into the heap once (so that a fit does not read the file)
     */
    public Design inMemory() {
        RowSource memory = matrix.inMemory();
        if (memory == matrix) {
            return this;
        }
        return new Design(this, memory);
    }

    /** A design of a plan, its rows and the table row of each (or null). */
    static Design of(Plan plan, RowSource matrix, int[] rows) {
        return new Design(plan, matrix, rows);
    }

    /** A copy of a design on other rows (the same rows, held elsewhere). */
    private Design(Design base, RowSource matrix) {
        this.source = base.source;
        this.target = base.target;
        this.weightColumn = base.weightColumn;
        this.features = base.features;
        this.featureLevels = base.featureLevels;
        this.columnNames = base.columnNames;
        this.matrix = matrix;
        this.weighted = base.weighted;
        this.rows = base.rows;
        this.rowsUsed = base.rowsUsed;
        this.observations = base.observations;
        this.tableRows = base.tableRows;
        this.event = base.event;
        this.classes = base.classes;
        this.classKeys = base.classKeys;
        this.numericTarget = base.numericTarget;
        this.formula = base.formula;
        this.intercept = base.intercept;
        this.offsets = base.offsets;
        this.formulaText = base.formulaText;
        this.formulaLevels = base.formulaLevels;
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

    /**
     * @return the formula the design was built from, its {@code .} expanded; empty for a design of
     *         {@link #features()}
     */
    public java.util.Optional<Formula> modelFormula() {
        return java.util.Optional.ofNullable(formula);
    }

    /**
     * @return whether the model has an intercept: always for a design of features; for one of a formula,
     *         {@link Formula#intercept()}
     */
    public boolean intercept() {
        return intercept;
    }

    /** @return whether the rows have offsets (a formula with {@code offset()}) */
    public boolean hasOffsets() {
        return offsets != null;
    }

    /**
     * @return the offset of each row used, the sum of the formula's {@code offset()} terms (a copy), or
     *         {@code null} for none
     */
    public double[] offsets() {
        return offsets == null ? null : offsets.clone();
    }

    /** @return the features as parsed, in model order (none for a design of a formula) */
    public List<Feature> features() {
        return features;
    }

    /** @return the names of the columns of {@link #x()} */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * @return {@code (Intercept)} (if the model has one, {@link #intercept()}) followed by
     *         {@link #columnNames()}: the coefficients' names
     */
    public List<String> terms() {
        List<String> terms = new ArrayList<>(columnNames.size() + 1);
        if (intercept) {
            terms.add(INTERCEPT);
        }
        terms.addAll(columnNames);
        return terms;
    }

    /**
     * The model matrix as the fit reads it: one row per observation used, the intercept column (ones)
     * first, then {@link #columnNames()}; the labels (for a binary design 1 for the event and 0 otherwise,
     * for a multinomial one the index into {@link #classes()}) and, with a weight column, the prior
     * weights. Not a copy: it is read only.
     *
     * @return the rows
     */
    public RowSource rowSource() {
        return matrix;
    }

    /** @return the model matrix without the intercept, one row per observation used (a copy) */
    public double[][] x() {
        int p = columnNames.size();
        double[][] x = new double[rowsUsed][p];
        matrix.scan(block -> {
            for (int i = block.from(); i < block.to(); i++) {
                System.arraycopy(block.array(), block.offset(i) + 1, x[i], 0, p);
            }
        });
        return x;
    }

    /**
     * @return the labels of a binary design, 1 for the event and 0 otherwise (a copy)
     * @throws IllegalStateException for a {@link #multinomial()} design, which has
     *         {@link #classLabels()} instead
     */
    public double[] y() {
        if (multinomial()) {
            throw new IllegalStateException("the target '" + target + "' has " + classes.size()
                    + " classes: a multinomial design has class labels, not 0/1 labels");
        }
        double[] y = new double[rowsUsed];
        matrix.scanLabels(block -> {
            for (int i = block.from(); i < block.to(); i++) {
                y[i] = block.y(i);
            }
        });
        return y;
    }

    /**
     * @return whether the target has more than two classes and no event was named, so that the
     *         model is multinomial (one class against each other) rather than binary
     */
    public boolean multinomial() {
        return event == null;
    }

    /**
     * @return each observation's class as an index into {@link #classes()} (a copy); for a binary
     *         design the same as {@link #y()}: 0 for the non-event, 1 for the event
     */
    public int[] classLabels() {
        int[] labels = new int[rowsUsed];
        matrix.scanLabels(block -> {
            for (int i = block.from(); i < block.to(); i++) {
                labels[i] = (int) block.y(i);
            }
        });
        return labels;
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
        Object key = Plan.key(numericTarget, level);
        return key == null ? -1 : classKeys.indexOf(key);
    }

    /** @return the prior weights (a copy), or {@code null} for unit weights */
    public double[] weights() {
        if (!weighted) {
            return null;
        }
        double[] w = new double[rowsUsed];
        matrix.scanLabels(block -> {
            for (int i = block.from(); i < block.to(); i++) {
                w[i] = block.weight(i);
            }
        });
        return w;
    }

    /**
     * @return the observations: rows used with a positive weight, R's {@code nobs} (with unit weights,
     *         every row used)
     */
    public int observations() {
        return observations;
    }

    /** @return the rows used: those not dropped for missing values, whatever their weight */
    public int rowsUsed() {
        return rowsUsed;
    }

    /** @return the rows used whose weight is 0: in the model matrix, but no observation */
    public int rowsWithZeroWeight() {
        return rowsUsed - observations;
    }

    /** @return the number of rows of the table dropped for missing values */
    public int rowsDropped() {
        return tableRows - rowsUsed;
    }

    /** @return the number of rows of the table */
    public int tableRows() {
        return tableRows;
    }

    /** @return whether the design keeps the table row of each observation ({@link #rows()}) */
    public boolean keepsTableRows() {
        return rows != null;
    }

    /**
     * @return the 0-based table row of each observation, increasing (a copy)
     * @throws IllegalStateException for a design written in chunks, which does not keep them
     */
    public int[] rows() {
        if (rows == null) {
            throw new IllegalStateException("the design of " + source + " was written in chunks and does not keep"
                    + " the table row of each observation");
        }
        return rows.clone();
    }

    /**
     * @return whether the design is binary with more than two levels of the target, its event against all
     *         the others (its first class is {@code not <event>})
     */
    public boolean eventAgainstRest() {
        return event != null && classKeys.get(0) == null;
    }

    /** @return whether the target column is numeric, so that its classes are matched by value */
    public boolean numericTarget() {
        return numericTarget;
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
     * For a design of a formula, the encoder of the formula ({@link Encoder#ofFormula}) with the levels of
     * the categorical variables in the rows used.
     *
     * @return the encoder
     */
    public Encoder encoder() {
        if (formula != null) {
            return Encoder.ofFormula(formula, classes, formulaLevels);
        }
        return Plan.encoder(target, classes, features, featureLevels);
    }

    /** @return the model in R's notation, {@code admit ~ gre + gpa + rank} */
    public String formula() {
        if (formula != null) {
            return formulaText;
        }
        List<String> labels = new ArrayList<>();
        for (Feature f : features) {
            labels.add(f.label());
        }
        return target + " ~ " + (labels.isEmpty() ? "1" : String.join(" + ", labels));
    }

    /**
     * What a design is made of, found by looking at the rows of a table, or of the consecutive chunks of a
     * table read in chunks: the features, the rows used, the classes of the target and the levels of each
     * categorical feature. {@link #fill} then writes the model matrix, chunk after chunk.
     */
    static final class Plan {
        private final String source;
        private final ModelSpec spec;
        private final List<Feature> features = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<List<String>> levels = new ArrayList<>();
        /** The levels seen in the rows used, per feature (null for a numeric one). */
        private final List<java.util.TreeSet<String>> seenLevels = new ArrayList<>();
        /** The classes seen in the rows used: sort key -> the first text of that class. */
        private final TreeMap<Object, String> seenClasses = new TreeMap<>();
        private boolean numericTarget;
        private int tableRows;
        private int used;
        private int observations;
        /** The first negative weight among the rows used: its message, thrown once the classes are checked. */
        private String negativeWeight;
        private String event;
        private final List<String> classes = new ArrayList<>();
        private final List<Object> classKeys = new ArrayList<>();
        private java.util.Map<Object, Integer> labelOf;
        /** The distinct values of a numeric target seen so far, for a test without boxing (see {@link #newClass}). */
        private double[] seenValues = new double[8];
        private int seenValueCount;
        /** The distinct texts of a categorical target seen so far. */
        private final java.util.Set<String> seenTexts = new java.util.HashSet<>();
        /** After {@link #finish()}: each class key's label, by position, for a numeric target with few classes. */
        private double[] labelValues;
        private int[] labelOfValue;
        private Encoder encoder;
        /** For a design of a formula: the formula, its text, whether it has an intercept, the rows' offsets. */
        Formula formula;
        String formulaText;
        /** For a design of a formula: each categorical variable's levels, by label. */
        Map<String, List<String>> formulaLevels;
        boolean intercept = true;
        double[] offsets;
        /** For a design of a formula: the columns its variables read (no features are resolved). */
        private List<String> formulaColumns;

        /** What a restored design was planned as. */
        Plan(Encoder encoder, String event, boolean againstRest, boolean numericTarget, String weightColumn,
             String source, int tableRows, int used, int observations) {
            this.source = source;
            List<String> expressions = new ArrayList<>();
            for (Encoder.Input input : encoder.inputs()) {
                features.add(input.feature());
                levels.add(input.levels());
                expressions.add(input.feature().label());
            }
            this.spec = new ModelSpec(encoder.target(), expressions, event, weightColumn);
            this.names.addAll(encoder.columnNames());
            this.numericTarget = numericTarget;
            this.tableRows = tableRows;
            this.used = used;
            this.observations = observations;
            this.event = event;
            this.classes.addAll(encoder.classes());
            for (int k = 0; k < classes.size(); k++) {
                classKeys.add(againstRest && k == 0 ? null : key(numericTarget, classes.get(k)));
            }
            this.encoder = encoder;
        }

        /**
         * Resolves the features against the columns of a table (or of the first chunk).
         *
         * @throws IllegalArgumentException for an unknown column, a bad expression, a weight column that is
         *         not numeric or is the target, or a feature that is the target or listed twice
         */
        Plan(Table table, ModelSpec spec) {
            this(table, spec, null);
        }

        /**
         * Resolves the features, or for a formula takes the columns it reads instead (with a spec without
         * features).
         */
        Plan(Table table, ModelSpec spec, List<String> formulaColumns) {
            this.formulaColumns = formulaColumns;
            this.source = table.source();
            this.spec = spec;
            Column target = table.column(spec.target());
            Column weight = spec.weights() == null ? null : table.column(spec.weights());
            if (weight != null && weight.name().equals(target.name())) {
                throw new IllegalArgumentException("the target '" + target.name() + "' cannot also be the weights");
            }
            if (weight != null && !weight.isNumeric()) {
                throw new IllegalArgumentException("the weight column '" + weight.name()
                        + "' is not numeric (for example row " + firstNonNumeric(table, weight) + ")");
            }
            numericTarget = target.isNumeric();
            if (formulaColumns != null) {
                for (String c : formulaColumns) {
                    table.column(c);
                }
                return;
            }
            resolveFeatures(table);
            for (Feature f : features) {
                seenLevels.add(table.column(f.column()).isNumeric() ? null : new java.util.TreeSet<>());
            }
        }

        private void resolveFeatures(Table table) {
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

        /** The columns a row needs a cell in to be used: target, weights and every feature's column. */
        private List<Column> usedColumns(Table table) {
            List<Column> needed = new ArrayList<>();
            needed.add(table.column(spec.target()));
            if (spec.weights() != null) {
                needed.add(table.column(spec.weights()));
            }
            for (Feature f : features) {
                needed.add(table.column(f.column()));
            }
            if (formulaColumns != null) {
                for (String c : formulaColumns) {
                    needed.add(table.column(c));
                }
            }
            return needed;
        }

        /** For each row of the table, whether no needed column is missing there: one pass down each column. */
        private static boolean[] complete(List<Column> needed, int rows) {
            boolean[] complete = new boolean[rows];
            java.util.Arrays.fill(complete, true);
            for (Column c : needed) {
                for (int i = 0; i < rows; i++) {
                    if (c.isMissing(i)) {
                        complete[i] = false;
                    }
                }
            }
            return complete;
        }

        /**
         * Looks at the rows of a table, or of the next chunk: rows used, classes, levels and weights.
         *
         * @return for each of its rows, whether it is used (no missing cell the design reads)
         */
        boolean[] observe(Table table) {
            List<Column> needed = usedColumns(table);
            Column target = table.column(spec.target());
            Column weight = spec.weights() == null ? null : table.column(spec.weights());
            // The categorical features' columns and the sets of their levels seen.
            List<Column> categorical = new ArrayList<>();
            List<java.util.TreeSet<String>> seen = new ArrayList<>();
            for (int k = 0; k < features.size(); k++) {
                Column c = table.column(features.get(k).column());
                if (!c.isNumeric()) {
                    categorical.add(c);
                    seen.add(seenLevels.get(k));
                }
            }
            int m = table.rows();
            boolean[] complete = complete(needed, m);
            for (int i = 0; i < m; i++) {
                if (!complete[i]) {
                    continue;
                }
                used++;
                if (newClass(target, i)) {
                    seenClasses.putIfAbsent(key(target, i), target.text(i));
                }
                if (weight != null) {
                    double v = weight.number(i);
                    if (v < 0 && negativeWeight == null) {
                        negativeWeight = source + ", row " + (table.firstRow() + i + 1) + ", column '" + weight.name()
                                + "': weight " + weight.text(i) + " is negative";
                    }
                    observations += v > 0 ? 1 : 0;
                } else {
                    observations++;
                }
                for (int k = 0; k < categorical.size(); k++) {
                    seen.get(k).add(categorical.get(k).text(i));
                }
            }
            tableRows += m;
            return complete;
        }

        /**
         * Decides the classes, the event and the columns once every row has been observed.
         *
         * @throws IllegalArgumentException for no rows used, a single class, an event level that does not
         *         occur, a negative weight, a categorical feature with a single level or two terms of one name
         */
        void finish() {
            if (used == 0) {
                throw new IllegalArgumentException("no rows left: each of the " + tableRows + " rows of " + source
                        + " has a missing value in the target, the weights or a feature");
            }
            classes();
            if (negativeWeight != null) {
                throw new IllegalArgumentException(negativeWeight);
            }
            columns();
            encoder = encoder(spec.target(), classes, features, levels);
            if (numericTarget && labelOf.size() <= FEW_CLASSES) {
                labelValues = new double[labelOf.size()];
                labelOfValue = new int[labelOf.size()];
                int k = 0;
                for (java.util.Map.Entry<Object, Integer> e : labelOf.entrySet()) {
                    labelValues[k] = (Double) e.getKey();
                    labelOfValue[k++] = e.getValue();
                }
            }
        }

        private void classes() {
            List<Object> keys = new ArrayList<>(seenClasses.keySet());
            List<String> texts = new ArrayList<>(seenClasses.values());
            if (keys.size() < 2) {
                throw new IllegalArgumentException("the target '" + spec.target() + "' has the single class '"
                        + texts.get(0) + "' in the " + used + " rows used; logistic regression needs two");
            }
            labelOf = new java.util.HashMap<>();
            if (spec.positive() == null && keys.size() > 2) {
                classes.addAll(texts);
                classKeys.addAll(keys);
                for (int k = 0; k < keys.size(); k++) {
                    labelOf.put(keys.get(k), k);
                }
                return;
            }
            Object eventKey;
            if (spec.positive() == null) {
                eventKey = keys.get(1);
            } else {
                eventKey = key(numericTarget, spec.positive());
                if (eventKey == null || !seenClasses.containsKey(eventKey)) {
                    throw new IllegalArgumentException("the event level '" + spec.positive()
                            + "' does not occur in the target '" + spec.target() + "' (classes: "
                            + String.join(", ", texts) + ")");
                }
            }
            event = seenClasses.get(eventKey);
            if (keys.size() == 2) {
                Object other = keys.get(keys.get(0).equals(eventKey) ? 1 : 0);
                classes.add(seenClasses.get(other));
                classKeys.add(other);
            } else {
                classes.add("not " + event);
                classKeys.add(null);
            }
            classes.add(event);
            classKeys.add(eventKey);
            for (Object k : keys) {
                labelOf.put(k, k.equals(eventKey) ? 1 : 0);
            }
        }

        private void columns() {
            // What gave each term its name, for the message when two names collide.
            List<String> origins = new ArrayList<>();
            for (int k = 0; k < features.size(); k++) {
                Feature f = features.get(k);
                java.util.TreeSet<String> seen = seenLevels.get(k);
                if (seen == null) {
                    names.add(f.label());
                    origins.add("feature '" + f.label() + "'");
                    levels.add(List.of());
                } else {
                    List<String> found = new ArrayList<>(seen);
                    if (found.size() < 2) {
                        throw new IllegalArgumentException("the categorical column '" + f.column()
                                + "' has the single level '" + found.get(0) + "' in the rows used;"
                                + " it cannot be a feature");
                    }
                    levels.add(List.copyOf(found));
                    for (String level : found.subList(1, found.size())) {
                        names.add(f.column() + level);
                        origins.add("level '" + level + "' of the categorical column '" + f.column() + "'");
                    }
                }
            }
            java.util.Map<String, String> seen = new java.util.HashMap<>();
            seen.put(INTERCEPT, "the intercept");
            for (int j = 0; j < names.size(); j++) {
                String earlier = seen.putIfAbsent(names.get(j), origins.get(j));
                if (earlier != null) {
                    throw new IllegalArgumentException("the term name '" + names.get(j) + "' would be given twice, to "
                            + earlier + " and to " + origins.get(j) + ": rename a column of " + source);
                }
            }
        }

        /**
         * Whether row i's class has not been seen before: a scan of the few values seen (a numeric target), or a
         * hash of the text (a categorical one), so that the sorted map of classes is touched once per class, not
         * once per row.
         */
        private boolean newClass(Column target, int i) {
            if (!target.isNumeric()) {
                return seenTexts.add(target.text(i));
            }
            if (seenValueCount > 4 * FEW_CLASSES) {
                return true; // not a handful of classes: the sorted map itself decides
            }
            double v = target.number(i) + 0.0;
            for (int k = 0; k < seenValueCount; k++) {
                if (seenValues[k] == v) {
                    return false;
                }
            }
            if (seenValueCount == seenValues.length) {
                seenValues = java.util.Arrays.copyOf(seenValues, 2 * seenValueCount);
            }
            seenValues[seenValueCount++] = v;
            return true;
        }

        /** The label of row i of a table: its class's index, or 1/0 for the event and the rest. */
        private int label(Column target, int i) {
            if (labelValues != null) {
                double v = target.number(i) + 0.0;
                for (int k = 0; k < labelValues.length; k++) {
                    if (labelValues[k] == v) {
                        return labelOfValue[k];
                    }
                }
            }
            return labelOf.get(key(target, i));
        }

        /**
         * The rows used of a whole table, their labels and their weights, once finished.
         *
         * @param table the table observed
         * @param complete for each table row, whether it is used, as {@link #observe} found it
         * @param rows receives the table row of each row used
         * @param y receives their labels
         * @param w receives their weights, or null without a weight column
         */
        void rowsUsed(Table table, boolean[] complete, int[] rows, double[] y, double[] w) {
            Column target = table.column(spec.target());
            Column weight = spec.weights() == null ? null : table.column(spec.weights());
            int count = 0;
            for (int i = 0; i < complete.length; i++) {
                if (complete[i]) {
                    rows[count] = i;
                    y[count] = label(target, i);
                    if (w != null) {
                        w[count] = weight.number(i);
                    }
                    count++;
                }
            }
        }

        /** @return the names of the model matrix's columns, to which a design of a formula adds its own */
        List<String> names() {
            return names;
        }

        /** @return the event level, once finished, or null for a multinomial design */
        String event() {
            return event;
        }

        /** @return the classes, once finished */
        List<String> classList() {
            return classes;
        }

        /** @return the number of rows used, once observed */
        int used() {
            return used;
        }

        /** @return the model matrix's columns with the intercept, once finished */
        int width() {
            return names.size() + 1;
        }

        /**
         * Writes the rows used of a table, or of the next chunk, into the model matrix: the intercept, then
         * the encoder's row; the label; the weight.
         *
         * @param table the table, or the chunk
         * @param sink where the rows go, in order
         * @param keepRows whether to return the table row of each row written
         * @return the table rows written (0-based in the table), or null
         * @throws IllegalArgumentException for a feature whose value is not finite, naming the row
         */
        int[] fill(Table table, RowSink sink, boolean keepRows) {
            Column target = table.column(spec.target());
            Column weight = spec.weights() == null ? null : table.column(spec.weights());
            Column[] required = weight == null ? new Column[] {target} : new Column[] {target, weight};
            int m = table.rows();
            int p = names.size();
            double[] row = new double[p + 1];
            row[0] = 1.0;
            int[] rows = keepRows ? new int[m] : null;
            int count = 0;
            for (int from = 0; from < m; from += FILL_ROWS) {
                int to = Math.min(m, from + FILL_ROWS);
                Encoded part = encoder.encode(table, Encoder.UnseenLevel.REJECT, from, to, required);
                boolean[] complete = part.complete();
                double[] values = part.values();
                for (int i = from; i < to; i++) {
                    if (!complete[i - from]) {
                        continue;
                    }
                    System.arraycopy(values, (i - from) * p, row, 1, p);
                    double w = weight == null ? 1.0 : weight.number(i);
                    sink.add(row, 0, label(target, i), w);
                    if (keepRows) {
                        rows[count] = i;
                    }
                    count++;
                }
            }
            return keepRows ? java.util.Arrays.copyOf(rows, count) : null;
        }

        static Encoder encoder(String target, List<String> classes, List<Feature> features,
                               List<List<String>> levels) {
            List<Encoder.Input> inputs = new ArrayList<>(features.size());
            for (int k = 0; k < features.size(); k++) {
                inputs.add(new Encoder.Input(features.get(k), levels.get(k)));
            }
            return Encoder.of(target, classes, inputs);
        }

        /** A class's identity: its value for a numeric target (-0 is 0), else its text. */
        private static Object key(Column target, int row) {
            return target.isNumeric() ? (Object) (target.number(row) + 0.0) : target.text(row);
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

        private static int firstNonNumeric(Table table, Column c) {
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i) && !Table.isNumber(c.text(i))) {
                    return table.firstRow() + i + 1;
                }
            }
            return 1;
        }
    }
}
