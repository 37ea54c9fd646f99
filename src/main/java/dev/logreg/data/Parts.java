package dev.logreg.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import dev.logreg.data.Utf8Reader.BadTextException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The parts of a table's text in order, as {@link Run}s parse it: one parse from the start (a gzip file,
 * text in memory), or parses of stretches of a plain file on several threads. What makes the text
 * unreadable — bytes that are not UTF-8, a syntax error, a quoted cell that never closes — is thrown
 * here, as the {@link IllegalArgumentException} {@link Table} documents; a part's own mistakes (a
 * ragged row, an infinite number) are left to the caller, who alone knows which comes first.
 *
 * <p>Each parse starts with FastCSV's strict parser. A part it may have misread ({@link Part#misread}),
 * and every part after it, is parsed again with the relaxed parser; so is a part whose parse ends
 * inside quotes (the quotes of its text and of its cells do not balance), which is how a stretch of a
 * plain file that starts inside a quoted cell (one holding a line break) shows: from the part before
 * it on, the file is then parsed by one relaxed parse from that part on, which reads quoted cells across
 * line breaks.
 */
abstract class Parts implements Closeable {

    /** The text. */
    final Input input;
    /** The cell separator. */
    final char delimiter;
    /** The names of the columns to read as text (categorical) from the start. */
    private final Set<String> categorical;
    /**
     * Whether the parts are for a stream: a ragged row then ends a parse (else the parse reads on to find what
     * makes the text unreadable), and only a few stretches of a plain file are parsed ahead.
     */
    final boolean stream;
    /** How to read each column in parts not yet parsed; null until the names are known. */
    private byte[] modes;

    Parts(Input input, char delimiter, Set<String> categorical, boolean stream) {
        this.input = input;
        this.delimiter = delimiter;
        this.categorical = categorical;
        this.stream = stream;
    }

    /**
     * Opens a file or a text and reads its header.
     *
     * @param input the text
     * @param delimiter the cell separator
     * @param header the column names, or null to take them from the first record
     * @param categorical the names of the columns to read as text
     * @param partBytes the bytes per stretch of a plain file (a stretch ends at the next line end after them)
     * @param stream whether the parts are for a stream
     * @return the parts
     * @throws IOException if a file cannot be read
     */
    static Parts of(Input input, char delimiter, List<String> header, Set<String> categorical, long partBytes,
                    boolean stream) throws IOException {
        if (input instanceof Input.Plain plain) {
            return new Stretches(plain, delimiter, categorical, partBytes, stream);
        }
        Run.Spec spec = new Run.Spec(input, delimiter, 0, Long.MAX_VALUE, 1, true, header == null, 0);
        return new Sequential(spec, header, categorical, stream);
    }

    /**
     * @return the column names, from the header or as given; null for a text without any record
     * @throws IllegalArgumentException if the text cannot be read up to the end of its header
     */
    abstract List<String> names();

    /**
     * @param rows the most rows wanted in the part (a stretch of a plain file is one part, however many)
     * @return the next part in order, or null after the last
     * @throws IllegalArgumentException if the text cannot be read
     */
    abstract Part next(int rows);

    /** @param columnModes how to read each column in parts that are not parsed yet */
    final void modes(byte[] columnModes) {
        this.modes = columnModes.clone();
    }

    /** @return how parts not yet parsed read each column (text for the categorical ones, once the names are known) */
    final byte[] modes() {
        if (modes == null) {
            List<String> names = names();
            modes = new byte[names == null ? 0 : names.size()];
            for (int j = 0; j < modes.length; j++) {
                modes[j] = categorical.contains(names.get(j)) ? PartParser.TEXT : PartParser.FREE;
            }
        }
        return modes;
    }

