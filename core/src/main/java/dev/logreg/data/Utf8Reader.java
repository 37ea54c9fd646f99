package dev.logreg.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 decoding of a byte stream that knows where it is: the first byte that is not valid
 * UTF-8, or the first NUL byte (which never occurs in delimited text), ends the read with a
 * {@link BadTextException} naming the source, the physical line (1-based; LF, CRLF and a lone CR
 * each end a line) and the byte offset (0-based) of that byte.
 *
 * <p>Bytes are checked as they are decoded, a buffer at a time, so a binary stream fails on its
 * first NUL or malformed byte without being read further. A byte-order mark is decoded like any
 * other character (U+FEFF); {@link Table} drops it.
 *
 * <p>The stream may be a part of a file that starts at a line boundary: offsets and lines are then
 * counted from the part's own offset and line. The reader also counts the quote characters it has
 * decoded, which a parse checks against the quotes of its cells ({@link PartParser}).
 */
final class Utf8Reader extends Reader {

    private static final int BUFFER = 8192;
    /** A character is one or two {@code char}s (a surrogate pair). */
    private static final int MAX_CHARS_PER_CHARACTER = 2;
    /** A byte's bits, for its unsigned value. */
    private static final int BYTE = 0xFF;
    /** Eight bytes of a byte array read as one {@code long}. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The byte after the quote ({@code #}, U+0023) in each byte of a word. */
    private static final long BELOW_QUOTE = 0x2323232323232323L;
    /** The high bit of each byte of a word. */
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** How to convert text from the usual single-byte encodings, appended to encoding errors. */
    static final String CONVERT = "if the file is Latin-1 or Windows-1252, convert it (iconv -f windows-1252 -t utf-8)";

    private final InputStream in;
    private final String source;
    private final boolean decompressed;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Bytes read but not yet decoded, in read mode (position to limit). */
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    /** Decoded characters not yet returned, in read mode. */
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    /** The stream offset of {@code bytes.position()}: how many bytes have been decoded, after the start offset. */
    private long offset;
    /** The physical line of the next byte, as far as the line end before it is known. */
    private long line;
    /** The quote characters ({@code "}) decoded so far. */
    private long quotes;
    /** The last decoded byte was a CR: the next byte starts a new line unless it is the LF of a CRLF. */
    private boolean afterCarriageReturn;
    private boolean needInput = true;
    private boolean endOfInput;
    private boolean done;

    /**
     * @param in the bytes; closed by {@link #close()}
     * @param source what to call the input in messages (a file name)
     * @param decompressed whether {@code in} is decompressed data, so that offsets are not offsets in the file
     */
    Utf8Reader(InputStream in, String source, boolean decompressed) {
        this(in, source, decompressed, 0, 1);
    }

    /**
     * @param in the bytes; closed by {@link #close()}
     * @param source what to call the input in messages (a file name)
     * @param decompressed whether {@code in} is decompressed data, so that offsets are not offsets in the file
     * @param startOffset the offset of the first byte of {@code in}, which starts a line
     * @param startLine that line (1-based)
     */
    Utf8Reader(InputStream in, String source, boolean decompressed, long startOffset, long startLine) {
        this.in = in;
        this.source = source;
        this.decompressed = decompressed;
        this.offset = startOffset;
        this.line = startLine;
    }

