package dev.logreg.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * What FastCSV's parser calls with each cell: the cell, trimmed by the table's rules, goes straight
 * into its column's typed cells in the current {@link Part} (a number, or a level code), so that a
 * numeric cell costs no object.
 *
 * <p>Trimming is that of the rules (and of Commons CSV with {@code trim} and
 * {@code ignoreSurroundingSpaces}, which the tables were read with before): an unquoted cell loses the
 * white space ({@link Character#isWhitespace}) at both ends and then the characters up to U+0020 at
 * both ends ({@link String#trim()}); the text inside quotes loses the characters up to U+0020 at both ends.
 *
 * <p>It also accounts for the quote characters of the text: each quoted cell has its two quotes and two
 * for each quote in its text, each unquoted cell the quotes in its text. A parse whose text has more
 * quotes than its cells account for ends inside a quoted cell ({@link Part#unbalancedQuotes}). With the
 * strict parser, an unquoted cell with a quote after nothing but white space is a quoted cell by the
 * rules, which the strict parser reads otherwise: the part is marked {@linkplain Part#misread misread}.
 */
final class PartParser extends AbstractBaseCsvCallbackHandler<Object> {

    /** A column's cells are numbers until one is not, then text. */
    static final byte FREE = 0;
    /** A column's cells are text (levels). */
    static final byte TEXT = 1;
    /** A column's cells are not kept. */
    static final byte SKIP = 2;

    /** What {@link #buildRecord()} returns: the record itself is in the part. */
    private static final Object RECORD = Boolean.TRUE;
    private static final char QUOTE = '"';
    /** Characters from here on may be white space ({@link Character#isWhitespace}); ASCII ones above U+0020 are not. */
    private static final char NON_ASCII = 0x80;

    private final boolean strict;
    /** The header's names while its record is read, else null. */
    private List<String> header;
    /** The header's names once read, or the names given. */
    private List<String> names;
    private byte[] modes;
    /** Data records still to skip before the first part. */
    private int skip;
    /** A part is full at this many rows. */
    private int limit;
    private Part part;
    private Part.Cells[] cells;
    /** A row had the wrong number of cells: nothing more is kept. */
    private boolean stopped;
    /** Cells go into the part: there is one, the header is read, no rows are left to skip, nothing stopped. */
    private boolean storing;

    /** The strict parser may have misread a cell since the last {@link #misread()}. */
    private boolean misread;
    private long line;
    private long recordLine;
    private long headerLine;
    private int headerBreaks;
    private long accountedQuotes;

    /**
     * @param strict whether FastCSV's strict parser calls it (which reads white space around quotes otherwise)
     * @param names the column names, or null if the first record is the header
     * @param skip data records to skip
     */
    PartParser(boolean strict, List<String> names, int skip) {
        this.strict = strict;
        this.names = names;
        this.header = names == null ? new ArrayList<>() : null;
        this.skip = skip;
    }

    /** @return the names from the header (null until it is read) or the names given */
    List<String> names() {
        return names;
    }

    /** @return the line (of the parse) on which the header record starts */
    long headerLine() {
        return headerLine;
    }

    /** @return the line breaks inside the header's quoted cells: the header record spans one line more */
    int headerBreaks() {
        return headerBreaks;
    }

    /** @return the quote characters the cells read so far account for */
    long accountedQuotes() {
        return accountedQuotes;
    }

    /** @return the line (of the parse) on which the current record starts */
    long line() {
        return line;
    }

    /** @return the line (of the parse) on which the last record read starts */
    long recordLine() {
        return recordLine;
    }

    /**
     * Starts a part: the following rows go into it.
     *
     * @param next the part, whose columns are all null
     * @param partModes how to read each column
     * @param rows the part is full at this many rows
     */
    void start(Part next, byte[] partModes, int rows) {
        part = next;
        modes = partModes;
        limit = rows;
        cells = next.cells;
        for (int j = 0; j < cells.length; j++) {
            if (partModes[j] != SKIP) {
                cells[j] = new Part.Cells(partModes[j] == TEXT);
            }
        }
        updateStoring();
    }

    /** @return whether the strict parser may have misread a cell since the last call (which clears it) */
    boolean misread() {
        boolean was = misread;
        misread = false;
        return was;
    }

    /** @return whether the current part has its rows */
    boolean full() {
        return part != null && part.rows == limit;
    }

    /** @return the current part */
    Part part() {
        return part;
    }

    private void updateStoring() {
        storing = part != null && header == null && skip == 0 && !stopped;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        line = startingLineNumber;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
        if (!storing || index >= cells.length || modes[index] == SKIP) {
            other(buf, offset, length, quoted);
            return;
        }
        Part.Cells c = cells[index];
        int from = offset;
        int to = offset + length;
        if (length > 0 && !(plain(buf[from]) && plain(buf[to - 1]))) {
            if (!quoted) {
                while (from < to && Character.isWhitespace(buf[from])) {
                    from++;
                }
                while (to > from && Character.isWhitespace(buf[to - 1])) {
                    to--;
                }
            }
            while (from < to && buf[from] <= ' ') {
                from++;
            }
            while (to > from && buf[to - 1] <= ' ') {
                to--;
            }
        }
        if (quoted) {
            accountedQuotes += 2;
        }
        if (c.codes == null) {
            if (Numbers.isMissing(buf, from, to)) {
                c.numbers.add(Double.NaN);
                return;
            }
            double value = Numbers.value(buf, from, to);
            boolean infinite = Double.isInfinite(value) || Double.isNaN(value) && Numbers.isInfinite(buf, from, to);
            if (infinite || !Double.isNaN(value)) {
                if (infinite) {
                    if (c.firstInfinite < 0) {
                        c.firstInfinite = part.rows;
                        c.infiniteText = new String(buf, from, to - from);
                    }
                    value = Double.NaN;
                }
                c.numbers.add(value);
                return;
            }
            c.toText(part.rows, new String(buf, from, to - from));
        }
        accountText(buf, offset, length, quoted);
        c.codes.add(Numbers.isMissing(buf, from, to) ? -1 : c.levels.code(buf, from, to));
    }

    /** A header cell, a cell past the header's columns, or a cell not kept: its quotes are accounted for. */
    private void other(char[] buf, int offset, int length, boolean quoted) {
        if (quoted) {
            accountedQuotes += 2;
        }
        accountText(buf, offset, length, quoted);
        if (header != null) {
            if (quoted) {
                headerBreaks += lineBreaks(buf, offset, offset + length);
            }
            header.add(trim(new String(buf, offset, length), quoted));
        }
    }

    /** The quotes in a cell's text; an unquoted cell with a quote after white space only is misread. */
    private void accountText(char[] buf, int offset, int length, boolean quoted) {
        int quotes = 0;
        int first = -1;
        for (int i = offset, end = offset + length; i < end; i++) {
            if (buf[i] == QUOTE) {
                if (quotes++ == 0) {
                    first = i;
                }
            }
        }
        if (quotes == 0) {
            return;
        }
        accountedQuotes += quoted ? 2L * quotes : quotes;
        if (!quoted && strict && whiteSpace(buf, offset, first)) {
            misread = true;
        }
    }

    private static boolean whiteSpace(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(buf[i])) {
                return false;
            }
        }
        return true;
    }

    private static int lineBreaks(char[] buf, int from, int to) {
        int breaks = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n' || buf[i] == '\r' && (i + 1 == to || buf[i + 1] != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    /** A cell as the rules trim it, as a string: for the header's names. */
    private static String trim(String cell, boolean quoted) {
        int from = 0;
        int to = cell.length();
        if (!quoted) {
            while (from < to && Character.isWhitespace(cell.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(cell.charAt(to - 1))) {
                to--;
            }
        }
        return cell.substring(from, to).trim();
    }

    private static boolean plain(char c) {
        return c > ' ' && c < NON_ASCII;
    }

    @Override
    protected Object buildRecord() {
        if (getRecordType() == RecordType.EMPTY) {
            return RECORD;
        }
        recordLine = line;
        if (header != null) {
            names = List.copyOf(header);
            header = null;
            headerLine = line;
            updateStoring();
        } else if (skip > 0) {
            skip--;
            updateStoring();
        } else if (storing) {
            int count = getFieldCount();
            if (count != cells.length) {
                part.raggedRow = part.rows;
                part.raggedCells = count;
                stopped = true;
                updateStoring();
            } else {
                part.rows++;
            }
        }
        return RECORD;
    }
}
