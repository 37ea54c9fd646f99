package dev.logreg.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import dev.logreg.data.Utf8Reader.BadTextException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The parts of a table's text in order, as {@link Run}s parse it: one parse from the start (a gzip file,
 * text in memory), or parses of stretches of a plain file on several threads. What makes the text
 * unreadable — bytes that are not UTF-8, a syntax error, a quoted cell that never closes — is thrown
 * here, as the {@link IllegalArgumentException} {@link Table} documents; a part's own mistakes (a
 * ragged row, an infinite number) are left to the caller, who alone knows which comes first.
 *
 * <p>Each parse starts with FastCSV's strict parser. A part it may have misread ({@link Part#misread}),
 * and every part after it, is parsed again with the relaxed parser; so is a part whose parse ends
 * inside quotes (the quotes of its text and of its cells do not balance). That is also how a stretch
 * of a plain file that starts inside a quoted cell (one holding a line break) shows: the stretch before
 * it ends inside quotes, and the file is parsed from that stretch on by one relaxed parse, which reads
 * quoted cells across line breaks.
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
     * makes the text unreadable).
     */
    final boolean stream;
    /** How to read each column in parts not yet parsed; null until the names are known (read by the threads). */
    private volatile byte[] modes;

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
            byte[] m = new byte[names == null ? 0 : names.size()];
            for (int j = 0; j < m.length; j++) {
                m[j] = categorical.contains(names.get(j)) ? PartParser.TEXT : PartParser.FREE;
            }
            modes = m;
        }
        return modes;
    }

    /**
     * Runs {@code task} for {@code 0, ..., n - 1}, on the parse's threads if it has any, and waits for them all.
     *
     * @param n the number of tasks
     * @param task the tasks
     */
    void forEach(int n, IntConsumer task) {
        for (int j = 0; j < n; j++) {
            task.accept(j);
        }
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
            Part again = run.next(columnModes, part.rows);
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

    /**
     * @param line the line of the text on which the record with the unclosed quote starts
     * @return the error: the text ends inside a quoted cell
     */
    final IllegalArgumentException unclosedQuote(long line) {
        return new IllegalArgumentException("cannot parse " + input.name + ": it ends inside a quoted cell (no quote"
                + " closes the one that opens it), in the record that starts on line " + line);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** A line of a parse, counted from its first line, in the text. */
    private long line(Run.Spec spec, long line) {
        return firstLine(spec) + line - 1;
    }

    /** The line of the text on which a parse starts, counted in the file if it is not known. */
    private long firstLine(Run.Spec spec) {
        if (spec.line() != Run.UNKNOWN_LINE) {
            return spec.line();
        }
        try {
            return ((Input.Plain) input).lineAt(spec.start());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + input.name + ": " + TextFile.reason(e), e);
        }
    }

    /** The same bad bytes' error, from a parse whose first line is known: it names the line in the file. */
    private BadTextException withLine(Run.Spec spec, BadTextException e) {
        char[] buffer = new char[1 << 13];
        try (Reader text = input.open(spec.start(), spec.end(), firstLine(spec))) {
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
            run = newRun(spec);
            if (spec.strict() && run.headerMisread()) {
                relax();
            }
            if (run.headerFailure() != null) {
                Part failed = run.next(new byte[0], 1);
                throw failure(failed);
            }
        }

        private Run newRun(Run.Spec s) {
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
            run = newRun(spec);
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
                throw new IllegalArgumentException("cannot read " + input.name + ": " + TextFile.reason(e), e);
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
     * A few stretches are parsed ahead of the part asked for, so that the parts under way are bounded whatever
     * the file.
     *
     * <p>The threads are plain threads of this reader's own, which take the stretches in order and leave each
     * part (or what the parse threw) in its slot. Once a read fails or is closed, {@link #stop()} ends them and
     * waits for them without allocating, so that when memory has run out, nothing they hold outlives the
     * failure.
     */
    static final class Stretches extends Parts {
        private final Input.Plain plain;
        private final List<long[]> stretches = new ArrayList<>();
        private final int threads;
        private List<String> names;
        private IllegalArgumentException headerFailure;
        private long dataLine;
        /** The relaxed parse from a misread stretch on, or null. */
        private Sequential tail;

        /** Guards what the threads share: the slots, the stretches taken and given, the failure, closed. */
        private final Object lock = new Object();
        /** Each stretch's part, or what its parse threw, until it is given; guarded by {@link #lock}. */
        private final Object[] slots;
        /** The stretches the threads have taken; guarded by {@link #lock}. */
        private int taken;
        /** The stretches given to the caller; guarded by {@link #lock}. */
        private int given;
        /** What a thread threw outside a parse (or in building a column), or null; guarded by {@link #lock}. */
        private Throwable broken;
        /** The read failed or is closed: the threads take no more stretches, and parses under way stop. */
        private volatile boolean closed;
        /** A thread failed: no more work of any kind starts. */
        private volatile boolean failing;
        private Thread[] workers;

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
            slots = new Object[stretches.size()];
            threads = Math.min(stretches.size(), Runtime.getRuntime().availableProcessors());
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
            Part part = take();
            if (part == null) {
                return null;
            }
            if (part.unsound() && !(part.failure instanceof IOException && !part.misread)) {
                stop();
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

        /** The next stretch's part: parsed here if there is one thread, else waited for (the threads started). */
        private Part take() {
            int k;
            synchronized (lock) {
                k = given;
            }
            if (k == stretches.size()) {
                return null;
            }
            if (threads <= 1) {
                given++;
                return unwrap(parse(k));
            }
            if (workers == null) {
                modes();
                workers = new Thread[threads];
                for (int t = 0; t < threads; t++) {
                    workers[t] = start(this::work);
                }
            }
            Object result;
            synchronized (lock) {
                while (slots[k] == null && broken == null) {
                    waitOn();
                }
                result = slots[k];
                slots[k] = null;
                given++;
                lock.notifyAll();
            }
            if (result == null) {
                result = broken;
            }
            if (result instanceof Throwable) {
                stop();
            }
            return unwrap(result);
        }

        /** A part, or what its parse threw, thrown as it is (an {@link Error}, out of memory, too). */
        private Part unwrap(Object result) {
            if (result instanceof Part part) {
                return part;
            }
            if (result instanceof Error error) {
                throw error;
            }
            if (result instanceof RuntimeException runtime) {
                throw runtime;
            }
            IOException e = (IOException) result;
            throw new IllegalArgumentException("cannot read " + input.name + ": " + TextFile.reason(e), e);
        }

        /** A thread's work: the next stretch not taken, a few ahead of the one given at most, until none is left. */
        private void work() {
            try {
                for (;;) {
                    int k;
                    synchronized (lock) {
                        while (!closed && taken < slots.length && taken > given + threads) {
                            waitOn();
                        }
                        if (closed || taken == slots.length) {
                            return;
                        }
                        k = taken++;
                    }
                    Object result = parse(k);
                    synchronized (lock) {
                        slots[k] = result;
                        lock.notifyAll();
                    }
                }
            } catch (Throwable t) {
                fail(t);
            }
        }

        /** Waits on {@link #lock} (held); an interrupt ends the read. */
        private void waitOn() {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                closed = true;
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading", e);
            }
        }

        /** The strict parse of a stretch, or what it threw; only the first stretch's line is known without counting. */
        private Object parse(int stretch) {
            long[] s = stretches.get(stretch);
            Run.Spec spec = new Run.Spec(plain, delimiter, s[0], s[1], stretch == 0 ? dataLine : Run.UNKNOWN_LINE,
                    true, false, 0);
            try (Run run = new Run(spec, names, stream)) {
                run.abandonWhen(() -> closed);
                return run.next(modes(), Integer.MAX_VALUE);
            } catch (IOException | RuntimeException | Error e) {
                return e;
            }
        }

        @Override
        void forEach(int n, IntConsumer task) {
            if (threads <= 1) {
                super.forEach(n, task);
                return;
            }
            AtomicInteger nextTask = new AtomicInteger();
            Thread[] helpers = new Thread[threads];
            try {
                for (int t = 0; t < threads; t++) {
                    helpers[t] = start(() -> {
                        try {
                            for (int j; !failing && (j = nextTask.getAndIncrement()) < n; ) {
                                task.accept(j);
                            }
                        } catch (Throwable e) {
                            fail(e);
                        }
                    });
                }
            } catch (RuntimeException | Error e) {
                fail(e);
            }
            join(helpers);
            synchronized (lock) {
                if (broken != null) {
                    unwrap(broken);
                }
            }
        }

        /**
         * Keeps the first failure of a thread and ends the read's work. Nothing here allocates (no atomic
         * reference, whose first use may link code), so it works when memory has run out.
         */
        private void fail(Throwable e) {
            synchronized (lock) {
                if (broken == null) {
                    broken = e;
                }
                failing = true;
                closed = true;
                lock.notifyAll();
            }
        }

        /** Starts a thread of this reader's (a daemon). */
        private static Thread start(Runnable work) {
            Thread t = new Thread(work, "logreg-csv");
            t.setDaemon(true);
            t.start();
            return t;
        }

        /**
         * Ends the threads and waits for them: they take no more stretches, parses under way stop within a few
         * records. It allocates nothing, so it works when memory has run out.
         */
        private void stop() {
            synchronized (lock) {
                closed = true;
                lock.notifyAll();
            }
            if (workers != null) {
                join(workers);
            }
            synchronized (lock) {
                Arrays.fill(slots, null);
            }
        }

        /** Waits for the threads started (the others are null), without allocating. */
        private static void join(Thread[] threads) {
            for (Thread t : threads) {
                boolean interrupted = false;
                while (t != null && t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() throws IOException {
            // First, before anything that allocates: nothing the threads hold outlives the read.
            stop();
            if (tail != null) {
                tail.close();
            }
            plain.close();
        }
    }
}
