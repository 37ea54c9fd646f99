package dev.logreg.data;

import dev.logreg.objective.RowSource;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/** The model matrix of a {@link Formula}, as R's {@code model.matrix}: see {@link Design#build(Table, Formula, String, String)}. */
final class FormulaDesign {

    private FormulaDesign() {
    }

    /** A categorical variable over the rows used: its levels and each row's level. */
    private record Factor(List<String> levels, int[] code) {
    }

    static Design build(Table table, Formula given, String positive, String weights) {
        Predicate<String> categoricalColumn = name -> table.has(name) && !table.column(name).isNumeric();
        given.validate(table.names(), categoricalColumn);
        Formula formula = given.expandDot(table.names());
        Variable response = formula.responseVariable();
        if (response.kind() != Variable.Kind.COLUMN) {
            throw new IllegalArgumentException("formula \"" + given.text() + "\": the response " + response.label()
                    + " must be a column of " + table.source());
        }
        String target = ((Expression.Column) response.expression()).name();
        for (Formula.Term term : formula.terms()) {
            for (Variable v : term.factors()) {
                if (v.columns().contains(target)) {
                    throw new IllegalArgumentException("formula \"" + given.text() + "\": the response '" + target
                            + "' cannot also be in a term (" + term.label() + ")");
                }
            }
        }
        Set<String> read = new LinkedHashSet<>();
        for (Variable v : formula.variables()) {
            read.addAll(v.columns());
        }
        read.remove(target);
        ModelSpec spec = new ModelSpec(target, List.of(), positive, weights);
        Design.Plan plan = new Design.Plan(table, spec, List.copyOf(read));
        boolean[] complete = plan.observe(table);
        plan.finish();
        int n = plan.used();
        int[] used = new int[n];
        double[] y = new double[n];
        double[] w = weights == null ? null : new double[n];
        plan.rowsUsed(table, complete, used, y, w);
        boolean multinomial = plan.classList().size() > 2 && plan.event() == null;

        Predicate<Variable> categorical = v -> v.isCategorical(categoricalColumn);
        Map<Variable, Factor> factors = new LinkedHashMap<>();
        Map<Variable, double[]> values = new HashMap<>();
        List<String> names = plan.names();
        List<double[][]> termColumns = termColumns(formula, given.text(), categorical,
                v -> values.computeIfAbsent(v, k -> evaluate(table, k, used, given)),
                v -> factors.computeIfAbsent(v, k -> factor(table, k, used)), n, names);
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Map.Entry<Variable, Factor> e : factors.entrySet()) {
            levels.put(e.getKey().label(), e.getValue().levels());
        }

        double[] offsets = null;
        if (!formula.offsets().isEmpty()) {
            if (multinomial) {
                throw new IllegalArgumentException("formula \"" + given.text() + "\" has an offset, but the response '"
                        + target + "' has " + plan.classList().size() + " classes: offsets are for two classes"
                        + " (name the event to fit it against the rest)");
            }
            offsets = new double[n];
            for (Variable o : formula.offsets()) {
                double[] x = evaluate(table, o, used, given);
                for (int i = 0; i < n; i++) {
                    offsets[i] += x[i];
                }
            }
        }

