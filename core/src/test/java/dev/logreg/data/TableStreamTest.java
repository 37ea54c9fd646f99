package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streaming a file in chunks: chunk sizes, chunks that put together are the table read whole (plain
 * files in many stretches, gzip files), the types the first chunk decides, mistakes named at the
 * file's row, and memory bounded by a few chunks (a JVM with a 64 MB heap streams a file whose table
 * would not fit in it).
 */
class TableStreamTest {

    /** The data rows of {@link #sample}. */
    private static final int ROWS = 500;
    /** Stretches of the plain file parsed at a time, small enough that the sample is many. */
    private static final long SMALL_PARTS = 700;

    @TempDir
    Path dir;

    /**
     * Numbers, a label column, a column of numbers that a later row makes categorical, quoted cells with
     * delimiters and line breaks, missing cells and an empty line now and then.
     */
    private static String sample() {
        StringBuilder text = new StringBuilder("y,x,town,zip,note\n");
        String[] towns = {"Zürich", "Genève", "\"Kraków, PL\"", "NA", "东京"};
        Random random = new Random(7);
        for (int i = 0; i < ROWS; i++) {
            text.append(i % 2).append(',')
                    .append(i % 13 == 0 ? "?" : String.format(Locale.ROOT, "%.6f", random.nextGaussian())).append(',')
                    .append(towns[i % towns.length]).append(',')
                    .append(i == 350 ? "A12" : String.format(Locale.ROOT, "%05d", random.nextInt(100000))).append(',')
                    .append(i % 50 == 0 ? "\"two\nlines\"" : "plain").append('\n');
            if (i % 97 == 0) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<Table> chunks(Path file, int chunkRows, long partBytes, String... categorical) {
        List<Table> chunks = new ArrayList<>();
        Ingest.stream(file, ',', Set.of(categorical), chunkRows, chunks::add, partBytes);
        return chunks;
    }

    /** Each chunk's rows are the whole table's rows from its first row on, with the same types and texts. */
    private static void assertChunksAreTheTable(Table whole, List<Table> chunks, int chunkRows) {
        int row = 0;
        for (int k = 0; k < chunks.size(); k++) {
            Table chunk = chunks.get(k);
            assertEquals(whole.names(), chunk.names());
            assertEquals(row, chunk.firstRow(), "chunk " + k);
            assertTrue(chunk.rows() >= 1 && chunk.rows() <= chunkRows, "chunk " + k + ": " + chunk.rows());
            if (k < chunks.size() - 1) {
                assertEquals(chunkRows, chunk.rows(), "every chunk but the last is full");
            }
            assertEquals(whole.source(), chunk.source());
            for (String name : whole.names()) {
                Column w = whole.column(name);
                Column c = chunk.column(name);
                assertEquals(w.type(), c.type(), name);
                for (int i = 0; i < chunk.rows(); i++) {
                    assertEquals(w.text(row + i), c.text(i), name + ", row " + (row + i));
                    if (w.isNumeric()) {
                        assertEquals(Double.doubleToRawLongBits(w.number(row + i)),
                                Double.doubleToRawLongBits(c.number(i)), name + ", row " + (row + i));
                    }
                }
            }
            row += chunk.rows();
        }
        assertEquals(whole.rows(), row);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 300, ROWS, ROWS + 5})
    void chunksPutTogetherAreTheTable(int chunkRows) throws IOException {
        Path file = write("s.csv", sample());
        Table whole = Table.read(file, Set.of());
        assertEquals(Column.Type.CATEGORICAL, whole.column("zip").type(), "A12 makes zip categorical");
        List<Table> small = chunks(file, Math.max(chunkRows, 351), SMALL_PARTS);
        assertChunksAreTheTable(whole, small, Math.max(chunkRows, 351));
        assertEquals(Math.max(chunkRows, 351) >= ROWS ? 1 : 2, small.size());
        // A first chunk that ends before row 351 makes zip numeric: named categorical, it is read as labels.
        Table forced = Table.read(file, Set.of("zip"));
        assertChunksAreTheTable(forced, chunks(file, chunkRows, SMALL_PARTS, "zip"), chunkRows);
        assertChunksAreTheTable(forced, chunks(file, chunkRows, Ingest.STREAM_PART_BYTES, "zip"), chunkRows);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 64, ROWS + 1})
    void aGzipFileStreamsInChunksToo(int chunkRows) throws IOException {
        Path gz = dir.resolve("s.csv.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(sample().getBytes(StandardCharsets.UTF_8));
        }
        Files.write(gz, bytes.toByteArray());
        List<Table> chunks = new ArrayList<>();
        Table.stream(gz, ',', Set.of("zip"), chunkRows, chunks::add);
        assertChunksAreTheTable(Table.read(gz, Set.of("zip")), chunks, chunkRows);
    }

    @Test
    void theFirstChunkDecidesTheTypes() throws IOException {
        Path file = write("s.csv", sample());
        List<Table> before = new ArrayList<>();
        String message = assertThrows(IllegalArgumentException.class,
                () -> Ingest.stream(file, ',', Set.of(), 100, before::add, SMALL_PARTS)).getMessage();
        assertEquals(file + ", row 351, column 'zip': 'A12' is not a number, but the first rows of " + file
                + " made 'zip' numeric; name the column as categorical (on the command line: --categorical zip)"
                + " to read it as labels", message);
        assertEquals(3, before.size(), "the chunks before the one with row 351 were handed over");
        assertTrue(before.get(0).column("zip").isNumeric());
    }

