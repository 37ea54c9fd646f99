package dev.logreg.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One column of a {@link Table}: its name, its type and its cells, any of which may be missing.
 *
 * <p>A column is {@linkplain Type#NUMERIC numeric} when every cell that is not missing is a decimal
 * number ({@code 00202} reads as 202), otherwise {@linkplain Type#CATEGORICAL categorical}; a numeric
 * column can be forced to be categorical when the table is read. A categorical column's levels are
 * its distinct cells in {@link String} order.
 *
 * <p>A numeric column holds its values (one {@code double} per cell, NaN where missing), not the text it
 * was read from: its {@link #text(int)} is the canonical text of the value. A categorical column holds a
 * level code per cell and each distinct level's text once.
 */
public final class Column {

    /** How a column's cells are read. */
    public enum Type {
        /** Every cell that is not missing is a finite decimal number. */
        NUMERIC,
        /** Cells are labels (levels); a model uses one 0/1 column per level but the first. */
        CATEGORICAL
    }

    /** In a categorical column's codes: a missing cell. */
    static final int MISSING = -1;

    private final String name;
    private final Type type;
    private final int size;
    /** A numeric column's values, NaN where missing; null for a categorical column. */
    private final double[] numbers;
    /** A categorical column's cells: indices in {@link #levels}, {@link #MISSING} where missing. */
    private final int[] codes;
    /** A categorical column's distinct cells, in no particular order. */
    private final String[] levels;

    private Column(String name, Type type, int size, double[] numbers, int[] codes, String[] levels) {
        this.name = name;
        this.type = type;
        this.size = size;
        this.numbers = numbers;
        this.codes = codes;
        this.levels = levels;
    }

    /**
     * @param name the column's name
     * @param numbers the values, NaN where missing (not copied)
     * @return a numeric column
     */
    static Column numeric(String name, double[] numbers) {
        return new Column(name, Type.NUMERIC, numbers.length, numbers, null, null);
    }

    /**
     * @param name the column's name
     * @param codes each cell's index in {@code levels}, {@link #MISSING} where missing (not copied)
     * @param levels the distinct cells, each once (not copied)
     * @return a categorical column
     */
    static Column categorical(String name, int[] codes, String[] levels) {
        return new Column(name, Type.CATEGORICAL, codes.length, null, codes, levels);
    }

    /** @return a numeric column's values, NaN where missing (its own array: read only), or null */
    double[] values() {
        return numbers;
    }

    /** @return a categorical column's cells as indices in {@link #levelTexts()} (its own array: read only), or null */
    int[] codes() {
        return codes;
    }

    /** @return a categorical column's distinct cells, which its codes index (its own array: read only), or null */
    String[] levelTexts() {
        return levels;
    }

    /** @return the column's name, from the header */
    public String name() {
        return name;
    }

    /** @return whether the column is numeric or categorical */
    public Type type() {
        return type;
    }

    /** @return true for a numeric column */
    public boolean isNumeric() {
        return type == Type.NUMERIC;
    }

    /** @return the number of cells (the table's rows) */
    public int size() {
        return size;
    }

    /**
     * @param row a 0-based data row
     * @return true if the cell is missing ({@code ?}, {@code NA}, {@code NaN} or empty)
     */
    public boolean isMissing(int row) {
        return numbers != null ? Double.isNaN(numbers[row]) : codes[row] == MISSING;
    }

    /**
     * The cell's text. A categorical cell's text is as written (trimmed). A numeric cell's is the canonical
     * text of its value, not the text it was read from: an integral value of magnitude up to 2<sup>53</sup>
     * without a fraction ({@code 00202} and {@code 202.0} give {@code 202}, {@code -3.00} gives {@code -3}),
     * any other value as {@link Double#toString(double)} writes it ({@code 1.50} gives {@code 1.5},
     * {@code 1e20} gives {@code 1.0E20}); {@link Double#parseDouble} reads it back to the same value.
     *
     * @param row a 0-based data row
     * @return the cell's text, or {@code null} if missing
     */
    public String text(int row) {
        if (numbers != null) {
            double v = numbers[row];
            return Double.isNaN(v) ? null : Numbers.text(v);
        }
        int code = codes[row];
        return code == MISSING ? null : levels[code];
    }

    /**
     * @param row a 0-based data row
     * @return the cell's value, NaN if missing
     * @throws IllegalStateException if the column is categorical
     */
    public double number(int row) {
        if (numbers == null) {
            throw new IllegalStateException("column '" + name + "' is categorical");
        }
        return numbers[row];
    }

    /** @return the number of missing cells */
    public int missing() {
        int count = 0;
        for (int row = 0; row < size; row++) {
            if (isMissing(row)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The distinct cells of the given rows, in {@link String} order.
     *
     * @param rows 0-based data rows; missing cells among them are skipped
     * @return the sorted distinct levels
     */
    public List<String> levels(int[] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows is null");
        }
        if (numbers != null) {
            return new ArrayList<>(new java.util.TreeSet<>(texts(rows)));
        }
        boolean[] seen = new boolean[levels.length];
        int distinct = 0;
        for (int i : rows) {
            int code = codes[i];
            if (code != MISSING && !seen[code]) {
                seen[code] = true;
                distinct++;
            }
        }
        String[] found = new String[distinct];
        int k = 0;
        for (int code = 0; code < levels.length; code++) {
            if (seen[code]) {
                found[k++] = levels[code];
            }
        }
        Arrays.sort(found);
        return new ArrayList<>(Arrays.asList(found));
    }

    private List<String> texts(int[] rows) {
        List<String> texts = new ArrayList<>();
        for (int i : rows) {
            if (!isMissing(i)) {
                texts.add(text(i));
            }
        }
        return texts;
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ", " + size + " rows, "
                + missing() + " missing)";
    }
}
