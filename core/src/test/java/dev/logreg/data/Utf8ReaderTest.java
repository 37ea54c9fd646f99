package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict UTF-8 reader on its own: decoding across every possible split of the input, and the
 * line and byte offset it reports for bad bytes after each kind of line end.
 */
class Utf8ReaderTest {

    /** Text with 1-, 2-, 3- and 4-byte characters and every kind of line end. */
    private static final String TEXT = "größe,café\r\n1,€\n2,\uD834\uDD1E\r3,ü\n";

    /** Returns at most one byte per read, so every character is split across reads. */
    private static final class OneByteAtATime extends InputStream {
        private final ByteArrayInputStream in;

        OneByteAtATime(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return len == 0 ? 0 : in.read(b, off, 1);
        }
    }

    private static byte[] bytes(String ascii, int... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii.getBytes(StandardCharsets.UTF_8));
        for (int b : more) {
            out.write(b);
        }
        return out.toByteArray();
    }

    private static String readAll(Reader in, int chunk) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[chunk];
        for (int n; (n = in.read(buffer, 0, chunk)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    private static String failure(InputStream in) {
        return assertThrows(Utf8Reader.BadTextException.class,
                () -> readAll(new Utf8Reader(in, "t.csv", false), 7)).getMessage();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 1000})
    void decodesTextSplitAnywhere(int chunk) throws IOException {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        assertEquals(TEXT, readAll(new Utf8Reader(new OneByteAtATime(utf8), "t.csv", false), chunk));
        assertEquals(TEXT, readAll(new Utf8Reader(new ByteArrayInputStream(utf8), "t.csv", false), chunk));
    }

    @Test
    void longTextRoundTrips() throws IOException {
        String text = "é€\uD834\uDD1Ex\n".repeat(5000);   // 11 bytes a line: characters straddle every buffer end
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(text, readAll(new Utf8Reader(new ByteArrayInputStream(utf8), "t.csv", false), 4096));
    }

    @Test
    void zeroLengthReadAndEnd() throws IOException {
        Reader in = new Utf8Reader(new ByteArrayInputStream(bytes("a")), "t.csv", false);
        assertEquals(0, in.read(new char[4], 0, 0));
        assertEquals('a', in.read());
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(new char[4], 0, 4));
    }

    @Test
    void linesEndAtLfCrlfAndLoneCr() {
        // line 1 "a" CRLF, line 2 "b" CR, line 3 "c" LF, line 4: the bad byte at offset 7
        byte[] input = bytes("a\r\nb\rc\n", 0xFF);
        String expected = "t.csv is not UTF-8 text: byte 0xFF at line 4 (byte offset 7) is not valid UTF-8; "
                + Utf8Reader.CONVERT;
        assertEquals(expected, failure(new ByteArrayInputStream(input)));
        assertEquals(expected, failure(new OneByteAtATime(input)));
    }

    @Test
    void byteRightAfterALoneCrIsOnTheNextLine() {
        assertTrue(failure(new OneByteAtATime(bytes("a\r", 0xE9))).contains("at line 2 (byte offset 2)"));
        assertTrue(failure(new OneByteAtATime(bytes("a\r", 0))).contains("a NUL byte at line 2 (byte offset 2)"));
        assertTrue(failure(new OneByteAtATime(bytes("a\r\n", 0))).contains("a NUL byte at line 2 (byte offset 3)"));
    }

    @Test
    void firstProblemInTheInputWins() {
        String nulFirst = failure(new ByteArrayInputStream(bytes("ab", 0, 0xFF)));
        assertTrue(nulFirst.contains("NUL byte at line 1 (byte offset 2)"), nulFirst);
        String badFirst = failure(new ByteArrayInputStream(bytes("ab", 0xFF, 0)));
        assertTrue(badFirst.contains("byte 0xFF at line 1 (byte offset 2)"), badFirst);
    }

    @Test
    void malformedSequenceNamesItsBytes() {
        // 0xE2 0x82 begins a three-byte character; 'x' is not a continuation byte.
        String message = failure(new OneByteAtATime(bytes("a\nb", 0xE2, 0x82, 'x')));
        assertTrue(message.contains("bytes 0xE2 0x82 at line 2 (byte offset 3) are not valid UTF-8;"), message);
    }

    @Test
    void truncatedCharacterAtTheEnd() {
        String message = failure(new OneByteAtATime(bytes("a\n", 0xF0, 0x9D, 0x84)));
        assertTrue(message.contains("bytes 0xF0 0x9D 0x84 at line 2 (byte offset 2) are not valid UTF-8"
                + " (the file ends inside a multi-byte character)"), message);
    }

    @Test
    void strayContinuationByteAtTheEndIsNotCalledTruncated() {
        String message = failure(new ByteArrayInputStream(bytes("a\n", 0x80)));
        assertTrue(message.contains("byte 0x80 at line 2 (byte offset 2) is not valid UTF-8;"), message);
    }

    @ParameterizedTest
    @ValueSource(ints = {0xC0, 0xC1, 0xF5, 0xFF})
    void bytesThatNeverOccurInUtf8(int b) {
        String message = failure(new ByteArrayInputStream(bytes("x\n", b, 0x80, '\n')));
        assertTrue(message.startsWith(String.format("t.csv is not UTF-8 text: byte 0x%02X ", b))
                || message.startsWith(String.format("t.csv is not UTF-8 text: bytes 0x%02X ", b)), message);
        assertTrue(message.contains(" at line 2 (byte offset 2) "), message);
    }

    @Test
    void encodedSurrogateIsNotUtf8() {
        // U+D800 written as if it were a character (CESU-8): not UTF-8.
        String message = failure(new ByteArrayInputStream(bytes("x\n", 0xED, 0xA0, 0x80)));
        assertTrue(message.contains("at line 2 (byte offset 2)"), message);
    }

    @Test
    void decompressedOffsetsSaySo() {
        String message = assertThrows(Utf8Reader.BadTextException.class, () -> readAll(
                new Utf8Reader(new ByteArrayInputStream(bytes("x\n", 0xE9)), "t.csv.gz", true), 8)).getMessage();
        assertTrue(message.contains("at line 2 (byte offset 2 after decompression)"), message);
        String cut = assertThrows(Utf8Reader.BadTextException.class, () -> readAll(
                new Utf8Reader(new ByteArrayInputStream(bytes("x\n", 0xC3)), "t.csv.gz", true), 8)).getMessage();
        assertTrue(cut.contains("(byte offset 2 after decompression) is not valid UTF-8 (the decompressed data end"
                + " inside a multi-byte character)"), cut);
    }
}
