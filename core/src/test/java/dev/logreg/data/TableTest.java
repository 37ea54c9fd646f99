package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading tables: header, missing cells, column types, infinite values and malformed input. */
class TableTest {

    @TempDir
    Path dir;

    /** Reads comma-separated text with a header row. */
    static Table csv(String text, String... categorical) {
        return Table.read(new StringReader(text), "test.csv", ',', null, Set.of(categorical));
    }

    /** Expects the read to fail and returns the message. */
    static String fails(String text, String... categorical) {
        return assertThrows(IllegalArgumentException.class, () -> csv(text, categorical)).getMessage();
    }

    static int[] all(Table t) {
        int[] rows = new int[t.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }

    // ---- header and shape ----

    @Test
    void headerNamesInFileOrder() {
        Table t = csv("zeta,alpha,mid\n1,2,3\n4,5,6\n");
        assertEquals(List.of("zeta", "alpha", "mid"), t.names());
        assertEquals(2, t.rows());
        assertEquals("test.csv", t.source());
        assertTrue(t.has("alpha"));
        assertFalse(t.has("beta"));
        assertEquals("alpha", t.column("alpha").name());
        assertEquals(1.0, t.column("zeta").number(0), 0.0);
        assertEquals(4.0, t.column("zeta").number(1), 0.0);
        assertEquals(2.0, t.column("alpha").number(0), 0.0);
        assertEquals(6.0, t.column("mid").number(1), 0.0);
    }

    @Test
    void headerNamesAreTrimmed() {
        Table t = csv(" a ,\tb\n1,2\n");
        assertEquals(List.of("a", "b"), t.names());
    }

    @Test
    void namesListIsACopy() {
        Table t = csv("a,b\n1,2\n");
        assertThrows(UnsupportedOperationException.class, () -> t.names().add("c"));
        assertEquals(List.of("a", "b"), t.names());
    }

    @Test
    void unknownColumnNamesTheColumnsThereAre() {
        Table t = csv("a,b\n1,2\n");
        String message = assertThrows(IllegalArgumentException.class, () -> t.column("c")).getMessage();
        assertTrue(message.contains("'c'"), message);
        assertTrue(message.contains("a, b"), message);
    }

    @Test
    void crlfLineEndingsAndBlankLinesAreAccepted() {
        Table t = csv("a,b\r\n1,2\r\n\r\n3,4\r\n");
        assertEquals(2, t.rows());
        assertEquals(3.0, t.column("a").number(1), 0.0);
        assertEquals(4.0, t.column("b").number(1), 0.0);
    }

    @Test
    void lastLineWithoutNewline() {
        Table t = csv("a\n1\n2");
        assertEquals(2, t.rows());
        assertEquals(2.0, t.column("a").number(1), 0.0);
    }

    // ---- missing values ----

    @Test
    void missingTokens() {
        Table t = csv("x,y\n?,a\nNA,b\nNaN,c\n,d\n 7 ,e\n  ,f\n");
        Column x = t.column("x");
        assertTrue(x.isNumeric());
        assertEquals(6, x.size());
        for (int i = 0; i < 4; i++) {
            assertTrue(x.isMissing(i), "row " + i);
            assertNull(x.text(i), "row " + i);
            assertTrue(Double.isNaN(x.number(i)), "row " + i);
        }
        assertFalse(x.isMissing(4));
        assertEquals("7", x.text(4));
        assertEquals(7.0, x.number(4), 0.0);
        assertTrue(x.isMissing(5), "white space only is empty after trimming");
        assertEquals(5, x.missing());
        assertEquals(0, t.column("y").missing());
    }

    @Test
    void missingTokensSurroundedBySpacesAreMissing() {
        Table t = csv("x,y\n  NA ,1\n ? ,2\n\tNaN\t,3\n4,4\n");
        Column x = t.column("x");
        assertEquals(3, x.missing());
        assertTrue(x.isMissing(0));
        assertTrue(x.isMissing(1));
        assertTrue(x.isMissing(2));
        assertTrue(x.isNumeric());
        assertEquals(4.0, x.number(3), 0.0);
    }

    @Test
    void missingCellsInCategoricalColumn() {
        // In a one-column file an empty cell must be quoted: an empty line is skipped.
        Table t = csv("c\nred\nNA\n?\n\"\"\nblue\n");
        Column c = t.column("c");
        assertEquals(5, t.rows());
        assertFalse(c.isNumeric());
        assertEquals(Column.Type.CATEGORICAL, c.type());
        assertEquals(3, c.missing());
        assertEquals(List.of("blue", "red"), c.levels(all(t)));
    }

    @Test
    void columnOfOnlyMissingCellsIsNumericAndAllNaN() {
        Table t = csv("a,b\n1,NA\n2,?\n");
        Column b = t.column("b");
        assertTrue(b.isNumeric());
        assertEquals(2, b.missing());
        assertTrue(Double.isNaN(b.number(0)));
        assertTrue(Double.isNaN(b.number(1)));
        assertEquals(List.of(), b.levels(all(t)));
    }

    // ---- numbers and types ----

    @Test
    void leadingZerosAreNumeric() {
        Column c = csv("zip\n00202\n10\n").column("zip");
        assertTrue(c.isNumeric());
        assertEquals(202.0, c.number(0), 0.0);
        assertEquals("202", c.text(0), "a numeric cell's text is the canonical text of its value");
    }

    @Test
    void decimalNumberForms() {
        Column c = csv("v\n12\n-0.5\n1e-3\n+3\n.25\n5.\n2E2\n-1.5e+1\n1e-400\n").column("v");
        assertTrue(c.isNumeric());
        double[] expected = {12, -0.5, 1e-3, 3, 0.25, 5, 200, -15, 0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], c.number(i), 0.0, "row " + i);
        }
    }

    @Test
    void anyNonNumberMakesTheColumnCategorical() {
        Table t = csv("a,b\n1,1\n2,2\n3,x\n");
        assertTrue(t.column("a").isNumeric());
        Column b = t.column("b");
        assertFalse(b.isNumeric());
        assertEquals("1", b.text(0));
        assertEquals("x", b.text(2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.number(0));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1f", "0x10", "1d", "1F", "2D", "0x1p3", "1e", "e5", ".", "1.2.3", "1_000", "--1",
        "1 2", "nan", "one"})
    void onlyStrictDecimalNumbersAreNumeric(String cell) {
        Column c = csv("v,w\n1,a\n\"" + cell + "\",b\n2,c\n").column("v");
        assertFalse(c.isNumeric(), cell);
        assertEquals(cell, c.text(1));
        assertEquals(List.of("1", cell, "2").stream().sorted().toList(), c.levels(new int[] {0, 1, 2}));
    }

    @Test
    void forcedCategoricalNumericColumn() {
        Table t = csv("rank,gre\n3,380\n1,800\n3,500\n2,640\n", "rank");
        Column rank = t.column("rank");
        assertEquals(Column.Type.CATEGORICAL, rank.type());
        assertFalse(rank.isNumeric());
        assertEquals(List.of("1", "2", "3"), rank.levels(all(t)));
        assertThrows(IllegalStateException.class, () -> rank.number(0));
        assertTrue(t.column("gre").isNumeric(), "only the named column is forced");
    }

    @Test
    void forcedCategoricalKeepsTextAsWritten() {
        Table t = csv("z\n007\n7\n", "z");
        assertEquals(List.of("007", "7"), t.column("z").levels(all(t)),
                "forced categorical cells are labels, not numbers: 007 and 7 differ");
    }

    @Test
    void forcedCategoricalColumnMayHoldInfinity() {
        Table t = csv("z\nInf\n1\n", "z");
        assertEquals(List.of("1", "Inf"), t.column("z").levels(all(t)));
    }

    @Test
    void levelsAreInStringOrderAndDistinct() {
        Table t = csv("c\nb\n10\na\n9\nB\nb\n10\n");
        Column c = t.column("c");
        assertEquals(List.of("10", "9", "B", "a", "b"), c.levels(all(t)));
        assertEquals(List.of("10", "a"), c.levels(new int[] {1, 2, 6}));
        assertEquals(List.of(), c.levels(new int[0]));
    }

    @Test
    void levelsOfTheGivenRowsOnlySkippingMissing() {
        Table t = csv("c\nx\nNA\ny\nz\n");
        assertEquals(List.of("x", "y"), t.column("c").levels(new int[] {0, 1, 2}));
    }

    @Test
    void unknownForcedCategoricalColumn() {
        String message = fails("a,b\n1,2\n", "c");
        assertTrue(message.contains("'c'"), message);
        assertTrue(message.contains("a, b"), message);
    }

    @Test
    void nullCategoricalIsNone() {
        Table t = Table.read(new StringReader("a\n1\n"), "test.csv", ',', null, null);
        assertTrue(t.column("a").isNumeric());
    }

    // ---- infinite values ----

    @ParameterizedTest
    @ValueSource(strings = {"Inf", "-inf", "Infinity", "+INF", "-Infinity", "1e400", "-1e400"})
    void infiniteValuesInANumericColumnAreErrors(String cell) {
        String message = fails("a,b\n1,2\n3,4\n5," + cell + "\n7,8\n");
        assertTrue(message.contains("test.csv"), message);
        assertTrue(message.contains("row 3"), message);
        assertTrue(message.contains("'b'"), message);
        assertTrue(message.contains("'" + cell + "'"), message);
    }

    @Test
    void infiniteValueReportedAtItsOwnRowAndColumn() {
        String message = fails("first,second\nInf,2\n3,4\n");
        assertTrue(message.contains("row 1,"), message);
        assertTrue(message.contains("'first'"), message);
        assertFalse(message.contains("'second'"), message);
    }

    @Test
    void infiniteTextInACategoricalColumnIsALevel() {
        Table t = csv("c\nInf\nred\n");
        assertFalse(t.column("c").isNumeric());
        assertEquals(List.of("Inf", "red"), t.column("c").levels(all(t)));
    }

    // ---- malformed input ----

    @Test
    void raggedRowNamesTheRow() {
        String message = fails("a,b,c\n1,2,3\n4,5,6\n7,8\n");
        assertTrue(message.contains("test.csv"), message);
        assertTrue(message.contains("row 3"), message);
        assertTrue(message.contains("2 cells"), message);
        assertTrue(message.contains("3 columns"), message);
    }

    @Test
    void rowWithTooManyCellsNamesTheRow() {
        String message = fails("a,b\n1,2,3\n");
        assertTrue(message.contains("row 1"), message);
        assertTrue(message.contains("3 cells"), message);
    }

    @Test
    void duplicateHeaderNames() {
        String message = fails("a,b,a\n1,2,3\n");
        assertTrue(message.contains("'a'"), message);
        assertTrue(message.contains("twice"), message);
    }

    @Test
    void duplicateHeaderNamesAfterTrimming() {
        String message = fails("a, a\n1,2\n");
        assertTrue(message.contains("'a'"), message);
    }

    @Test
    void emptyHeaderName() {
        String message = fails("a,,c\n1,2,3\n");
        assertTrue(message.contains("column 2"), message);
    }

    @Test
    void trailingDelimiterInHeaderIsAnEmptyName() {
        String message = fails("a,b,\n1,2,3\n");
        assertTrue(message.contains("column 3"), message);
    }

    @Test
    void emptyInput() {
        String message = fails("");
        assertTrue(message.contains("test.csv"), message);
        assertTrue(message.contains("empty"), message);
    }

    @Test
    void blankLinesOnlyIsEmpty() {
        String message = fails("\n\n\n");
        assertTrue(message.contains("empty"), message);
    }

    @Test
    void headerOnly() {
        String message = fails("a,b\n");
        assertTrue(message.contains("test.csv"), message);
        assertTrue(message.contains("no data rows"), message);
    }

    // ---- quoting and delimiters ----

    @Test
    void quotedCellsWithCommas() {
        Table t = csv("name,\"x,y\"\n\"Smith, J\",1\n\"Doe, \"\"A\"\"\",2\n");
        assertEquals(List.of("name", "x,y"), t.names());
        Column name = t.column("name");
        assertEquals("Smith, J", name.text(0));
        assertEquals("Doe, \"A\"", name.text(1));
        assertEquals(2.0, t.column("x,y").number(1), 0.0);
    }

    @Test
    void quotedCellAfterSpace() {
        Table t = csv("a,b\n1, \"x,y\"\n");
        assertEquals("x,y", t.column("b").text(0));
    }

    @Test
    void quotedNumbersAreNumbers() {
        Column c = csv("v\n\"12\"\n\"3.5\"\n").column("v");
        assertTrue(c.isNumeric());
        assertEquals(3.5, c.number(1), 0.0);
    }

    @Test
    void quotedMissingTokenIsMissing() {
        Column c = csv("v\n\"NA\"\n\"\"\n1\n").column("v");
        assertEquals(2, c.missing());
        assertTrue(c.isNumeric());
    }

    @Test
    void tabDelimiter() {
        Table t = Table.read(new StringReader("a\tb c\n1,5\t x y \n2,5\t?\n"), "test.tsv", '\t', null, Set.of());
        assertEquals(List.of("a", "b c"), t.names());
        Column a = t.column("a");
        assertFalse(a.isNumeric(), "commas are not separators in a tab-separated file");
        assertEquals("1,5", a.text(0));
        assertEquals("x y", t.column("b c").text(0));
        assertTrue(t.column("b c").isMissing(1));
    }

    @Test
    void semicolonDelimiter() {
        Table t = Table.read(new StringReader("a;b\n1;2\n"), "test.csv", ';', null, Set.of());
        assertEquals(List.of("a", "b"), t.names());
        assertEquals(2.0, t.column("b").number(0), 0.0);
    }

    // ---- given header ----

    @Test
    void givenHeaderTakesNoHeaderRowFromTheText() {
        Table t = Table.read(new StringReader("1,x\n2,y\n3,x\n"), "test.csv", ',', List.of("n", "c"), Set.of());
        assertEquals(List.of("n", "c"), t.names());
        assertEquals(3, t.rows(), "the first line is data");
        assertEquals(1.0, t.column("n").number(0), 0.0);
        assertEquals(3.0, t.column("n").number(2), 0.0);
        assertEquals(List.of("x", "y"), t.column("c").levels(all(t)));
    }

    @Test
    void givenHeaderWithForcedCategorical() {
        Table t = Table.read(new StringReader("1,2\n3,4\n"), "test.csv", ',', List.of("p", "q"), Set.of("q"));
        assertTrue(t.column("p").isNumeric());
        assertFalse(t.column("q").isNumeric());
    }

    @Test
    void givenHeaderRaggedRowIsRowOne() {
        String message = assertThrows(IllegalArgumentException.class, () -> Table.read(
                new StringReader("1,2,3\n"), "test.csv", ',', List.of("a", "b"), Set.of())).getMessage();
        assertTrue(message.contains("row 1"), message);
        assertTrue(message.contains("3 cells"), message);
    }

    @Test
    void givenHeaderWithDuplicateName() {
        String message = assertThrows(IllegalArgumentException.class, () -> Table.read(
                new StringReader("1,2\n"), "test.csv", ',', List.of("a", "a"), Set.of())).getMessage();
        assertTrue(message.contains("'a'"), message);
    }

    @Test
    void givenHeaderWithEmptyName() {
        String message = assertThrows(IllegalArgumentException.class, () -> Table.read(
                new StringReader("1,2\n"), "test.csv", ',', List.of("a", ""), Set.of())).getMessage();
        assertTrue(message.contains("column 2"), message);
    }

    @Test
    void givenHeaderWithNoData() {
        String message = assertThrows(IllegalArgumentException.class, () -> Table.read(
                new StringReader(""), "test.csv", ',', List.of("a"), Set.of())).getMessage();
        assertTrue(message.contains("no data rows"), message);
    }

    // ---- files ----

    @Test
    void readsAFile() throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, "y,g\n1,a\n0,b\n", StandardCharsets.UTF_8);
        Table t = Table.read(file, Set.of());
        assertEquals(file.toString(), t.source());
        assertEquals(List.of("y", "g"), t.names());
        assertEquals(2, t.rows());
        assertEquals(0.0, t.column("y").number(1), 0.0);
    }

    @Test
    void readsATabSeparatedFileWithForcedCategorical() throws IOException {
        Path file = dir.resolve("data.tsv");
        Files.writeString(file, "y\tk\n1\t2\n0\t3\n", StandardCharsets.UTF_8);
        Table t = Table.read(file, '\t', Set.of("k"));
        assertEquals(List.of("y", "k"), t.names());
        assertFalse(t.column("k").isNumeric());
        assertEquals(List.of("2", "3"), t.column("k").levels(all(t)));
    }

    @Test
    void fileErrorsNameTheFile() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b\n1,2\n3,-Inf\n", StandardCharsets.UTF_8);
        String message = assertThrows(IllegalArgumentException.class, () -> Table.read(file, Set.of())).getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("row 2"), message);
        assertTrue(message.contains("'b'"), message);
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.csv");
        String message = assertThrows(IllegalArgumentException.class, () -> Table.read(file, Set.of())).getMessage();
        assertTrue(message.contains("no such file"), message);
        assertTrue(message.contains(file.toString()), message);
    }

    @Test
    void directory() {
        String message = assertThrows(IllegalArgumentException.class, () -> Table.read(dir, Set.of())).getMessage();
        assertTrue(message.contains(dir.toString()), message);
        assertTrue(message.contains("directory"), message);
    }

    @Test
    void utf8NamesAndCells() throws IOException {
        Path file = dir.resolve("utf8.csv");
        Files.writeString(file, "größe,café\n1,é\n2,ü\n", StandardCharsets.UTF_8);
        Table t = Table.read(file, Set.of());
        assertEquals(List.of("größe", "café"), t.names());
        assertEquals(List.of("é", "ü"), t.column("café").levels(all(t)));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFFadmit,gre\n1,2\n", StandardCharsets.UTF_8);
        Table t = Table.read(file, Set.of());
        assertEquals(List.of("admit", "gre"), t.names());
    }

    @Test
    void byteOrderMarkBeforeAQuotedHeaderInAFile() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFF\"x\",z,y\n1,a,0\n2,b,1\n", StandardCharsets.UTF_8);
        Table t = Table.read(file, Set.of());
        assertEquals(List.of("x", "z", "y"), t.names());
        assertEquals(2.0, t.column("x").number(1), 0.0);
    }

    @Test
    void byteOrderMarkBeforeAQuotedHeaderInAReader() {
        Table t = csv("\uFEFF\"x, quoted\",z\n1,a\n");
        assertEquals(List.of("x, quoted", "z"), t.names());
    }

    @Test
    void byteOrderMarkBeforeTheFirstCellOfAGivenHeadersData() {
        Table t = Table.read(new StringReader("\uFEFF\"1\",a\n2,b\n"), "test.csv", ',', List.of("n", "c"), Set.of());
        assertTrue(t.column("n").isNumeric(), "the mark is not part of the first cell");
        assertEquals(1.0, t.column("n").number(0), 0.0);
    }

    @Test
    void byteOrderMarkInsideTheTextIsKept() {
        Table t = csv("a,b\n1,\uFEFFx\n");
        assertEquals("\uFEFFx", t.column("b").text(0), "only a mark at the very start is dropped");
    }

    @Test
    void toStringSummarises() {
        Table t = csv("a,b\n1,x\nNA,y\n");
        assertEquals("test.csv: 2 rows, columns a, b", t.toString());
        assertEquals("a (numeric, 2 rows, 1 missing)", t.column("a").toString());
        assertEquals("b (categorical, 2 rows, 0 missing)", t.column("b").toString());
    }
}
