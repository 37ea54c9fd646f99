package dev.logreg.data;

/**
 * Consecutive data rows of a file as one parse read them, column by column in typed cells, with what
 * that parse found wrong and how to parse the same rows again. A {@link Table} is assembled from the
 * parts of its file in order.
 *
 * <p>A column is read as numbers while every cell is a number (or missing, or infinite); from its
 * first other cell on ({@link Cells#textFrom}) its cells are level codes, and the earlier cells, read
 * as numbers, have no text until the part is parsed again for that column. A column parsed as text
 * from the start has {@code textFrom == 0}.
 */
final class Part {

    /** Rows with all their cells. */
    int rows;
    /** The columns' cells, null for a column the parse skipped (or whose cells were taken). */
    final Cells[] cells;
    /** The part's first row, as an index among the data rows its parse read (after those it skipped). */
    final int firstRow;
    /** How to parse this part again. */
    final Run.Spec spec;

    /** The part's row (from 0) that has the wrong number of cells, or -1; no row after it is kept. */
    int raggedRow = -1;
    /** The number of cells of {@link #raggedRow}. */
    int raggedCells;

    /** Why the parse ended before the end of its text (bad bytes, a syntax error), or null. */
    Throwable failure;
    /** The line of the record being read when it failed, counted from the first line of its parse. */
    long failureLine;
    /**
     * The parse, with the strict parser, met text the strict parser may read otherwise than the rules say
     * (white space before an opening quote or after a closing one, or a syntax error): the part must be
     * parsed again with the relaxed parser.
     */
    boolean misread;
    /** The part is the last of its parse, which read its text to the end. */
    boolean last;
    /**
     * For the {@link #last} part: the quote characters in the parse's text less those its cells account
     * for; nonzero if the text ends inside a quoted cell (for a parse that started inside one, too).
     */
    long unbalancedQuotes;
    /** For the {@link #last} part: the line at which the last record of the parse starts, from its first line. */
    long lastLine;

    /**
     * @param columns the number of columns
     * @param firstRow the part's first row among the rows of its parse
     * @param spec how to parse it again
     */
    Part(int columns, int firstRow, Run.Spec spec) {
        this.cells = new Cells[columns];
        this.firstRow = firstRow;
        this.spec = spec;
    }

    /** @return whether the parse failed, misread or ended in an open quote: the part cannot be used as it is */
    boolean unsound() {
        return failure != null || misread || last && unbalancedQuotes != 0;
    }

    /** The cells of one column of a part. */
    static final class Cells {
        /** The cells {@code [0, textFrom)}, read as numbers: NaN where missing or infinite; null if none. */
        final Blocks.Doubles numbers;
        /** The first cell read as text, or {@link Integer#MAX_VALUE} while every cell is a number. */
        int textFrom = Integer.MAX_VALUE;
        /** The cells {@code [textFrom, rows)}: level codes, -1 where missing; null until then. */
        Blocks.Ints codes;
        /** The levels of {@link #codes}. */
        Levels levels;
        /** The cell that is not a number at {@link #textFrom}, for messages. */
        String firstText;
        /** The first infinite cell (Inf, or a number too large for a double), or -1. */
        int firstInfinite = -1;
        /** Its text. */
        String infiniteText;

        /** @param text whether the cells are read as text from the start */
        Cells(boolean text) {
            if (text) {
                numbers = null;
                toText(0, null);
            } else {
                numbers = new Blocks.Doubles();
            }
        }

        /**
         * Reads the cells from {@code row} on as text.
         *
         * @param row the first cell read as text
         * @param cell its text, for messages (null if read as text from the start)
         */
        void toText(int row, String cell) {
            textFrom = row;
            firstText = cell;
            codes = new Blocks.Ints();
            levels = new Levels();
        }

        /**
         * @param rows the part's rows
         * @return whether the column has a cell that is not a number among them
         */
        boolean hasTextBefore(int rows) {
            return textFrom < rows;
        }

        /**
         * @param rows the part's rows
         * @return whether some of the rows were read as numbers that are not missing (or as infinite ones), so have
         *     no text yet
         */
        boolean needsText(int rows) {
            int numeric = Math.min(textFrom, rows);
            return numeric > 0 && (firstInfinite >= 0 && firstInfinite < numeric || numbers.anyNumber(numeric));
        }
    }
}
