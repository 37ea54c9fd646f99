package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plain file read in stretches on several threads reads as one pass would: the same table, and
 * mistakes named at the file's row, line and byte offset, whichever stretch they are in.
 */
class TableStretchesTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads in stretches of {@code partBytes}. */
    private static Table read(Path file, long partBytes, String... categorical) {
        return Ingest.read(file, ',', Set.of(categorical), partBytes);
    }

    private static String fails(Path file, long partBytes) {
        return assertThrows(IllegalArgumentException.class, () -> read(file, partBytes)).getMessage();
    }

    /** The message of a read in one stretch; and the same in stretches of 1, 7 and 40 bytes. */
    private static String sameMessageInStretches(Path file) {
        String whole = fails(file, Long.MAX_VALUE);
        for (long partBytes : new long[] {1, 7, 40}) {
            assertEquals(whole, fails(file, partBytes), "stretches of " + partBytes);
        }
        return whole;
    }

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
                    assertEquals(Double.doubleToRawLongBits(e.number(i)), Double.doubleToRawLongBits(a.number(i)));
                }
            }
        }
    }

    private static String rows(int n) {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < n; i++) {
            text.append(i).append(',').append(i % 3 == 0 ? "x" : "y").append('\n');
        }
        return text.toString();
    }

    @Test
    void aBadByteInALaterStretchNamesItsLineAndOffsetInTheFile() throws IOException {
        byte[] prefix = rows(50).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + 3);
        bytes[prefix.length] = '1';
        bytes[prefix.length + 1] = (byte) 0xE9;
        bytes[prefix.length + 2] = '\n';
        Path file = write("late.csv", bytes);
        assertTrue(sameMessageInStretches(file).contains("byte 0xE9 at line 52 (byte offset " + (prefix.length + 1)
                + ")"));
    }

    @Test
    void aNulByteInALaterStretch() throws IOException {
        byte[] prefix = rows(30).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + 2);
        bytes[prefix.length + 1] = '\n';
        Path file = write("nul.csv", bytes);
        assertEquals(file + " is binary, not delimited text: a NUL byte at line 32 (byte offset " + prefix.length
                + ")", sameMessageInStretches(file));
    }

    @Test
    void badBytesComeBeforeARaggedRowInAnEarlierStretch() throws IOException {
        byte[] prefix = (rows(5) + "1,2,3\n" + rows(40).substring(4)).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + 2);
        bytes[prefix.length] = (byte) 0xFF;
        bytes[prefix.length + 1] = '\n';
        Path file = write("both.csv", bytes);
        assertTrue(sameMessageInStretches(file).contains("byte 0xFF at line 48"), "text that cannot be read, first");
    }

    @Test
    void aRaggedRowInALaterStretch() throws IOException {
        Path file = write("ragged.csv", rows(60) + "7\n" + rows(3).substring(4));
        assertEquals(file + ", row 61: 1 cell, but the header has 2 columns", sameMessageInStretches(file));
    }

    @Test
    void anInfiniteValueInALaterStretch() throws IOException {
        Path file = write("inf.csv", rows(60).replace("\n", ",1\n").replace("a,b,1", "a,b,c") + "1,x,-Infinity\n");
        assertEquals(file + ", row 61, column 'c': '-Infinity' is infinite; infinite values are not data (write NA"
                + " for a missing value)", sameMessageInStretches(file));
    }

    @Test
    void anUnclosedQuoteAtTheEnd() throws IOException {
        Path file = write("open.csv", rows(20) + "3,\"never\nclosed\n");
        assertEquals("cannot parse " + file + ": it ends inside a quoted cell (no quote closes the one that opens"
                + " it), in the record that starts on line 22", sameMessageInStretches(file));
    }

    @Test
    void aCharacterAfterAClosingQuote() throws IOException {
        Path file = write("after.csv", rows(20) + "3,\"x\"y\n");
        assertEquals("cannot parse " + file + ": Unexpected character after closing quote: 'y' (0x79), in the"
                + " record that starts on line 22", sameMessageInStretches(file));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 5, 16, 33})
    void quotedLineBreaksAndSpacesAroundQuotesReadAsInOnePass(long partBytes) throws IOException {
        String text = "id,\"note, long\",n\r\n1,\"a\nb\",1\r\n2, \"c,\r\nd\" ,2\r\n\r\n"
                + "3,\"\"\"q\"\"\",3\r\n4,e\"f,4\r\n";
        Path file = write("q.csv", text);
        Table t = read(file, partBytes);
        assertSameTable(Table.read(new StringReader(text), file.toString(), ',', null, Set.of()), t);
        assertEquals(List.of("id", "note, long", "n"), t.names());
        assertEquals("a\nb", t.column("note, long").text(0));
        assertEquals("c,\r\nd", t.column("note, long").text(1));
        assertEquals("\"q\"", t.column("note, long").text(2));
        assertEquals("e\"f", t.column("note, long").text(3));
    }

    @Test
    void aColumnOfNumbersThatALaterStretchMakesCategoricalKeepsItsTexts() throws IOException {
        StringBuilder text = new StringBuilder("zip,y\n");
        for (int i = 0; i < 200; i++) {
            text.append(String.format(Locale.ROOT, "%05d", i * 7)).append(',').append(i % 2).append('\n');
        }
        text.append("A-1,1\n");
        Path file = write("zip.csv", text.toString());
        Table t = read(file, 64);
        Column zip = t.column("zip");
        assertFalse(zip.isNumeric());
        assertEquals("00007", zip.text(1), "a cell read as a number in its stretch keeps its text");
        assertEquals("A-1", zip.text(200));
        assertEquals(201, zip.levels(java.util.stream.IntStream.range(0, 201).toArray()).size());
        assertTrue(t.column("y").isNumeric());
    }

    @Test
    void aFileOfSeveralMegabytesIsReadInParallelAsInOnePass() throws IOException {
        StringBuilder text = new StringBuilder("y,x1,x2,g\n");
        Random random = new Random(5);
        while (text.length() < 3 * Ingest.MIN_PART_BYTES + 12345) {
            text.append(random.nextInt(2)).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", random.nextGaussian())).append(',')
                    .append(random.nextInt(50) == 0 ? "NA" : Double.toString(random.nextDouble())).append(',')
                    .append((char) ('a' + random.nextInt(5))).append('\n');
        }
        Path file = write("big.csv", text.toString());
        assertTrue(Ingest.partBytes(file) == Ingest.MIN_PART_BYTES, "several stretches");
        assertSameTable(Table.read(new StringReader(text.toString()), file.toString(), ',', null, Set.of()),
                Table.read(file, Set.of()));
    }

    @Test
    void aGzipHeaderWithADifferentName() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(rows(3).getBytes(StandardCharsets.UTF_8));
        }
        Path file = write("plain-name.csv", out.toByteArray());
        assertEquals(3, Table.read(file, Set.of()).rows(), "gzip by its bytes, not its name");
    }
}
