package dev.logreg.data;

import dev.logreg.data.Utf8Reader.BadTextException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reading a table: a whole file or text into one {@link Table}, or a file as a stream of tables of
 * consecutive rows. The {@link Parts} of the text are assembled here; the rules about the header, the
 * rows and the column types, and the order in which mistakes are reported, are applied here.
 *
 * <p>A whole table reports the first of these that the text has, as the reader before it (Commons CSV and
 * a {@code String} per cell) did: text that cannot be read (bytes that are not UTF-8, a syntax error),
 * anywhere in it; an empty text, a header's missing or repeated name, no data rows, a column given as
 * categorical that is not there; the first row with the wrong number of cells; then, column by column,
 * the first infinite value in a numeric column.
 */
final class Ingest {

    /** The smallest stretch of a plain file that is parsed on its own (smaller files are one stretch). */
    static final long MIN_PART_BYTES = 1L << 20;
    /** The largest. */
    static final long MAX_PART_BYTES = 64L << 20;
    /** Stretches per thread, so that threads that finish early take more. */
    static final int PARTS_PER_THREAD = 8;
    /** The stretch of a plain file that a stream parses at a time. */
    static final long STREAM_PART_BYTES = 4L << 20;
    /** The cells a stream parses at a time from a text read from its start. */
    static final int STREAM_PART_CELLS = 1 << 19;

    private Ingest() {
    }

    /**
     * @param file a file
     * @return stretches of about this many bytes are parsed in parallel
     */
    static long partBytes(Path file) {
        try {
            long perPart = Files.size(file) / ((long) Runtime.getRuntime().availableProcessors() * PARTS_PER_THREAD);
            return Math.max(MIN_PART_BYTES, Math.min(MAX_PART_BYTES, perPart));
        } catch (IOException e) {
            return MAX_PART_BYTES;
        }
    }

    /**
     * Reads a file whole.
     *
     * @param file the file
     * @param delimiter the cell separator
     * @param categorical names of columns to read as categorical
     * @param partBytes the bytes of a plain file parsed on their own
     * @return the table
     */
    static Table read(Path file, char delimiter, Collection<String> categorical, long partBytes) {
        Set<String> forced = forced(categorical);
        return using(open(file, delimiter, forced, partBytes, false), parts -> read(parts, forced));
    }

    /**
     * Reads a text whole.
     *
     * @param in the text; not closed
     * @param source what to call it in messages
     * @param delimiter the cell separator
     * @param header the column names, or null to take them from the first record
     * @param categorical names of columns to read as categorical
     * @return the table
     */
    static Table read(Reader in, String source, char delimiter, List<String> header,
                      Collection<String> categorical) {
        Set<String> forced = forced(categorical);
        Input text;
        try {
            text = Input.Chars.of(in, source);
        } catch (BadTextException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (Input.Chars.ReadFailure e) {
            throw new IllegalArgumentException((e.started() ? "cannot parse " : "cannot read ") + source + ": "
                    + message(e.getCause()), e.getCause());
        }
        Parts parts;
        try {
            parts = Parts.of(text, delimiter, header == null ? null : List.copyOf(header), forced, 0, false);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + source + ": " + message(e), e);
        }
        return using(parts, p -> read(p, forced));
    }

    /**
     * Streams a file: see {@link Table#stream}.
     *
     * @param file the file
     * @param delimiter the cell separator
     * @param categorical names of columns to read as categorical
     * @param chunkRows the most rows of a chunk
     * @param chunks what takes each chunk
     * @param partBytes the bytes of a plain file parsed at a time
     */
    static void stream(Path file, char delimiter, Collection<String> categorical, int chunkRows,
                       Consumer<Table> chunks, long partBytes) {
        Set<String> forced = forced(categorical);
        using(open(file, delimiter, forced, partBytes, true), parts -> {
            stream(parts, forced, chunkRows, chunks);
            return null;
        });
    }