    @Test
    void aColumnTheFirstChunkReadsAsTextKeepsTheTextOfItsNumbers() throws IOException {
        Path file = write("z.csv", "z,y\n007,1\n7,0\nx,1\n7.0,0\n");
        List<Table> chunks = new ArrayList<>();
        Table.stream(file, ',', null, 3, chunks::add);
        assertEquals(2, chunks.size());
        Column z = chunks.get(0).column("z");
        assertEquals(Column.Type.CATEGORICAL, z.type());
        assertEquals(List.of("007", "7", "x"), z.levels(new int[] {0, 1, 2}));
        assertEquals("7.0", chunks.get(1).column("z").text(0), "a later chunk's cells are labels from the start");
    }

    @Test
    void aRaggedRowIsNamedAtItsRowInTheFile() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 40; i++) {
            text.append(i).append(',').append(i).append('\n');
        }
        text.append("1,2,3\n5,6\n");
        Path file = write("r.csv", text.toString());
        List<Table> chunks = new ArrayList<>();
        String message = assertThrows(IllegalArgumentException.class,
                () -> Ingest.stream(file, ',', Set.of(), 16, chunks::add, 64)).getMessage();
        assertEquals(file + ", row 41: 3 cells, but the header has 2 columns", message);
        assertEquals(2, chunks.size(), "rows 1-32 were handed over");
        String whole = assertThrows(IllegalArgumentException.class, () -> Table.read(file, Set.of())).getMessage();
        assertEquals(whole, message, "the message of a whole read");
    }

    @Test
    void anInfiniteValueInALaterChunkIsNamedAtItsRow() throws IOException {
        Path file = write("i.csv", "a,b\n1,2\n3,4\n5,6\n7,Inf\n");
        String message = assertThrows(IllegalArgumentException.class,
                () -> Table.stream(file, ',', Set.of(), 2, chunk -> { })).getMessage();
        assertEquals(file + ", row 4, column 'b': 'Inf' is infinite; infinite values are not data (write NA for a"
                + " missing value)", message);
    }

    @Test
    void messagesOfADesignOnAChunkNameTheFilesRow() throws IOException {
        Path file = write("w.csv", "y,x,w\n0,1,1\n1,2,1\n0,3,1\n1,4,-2\n");
        List<String> messages = new ArrayList<>();
        Table.stream(file, ',', Set.of(), 2, chunk -> {
            try {
                Design.build(chunk, new ModelSpec("y", List.of("x"), null, "w"));
            } catch (IllegalArgumentException e) {
                messages.add(e.getMessage());
            }
        });
        assertEquals(List.of(file + ", row 4, column 'w': weight -2 is negative"), messages);
    }

    @Test
    void headerMistakesAndArguments() throws IOException {
        Path file = write("h.csv", "a,a\n1,2\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Table.stream(file, ',', Set.of(), 5,
                chunk -> { })).getMessage().contains("twice"));
        Path empty = write("e.csv", "a,b\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Table.stream(empty, ',', Set.of(), 5,
                chunk -> { })).getMessage().contains("no data rows"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Table.stream(write("c.csv", "a,b\n1,2\n"),
                ',', Set.of("c"), 5, chunk -> { })).getMessage().contains("unknown column 'c'"));
        assertThrows(IllegalArgumentException.class, () -> Table.stream(file, ',', Set.of(), 0, chunk -> { }));
        assertThrows(IllegalArgumentException.class, () -> Table.stream(file, ',', Set.of(), 1, null));
        assertThrows(IllegalArgumentException.class, () -> Table.stream(dir.resolve("none.csv"), ',', Set.of(), 1,
                chunk -> { }));
    }

    @Test
    void aWholeTableStartsAtRowZero() throws IOException {
        assertEquals(0, Table.read(write("s.csv", sample()), Set.of()).firstRow());
    }

    // ---- bounded memory ----

    /** Rows and numeric columns of the file the small-heap JVM streams: 64 MB of doubles as a table. */
    private static final int BIG_ROWS = 200_000;
    private static final int BIG_COLUMNS = 40;

    @Test
    void aFileLargerThanTheHeapStreamsInAJvmWithA64MegabyteHeap() throws IOException, InterruptedException {
        Path data = dir.resolve("big.csv");
        Random random = new Random(11);
        double sum = 0;
        try (Writer out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder("y");
            for (int j = 1; j < BIG_COLUMNS; j++) {
                line.append(",x").append(j);
            }
            out.write(line.append('\n').toString());
            for (int i = 0; i < BIG_ROWS; i++) {
                line.setLength(0);
                String x = String.format(Locale.ROOT, "%.4f", random.nextGaussian());
                sum += Double.parseDouble(x);
                line.append(random.nextInt(2)).append(',').append(x);
                for (int j = 2; j < BIG_COLUMNS; j++) {
                    line.append(',').append(random.nextInt(1_000_000_000));
                }
                out.write(line.append('\n').toString());
            }
        }
        assertTrue(Files.size(data) > 64L << 20, "the file is larger than the heap: " + Files.size(data));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                StreamSum.class.getName(), data.toString(), "x1", "10000")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        assertEquals(BIG_ROWS + " rows, sum " + sum, out);
    }
}
