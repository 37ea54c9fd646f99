package dev.logreg.data;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The table reader as it was before the typed reader: Commons CSV (trim, ignore surrounding spaces,
 * ignore empty lines), a {@code String} per cell, and the same rules by regular expression. Tests read
 * a text with both and compare: names, types, the cells' texts (for numeric columns the canonical text
 * of the value, which the typed reader keeps instead), the values bit for bit, and the messages. One rule
 * is the typed reader's: the infinite cell a message names is the column's first in file order.
 */
final class CommonsCsvReference {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INFINITE = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** A column as the reference read it. */
    record RefColumn(String name, boolean numeric, String[] text, double[] numbers) {
    }

    /** A table as the reference read it, or the message of its error (and whether it was a syntax error). */
    record Result(List<String> names, List<RefColumn> columns, int rows, String error, boolean syntaxError) {
    }

    private CommonsCsvReference() {
    }

    /**
     * @param text the text
     * @param source its name in messages
     * @param delimiter the cell separator
     * @param categorical the columns to read as categorical
     * @return what the reader before made of it
     */
    static Result read(String text, String source, char delimiter, Collection<String> categorical) {
        List<String[]> records = new ArrayList<>();
        try {
            PushbackReader in = new PushbackReader(new StringReader(text), 1);
            int first = in.read();
            if (first >= 0 && first != '\uFEFF') {
                in.unread(first);
            }
            CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setTrim(true).setIgnoreSurroundingSpaces(true).build().parse((Reader) in);
            for (CSVRecord record : parser) {
                records.add(record.values());
            }
        } catch (IOException | UncheckedIOException e) {
            return new Result(null, null, 0, e.getMessage(), true);
        }
        try {
            return table(source, records, categorical);
        } catch (IllegalArgumentException e) {
            return new Result(null, null, 0, e.getMessage(), false);
        }
    }

    private static Result table(String source, List<String[]> records, Collection<String> categorical) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty: expected a header row and data rows");
        }
        List<String> names = List.of(records.get(0));
        Set<String> seen = new LinkedHashSet<>();
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (name.isEmpty()) {
                throw new IllegalArgumentException(source + ": column " + (j + 1) + " of the header has no name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(source + ": the header names column '" + name + "' twice");
            }
        }
        int m = records.size() - 1;
        if (m == 0) {
            throw new IllegalArgumentException(source + " has a header but no data rows");
        }
        Set<String> forced = new LinkedHashSet<>(categorical);
        for (String name : forced) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown column '" + name + "' given as categorical; "
                        + source + " has columns " + String.join(", ", names));
            }
        }
        int n = names.size();
        String[][] cells = new String[n][m];
        for (int i = 0; i < m; i++) {
            String[] record = records.get(1 + i);
            if (record.length != n) {
                throw new IllegalArgumentException(source + ", row " + (i + 1) + ": " + record.length
                        + (record.length == 1 ? " cell" : " cells") + ", but the header has " + n + " columns");
            }
            for (int j = 0; j < n; j++) {
                cells[j][i] = Table.MISSING.contains(record[j]) ? null : record[j];
            }
        }
        List<RefColumn> columns = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            columns.add(column(source, names.get(j), cells[j], forced.contains(names.get(j))));
        }
        return new Result(names, columns, m, null, false);
    }

    private static RefColumn column(String source, String name, String[] text, boolean forced) {
        if (forced) {
            return new RefColumn(name, false, text, null);
        }
        for (String cell : text) {
            if (cell != null && !NUMBER.matcher(cell).matches() && !INFINITE.matcher(cell).matches()) {
                return new RefColumn(name, false, text, null);
            }
        }
        // The one rule that differs: the reader before named the first Inf (the word) of a column, else the first
        // number too large for a double; the typed reader names the first infinite cell of either kind.
        double[] numbers = new double[text.length];
        for (int i = 0; i < text.length; i++) {
            String cell = text[i];
            numbers[i] = cell == null ? Double.NaN
                    : INFINITE.matcher(cell).matches() ? Double.POSITIVE_INFINITY : Double.parseDouble(cell);
            if (Double.isInfinite(numbers[i])) {
                throw infinite(source, name, i, cell);
            }
        }
        return new RefColumn(name, true, text, numbers);
    }

    private static IllegalArgumentException infinite(String source, String name, int row, String cell) {
        return new IllegalArgumentException(source + ", row " + (row + 1) + ", column '" + name + "': '" + cell
                + "' is infinite; infinite values are not data (write NA for a missing value)");
    }
}
