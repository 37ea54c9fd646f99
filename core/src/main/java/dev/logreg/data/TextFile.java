package dev.logreg.data;

import dev.logreg.data.Utf8Reader.BadTextException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a data file as text, by what its first bytes say it is: gzip-compressed data (0x1F 0x8B)
 * is decompressed as it is read; UTF-16 text (a byte-order mark 0xFF 0xFE or 0xFE 0xFF) is
 * rejected with the command that converts it; everything else is decoded as UTF-8 by a
 * {@link Utf8Reader}, which rejects bytes that are not UTF-8 and NUL bytes.
 */
final class TextFile {

    private static final int BUFFER = 1 << 16;

    private TextFile() {
    }

    /**
     * @param file a file that exists and is not a directory
     * @return its text; the caller closes it
     * @throws BadTextException if the first bytes show it is not UTF-8 text, or a gzip header is corrupt
     * @throws IOException if it cannot be opened or read
     */
    static Utf8Reader open(Path file) throws IOException {
        String source = file.toString();
        InputStream raw = Files.newInputStream(file);
        try {
            BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
            int[] head = peek(in);
            if (isGzip(head)) {
                return new Utf8Reader(new Gunzip(in, source), source, true);
            }
            checkNotUtf16(source, head);
            return new Utf8Reader(in, source, false);
        } catch (IOException | RuntimeException e) {
            try {
                raw.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * @param file a file that exists and is not a directory
     * @return whether it is gzip-compressed (its first bytes 0x1F 0x8B)
     * @throws BadTextException if its first bytes show it is UTF-16 text
     * @throws IOException if it cannot be opened or read
     */
    static boolean isGzip(Path file) throws IOException {
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 2)) {
            int[] head = peek(in);
            if (isGzip(head)) {
                return true;
            }
            checkNotUtf16(file.toString(), head);
            return false;
        }
    }

    private static boolean isGzip(int[] head) {
        return head[0] == 0x1F && head[1] == 0x8B;
    }

    private static void checkNotUtf16(String source, int[] head) throws BadTextException {
        if ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)) {
            throw new BadTextException(String.format("%s is UTF-16 text, not UTF-8 (it starts with the byte-order"
                    + " mark 0x%02X 0x%02X); convert it (iconv -f utf-16 -t utf-8)", source, head[0], head[1]));
        }
    }

    /** The first two bytes, -1 for those past the end, leaving the stream where it was. */
    private static int[] peek(BufferedInputStream in) throws IOException {
        in.mark(2);
        int[] head = {in.read(), -1};
        if (head[0] >= 0) {
            head[1] = in.read();
        }
        in.reset();
        return head;
    }

    /**
     * @param e why a file could not be opened or read
     * @return the reason in words, without the file name that the JDK's file-system exceptions repeat
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Decompressed gzip data, whose corruption is a {@link BadTextException} naming the file. */
    private static final class Gunzip extends InputStream {
        private final GZIPInputStream in;
        private final String source;

        Gunzip(InputStream compressed, String source) throws IOException {
            this.source = source;
            try {
                this.in = new GZIPInputStream(compressed, BUFFER);
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private BadTextException corrupt(IOException e) {
            String reason = e instanceof EOFException
                    ? "the compressed data end unexpectedly (is the file truncated?)"
                    : e.getMessage() == null ? "corrupt compressed data" : e.getMessage();
            return new BadTextException("cannot decompress " + source + ": " + reason, e);
        }
    }
}
