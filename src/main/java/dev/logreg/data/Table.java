package dev.logreg.data;

import dev.logreg.data.Utf8Reader.BadTextException;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table read from delimited text (CSV): named columns, each numeric or categorical, with
 * missing cells.
 *
 * <p>Rules, applied to every cell after trimming surrounding white space:
 * <ul>
 * <li>the header row names the columns (or the names are given); names must be distinct and
 *     non-empty;</li>
 * <li>{@code ?}, {@code NA}, {@code NaN} and empty cells are <em>missing</em>;</li>
 * <li>a column is numeric when every cell that is not missing is a decimal number such as
 *     {@code 12}, {@code -0.5}, {@code 1e-3} or {@code 00202} (= 202), otherwise categorical;
 *     columns named in {@code categorical} are categorical whatever they hold;</li>
 * <li>{@code Inf}, {@code -Inf}, {@code Infinity} (any case) or a number too large for a double in
 *     a numeric column is an error, not data;</li>
 * <li>every row must have as many cells as the header.</li>
 * </ul>
 * A byte-order mark (U+FEFF) before the first cell is dropped. A file is UTF-8 text, or gzip-compressed
 * UTF-8 text (its first bytes 0x1F 0x8B), which is decompressed as it is read; a byte that is not
 * UTF-8, or a NUL byte (binary data), is an error naming the line and byte offset where it is.
 * Rows are numbered from 1 in messages (the first row after the header is row 1). Mistakes in the
 * file throw {@link IllegalArgumentException} naming the file, row and column.
 */
public final class Table {

