package dev.logreg.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * The text of a table, which a parse reads, and can read again: a plain file (a stretch of which can
 * be read on its own, from a line boundary), a gzip-compressed file (read from its start) or text held
 * in memory.
 */
abstract class Input implements Closeable {

    /** A byte-order mark, dropped before the first cell of a text. */
    static final char BYTE_ORDER_MARK = '\uFEFF';
    /** Stretches of a plain file are read this many bytes at a time. */
    private static final int READ_BYTES = 1 << 16;

    /** What to call the input in messages (a file name). */
    final String name;

    Input(String name) {
        this.name = name;
    }

    /**
     * Opens the text, or a stretch of a plain file.
     *
     * @param start the stretch's first byte, at the start of a line (0 for an input read from its start only)
     * @param end one past its last byte (ignored by an input read from its start only)
     * @param line the line (from 1) at {@code start}, as messages about bad bytes name it
     * @return the text; the caller closes it
     * @throws IOException if it cannot be opened
     */
    abstract Text open(long start, long end, long line) throws IOException;

    @Override
    public void close() throws IOException {
    }

    /**
     * A text for FastCSV to parse: a reader without a byte-order mark as its first character (at the
     * start of an input), and the number of quote characters it has read.
     */
    static final class Text extends Reader {
        private final Reader in;
        private final LongSupplier quotes;
        private boolean first;

        /**
         * @param in the characters; closed with this
         * @param quotes the count of quote characters read from {@code in} so far
         * @param atStart whether {@code in} starts the input, so that a byte-order mark is dropped
         */
        Text(Reader in, LongSupplier quotes, boolean atStart) {
            this.in = in;
            this.quotes = quotes;
            this.first = atStart;
        }

        /** @return the quote characters read so far: all of them once the text has been read to its end */
        long quotes() {
            return quotes.getAsLong();
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (first && n > 0) {
                first = false;
                if (buffer[off] == BYTE_ORDER_MARK) {
                    System.arraycopy(buffer, off + 1, buffer, off, n - 1);
                    return n > 1 ? n - 1 : read(buffer, off, len);
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A plain (uncompressed) regular file: any stretch from a line boundary can be read on its own. */
    static final class Plain extends Input {
        private final FileChannel channel;
        private final long size;

        /**
         * @param file a regular file that is neither gzip data nor UTF-16 text
         * @throws IOException if it cannot be opened
         */
        Plain(Path file) throws IOException {
            super(file.toString());
            channel = FileChannel.open(file, StandardOpenOption.READ);
            size = channel.size();
        }

        /** @return the file's size in bytes */
        long size() {
            return size;
        }

        @Override
        Text open(long start, long end, long line) {
            Utf8Reader reader = new Utf8Reader(new Stretch(start, end), name, false, start, line);
            return new Text(reader, reader::quotes, start == 0);
        }

        /**
         * @param offset a byte offset just after a line end
         * @return the line (from 1) of the byte at {@code offset}, as {@link Utf8Reader} counts lines
         * @throws IOException if the file cannot be read
         */
        long lineAt(long offset) throws IOException {
            return scan(offset, Long.MAX_VALUE)[1];
        }

        /**
         * @param line a line (from 1)
         * @return the offset of its first byte ({@link #size()} if the file has fewer lines) and the number of
         *     quote characters before it
         * @throws IOException if the file cannot be read
         */
        long[] lineStart(long line) throws IOException {
            if (line <= 1) {
                return new long[] {0, 0};
            }
            long[] at = scan(size, line);
            return new long[] {at[0], at[2]};
        }

        /**
         * @param offset a byte offset
         * @return the offset just after the first line feed at or after {@code offset}, or {@link #size()}
         * @throws IOException if the file cannot be read
         */
        long afterLineFeed(long offset) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
            for (long position = offset; position < size; ) {
                buffer.clear();
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    break;
                }
                byte[] a = buffer.array();
                for (int i = 0; i < n; i++) {
                    if (a[i] == '\n') {
                        return position + i + 1;
                    }
                }
                position += n;
            }
            return size;
        }

        /**
         * Reads the file from its start to {@code limit}, or to the start of line {@code line}, whichever
         * comes first.
         *
         * @return where it stopped, the line there and the quotes before it
         */
        private long[] scan(long limit, long line) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
            long lines = 1;
            long quotes = 0;
            boolean afterCarriageReturn = false;
            long position = 0;
            while (position < Math.min(limit, size)) {
                buffer.clear().limit((int) Math.min(READ_BYTES, Math.min(limit, size) - position));
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    break;
                }
                byte[] a = buffer.array();
                for (int i = 0; i < n; i++) {
                    byte b = a[i];
                    if (afterCarriageReturn) {
                        afterCarriageReturn = false;
                        if (b != '\n' && ++lines == line) {
                            return new long[] {position + i, lines, quotes};
                        }
                    }
                    if (b == '"') {
                        quotes++;
                    } else if (b == '\n') {
                        if (++lines == line) {
                            return new long[] {position + i + 1, lines, quotes};
                        }
                    } else if (b == '\r') {
                        afterCarriageReturn = true;
                    }
                }
                position += n;
            }
            if (afterCarriageReturn && position == size) {
                lines++;
            }
            return new long[] {position, lines, quotes};
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }

