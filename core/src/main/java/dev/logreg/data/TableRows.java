package dev.logreg.data;

import dev.logreg.objective.RowSource;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The model matrix of a table's rows used, computed from the table's columns whenever the fit reads a
 * block of rows ({@link RowSource#computed}), so that a design in memory holds its data once, in the
 * table, not again as a matrix: each row is the intercept's 1, then each feature's value, or a
 * categorical feature's 0/1 columns, exactly as {@link Encoder} writes them.
 */
final class TableRows implements RowSource.RowFill {

    private final int n;
    /** The table row of each row used. */
    private final int[] rows;
    /** Whether every row of the table is used, so that row i is table row i. */
    private final boolean everyRow;
    /** The numeric features: values, function (null for the column itself), column in the row. */
    private final double[][] values;
    private final Feature[] functions;
    private final int[] valueAt;
    /** The categorical features: codes, each code's level index (0 for the first level), first column. */
    private final int[][] codes;
    private final int[][] levelOfCode;
    private final int[] codeAt;
    private final int[] codeWidth;

    private TableRows(int n, int[] rows, double[][] values, Feature[] functions, int[] valueAt, int[][] codes,
                      int[][] levelOfCode, int[] codeAt, int[] codeWidth) {
        this.n = n;
        this.rows = rows;
        this.everyRow = rows.length == 0 || rows[rows.length - 1] == rows.length - 1;
        this.values = values;
        this.functions = functions;
        this.valueAt = valueAt;
        this.codes = codes;
        this.levelOfCode = levelOfCode;
        this.codeAt = codeAt;
        this.codeWidth = codeWidth;
    }

    /**
     * The rows used of a table as a computed source, or null when some feature's value is not finite (which
     * the caller reports, naming the row, by encoding the table).
     *
     * @param table the table
     * @param features the design's features, in order
     * @param levels each feature's levels (empty for a numeric one); a categorical feature's column is
     *        categorical in the table and each level of a row used is among them
     * @param rows the table row of each row used
     * @param y their labels
     * @param w their weights, or null
     * @return the source, n = 1 + the columns of the features
     */
    static RowSource of(Table table, List<Feature> features, List<List<String>> levels, int[] rows, double[] y,
                        double[] w) {
        int numeric = 0;
        for (List<String> l : levels) {
            numeric += l.isEmpty() ? 1 : 0;
        }
        int categorical = features.size() - numeric;
        double[][] values = new double[numeric][];
        Feature[] functions = new Feature[numeric];
        int[] valueAt = new int[numeric];
        int[][] codes = new int[categorical][];
        int[][] levelOfCode = new int[categorical][];
        int[] codeAt = new int[categorical];
        int[] codeWidth = new int[categorical];
        int at = 1;
        int a = 0;
        int b = 0;
        for (int k = 0; k < features.size(); k++) {
            Feature f = features.get(k);
            Column c = table.column(f.column());
            List<String> l = levels.get(k);
            if (l.isEmpty()) {
                values[a] = c.values();
                functions[a] = f.function() == Feature.Function.IDENTITY ? null : f;
                valueAt[a++] = at++;
            } else {
                String[] texts = c.levelTexts();
                int[] map = new int[texts.length];
                for (int code = 0; code < texts.length; code++) {
                    map[code] = l.indexOf(texts[code]); // -1 for a level of rows not used only
                }
                codes[b] = c.codes();
                levelOfCode[b] = map;
                codeAt[b] = at;
                codeWidth[b++] = l.size() - 1;
                at += l.size() - 1;
            }
        }
        TableRows fill = new TableRows(at, rows, values, functions, valueAt, codes, levelOfCode, codeAt, codeWidth);
        double[] largest = fill.largest();
        return largest == null ? null : RowSource.computed(at, largest, y, w, fill);
    }

    @Override
    public void fill(int from, int to, double[] x) {
        int m = to - from;
        for (int k = 0; k < m; k++) {
            x[k * n] = 1.0;
        }
        for (int c = 0; c < values.length; c++) {
            double[] v = values[c];
            int at = valueAt[c];
            Feature f = functions[c];
            if (f == null && everyRow) {
                for (int k = 0; k < m; k++) {
                    x[k * n + at] = v[from + k];
                }
            } else if (f == null) {
                for (int k = 0; k < m; k++) {
                    x[k * n + at] = v[rows[from + k]];
                }
            } else {
                for (int k = 0; k < m; k++) {
                    x[k * n + at] = f.apply(v[rows[from + k]]);
                }
            }
        }
        for (int c = 0; c < codes.length; c++) {
            int[] code = codes[c];
            int[] level = levelOfCode[c];
            int at = codeAt[c];
            int width = codeWidth[c];
            for (int k = 0; k < m; k++) {
                int row = k * n + at;
                java.util.Arrays.fill(x, row, row + width, 0.0);
                int l = level[code[rows[from + k]]];
                if (l > 0) {
                    x[row + l - 1] = 1.0;
                }
            }
        }
    }

    /**
     * Max|x| per column over the rows used, one column at a time (in parallel over the columns); null if a
     * value is not finite. The intercept's is 1, and so is each 0/1 column's: its level occurs in a row
     * used.
     */
    private double[] largest() {
        double[] largest = new double[n];
        largest[0] = 1.0;
        for (int c = 0; c < codes.length; c++) {
            java.util.Arrays.fill(largest, codeAt[c], codeAt[c] + codeWidth[c], 1.0);
        }
        boolean[] finite = new boolean[values.length];
        IntStream.range(0, values.length).parallel().forEach(c -> {
            double[] v = values[c];
            Feature f = functions[c];
            double max = 0;
            for (int k = 0; k < rows.length; k++) {
                double value = Math.abs(f == null ? v[everyRow ? k : rows[k]] : f.apply(v[rows[k]]));
                if (!(value <= Double.MAX_VALUE)) {
                    return; // not finite: finite[c] stays false
                }
                max = Math.max(max, value);
            }
            largest[valueAt[c]] = max;
            finite[c] = true;
        });
        for (boolean ok : finite) {
            if (!ok) {
                return null;
            }
        }
        return largest;
    }
}
