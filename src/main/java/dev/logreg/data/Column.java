package dev.logreg.data;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One column of a {@link Table}: its name, its type and its cells, any of which may be missing.
 *
 * <p>A column is {@linkplain Type#NUMERIC numeric} when every cell that is not missing is a decimal
 * number ({@code 00202} reads as 202), otherwise {@linkplain Type#CATEGORICAL categorical}; a numeric
 * column can be forced to be categorical when the table is read. A categorical column's levels are
 * its distinct cells in {@link String} order.
 */
public final class Column {

    /** How a column's cells are read. */
    public enum Type {
        /** Every cell that is not missing is a finite decimal number. */
        NUMERIC,
        /** Cells are labels (levels); a model uses one 0/1 column per level but the first. */
        CATEGORICAL
    }

    private final String name;
    private final Type type;
    private final String[] text;
    private final double[] numbers;

    /**
     * @param name the column's name
     * @param type its type
     * @param text the trimmed cells, {@code null} where missing (not copied)
     * @param numbers for a numeric column the parsed cells, NaN where missing (not copied); else null
     */
    Column(String name, Type type, String[] text, double[] numbers) {
        this.name = name;
        this.type = type;
        this.text = text;
        this.numbers = numbers;
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
        return text.length;
    }

    /**
     * @param row a 0-based data row
     * @return true if the cell is missing ({@code ?}, {@code NA}, {@code NaN} or empty)
     */
    public boolean isMissing(int row) {
        return text[row] == null;
    }

    /**
     * @param row a 0-based data row
     * @return the cell as written (trimmed), or {@code null} if missing
     */
    public String text(int row) {
        return text[row];
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
        for (String s : text) {
            if (s == null) {
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
        TreeSet<String> levels = new TreeSet<>();
        for (int i : rows) {
            if (text[i] != null) {
                levels.add(text[i]);
            }
        }
        return new ArrayList<>(levels);
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ", " + text.length + " rows, "
                + missing() + " missing)";
    }
}
