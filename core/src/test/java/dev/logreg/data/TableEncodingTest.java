package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading files byte by byte: bytes that are not UTF-8, NUL bytes (binary files), gzip-compressed
 * files, UTF-16 and unreadable files.
 */
class TableEncodingTest {

    /** A read that hangs or reads an endless stream to the end fails here instead. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** The UTF-8 bytes of {@code text}, then the raw {@code more} bytes. */
    private static byte[] bytes(String text, int... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        for (int b : more) {
            out.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static String fails(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> Table.read(file, Set.of())).getMessage();
    }

    /** Same names, rows, types, cell texts and numbers (bit for bit). */
    private static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.names(), actual.names());
        assertEquals(expected.rows(), actual.rows());
        for (String name : expected.names()) {
            Column e = expected.column(name);
            Column a = actual.column(name);
            assertEquals(e.type(), a.type(), name);
            for (int i = 0; i < expected.rows(); i++) {
                assertEquals(e.text(i), a.text(i), name + ", row " + i);
                if (e.isNumeric()) {
                    assertEquals(Double.doubleToLongBits(e.number(i)), Double.doubleToLongBits(a.number(i)),
                            name + ", row " + i);
                }
            }
        }
    }

    /** 2000 rows of UTF-8 text with numeric, categorical and missing cells: more than one buffer of bytes. */
    private static String sample() {
        StringBuilder text = new StringBuilder("y,größe,stadt\n");
        String[] towns = {"Zürich", "Genève", "Kraków", "東京", "NA"};
        for (int i = 0; i < 2000; i++) {
            text.append(i % 2).append(',').append(i * 0.25).append(',').append(towns[i % towns.length]).append('\n');
        }
        return text.toString();
    }

    // ---- bytes that are not UTF-8 ----

    @Test
    void latin1ByteNamesLineOffsetAndValue() throws IOException {
        byte[] latin1 = "x,z,y\n1,a,0\n2,b,1\n3,café,0\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("latin1.csv", latin1);
        int offset = 23;
        assertEquals((byte) 0xE9, latin1[offset], "the test's own arithmetic");
        assertEquals(file + " is not UTF-8 text: byte 0xE9 at line 4 (byte offset " + offset + ") is not valid"
                + " UTF-8; if the file is Latin-1 or Windows-1252, convert it (iconv -f windows-1252 -t utf-8)",
                fails(file));
    }

    @Test
    void invalidByteFarIntoTheFile() throws IOException {
        // 5000 CRLF rows (many read buffers), then a Windows-1252 en dash (0x96) on line 5002.
        StringBuilder text = new StringBuilder("a,b\r\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",é").append(i % 7).append("\r\n");
        }
        byte[] prefix = bytes(text.toString());
        byte[] file = Arrays.copyOf(prefix, prefix.length + 4);
        file[prefix.length] = '1';
        file[prefix.length + 1] = ',';
        file[prefix.length + 2] = (byte) 0x96;
        file[prefix.length + 3] = '\n';
        String message = fails(write("late.csv", file));
        assertTrue(message.contains("byte 0x96 at line 5002 (byte offset " + (prefix.length + 2) + ")"), message);
    }

    @Test
    void lineNumbersCountLinesInsideQuotedCellsAndBlankLines() throws IOException {
        // Physical lines: the quoted cell spans lines 2-3, line 4 is blank, the bad byte is on line 5.
        String message = fails(write("quoted.csv", bytes("a,b\n\"two\nlines\",1\n\n2,", 0xFC, '\n')));
        assertTrue(message.contains("byte 0xFC at line 5 (byte offset 21)"), message);
    }

    @Test
    void truncatedCharacterAtTheEndOfTheFile() throws IOException {
        // "€" is 0xE2 0x82 0xAC; the file stops after two of its three bytes.
        String message = fails(write("cut.csv", bytes("a,b\n1,2\n3,", 0xE2, 0x82)));
        assertTrue(message.contains("is not UTF-8 text: bytes 0xE2 0x82 at line 3 (byte offset 10) are not valid"
                + " UTF-8 (the file ends inside a multi-byte character)"), message);
    }

    @Test
    void utf16IsNamed() throws IOException {
        byte[] utf16 = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] file = new byte[utf16.length + 2];
        file[0] = (byte) 0xFF;
        file[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, file, 2, utf16.length);
        Path path = write("utf16.csv", file);
        assertEquals(path + " is UTF-16 text, not UTF-8 (it starts with the byte-order mark 0xFF 0xFE); convert it"
                + " (iconv -f utf-16 -t utf-8)", fails(path));
    }

    @Test
    void validUtf8IsReadAsBefore() throws IOException {
        Path file = write("ok.csv", bytes(sample()));
        Table t = Table.read(file, Set.of());
        assertSameTable(Table.read(new StringReader(sample()), file.toString(), ',', null, Set.of()), t);
        assertEquals(List.of("Genève", "Kraków", "Zürich", "東京"), t.column("stadt").levels(allRows(t)));
    }

    // ---- binary data ----

    @Test
    void nulByteIsBinary() throws IOException {
        Path file = write("nul.csv", bytes("a,b\n1,2\n3,", 0, '\n'));
        assertEquals(file + " is binary, not delimited text: a NUL byte at line 3 (byte offset 10)", fails(file));
    }

    @Test
    void devZeroFailsFast() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        String message = assertTimeoutPreemptively(FAIL_FAST, () -> fails(zero));
        assertEquals("/dev/zero is binary, not delimited text: a NUL byte at line 1 (byte offset 0)", message);
    }

    @Test
    void randomBytesFailFast() throws IOException {
        byte[] noise = new byte[1 << 20];
        new Random(20240612L).nextBytes(noise);
        Path file = write("noise.bin", noise);
        String message = assertTimeoutPreemptively(FAIL_FAST, () -> fails(file));
        Pattern expected = Pattern.compile(Pattern.quote(file.toString())
                + "( is not UTF-8 text: bytes? 0x\\p{XDigit}{2}.* at line \\d+ \\(byte offset \\d+\\)"
                + " (is|are) not valid UTF-8;.*"
                + "| is binary, not delimited text: a NUL byte at line \\d+ \\(byte offset \\d+\\))");
        assertTrue(expected.matcher(message).matches(), message);
    }

    // ---- gzip ----

    @Test
    void gzipFileIsTheSameTable() throws IOException {
        byte[] plain = bytes("\uFEFF" + sample());
        Table expected = Table.read(write("plain.csv", plain), Set.of());
        Path gz = write("data.csv.gz", gzip(plain));
        assertSameTable(expected, Table.read(gz, Set.of()));
        assertEquals(gz.toString(), Table.read(gz, Set.of()).source());
        // By content, not by name.
        assertSameTable(expected, Table.read(write("compressed.csv", gzip(plain)), Set.of()));
    }

    @Test
    void gzipTabSeparated() throws IOException {
        Path gz = write("data.tsv.gz", gzip(bytes("a\tb\n1,5\tx\n")));
        Table t = Table.read(gz, '\t', Set.of());
        assertEquals(List.of("a", "b"), t.names());
        assertEquals("1,5", t.column("a").text(0));
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] whole = gzip(bytes(sample()));
        Path file = write("cut.csv.gz", Arrays.copyOf(whole, whole.length / 2));
        assertEquals("cannot decompress " + file + ": the compressed data end unexpectedly (is the file truncated?)",
                fails(file));
        Path magicOnly = write("magic.csv", new byte[] {0x1F, (byte) 0x8B});
        assertTrue(fails(magicOnly).startsWith("cannot decompress " + magicOnly + ": "), fails(magicOnly));
    }

    @Test
    void corruptGzip() throws IOException {
        byte[] whole = gzip(bytes(sample()));
        byte[] badCrc = whole.clone();
        badCrc[whole.length - 8] ^= 0x55;   // the trailer's CRC-32 of the data
        Path file = write("crc.csv.gz", badCrc);
        assertEquals("cannot decompress " + file + ": Corrupt GZIP trailer", fails(file));
        byte[] badMethod = whole.clone();
        badMethod[2] = 7;                   // compression method: only 8 (deflate) exists
        Path method = write("method.csv.gz", badMethod);
        assertTrue(fails(method).startsWith("cannot decompress " + method + ": "), fails(method));
    }

    @Test
    void latin1InsideGzipNamesTheDecompressedOffset() throws IOException {
        Path file = write("latin1.csv.gz", gzip("x\ncafé\n".getBytes(StandardCharsets.ISO_8859_1)));
        String message = fails(file);
        assertTrue(message.startsWith(file + " is not UTF-8 text: byte 0xE9 at line 2 (byte offset 5 after"
                + " decompression)"), message);
    }

    // ---- short files and unreadable files ----

    @Test
    void emptyAndOneByteFiles() throws IOException {
        assertTrue(fails(write("empty.csv", new byte[0])).contains("is empty"));
        assertTrue(fails(write("one.csv", bytes("a"))).contains("has a header but no data rows"));
        String oneMagicByte = fails(write("gz.csv", new byte[] {0x1F}));
        assertFalse(oneMagicByte.contains("decompress"), "0x1F alone is not gzip: " + oneMagicByte);
    }

    @Test
    void permissionDeniedIsSaidInWords() {
        assertEquals("permission denied", TextFile.reason(new AccessDeniedException("/x/data.csv")));
    }

    @Test
    void unreadableFile() throws IOException {
        Path file = write("secret.csv", bytes("a\n1\n"));
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "no POSIX permissions");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "this user reads files without read permission (root)");
        assertEquals("cannot read " + file + ": permission denied", fails(file));
    }

    private static int[] allRows(Table t) {
        int[] rows = new int[t.rows()];
        Arrays.setAll(rows, i -> i);
        return rows;
    }
}
