package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The typed reader against the reader before it ({@link CommonsCsvReference}) on random texts: numbers
 * in every form, missing cells, labels, quoted cells holding delimiters, quotes and line breaks, white
 * space around cells and quotes, empty lines, CRLF and CR line ends, a byte-order mark, ragged rows,
 * infinite values and forced categorical columns. Each text is read as a plain file cut into stretches
 * of a few bytes (so that stretches start inside quoted cells, on empty lines and between CR and LF),
 * as a gzip file and from a {@link java.io.Reader}; every read must give the same table as the reader
 * before, or the same message.
 */
class TableAgainstReferenceTest {

    /** A generated text, with the columns to force categorical. */
    record Case(String text, char delimiter, Set<String> categorical) {
        @Override
        public String toString() {
            return "delimiter '" + delimiter + "', categorical " + categorical + ":\n" + text;
        }
    }

    @Provide
    Arbitrary<Case> texts() {
        Arbitrary<Character> delimiter = Arbitraries.of(',', ',', '\t', ';');
        return delimiter.flatMap(d -> Combinators.combine(
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 14),
                Arbitraries.of("\n", "\n", "\r\n", "\r"),
                Arbitraries.of(false, false, false, true),
                Arbitraries.of(false, true),
                Arbitraries.randoms())
                .as((columns, rows, newline, bom, forced, random) -> text(d, columns, rows, newline, bom, forced,
                        random)));
    }

    /** A text of {@code rows} rows; each column is numeric with a text cell now and then, or text. */
    private static Case text(char delimiter, int columns, int rows, String newline, boolean bom, boolean forced,
                             java.util.Random random) {
        StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
        List<String> header = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            header.add(random.nextInt(4) == 0 ? quote(" c" + j + " ") : "c" + j);
        }
        text.append(String.join(String.valueOf(delimiter), header)).append(newline);
        boolean[] textColumn = new boolean[columns];
        for (int j = 0; j < columns; j++) {
            textColumn[j] = random.nextInt(3) == 0;
        }
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(8) == 0) {
                text.append(newline);
            }
            int cells = random.nextInt(40) == 0 ? columns + random.nextInt(3) - 1 : columns;
            List<String> row = new ArrayList<>();
            for (int j = 0; j < Math.max(cells, 1); j++) {
                row.add(cell(delimiter, j < columns && textColumn[j], random));
            }
            text.append(String.join(String.valueOf(delimiter), row));
            if (i < rows - 1 || random.nextBoolean()) {
                text.append(newline);
            }
        }
        Set<String> categorical = forced && columns > 1 ? Set.of("c" + random.nextInt(columns)) : Set.of();
        return new Case(text.toString(), delimiter, categorical);
    }

    private static final String[] NUMBERS = {"0", "1", "-2", "+3", "007", "00202", "1.5", "-0.25", ".5", "5.", "1e3",
        "2E-2", "-1.5e+1", "1e-400", "123456789012345678901234567890", "0.1", "3.000", "-0", "1e22", "4.35"};
    private static final String[] WORDS = {"a", "b", "B", "x y", "1f", "0x10", "Inf", "-inf", "1e400", "é", "東京",
        "x,y", "x;y", "a\tb", "say \"hi\"", "two\nlines", "cr\r\nlf", "\u00A0nbsp"};
    private static final String[] MISSING = {"", "NA", "?", "NaN", " "};

    private static String cell(char delimiter, boolean textColumn, java.util.Random random) {
        int kind = random.nextInt(20);
        String cell;
        if (kind < 3) {
            cell = MISSING[random.nextInt(MISSING.length)];
        } else if (textColumn ? kind < 6 : kind < 18) {
            cell = NUMBERS[random.nextInt(NUMBERS.length)];
        } else {
            cell = WORDS[random.nextInt(WORDS.length)];
        }
        boolean mustQuote = cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        if (mustQuote || random.nextInt(6) == 0) {
            cell = quote(random.nextInt(5) == 0 ? " " + cell + " " : cell);
            if (random.nextInt(6) == 0) {
                cell = " " + cell;
            }
            if (random.nextInt(6) == 0) {
                cell = cell + (delimiter == '\t' ? " " : "\t");
            }
        } else if (random.nextInt(5) == 0 && !cell.isEmpty()) {
            cell = " " + cell + (delimiter == '\t' ? "  " : "\t");
        }
        return cell;
    }

    private static String quote(String cell) {
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    @Property(tries = 300)
    void everyReadGivesWhatTheReaderBeforeGave(@ForAll("texts") Case c, @ForAll @IntRange(min = 1, max = 64)
                                               int partBytes) throws IOException {
        Path dir = Files.createTempDirectory("table-ref");
        try {
            Path plain = dir.resolve("t.csv");
            Files.writeString(plain, c.text(), StandardCharsets.UTF_8);
            Path gzip = dir.resolve("t.csv.gz");
            Files.write(gzip, gzip(c.text().getBytes(StandardCharsets.UTF_8)));
            String name = plain.toString();
            check(c, name, () -> Ingest.read(plain, c.delimiter(), c.categorical(), partBytes));
            check(c, name, () -> Table.read(plain, c.delimiter(), c.categorical()));
            check(c, gzip.toString(), () -> Table.read(gzip, c.delimiter(), c.categorical()));
            check(c, name, () -> Table.read(new StringReader(c.text()), name, c.delimiter(), null, c.categorical()));
        } finally {
            for (Path p : List.of(dir.resolve("t.csv"), dir.resolve("t.csv.gz"), dir)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void check(Case c, String name, Supplier<Table> read) {
        CommonsCsvReference.Result reference = CommonsCsvReference.read(c.text(), name, c.delimiter(),
                c.categorical());
        if (reference.error() != null) {
            String message = assertThrows(IllegalArgumentException.class, read::get).getMessage();
            if (reference.syntaxError()) {
                assertTrue(message.startsWith("cannot parse " + name + ": "), message);
            } else {
                assertEquals(reference.error(), message);
            }
            return;
        }
        Table t = read.get();
        assertEquals(reference.names(), t.names());
        assertEquals(reference.rows(), t.rows());
        assertEquals(0, t.firstRow());
        int[] all = new int[t.rows()];
        Arrays.setAll(all, i -> i);
        for (CommonsCsvReference.RefColumn e : reference.columns()) {
            Column a = t.column(e.name());
            assertEquals(e.numeric(), a.isNumeric(), e.name());
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < t.rows(); i++) {
                String where = e.name() + ", row " + i;
                assertEquals(e.text()[i] == null, a.isMissing(i), where);
                if (e.numeric()) {
                    assertEquals(Double.doubleToRawLongBits(e.numbers()[i]), Double.doubleToRawLongBits(a.number(i)),
                            where);
                    assertEquals(e.text()[i] == null ? null : Numbers.text(e.numbers()[i]), a.text(i), where);
                } else {
                    assertEquals(e.text()[i], a.text(i), where);
                }
                if (a.text(i) != null && !texts.contains(a.text(i))) {
                    texts.add(a.text(i));
                }
            }
            texts.sort(null);
            assertEquals(texts, a.levels(all), e.name());
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