        /** The bytes {@code [start, end)} of the file, by positional reads (so that threads read apart). */
        private final class Stretch extends InputStream {
            private long position;
            private final long end;

            Stretch(long start, long end) {
                this.position = start;
                this.end = Math.min(end, size);
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= end) {
                    return -1;
                }
                int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
                if (n < 0) {
                    return -1;
                }
                position += n;
                return n;
            }
        }
    }

    /** A gzip-compressed regular file, decompressed as it is read: read again from its start. */
    static final class Gzip extends Input {
        private final Path file;

        /** @param file a regular file that starts with the gzip magic bytes */
        Gzip(Path file) {
            super(file.toString());
            this.file = file;
        }

        @Override
        Text open(long start, long end, long line) throws IOException {
            Utf8Reader reader = TextFile.open(file);
            return new Text(reader, reader::quotes, true);
        }
    }

    /** Text held in memory. */
    static final class Chars extends Input {
        private final char[] text;
        private final int length;

        /**
         * @param name what to call the text in messages
         * @param text the characters (not copied)
         * @param length how many of them are the text
         */
        Chars(String name, char[] text, int length) {
            super(name);
            this.text = text;
            this.length = length;
        }

        /**
         * Reads a text into memory.
         *
         * @param in the text; not closed
         * @param name what to call it in messages
         * @return it
         * @throws Utf8Reader.BadTextException if it is not text
         * @throws ReadFailure if it cannot be read
         */
        static Chars of(Reader in, String name) throws Utf8Reader.BadTextException, ReadFailure {
            char[] text = new char[READ_BYTES];
            int length = 0;
            try {
                for (int n; (n = in.read(text, length, text.length - length)) >= 0; ) {
                    length += n;
                    if (length == text.length) {
                        text = java.util.Arrays.copyOf(text, Math.addExact(text.length, text.length));
                    }
                }
            } catch (Utf8Reader.BadTextException e) {
                throw e;
            } catch (IOException e) {
                throw new ReadFailure(e, length > 0);
            }
            return new Chars(name, text, length);
        }

        /** Reading a text into memory failed, other than on bad bytes. */
        static final class ReadFailure extends IOException {
            private static final long serialVersionUID = 1L;
            private final boolean started;

            ReadFailure(IOException cause, boolean started) {
                super(cause);
                this.started = started;
            }

            /** @return whether some of the text had been read */
            boolean started() {
                return started;
            }

            @Override
            public synchronized IOException getCause() {
                return (IOException) super.getCause();
            }
        }

        @Override
        Text open(long start, long end, long line) {
            CharsReader reader = new CharsReader();
            return new Text(reader, reader::quotes, true);
        }

        /** The characters, with a count of the quotes among those read. */
        private final class CharsReader extends Reader {
            private int position;
            private long quotes;

            long quotes() {
                return quotes;
            }

            @Override
            public int read(char[] buffer, int off, int len) {
                if (position == length) {
                    return -1;
                }
                int n = Math.min(len, length - position);
                System.arraycopy(text, position, buffer, off, n);
                for (int i = off; i < off + n; i++) {
                    if (buffer[i] == '"') {
                        quotes++;
                    }
                }
                position += n;
                return n;
            }

            @Override
            public void close() {
            }
        }
    }
}
