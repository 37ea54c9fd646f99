package dev.logreg.data;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * One parse, by FastCSV, of a text or a stretch of a plain file, taken a {@link Part} at a time.
 *
 * <p>FastCSV has two parsers. The strict one is the fast one and reads every text as the rules do,
 * except white space between a delimiter and an opening quote (it gives an unquoted cell with a quote,
 * which {@link PartParser} notices) or between a closing quote and a delimiter (it fails): either way
 * the part is misread. The relaxed one, slower, reads white space around quotes as the rules do, for
 * the characters up to U+0020.
 */
final class Run implements Closeable {

    /** In {@link Spec#line}: the line at the start is not known (it is counted when a message needs it). */
    static final long UNKNOWN_LINE = -1;
    /** The longest cell FastCSV may buffer, in characters. */
    private static final int MAX_CELL = 1 << 30;
    /** How often (in records) a parse looks whether it was abandoned. */
    private static final int ABANDON_CHECK_RECORDS = 1 << 10;

    /**
     * A parse: what it reads and how; with the rows of a part, it says how to parse the part again.
     *
     * @param input the text
     * @param delimiter the cell separator
     * @param start the first byte (of a plain file; else 0), at the start of a line
     * @param end one past the last byte (of a plain file; else ignored)
     * @param line the line at {@code start}, or {@link #UNKNOWN_LINE}
     * @param strict whether FastCSV's strict parser reads it, else its relaxed one
     * @param header whether the first record is the header
     * @param skip data records to skip before the first part (read before)
     */
    record Spec(Input input, char delimiter, long start, long end, long line, boolean strict, boolean header,
                int skip) {

        /**
         * @param more rows to skip as well
         * @param strictParser whether with the strict parser, else with the relaxed one
         * @return this parse, skipping {@code more} more rows
         */
        Spec skipping(int more, boolean strictParser) {
            return new Spec(input, delimiter, start, end, line, strictParser, header, skip + more);
        }
    }

    private final Spec spec;
    private final Input.Text text;
    private final PartParser parser;
    private final CloseableIterator<Object> records;
    private final boolean stopAtRaggedRow;
    private Throwable headerFailure;
    private int rowsBefore;
    private boolean done;
    private BooleanSupplier abandoned = () -> false;

    /**
     * Opens the text and, if its first record is the header, reads the header.
     *
     * @param spec the parse
     * @param names the column names if the first record is not the header, else null
     * @param stopAtRaggedRow whether a row with the wrong number of cells ends the parse, rather than the parse
     *     going on to the end without keeping cells (to find bad bytes or syntax errors after it)
     * @throws IOException if the text cannot be opened
     */
    Run(Spec spec, List<String> names, boolean stopAtRaggedRow) throws IOException {
        this.spec = spec;
        this.stopAtRaggedRow = stopAtRaggedRow;
        this.text = spec.input().open(spec.start(), spec.end(), spec.line() == UNKNOWN_LINE ? 1 : spec.line());
        this.parser = new PartParser(spec.strict(), spec.header() ? null : names, spec.skip());
        this.records = CsvReader.builder()
                .fieldSeparator(spec.delimiter())
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .trimWhitespacesAroundQuotes(!spec.strict())
                .maxBufferSize(MAX_CELL)
                .build(parser, text)
                .iterator();
        if (spec.header()) {
            try {
                if (records.hasNext()) {
                    records.next();
                }
            } catch (UncheckedIOException | CsvParseException e) {
                headerFailure = cause(e);
            }
        }
    }

    /**
     * @param whether tells whether the read this parse is for was abandoned (has failed or is closed), so that
     *     the parse stops soon, letting go of its memory
     */
    void abandonWhen(BooleanSupplier whether) {
        this.abandoned = whether;
    }

    /** @return whether the strict parser may have misread the header (or failed on it) */
    boolean headerMisread() {
        return parser.misread() || spec.strict() && headerFailure instanceof CsvParseException;
    }

    /** @return the column names (null for a text without any record) */
    List<String> names() {
        return parser.names();
    }

    /** @return why reading the header failed, or null */
    Throwable headerFailure() {
        return headerFailure;
    }

    /** @return the line of the parse on which the header starts */
    long headerLine() {
        return parser.headerLine();
    }

    /** @return the lines the header spans */
    long headerLines() {
        return parser.headerBreaks() + 1L;
    }

    /** @return the quotes the header's cells account for */
    long headerQuotes() {
        return parser.accountedQuotes();
    }

    /**
     * @param modes how to read each column
     * @param rows the most rows the part may have
     * @return the next part (the last one when {@link Part#last} or {@link Part#failure} is set), or null after
     *     the last
     * @throws CancellationException if the read was abandoned
     */
    Part next(byte[] modes, int rows) {
        if (done) {
            return null;
        }
        Part part = new Part(modes.length, rowsBefore, spec);
        parser.start(part, modes, rows);
        done = true;
        if (headerFailure != null) {
            fail(part, headerFailure);
            return part;
        }
        try {
            boolean end = true;
            for (int count = 0; records.hasNext(); count++) {
                records.next();
                if (count % ABANDON_CHECK_RECORDS == 0 && abandoned.getAsBoolean()) {
                    throw new CancellationException("the read was abandoned");
                }
                if (parser.full()) {
                    rowsBefore += part.rows;
                    done = false;
                    end = false;
                    break;
                }
                if (stopAtRaggedRow && part.raggedRow >= 0) {
                    end = false;
                    break;
                }
            }
            if (end) {
                part.last = true;
                part.unbalancedQuotes = text.quotes() - parser.accountedQuotes();
                part.lastLine = parser.recordLine();
            }
        } catch (UncheckedIOException | CsvParseException e) {
            fail(part, cause(e));
        }
        part.misread |= parser.misread();
        return part;
    }

    private void fail(Part part, Throwable failure) {
        part.failure = failure;
        part.failureLine = parser.line();
        part.misread |= spec.strict() && failure instanceof CsvParseException;
    }

    /**
     * The failure in what FastCSV throws: the reader's {@link IOException} (bad bytes), or the parser's own
     * {@link CsvParseException} (a syntax error). An {@link Error} (out of memory) or a bug is thrown on.
     */
    private static Throwable cause(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof UncheckedIOException || t instanceof CsvParseException)) {
            t = t.getCause();
        }
        if (t instanceof Error error) {
            throw error;
        }
        if (t instanceof IOException || t instanceof CsvParseException) {
            return t;
        }
        throw e;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