        int p = names.size();
        RowSource.Builder builder = RowSource.builder(n, p + 1, weights != null);
        double[] row = new double[p + 1];
        row[0] = 1.0;
        for (int i = 0; i < n; i++) {
            int c = 1;
            for (double[][] cols : termColumns) {
                for (double[] col : cols) {
                    row[c++] = col[i];
                }
            }
            builder.add(row, 0, y[i], w == null ? 1.0 : w[i]);
        }
        plan.formula = formula;
        plan.formulaText = given.hasDot() ? formula.toString() : given.text().trim();
        plan.intercept = formula.intercept();
        plan.offsets = offsets;
        plan.formulaLevels = levels;
        return Design.of(plan, builder.build(), used);
    }

    /**
     * Each term's columns over n rows, as R's {@code model.matrix} makes them, and their names appended to
     * {@code names}: the product of the term's factors' codings, the first factor varying fastest.
     */
    private static List<double[][]> termColumns(Formula formula, String text, Predicate<Variable> categorical,
                                                Function<Variable, double[]> numeric,
                                                Function<Variable, Factor> factorOf, int n, List<String> names) {
        List<double[][]> termColumns = new ArrayList<>();
        Map<String, String> origins = new HashMap<>();
        origins.put(Design.INTERCEPT, "the intercept");
        List<Formula.Term> terms = formula.terms();
        for (int t = 0; t < terms.size(); t++) {
            List<Variable> vars = terms.get(t).factors();
            List<Formula.Coding> coding = formula.coding(t, categorical);
            // Each factor's columns over the rows used, and their names.
            List<double[][]> parts = new ArrayList<>();
            List<List<String>> partNames = new ArrayList<>();
            for (int j = 0; j < vars.size(); j++) {
                Variable v = vars.get(j);
                if (coding.get(j) == Formula.Coding.NUMERIC) {
                    double[] x = numeric.apply(v);
                    parts.add(new double[][] {x});
                    partNames.add(List.of(v.label()));
                    continue;
                }
                Factor f = factorOf.apply(v);
                boolean contrasts = coding.get(j) == Formula.Coding.CONTRASTS;
                if (contrasts && f.levels().size() < 2) {
                    throw new IllegalArgumentException("formula \"" + text + "\": " + v.label()
                            + " has the single level '" + f.levels().get(0) + "' in the rows used; contrasts"
                            + " need two or more");
                }
                int from = contrasts ? 1 : 0;
                double[][] cols = new double[f.levels().size() - from][n];
                List<String> labels = new ArrayList<>();
                for (int l = from; l < f.levels().size(); l++) {
                    labels.add(v.label() + f.levels().get(l));
                }
                for (int i = 0; i < n; i++) {
                    int c = f.code()[i] - from;
                    if (c >= 0) {
                        cols[c][i] = 1.0;
                    }
                }
                parts.add(cols);
                partNames.add(labels);
            }
            // The product, the first factor varying fastest.
            double[][] product = {null};
            List<String> productNames = List.of("");
            for (int j = 0; j < parts.size(); j++) {
                double[][] part = parts.get(j);
                List<String> partLabels = partNames.get(j);
                double[][] next = new double[product.length * part.length][];
                List<String> nextNames = new ArrayList<>();
                int k = 0;
                for (int b = 0; b < part.length; b++) {
                    for (int a = 0; a < product.length; a++) {
                        double[] col = new double[n];
                        for (int i = 0; i < n; i++) {
                            col[i] = (product[a] == null ? 1.0 : product[a][i]) * part[b][i];
                        }
                        next[k++] = col;
                        String left = productNames.get(a);
                        nextNames.add(left.isEmpty() ? partLabels.get(b) : left + ":" + partLabels.get(b));
                    }
                }
                product = next;
                productNames = nextNames;
            }
            for (String name : productNames) {
                String earlier = origins.putIfAbsent(name, "term " + terms.get(t).label());
                if (earlier != null) {
                    throw new IllegalArgumentException("formula \"" + text + "\": the column name '" + name
                            + "' would be given twice, to " + earlier + " and to term " + terms.get(t).label());
                }
            }
            names.addAll(productNames);
            termColumns.add(product);
        }

        return termColumns;
    }

    /** Whether a variable is categorical in a model whose categorical variables have the given levels. */
    static Predicate<Variable> categoricalIn(Map<String, List<String>> levels) {
        return v -> v.kind() == Variable.Kind.FACTOR
                || v.kind() == Variable.Kind.COLUMN && levels.containsKey(v.label());
    }

    /**
     * The model-matrix column names (without the intercept) of an expanded formula whose categorical
     * variables have the given levels, as {@link #build} names them.
     *
     * @throws IllegalArgumentException as {@link #build} for a contrast of a single level or a repeated name
     */
    static List<String> columnNames(Formula formula, Map<String, List<String>> levels) {
        List<String> names = new ArrayList<>();
        termColumns(formula, formula.toString(), categoricalIn(levels), v -> new double[0],
                v -> new Factor(levels.get(v.label()), new int[0]), 0, names);
        return List.copyOf(names);
    }

    /**
     * Encodes a new table as the design of the formula encoded its rows: each categorical variable coded by
     * its levels as fitted, the same columns in the same order; a row with a missing cell in a column the
     * formula reads (or, with {@link Encoder.UnseenLevel#MISSING}, an unseen level) is incomplete, all NaN.
     * The offsets of the formula, summed, are each row's {@link Encoded#offsets()}.
     */
    static Encoded encode(Table table, Formula formula, Map<String, List<String>> levels, int cols,
                          Encoder.UnseenLevel unseen) {
        String target = ((Expression.Column) formula.responseVariable().expression()).name();
        Set<String> read = new LinkedHashSet<>();
        for (Variable v : formula.variables()) {
            read.addAll(v.columns());
        }
        read.remove(target);
        for (String name : read) {
            if (!table.has(name)) {
                throw new IllegalArgumentException(table.source() + " has no column '" + name
                        + "', which the model's formula reads; its columns are " + String.join(", ", table.names()));
            }
        }
        int m = table.rows();
        boolean[] complete = new boolean[m];
        java.util.Arrays.fill(complete, true);
        for (String name : read) {
            Column c = table.column(name);
            for (int i = 0; i < m; i++) {
                if (c.isMissing(i)) {
                    complete[i] = false;
                }
            }
        }
        Predicate<Variable> categorical = categoricalIn(levels);
        // Categorical variables first: an unseen level may make a row incomplete before its numbers are read.
        Map<Variable, Factor> factors = new HashMap<>();
        for (Variable v : formula.variables()) {
            if (v.kind() != Variable.Kind.OFFSET && categorical.test(v) && !v.columns().contains(target)) {
                factors.put(v, code(table, v, levels.get(v.label()), complete, unseen));
            }
        }
        Map<Variable, double[]> values = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<double[][]> termColumns = termColumns(formula, formula.toString(), categorical,
                v -> values.computeIfAbsent(v, k -> evaluateAll(table, k, complete, formula)),
                factors::get, m, names);
        if (names.size() != cols) {
            throw new IllegalStateException("the formula gives " + names.size() + " columns, not " + cols);
        }
        double[] offsets = null;
        if (!formula.offsets().isEmpty()) {
            offsets = new double[m];
            for (Variable o : formula.offsets()) {
                double[] x = evaluateAll(table, o, complete, formula);
                for (int i = 0; i < m; i++) {
                    offsets[i] += x[i];
                }
            }
        }
        double[] x = new double[Math.multiplyExact(m, cols)];
        for (int i = 0; i < m; i++) {
            if (!complete[i]) {
                java.util.Arrays.fill(x, i * cols, (i + 1) * cols, Double.NaN);
                if (offsets != null) {
                    offsets[i] = Double.NaN;
                }
                continue;
            }
            int c = 0;
            for (double[][] term : termColumns) {
                for (double[] col : term) {
                    x[i * cols + c++] = col[i];
                }
            }
        }
        return new Encoded(x, m, cols, complete, offsets);
    }

    /** Each complete row's level index of a categorical variable; an unseen level is an error or makes the row incomplete. */
    private static Factor code(Table table, Variable v, List<String> levels, boolean[] complete,
                               Encoder.UnseenLevel unseen) {
        Column c = table.column(v.columns().get(0));
        Map<String, Integer> index = new HashMap<>();
        for (int l = 0; l < levels.size(); l++) {
            index.put(levels.get(l), l);
        }
        int[] code = new int[table.rows()];
        for (int i = 0; i < code.length; i++) {
            if (!complete[i]) {
                continue;
            }
            Integer l = index.get(c.text(i));
            if (l == null && c.isNumeric()) {
                l = index.get(rText(c.number(i) + 0.0));
            }
            if (l == null) {
                if (unseen == Encoder.UnseenLevel.MISSING) {
                    complete[i] = false;
                    continue;
                }
                throw new IllegalArgumentException(table.source() + ", row " + (table.firstRow() + i + 1)
                        + ", column '" + c.name() + "': level '" + c.text(i) + "' was not seen in fitting (levels: "
                        + String.join(", ", levels) + ")");
            }
            code[i] = l;
        }
        return new Factor(levels, code);
    }

    /** A numeric variable's value in each complete row (0 in the others), each finite. */
    private static double[] evaluateAll(Table table, Variable v, boolean[] complete, Formula formula) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String name : v.columns()) {
            Column c = table.column(name);
            if (!c.isNumeric()) {
                for (int i = 0; i < c.size(); i++) {
                    if (complete[i] && !Table.isNumber(c.text(i))) {
                        throw new IllegalArgumentException(table.source() + ", row " + (table.firstRow() + i + 1)
                                + ", column '" + name + "': '" + c.text(i) + "' is not a number; the model's "
                                + v.label() + " reads '" + name + "' as numeric");
                    }
                }
                throw new IllegalArgumentException(table.source() + ", column '" + name
                        + "' was read as categorical; the model's " + v.label() + " reads it as numeric");
            }
            columns.put(name, c);
        }
        double[] x = new double[complete.length];
        for (int i = 0; i < complete.length; i++) {
            if (!complete[i]) {
                continue;
            }
            int r = i;
            x[i] = v.evaluate(name -> columns.get(name).number(r));
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(table.source() + ", row " + (table.firstRow() + i + 1) + ": "
                        + v.label() + " is " + x[i] + " in formula \"" + formula + "\"; the model matrix must be finite");
            }
        }
        return x;
    }

    /** A numeric variable's value in each row used, each finite. */
    private static double[] evaluate(Table table, Variable v, int[] used, Formula formula) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String c : v.columns()) {
            columns.put(c, table.column(c));
        }
        double[] x = new double[used.length];
        for (int i = 0; i < used.length; i++) {
            int r = used[i];
            x[i] = v.evaluate(name -> columns.get(name).number(r));
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(table.source() + ", row " + (table.firstRow() + r + 1) + ": "
                        + v.label() + " is " + x[i] + " in formula \"" + formula.text().trim()
                        + "\"; the model matrix must be finite");
            }
        }
        return x;
    }

    /** A categorical variable's levels and codes: a categorical column's texts, a numeric one's values. */
    private static Factor factor(Table table, Variable v, int[] used) {
        Column c = table.column(v.columns().get(0));
        int[] code = new int[used.length];
        List<String> levels = new ArrayList<>();
        if (!c.isNumeric()) {
            TreeMap<String, Integer> index = new TreeMap<>();
            for (int r : used) {
                index.put(c.text(r), 0);
            }
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                e.setValue(levels.size());
                levels.add(e.getKey());
            }
            for (int i = 0; i < used.length; i++) {
                code[i] = index.get(c.text(used[i]));
            }
        } else {
            TreeSet<Double> distinct = new TreeSet<>();
            for (int r : used) {
                distinct.add(c.number(r) + 0.0);
            }
            Map<Double, Integer> index = new HashMap<>();
            for (double d : distinct) {
                index.put(d, levels.size());
                levels.add(rText(d));
            }
            for (int i = 0; i < used.length; i++) {
                code[i] = index.get(c.number(used[i]) + 0.0);
            }
        }
        return new Factor(List.copyOf(levels), code);
    }

    /** A number as R's {@code as.character} writes a factor level: up to 15 significant digits. */
    static String rText(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = new BigDecimal(d).round(new MathContext(15)).stripTrailingZeros().toString();
        return s.replace("E+", "e+").replace("E-", "e-");
    }
}