    /** @return the quote characters decoded so far: all of them once the reader has returned -1 */
    long quotes() {
        return quotes;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > buffer.length - off) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + buffer.length);
        }
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && len >= MAX_CHARS_PER_CHARACTER) {
            // Room for any character: decode straight into the caller's buffer.
            CharBuffer target = CharBuffer.wrap(buffer, off, len);
            decode(target);
            int n = target.position() - off;
            return n == 0 ? -1 : n;
        }
        while (!chars.hasRemaining()) {
            if (done) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buffer, off, n);
        return n;
    }

    /** Decodes at least one character into {@link #chars}, or reaches the end of the input. */
    private void fill() throws IOException {
        chars.clear();
        try {
            decode(chars);
        } finally {
            chars.flip();
        }
    }

    /** Decodes at least one character into {@code out} (which has room for one), or reaches the end of the input. */
    private void decode(CharBuffer out) throws IOException {
        int first = out.position();
        while (out.position() == first && !done) {
            if (needInput && !endOfInput) {
                readBytes();
            }
            int start = bytes.position();
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            scan(start, bytes.position());
            if (result.isError()) {
                throw malformed(result.length());
            }
            if (result.isOverflow()) {
                needInput = false;
            } else if (endOfInput) {
                decoder.flush(out);
                done = true;
            } else {
                needInput = true;
            }
        }
    }

    /** Appends what the stream has, after the fewer than four bytes of a character left undecoded. */
    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
        needInput = false;
    }

    /**
     * Counts the lines and quotes of the bytes just decoded, {@code bytes.array()[start, end)}, and rejects a NUL
     * among them.
     */
    private void scan(int start, int end) throws BadTextException {
        byte[] a = bytes.array();
        for (int i = start; i < end; i++) {
            // Most bytes of delimited text are neither a line end, a NUL nor a quote: eight at a time.
            while (!afterCarriageReturn && i + Long.BYTES <= end && !special((long) WORDS.get(a, i))) {
                i += Long.BYTES;
            }
            if (i == end) {
                break;
            }
            byte b = a[i];
            if ((b & BYTE) > '"' && !afterCarriageReturn) {
                continue;
            }
            if (b == '"') {
                quotes++;
            }
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (b != '\n') {
                    line++;
                }
            }
            if (b == 0) {
                throw new BadTextException(source + " is binary, not delimited text: a NUL byte at line " + line
                        + " (" + where(offset + (i - start)) + ")");
            }
            if (b == '\n') {
                line++;
            } else if (b == '\r') {
                afterCarriageReturn = true;
            }
        }
        offset += end - start;
    }

    /**
     * @param word eight bytes
     * @return whether one of them (unsigned) is below 0x23 ({@code #}), so that a NUL, a line end or a quote may be
     *     among them: the lowest byte below 0x23 borrows in {@code word - BELOW_QUOTE} and has its high bit clear
     *     in {@code ~word}, so it always shows; a byte of 0x80 or more never does
     */
    private static boolean special(long word) {
        return ((word - BELOW_QUOTE) & ~word & HIGH_BITS) != 0;
    }

    /** The error for the {@code length} bytes at {@code bytes.position()} that are not UTF-8. */
    private BadTextException malformed(int length) {
        byte[] a = bytes.array();
        int at = bytes.position();
        StringBuilder values = new StringBuilder(length == 1 ? "byte" : "bytes");
        for (int i = 0; i < length; i++) {
            values.append(String.format(Locale.ROOT, " 0x%02X", a[at + i] & 0xFF));
        }
        // The byte after a lone CR is on the next line (it is not the LF of a CRLF, which is valid).
        long errorLine = afterCarriageReturn ? line + 1 : line;
        int first = a[at] & 0xFF;
        boolean truncated = endOfInput && at + length == bytes.limit() && first >= 0xC2 && first <= 0xF4;
        return new BadTextException(source + " is not UTF-8 text: " + values + " at line " + errorLine + " ("
                + where(offset) + ") " + (length == 1 ? "is" : "are") + " not valid UTF-8"
                + (truncated ? (decompressed ? " (the decompressed data end" : " (the file ends")
                        + " inside a multi-byte character)" : "")
                + "; " + CONVERT);
    }

    private String where(long byteOffset) {
        return "byte offset " + byteOffset + (decompressed ? " after decompression" : "");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * The bytes of an input are not delimited text (not UTF-8, binary, corrupt compressed data);
     * the message, for the caller, says what and where. It travels through the CSV parser as an
     * {@link IOException} and {@link Table} turns it into an {@link IllegalArgumentException}.
     */
    static final class BadTextException extends IOException {
        private static final long serialVersionUID = 1L;

        BadTextException(String message) {
            super(message);
        }

        BadTextException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