    /**
     * Runs {@code body} on the parts, then closes them. If {@code body} fails, the parts are closed (their threads
     * stopped, so that what they hold can go) and the failure is thrown as it is: one in closing does not hide it,
     * even when both are the JVM's one out-of-memory error.
     */
    private static <T> T using(Parts parts, Function<Parts, T> body) {
        T result;
        try {
            result = body.apply(parts);
        } catch (RuntimeException | Error e) {
            try {
                parts.close();
            } catch (IOException | RuntimeException | Error closing) {
                if (closing != e) {
                    try {
                        e.addSuppressed(closing);
                    } catch (OutOfMemoryError noRoom) {
                        // the first failure is what matters
                    }
                }
            }
            throw e;
        }
        try {
            parts.close();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + parts.input.name + ": " + TextFile.reason(e), e);
        }
        return result;
    }

    private static Set<String> forced(Collection<String> categorical) {
        return categorical == null ? Set.of() : new LinkedHashSet<>(categorical);
    }

    /** The parts of a file: a plain regular file by stretches, a gzip one from its start, anything else in memory. */
    private static Parts open(Path file, char delimiter, Set<String> forced, long partBytes, boolean stream) {
        try {
            Input input;
            if (!Files.isRegularFile(file)) {
                try (Utf8Reader in = TextFile.open(file)) {
                    input = Input.Chars.of(in, file.toString());
                } catch (Input.Chars.ReadFailure e) {
                    throw e.getCause();
                }
            } else if (TextFile.isGzip(file)) {
                input = new Input.Gzip(file);
            } else {
                input = new Input.Plain(file);
            }
            try {
                return Parts.of(input, delimiter, null, forced, partBytes, stream);
            } catch (IOException | RuntimeException e) {
                input.close();
                throw e;
            }
        } catch (BadTextException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + TextFile.reason(e), e);
        }
    }

    /** Every part, then the rules, then the columns. */
    private static Table read(Parts parts, Set<String> forced) {
        String source = parts.input.name;
        List<String> names = parts.names();
        byte[] modes = parts.modes();
        List<Part> all = new ArrayList<>();
        for (Part p; (p = parts.next(Integer.MAX_VALUE)) != null; ) {
            all.add(p);
        }
        checkHeader(source, names);
        long rows = 0;
        Part ragged = null;
        long raggedRow = 0;
        for (Part p : all) {
            if (p.raggedRow >= 0) {
                ragged = p;
                raggedRow = rows + p.raggedRow;
                break;
            }
            rows += p.rows;
        }
        checkData(source, names, forced, rows == 0 && ragged == null);
        if (ragged != null) {
            throw ragged(source, raggedRow, ragged.raggedCells, names.size());
        }
        if (rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source + " has " + rows + " data rows; a table holds at most "
                    + Integer.MAX_VALUE);
        }
        int n = names.size();
        boolean[] text = new boolean[n];
        for (int j = 0; j < n; j++) {
            text[j] = modes[j] == PartParser.TEXT;
            for (Part p : all) {
                text[j] |= p.cells[j].hasTextBefore(p.rows);
            }
        }
        for (int j = 0; j < n; j++) {
            long before = 0;
            for (Part p : all) {
                Part.Cells c = p.cells[j];
                if (!text[j] && c.firstInfinite >= 0 && c.firstInfinite < p.rows) {
                    throw infinite(source, names.get(j), before + c.firstInfinite, c.infiniteText);
                }
                before += p.rows;
            }
        }
        List<Slice> slices = new ArrayList<>();
        for (Part p : all) {
            withText(parts, p, text);
            slices.add(new Slice(p, 0, p.rows));
        }
        // Column by column on the parse's threads, each column's cells let go as soon as it is built.
        Column[] built = new Column[n];
        int total = (int) rows;
        parts.forEach(n, j -> {
            built[j] = column(names.get(j), j, text[j], slices, total);
            for (Part p : all) {
                p.cells[j] = null;
            }
        });
        Map<String, Column> columns = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            columns.put(names.get(j), built[j]);
        }
        return new Table(source, 0, total, Collections.unmodifiableMap(columns));
    }

    /**
     * Chunks of a file: the first decides the types, each is handed over when it is read whole (with the rows
     * before it checked), and a mistake is thrown when the chunk that holds it is reached.
     */
    private static void stream(Parts parts, Set<String> forced, int chunkRows, Consumer<Table> chunks) {
        String source = parts.input.name;
        List<String> names = parts.names();
        byte[] modes = parts.modes();
        Deque<Part> queue = new ArrayDeque<>();
        long have = 0;
        boolean ragged = false;
        while (have < chunkRows && !ragged) {
            Part p = parts.next((int) (chunkRows - have));
            if (p == null) {
                break;
            }
            queue.add(p);
            have += p.rows;
            ragged = p.raggedRow >= 0;
        }
        checkHeader(source, names);
        checkData(source, names, forced, have == 0 && !ragged);
        if (ragged && have < chunkRows) {
            throw ragged(source, have, queue.getLast().raggedCells, names.size());
        }
        int n = names.size();
        int window = (int) Math.min(chunkRows, have);
        boolean[] text = new boolean[n];
        for (int j = 0; j < n; j++) {
            text[j] = modes[j] == PartParser.TEXT;
            long before = 0;
            for (Part p : queue) {
                text[j] |= before < window && p.cells[j].hasTextBefore((int) Math.min(p.rows, window - before));
                before += p.rows;
            }
        }
        for (int j = 0; j < n; j++) {
            long before = 0;
            for (Part p : queue) {
                Part.Cells c = p.cells[j];
                if (!text[j] && c.firstInfinite >= 0 && before + c.firstInfinite < window) {
                    throw infinite(source, names.get(j), before + c.firstInfinite, c.infiniteText);
                }
                before += p.rows;
            }
        }
        byte[] later = new byte[n];
        for (int j = 0; j < n; j++) {
            later[j] = text[j] ? PartParser.TEXT : PartParser.FREE;
        }
        parts.modes(later);
        int partRows = Math.max(1, STREAM_PART_CELLS / Math.max(1, n));
        long firstRow = 0;
        int used = 0;
        for (;;) {
            List<Slice> slices = new ArrayList<>();
            int rows = 0;
            while (rows < chunkRows) {
                if (queue.isEmpty()) {
                    Part p = parts.next(partRows);
                    if (p == null) {
                        break;
                    }
                    queue.add(p);
                }
                Part p = queue.peek();
                if (used == p.rows) {
                    if (p.raggedRow >= 0) {
                        throw ragged(source, firstRow + rows, p.raggedCells, n);
                    }
                    queue.poll();
                    used = 0;
                    continue;
                }
                int to = (int) Math.min(p.rows, (long) used + chunkRows - rows);
                withText(parts, p, text);
                slices.add(new Slice(p, used, to));
                rows += to - used;
                used = to;
            }
            if (rows == 0) {
                return;
            }
            checkChunk(source, names, text, slices, firstRow);
            Map<String, Column> columns = new LinkedHashMap<>();
            for (int j = 0; j < n; j++) {
                columns.put(names.get(j), column(names.get(j), j, text[j], slices, rows));
            }
            chunks.accept(new Table(source, Math.toIntExact(firstRow), rows, Collections.unmodifiableMap(columns)));
            firstRow += rows;
            if (rows < chunkRows) {
                return;
            }
        }
    }

    /** The first row of a chunk, by row then column, with a text cell in a numeric column or an infinite value. */
    private static void checkChunk(String source, List<String> names, boolean[] text, List<Slice> slices,
                                   long firstRow) {
        long row = firstRow;
        for (Slice s : slices) {
            long worst = Long.MAX_VALUE;
            IllegalArgumentException error = null;
            for (int j = 0; j < names.size(); j++) {
                Part.Cells c = s.part.cells[j];
                if (text[j]) {
                    continue;
                }
                if (c.textFrom >= s.from && c.textFrom < s.to && row + c.textFrom - s.from < worst) {
                    worst = row + c.textFrom - s.from;
                    error = new IllegalArgumentException(source + ", row " + (worst + 1) + ", column '"
                            + names.get(j) + "': '" + c.firstText + "' is not a number, but the first rows of "
                            + source + " made '" + names.get(j) + "' numeric; name the column as categorical"
                            + " (on the command line: --categorical " + names.get(j) + ") to read it as labels");
                }
                if (c.firstInfinite >= s.from && c.firstInfinite < s.to && row + c.firstInfinite - s.from < worst) {
                    worst = row + c.firstInfinite - s.from;
                    error = infinite(source, names.get(j), worst, c.infiniteText);
                }
            }
            if (error != null) {
                throw error;
            }
            row += s.to - s.from;
        }
    }

    /** Gives the text columns of a part that read some of their cells as numbers the text of those cells. */
    private static void withText(Parts parts, Part part, boolean[] text) {
        byte[] modes = new byte[text.length];
        boolean needed = false;
        for (int j = 0; j < text.length; j++) {
            boolean again = text[j] && part.cells[j].needsText(part.rows);
            modes[j] = again ? PartParser.TEXT : PartParser.SKIP;
            needed |= again;
        }
        if (needed) {
            Part again = parts.again(part, modes);
            for (int j = 0; j < text.length; j++) {
                if (modes[j] == PartParser.TEXT) {
                    part.cells[j] = again.cells[j];
                }
            }
        }
    }

    /** Rows {@code [from, to)} of a part. */
    private record Slice(Part part, int from, int to) {
    }

    /** A column of the rows of the slices, in order. */
    private static Column column(String name, int j, boolean text, List<Slice> slices, int rows) {
        if (!text) {
            double[] numbers = new double[rows];
            int at = 0;
            for (Slice s : slices) {
                s.part.cells[j].numbers.copyTo(s.from, s.to, numbers, at);
                at += s.to - s.from;
            }
            return Column.numeric(name, numbers);
        }
        int[] codes = new int[rows];
        Map<String, Integer> index = new HashMap<>();
        List<String> levels = new ArrayList<>();
        Map<Levels, int[]> maps = new HashMap<>();
        int at = 0;
        for (Slice s : slices) {
            Part.Cells c = s.part.cells[j];
            int textFrom = Math.max(s.from, Math.min(c.textFrom, s.to));
            // Cells before textFrom were read as numbers and are all missing (else they were read again as text).
            Arrays.fill(codes, at, at + textFrom - s.from, Column.MISSING);
            if (textFrom < s.to) {
                int start = at + textFrom - s.from;
                int end = at + s.to - s.from;
                c.codes.copyTo(textFrom - c.textFrom, s.to - c.textFrom, codes, start);
                int[] map = maps.computeIfAbsent(c.levels, l -> new int[l.size()]);
                for (int i = start; i < end; i++) {
                    int code = codes[i];
                    if (code != Column.MISSING) {
                        if (map[code] == 0) {
                            String level = c.levels.level(code);
                            Integer known = index.get(level);
                            if (known == null) {
                                known = levels.size();
                                index.put(level, known);
                                levels.add(level);
                            }
                            map[code] = known + 1;
                        }
                        codes[i] = map[code] - 1;
                    }
                }
            }
            at += s.to - s.from;
        }
        return Column.categorical(name, codes, levels.toArray(new String[0]));
    }

    /** The header's rules: there is one, and its names are there and distinct. */
    private static void checkHeader(String source, List<String> names) {
        if (names == null) {
            throw new IllegalArgumentException(source + " is empty: expected a header row and data rows");
        }
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

    /** There are data rows, and the columns given as categorical are there. */
    private static void checkData(String source, List<String> names, Set<String> forced, boolean noRows) {
        if (noRows) {
            throw new IllegalArgumentException(source + " has a header but no data rows");
        }
        for (String name : forced) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown column '" + name + "' given as categorical; "
                        + source + " has columns " + String.join(", ", names));
            }
        }
    }

    private static IllegalArgumentException ragged(String source, long row, int cells, int columns) {
        return new IllegalArgumentException(source + ", row " + (row + 1) + ": " + cells
                + (cells == 1 ? " cell" : " cells") + ", but the header has " + columns + " columns");
    }

    private static IllegalArgumentException infinite(String source, String name, long row, String cell) {
        return new IllegalArgumentException(source + ", row " + (row + 1) + ", column '" + name + "': '" + cell
                + "' is infinite; infinite values are not data (write NA for a missing value)");
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
