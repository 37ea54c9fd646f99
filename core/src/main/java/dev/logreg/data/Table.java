package dev.logreg.data;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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
 *
 * <p>Cells are quoted with {@code "} (a quote inside a quoted cell is written twice); a quoted cell may
 * hold delimiters and line breaks, and white space between a delimiter and a quote is ignored. Empty lines
 * are skipped. A number is read to exactly the double {@link Double#parseDouble} gives.
 *
 * <p>A numeric column holds one {@code double} per cell and a categorical one an {@code int} code per
 * cell and each distinct level once; a numeric cell's {@link Column#text(int)} is the canonical text of
 * its value, not the text it was read from. A plain (uncompressed) file is parsed in stretches on all
 * processors; a gzip file, a file that is not a regular file (a pipe) and a {@link Reader} are parsed in
 * one pass. Where a column turns out to be categorical after cells of it were read as numbers, those
 * rows of the file are parsed again for their text. The mistakes in a file are reported as one pass in
 * file order would: text that cannot be read (anywhere), then the header, then the first row with the
 * wrong number of cells, then the first infinite value of each numeric column, column by column.
 *
 * <p>{@link #stream} reads a file too large for memory as consecutive tables of at most a given number of
 * rows, whose {@link #firstRow()} says where they are in the file.
 */
public final class Table {

    /** The cells read as missing values. */
    public static final Set<String> MISSING = Set.of("", "?", "NA", "NaN");

    private final String source;
    private final int firstRow;
    private final int rows;
    private final Map<String, Column> columns;

    /**
     * @param source where the table came from, for messages
     * @param firstRow the index (from 0) in the file of the table's first data row
     * @param rows the number of data rows
     * @param columns the columns by name, in file order (not copied)
     */
    Table(String source, int firstRow, int rows, Map<String, Column> columns) {
        this.source = source;
        this.firstRow = firstRow;
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
        checkFile(file);
        checkDelimiter(delimiter);
        return Ingest.read(file, delimiter, categorical, Ingest.partBytes(file));
    }

    /**
     * Reads delimited text. A byte-order mark (U+FEFF) as its first character is dropped. The text is held in
     * memory while it is parsed.
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
        checkDelimiter(delimiter);
        return Ingest.read(in, source, delimiter, header, categorical);
    }

    /**
     * Reads a delimited file whose first row is the header once, handing over its data rows as consecutive
     * tables (chunks) of at most {@code chunkRows} rows, in file order: every chunk but the last has
     * {@code chunkRows} rows. Each chunk has the file's column names and the same column types; its
     * {@link #firstRow()} is the index in the file of its first row, and its messages (and those of a
     * {@link Design} or {@link Encoder} on it) name the rows of the file.
     *
     * <p>The types are decided on the first chunk, by the rules of {@link #read(Path, char, Collection)}, with
     * the columns named in {@code categorical}: a later cell that is not a number in a column the first chunk
     * made numeric is an error (name the column as categorical to read it as labels). A categorical chunk
     * column's levels are those of its own rows.
     *
     * <p>Memory is bounded by a few chunks (and a few stretches of the file parsed ahead, on all processors),
     * whatever the size of the file. {@code chunks} is called on the calling thread, one chunk at a time; the
     * chunk is not used by the stream after the call. A mistake in the file throws the
     * {@link IllegalArgumentException} {@link #read(Path, char, Collection)} would throw, when the stream
     * reaches the chunk that holds it: every chunk before it has been handed over. A file that is not a
     * regular file (a pipe) is read into memory first.
     *
     * @param file the file: UTF-8 text, or gzip-compressed UTF-8 text
     * @param delimiter the cell separator
     * @param categorical names of columns to read as categorical even if they look numeric (null: none)
     * @param chunkRows the most rows of a chunk, at least 1
     * @param chunks what takes each chunk
     * @throws IllegalArgumentException if the file is missing or unreadable, is not UTF-8 text (or is binary,
     *     or corrupt gzip data), or breaks the rules, or a cell contradicts the types of the first chunk; or
     *     whatever {@code chunks} throws
     */
    public static void stream(Path file, char delimiter, Collection<String> categorical, int chunkRows,
                              Consumer<Table> chunks) {
        checkFile(file);
        checkDelimiter(delimiter);
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows is " + chunkRows + "; a chunk has at least 1 row");
        }
        if (chunks == null) {
            throw new IllegalArgumentException("chunks is null");
        }
        Ingest.stream(file, delimiter, categorical, chunkRows, chunks, Ingest.STREAM_PART_BYTES);
    }

    private static void checkFile(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory, not a data file");
        }
    }

    private static void checkDelimiter(char delimiter) {
        if (delimiter == '"') {
            throw new IllegalArgumentException("The quoteChar character and the delimiter cannot be the same ('\"')");
        }
        if (delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("The delimiter cannot be a line break");
        }
    }

    /**
     * @param cell a trimmed cell
     * @return whether it is a decimal number by this class's rules (not {@code 1f}, {@code 0x10}, {@code Inf})
     */
    static boolean isNumber(String cell) {
        return Numbers.isNumber(cell);
    }

    /** @return where the table came from (a file name), for messages */
    public String source() {
        return source;
    }

    /** @return the number of data rows */
    public int rows() {
        return rows;
    }

    /**
     * @return the index (from 0) in the file of this table's first data row: 0 for a whole table, the chunk's
     *     place for a chunk of {@link #stream}
     */
    public int firstRow() {
        return firstRow;
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