    /** The cells read as missing values. */
    public static final Set<String> MISSING = Set.of("", "?", "NA", "NaN");

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final Pattern INFINITE = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);

    private final String source;
    private final int rows;
    private final Map<String, Column> columns;

    private Table(String source, int rows, Map<String, Column> columns) {
        this.source = source;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Reads a comma-separated file whose first row is the header.
     *
     * @param file the file: UTF-8 text, or gzip-compressed UTF-8 text
     * @param categorical names of columns to read as categorical even if they look numeric
     * @return the table
     * @throws IllegalArgumentException if the file is missing or unreadable, is not UTF-8 text (or is binary,
     *     or corrupt gzip data), or breaks the rules
     */
    public static Table read(Path file, Collection<String> categorical) {
        return read(file, ',', categorical);
    }

    /**
     * Reads a delimited file whose first row is the header.
     *
     * <p>The file is decoded strictly as UTF-8 while it is parsed: the first byte that is not valid UTF-8 is an
     * error naming its value, line (the header is line 1) and byte offset (from 0), and so is the first NUL
     * byte, which marks a binary file. A file that starts with the gzip magic bytes 0x1F 0x8B is
     * decompressed first, whatever its name; offsets are then in the decompressed data.
     *
     * @param file the file: UTF-8 text, or gzip-compressed UTF-8 text
     * @param delimiter the cell separator, for example {@code ','} or {@code '\t'}
     * @param categorical names of columns to read as categorical even if they look numeric
     * @return the table
     * @throws IllegalArgumentException if the file is missing or unreadable, is not UTF-8 text (or is binary,
     *     or corrupt gzip data), or breaks the rules
     */
    public static Table read(Path file, char delimiter, Collection<String> categorical) {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory, not a data file");
        }
        try (Reader in = TextFile.open(file)) {
            return read(in, file.toString(), delimiter, null, categorical);
        } catch (BadTextException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + TextFile.reason(e), e);
        }
    }

    /**
     * Reads delimited text. A byte-order mark (U+FEFF) as its first character is dropped.
     *
     * @param in the text; not closed
     * @param source what to call it in messages (a file name)
     * @param delimiter the cell separator
     * @param header the column names, or {@code null} to take them from the first row
     * @param categorical names of columns to read as categorical even if they look numeric
     * @return the table
     * @throws IllegalArgumentException if the text breaks the rules
     */
    public static Table read(Reader in, String source, char delimiter, List<String> header,
                             Collection<String> categorical) {
        if (in == null) {
            throw new IllegalArgumentException("in is null");
        }
        if (source == null) {
            throw new IllegalArgumentException("source is null");
        }
        List<String[]> records = new ArrayList<>();
        try {
            CSVParser parser = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .setIgnoreSurroundingSpaces(true)
                    .build()
                    .parse(withoutByteOrderMark(in));
            for (CSVRecord record : parser) {
                records.add(record.values());
            }
        } catch (IOException e) {
            throw failure(e, "cannot read " + source + ": " + message(e));
        } catch (UncheckedIOException e) {
            throw failure(e, "cannot parse " + source + ": " + message(e));
        }
        List<String> names;
        int first;
        if (header == null) {
            if (records.isEmpty()) {
                throw new IllegalArgumentException(source + " is empty: expected a header row and data rows");
            }
            names = List.of(records.get(0));
            first = 1;
        } else {
            names = List.copyOf(header);
            first = 0;
        }
        checkNames(source, names);
        int m = records.size() - first;
        if (m == 0) {
            throw new IllegalArgumentException(source + " has a header but no data rows");
        }
        Set<String> forced = categorical == null ? Set.of() : new LinkedHashSet<>(categorical);
        for (String name : forced) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown column '" + name + "' given as categorical; "
                        + source + " has columns " + String.join(", ", names));
            }
        }
        int n = names.size();
        String[][] cells = new String[n][m];
        for (int i = 0; i < m; i++) {
            String[] record = records.get(first + i);
            if (record.length != n) {
                throw new IllegalArgumentException(source + ", row " + (i + 1) + ": " + record.length
                        + (record.length == 1 ? " cell" : " cells") + ", but the header has " + n + " columns");
            }
            for (int j = 0; j < n; j++) {
                String cell = record[j];
                cells[j][i] = MISSING.contains(cell) ? null : cell;
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            String name = names.get(j);
            columns.put(name, column(source, name, cells[j], forced.contains(name)));
        }
        return new Table(source, m, Collections.unmodifiableMap(columns));
    }

    /**
     * Drops a byte-order mark, as spreadsheets write it, before the parser sees it: it is not part of the first
     * cell, and a quote after it must still open a quoted cell.
     */
    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader text = new PushbackReader(in, 1);
        int first = text.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            text.unread(first);
        }
        return text;
    }

    /** The caller's error for a failed read: the bad bytes' own message if that is the cause, else {@code message}. */
    private static IllegalArgumentException failure(Exception e, String message) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadTextException) {
                return new IllegalArgumentException(t.getMessage(), t);
            }
        }
        return new IllegalArgumentException(message, e);
    }

    private static void checkNames(String source, List<String> names) {
        Set<String> seen = new LinkedHashSet<>();
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException(source + ": column " + (j + 1) + " of the header has no name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(source + ": the header names column '" + name + "' twice");
            }
        }
    }

    private static Column column(String source, String name, String[] text, boolean forcedCategorical) {
        if (forcedCategorical) {
            return new Column(name, Column.Type.CATEGORICAL, text, null);
        }
        int infinite = -1;
        for (int i = 0; i < text.length; i++) {
            String cell = text[i];
            if (cell == null || NUMBER.matcher(cell).matches()) {
                continue;
            }
            if (INFINITE.matcher(cell).matches()) {
                if (infinite < 0) {
                    infinite = i;
                }
                continue;
            }
            return new Column(name, Column.Type.CATEGORICAL, text, null);
        }
        if (infinite >= 0) {
            throw infinite(source, name, infinite, text[infinite]);
        }
        double[] numbers = new double[text.length];
        for (int i = 0; i < text.length; i++) {
            numbers[i] = text[i] == null ? Double.NaN : Double.parseDouble(text[i]);
            if (Double.isInfinite(numbers[i])) {
                throw infinite(source, name, i, text[i]);
            }
        }
        return new Column(name, Column.Type.NUMERIC, text, numbers);
    }

    /**
     * @param cell a trimmed cell
     * @return whether it is a decimal number by this class's rules (not {@code 1f}, {@code 0x10}, {@code Inf})
     */
    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell).matches();
    }

    private static IllegalArgumentException infinite(String source, String name, int row, String cell) {
        return new IllegalArgumentException(source + ", row " + (row + 1) + ", column '" + name + "': '" + cell
                + "' is infinite; infinite values are not data (write NA for a missing value)");
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** @return where the table came from (a file name), for messages */
    public String source() {
        return source;
    }

    /** @return the 0-based row in its file of this table's first data row: 0 for a whole table */
    public int firstRow() {
        return 0;
    }

    /** @return the number of data rows */
    public int rows() {
        return rows;
    }

    /** @return the column names in file order */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /**
     * @param name a column name
     * @return whether the table has that column
     */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * @param name a column name
     * @return the column
     * @throws IllegalArgumentException if there is no such column (the message lists the columns)
     */
    public Column column(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name is null");
        }
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown column '" + name + "'; " + source + " has columns "
                    + String.join(", ", columns.keySet()));
        }
        return c;
    }

    @Override
    public String toString() {
        return source + ": " + rows + " rows, columns " + String.join(", ", columns.keySet());
    }
}