    /**
     * Parses a part's rows again.
     *
     * @param part a part this gave
     * @param columnModes how to read each column this time
     * @return the same rows, read so
     * @throws IllegalArgumentException if the text can no longer be read
     */
    final Part again(Part part, byte[] columnModes) {
        try (Run run = new Run(part.spec.skipping(part.firstRow, part.spec.strict()), names(), false)) {
            Part again = run.next(columnModes, Math.max(1, part.rows));
            if (again.failure != null || again.rows != part.rows) {
                throw new IllegalArgumentException("cannot read " + input.name + " again: it changed while it was"
                        + " read");
            }
            return again;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + input.name + " again: " + TextFile.reason(e), e);
        }
    }

    /**
     * @param part a part whose parse failed
     * @return the error for it
     */
    final IllegalArgumentException failure(Part part) {
        Throwable t = part.failure;
        if (t instanceof BadTextException) {
            if (part.spec.line() == Run.UNKNOWN_LINE) {
                t = withLine(part.spec, (BadTextException) t);
            }
            return new IllegalArgumentException(t.getMessage(), t);
        }
        if (t instanceof CsvParseException) {
            return new IllegalArgumentException("cannot parse " + input.name + ": " + t.getMessage()
                    + ", in the record that starts on line " + line(part.spec, part.failureLine), t);
        }
        return new IllegalArgumentException("cannot parse " + input.name + ": " + message(t), t);
    }

    /**
     * @param part the last part of a relaxed parse whose quotes do not balance
     * @return the error: the text ends inside a quoted cell
     */
    final IllegalArgumentException unclosedQuote(Part part) {
        return unclosedQuote(line(part.spec, part.lastLine));
    }

    final IllegalArgumentException unclosedQuote(long line) {
        return new IllegalArgumentException("cannot parse " + input.name + ": it ends inside a quoted cell (no quote"
                + " closes the one that opens it), in the record that starts on line " + line);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** A line of a parse, counted from its first line, in the text. */
    private long line(Run.Spec spec, long line) {
        return start(spec) + line - 1;
    }

    private long start(Run.Spec spec) {
        if (spec.line() != Run.UNKNOWN_LINE) {
            return spec.line();
        }
        try {
            return ((Input.Plain) input).lineAt(spec.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same bad bytes' error, from a parse whose first line is known: it names the line in the file. */
    private BadTextException withLine(Run.Spec spec, BadTextException e) {
        char[] buffer = new char[1 << 13];
        try (Reader text = input.open(spec.start(), spec.end(), start(spec))) {
            while (text.read(buffer, 0, buffer.length) >= 0) {
                // read to the bad bytes
            }
        } catch (BadTextException again) {
            return again;
        } catch (IOException ignored) {
            // the first error stands
        }
        return e;
    }

    /**
     * One parse from the start of the text, or of a stretch of a plain file: with the strict parser and, from a
     * part it may have misread on, with the relaxed one.
     */
    static final class Sequential extends Parts {
        private final List<String> givenNames;
        private Run.Spec spec;
        private Run run;
        /** The rows of the parts {@link #run} has given. */
        private int delivered;

        /**
         * @param spec the parse
         * @param names the column names if the first record is not the header, else null
         * @param categorical the names of the columns to read as text
         * @param stream whether the parts are for a stream
         */
        Sequential(Run.Spec spec, List<String> names, Set<String> categorical, boolean stream) {
            super(spec.input(), spec.delimiter(), categorical, stream);
            this.spec = spec;
            this.givenNames = names;
        }

        @Override
        List<String> names() {
            open();
            return run.names();
        }

        /** Opens the parse and reads its header, with the relaxed parser if the strict one may misread it. */
        private void open() {
            if (run != null) {
                return;
            }
            run = start(spec);
            if (spec.strict() && run.headerMisread()) {
                relax();
            }
            if (run.headerFailure() != null) {
                Part failed = run.next(new byte[0], 1);
                throw failure(failed);
            }
        }

        private Run start(Run.Spec s) {
            try {
                return new Run(s, givenNames, stream);
            } catch (BadTextException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + input.name + ": " + TextFile.reason(e), e);
            }
        }

        /** Parses again from the first row not given yet, with the relaxed parser. */
        private void relax() {
            closeRun();
            spec = spec.skipping(delivered, false);
            delivered = 0;
            run = start(spec);
        }

        @Override
        Part next(int rows) {
            open();
            for (;;) {
                Part part = run.next(modes(), rows);
                if (part == null) {
                    return null;
                }
                boolean badBytes = part.failure instanceof IOException && !part.misread;
                if (spec.strict() && part.unsound() && !badBytes) {
                    relax();
                    continue;
                }
                if (part.failure != null) {
                    throw failure(part);
                }
                if (part.last && part.unbalancedQuotes != 0) {
                    throw unclosedQuote(part);
                }
                delivered += part.rows;
                return part;
            }
        }

        private void closeRun() {
            try {
                run.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (run != null) {
                run.close();
            }
        }
    }

    /**
     * A plain file in stretches of about {@code partBytes} bytes, each ending at a line feed, parsed on as many
     * threads as there are processors: each stretch is one part, parsed from its start as if a record started
     * there. The parts are checked in order: if the one before a stretch ended outside quotes (its quotes
     * balance), the stretch did start a record, and its part is the one a single parse would have given.
     * For a stream, a few stretches are parsed ahead of the part asked for, so that the parts held are bounded
     * whatever the file; for a whole table, all are (the threads never wait for the caller).
     */
    static final class Stretches extends Parts {
        private final Input.Plain plain;
        private final List<long[]> stretches = new ArrayList<>();
        private final Deque<Future<Part>> ahead = new ArrayDeque<>();
        private final int threads;
        private final ExecutorService pool;
        private List<String> names;
        private IllegalArgumentException headerFailure;
        private long dataLine;
        private int next;
        /** The relaxed parse from a misread stretch on, or null. */
        private Sequential tail;

        /**
         * Reads the header (with the relaxed parser) and splits the rest of the file.
         *
         * @param plain the file
         * @param delimiter the cell separator
         * @param categorical the names of the columns to read as text
         * @param partBytes the bytes per stretch
         * @param stream whether the parts are for a stream
         * @throws IOException if the file cannot be read
         */
        Stretches(Input.Plain plain, char delimiter, Set<String> categorical, long partBytes, boolean stream)
                throws IOException {
            super(plain, delimiter, categorical, stream);
            this.plain = plain;
            long dataStart = readHeader();
            for (long start = dataStart; start < plain.size(); ) {
                boolean last = plain.size() - start - partBytes <= partBytes / 2;
                long end = last ? plain.size() : plain.afterLineFeed(start + partBytes);
                stretches.add(new long[] {start, end});
                start = end;
            }
            threads = Math.min(stretches.size(), Runtime.getRuntime().availableProcessors());
            pool = threads > 1 ? Executors.newFixedThreadPool(threads, work -> {
                Thread t = new Thread(work, "logreg-csv");
                t.setDaemon(true);
                return t;
            }) : null;
        }

        /** @return where the data start: after the header, or at the end if it fails */
        private long readHeader() throws IOException {
            Run.Spec spec = new Run.Spec(plain, delimiter, 0, plain.size(), 1, false, true, 0);
            try (Run header = new Run(spec, null, stream)) {
                names = header.names();
                if (header.headerFailure() != null) {
                    headerFailure = failure(header.next(new byte[0], 1));
                    return plain.size();
                }
                if (names == null) {
                    return plain.size();
                }
                dataLine = header.headerLine() + header.headerLines();
                long[] data = plain.lineStart(dataLine);
                if (data[1] != header.headerQuotes()) {
                    headerFailure = unclosedQuote(header.headerLine());
                    return plain.size();
                }
                return data[0];
            }
        }

        @Override
        List<String> names() {
            if (headerFailure != null) {
                throw headerFailure;
            }
            return names;
        }

        @Override
        Part next(int rows) {
            names();
            if (tail != null) {
                tail.modes(modes());
                return tail.next(rows);
            }
            while ((!stream || ahead.size() < threads + 1) && next < stretches.size()) {
                Run.Spec spec = spec(next++);
                byte[] m = modes();
                if (pool == null) {
                    FutureTask<Part> task = new FutureTask<>(() -> parse(spec, m));
                    task.run();
                    ahead.add(task);
                } else {
                    ahead.add(pool.submit(() -> parse(spec, m)));
                }
            }
            Future<Part> first = ahead.poll();
            if (first == null) {
                return null;
            }
            Part part = get(first);
            if (part.unsound() && !(part.failure instanceof IOException && !part.misread)) {
                cancel();
                Run.Spec from = new Run.Spec(plain, delimiter, part.spec.start(), plain.size(), part.spec.line(),
                        false, false, 0);
                tail = new Sequential(from, names, Set.of(), stream);
                tail.modes(modes());
                return tail.next(rows);
            }
            if (part.failure != null) {
                throw failure(part);
            }
            return part;
        }

        /** The strict parse of a stretch; only the first one's line is known without counting. */
        private Run.Spec spec(int stretch) {
            long[] s = stretches.get(stretch);
            return new Run.Spec(plain, delimiter, s[0], s[1], stretch == 0 ? dataLine : Run.UNKNOWN_LINE, true,
                    false, 0);
        }

        private Part parse(Run.Spec spec, byte[] columnModes) throws IOException {
            try (Run run = new Run(spec, names, stream)) {
                return run.next(columnModes, Integer.MAX_VALUE);
            }
        }

        private Part get(Future<Part> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalArgumentException("cannot read " + input.name + ": "
                        + TextFile.reason((IOException) cause), cause);
            }
        }

        /**
         * Drops the stretches parsed ahead. A parse under way is not interrupted: an interrupt during a read would
         * close the file's channel for every thread.
         */
        private void cancel() {
            for (Future<Part> f : ahead) {
                f.cancel(false);
            }
            ahead.clear();
            next = stretches.size();
        }

        @Override
        public void close() throws IOException {
            cancel();
            if (pool != null) {
                pool.shutdown();
            }
            if (tail != null) {
                tail.close();
            }
            plain.close();
        }
    }
}
