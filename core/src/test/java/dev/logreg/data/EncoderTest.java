package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Encoding new data the way a design encoded its training data: by column name, with the fit's levels. */
class EncoderTest {

    private static final ModelSpec UCLA = ModelSpec.of("admit", "gre", "gpa", "rank");

    private static Table csv(String text, String... categorical) {
        return Table.read(new java.io.StringReader(text), "new.csv", ',', null, Set.of(categorical));
    }

    private static Encoder uclaEncoder() {
        return Design.build(DesignTest.ucla("rank"), UCLA).encoder();
    }

    private static String fails(Encoder encoder, Table table) {
        return assertThrows(IllegalArgumentException.class, () -> encoder.encode(table)).getMessage();
    }

    private static String fails(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static void assertAllNaN(double[] row, String what) {
        for (double v : row) {
            assertTrue(Double.isNaN(v), what + ": " + Arrays.toString(row));
        }
    }

    // ---- the design's own data ----

    @Test
    void theTrainingTableEncodesToExactlyTheDesignMatrix() {
        Table table = DesignTest.ucla("rank");
        Design d = Design.build(table, UCLA);
        Encoder e = d.encoder();
        assertEquals(d.columnNames(), e.columnNames());
        assertEquals(List.of("gre", "gpa", "rank2", "rank3", "rank4"), e.columnNames());
        assertEquals("admit", e.target());
        assertEquals(List.of("0", "1"), e.classes());
        assertEquals(List.of("gre", "gpa", "rank"), e.sourceColumns());
        assertEquals(List.of("1", "2", "3", "4"), e.inputs().get(2).levels());
        assertTrue(e.inputs().get(2).categorical());
        assertFalse(e.inputs().get(0).categorical());
        assertEquals(Feature.column("gre"), e.inputs().get(0).feature());

        Encoded encoded = e.encode(table);
        double[][] x = d.x();
        assertEquals(400, encoded.rows());
        assertEquals(400, encoded.completeRows());
        for (int i = 0; i < x.length; i++) {
            assertTrue(encoded.complete()[i], "row " + i);
            assertArrayEquals(x[i], encoded.x()[i], "row " + i);
        }
    }

    @Test
    void theRowsADesignDropsAreTheIncompleteRowsAndTheOthersMatch() {
        Table table = csv("y,a,c,note\n0,1,x,n\n1,NA,y,n\n0,3,?,n\n1,4,y,NA\n0,5,z,n\n1,6,x,n\nNA,7,y,n\n");
        Design d = Design.build(table, ModelSpec.of("y", "a", "c"));
        Encoded encoded = d.encoder().encode(table);
        // The target's missing cell (row 7) does not matter to the encoder; the note column is not read.
        assertArrayEquals(new boolean[] {true, false, false, true, true, true, true}, encoded.complete());
        int[] used = d.rows();
        assertArrayEquals(new int[] {0, 3, 4, 5}, used);
        double[][] x = d.x();
        for (int r = 0; r < used.length; r++) {
            assertArrayEquals(x[r], encoded.x()[used[r]], "design row " + r);
        }
        assertArrayEquals(new double[] {7, 1, 0}, encoded.x()[6]);
    }

    // ---- new data, by column name ----

    @Test
    void newRowsWithShuffledColumnsAnExtraColumnAndNoTargetEncodeAsTheTrainingRows() {
        Table training = DesignTest.ucla("rank");
        Design d = Design.build(training, UCLA);
        StringBuilder text = new StringBuilder("rank,note,gpa,gre\n");
        int first = 10;
        int count = 40;
        for (int i = first; i < first + count; i++) {
            text.append(training.column("rank").text(i)).append(",n").append(i).append(',')
                    .append(training.column("gpa").text(i)).append(',')
                    .append(training.column("gre").text(i)).append('\n');
        }
        Table fresh = csv(text.toString());
        assertTrue(fresh.column("rank").isNumeric(), "rank is numeric in the new table: its levels match by text");
        Encoded encoded = d.encoder().encode(fresh);
        assertEquals(count, encoded.rows());
        assertEquals(count, encoded.completeRows());
        double[][] x = d.x();
        for (int k = 0; k < count; k++) {
            assertArrayEquals(x[first + k], encoded.x()[k], "row " + (first + k));
        }
    }

    @Test
    void newRowsWithFewerLevelsGetTheTrainingDummies() {
        Design d = Design.build(DesignTest.ucla("rank"), UCLA);
        Table fresh = csv("admit,gre,gpa,rank\n0,600,3.5,2\n1,700,3.9,3\n1,650,3.1,3\n", "rank");
        // The bug the encoder fixes: a design built afresh takes its levels from the new rows.
        assertEquals(List.of("gre", "gpa", "rank3"), Design.build(fresh, UCLA).columnNames());

        Encoder e = d.encoder();
        assertEquals(List.of("gre", "gpa", "rank2", "rank3", "rank4"), e.columnNames());
        Encoded encoded = e.encode(fresh);
        assertArrayEquals(new double[] {600, 3.5, 1, 0, 0}, encoded.x()[0]);
        assertArrayEquals(new double[] {700, 3.9, 0, 1, 0}, encoded.x()[1]);
        assertArrayEquals(new double[] {650, 3.1, 0, 1, 0}, encoded.x()[2]);
    }

    @Test
    void theBaselineLevelIsAllZeros() {
        Encoded encoded = uclaEncoder().encode(csv("gre,gpa,rank\n600,3.5,1\n600,3.5,4\n"));
        assertArrayEquals(new double[] {600, 3.5, 0, 0, 0}, encoded.x()[0]);
        assertArrayEquals(new double[] {600, 3.5, 0, 0, 1}, encoded.x()[1]);
    }

    @Test
    void anUnseenLevelIsRejectedNamingRowColumnAndLevels() {
        Table fresh = csv("gre,gpa,rank\n600,3.5,2\n700,3.9,5\n");
        assertEquals("new.csv, row 2, column 'rank': level '5' was not seen in fitting (levels: 1, 2, 3, 4)",
                fails(uclaEncoder(), fresh));
        assertEquals(fails(uclaEncoder(), fresh), fails(() -> uclaEncoder().encode(fresh, Encoder.UnseenLevel.REJECT)));
    }

    @Test
    void anUnseenLevelCanBeMissing() {
        Table fresh = csv("gre,gpa,rank\n600,3.5,2\n700,3.9,5\n500,2.9,4\n");
        Encoded encoded = uclaEncoder().encode(fresh, Encoder.UnseenLevel.MISSING);
        assertArrayEquals(new boolean[] {true, false, true}, encoded.complete());
        assertEquals(2, encoded.completeRows());
        assertArrayEquals(new double[] {600, 3.5, 1, 0, 0}, encoded.x()[0]);
        assertAllNaN(encoded.x()[1], "row 2");
        assertEquals(5, encoded.x()[1].length);
        assertArrayEquals(new double[] {500, 2.9, 0, 0, 1}, encoded.x()[2]);
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAre() {
        assertEquals("new.csv has no column 'gpa', which the model reads; its columns are rank, gre, admit",
                fails(uclaEncoder(), csv("rank,gre,admit\n2,600,1\n")));
    }

    @Test
    void aNonNumericCellInANumericInputIsNamed() {
        assertEquals("new.csv, row 3, column 'gre': 'abc' is not a number; the model reads 'gre' as numeric",
                fails(uclaEncoder(), csv("gre,gpa,rank\n600,3.5,2\nNA,3.1,2\nabc,3.9,3\n")));
        assertEquals("new.csv, column 'gpa' was read as categorical; the model reads 'gpa' as numeric",
                fails(uclaEncoder(), csv("gre,gpa,rank\n600,3.5,2\n", "gpa")));
    }

    @Test
    void missingCellsGiveIncompleteRowsOfNaNAndTheOtherRowsAreKept() {
        Table fresh = csv("gre,gpa,rank,extra\n600,3.5,2,NA\nNA,3.1,2,x\n700,?,3,x\n650,3.2,,x\n580,3.0,4,x\n");
        Encoded encoded = uclaEncoder().encode(fresh);
        assertEquals(5, encoded.rows());
        assertArrayEquals(new boolean[] {true, false, false, false, true}, encoded.complete());
        assertArrayEquals(new double[] {600, 3.5, 1, 0, 0}, encoded.x()[0], "a missing cell the model does not read");
        for (int i = 1; i <= 3; i++) {
            assertAllNaN(encoded.x()[i], "row " + (i + 1));
        }
        assertArrayEquals(new double[] {580, 3.0, 0, 0, 1}, encoded.x()[4]);
    }

    @Test
    void anIncompleteRowRaisesNoErrorForItsOtherCells() {
        // Design drops a row with a missing cell before it looks at the others; so does the encoder.
        Table fresh = csv("gre,gpa,rank\n600,NA,7\n600,3.5,2\n");
        Encoded encoded = uclaEncoder().encode(fresh);
        assertArrayEquals(new boolean[] {false, true}, encoded.complete());
        Design d = Design.build(DesignTest.ucla("rank"), ModelSpec.of("admit", "log(gre)", "gpa"));
        Encoded logs = d.encoder().encode(csv("gre,gpa\n0,NA\n400,3\n"));
        assertArrayEquals(new boolean[] {false, true}, logs.complete());
    }

    @Test
    void transformedFeaturesApplyTheirFunction() {
        Table training = DesignTest.ucla("rank");
        Design d = Design.build(training, ModelSpec.of("admit", "log(gre)", "sq(gpa)", "pow(gpa,3)", "rank"));
        Encoder e = d.encoder();
        assertEquals(List.of("log(gre)", "sq(gpa)", "pow(gpa,3)", "rank2", "rank3", "rank4"), e.columnNames());
        assertEquals(List.of("gre", "gpa", "rank"), e.sourceColumns());
        Encoded encoded = e.encode(training);
        double[][] x = d.x();
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(x[i], encoded.x()[i], "row " + i);
        }
        double[] row = e.encode(csv("rank,gpa,gre\n3,3.5,600\n")).x()[0];
        assertArrayEquals(new double[] {Math.log(600), 3.5 * 3.5, Math.pow(3.5, 3), 0, 1, 0}, row);
        assertEquals("new.csv, row 2: feature 'log(gre)' is -Infinity (gre = 0)",
                fails(e, csv("rank,gpa,gre\n3,3.5,600\n2,3.0,0\n")));
    }

    @Test
    void aMultinomialDesignKeepsItsClasses() {
        Table iris = DesignTest.resource("iris.csv");
        Design d = Design.build(iris, ModelSpec.of("species"));
        assertTrue(d.multinomial());
        Encoder e = d.encoder();
        assertEquals(List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica"), e.classes());
        assertEquals(d.classes(), e.classes());
        assertEquals("species", e.target());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), e.columnNames());
        Encoded encoded = e.encode(iris);
        double[][] x = d.x();
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(x[i], encoded.x()[i], "row " + i);
        }
    }

    @Test
    void anInterceptOnlyEncoderGivesEmptyRows() {
        Encoder e = Encoder.of("y", List.of("0", "1"), List.of());
        assertEquals(List.of(), e.columnNames());
        assertEquals(List.of(), e.sourceColumns());
        Encoded encoded = e.encode(csv("a\n1\nNA\n"));
        assertEquals(2, encoded.rows());
        assertEquals(2, encoded.completeRows());
        assertEquals(0, encoded.x()[1].length);
        assertEquals("Encoder[y ~ 1; classes 0, 1]", e.toString());
    }

    // ---- validation ----

    @Test
    void encoderOfValidates() {
        List<Encoder.Input> gre = List.of(Encoder.Input.numeric(Feature.column("gre")));
        List<String> binary = List.of("0", "1");
        assertEquals("target is null", fails(() -> Encoder.of(null, binary, gre)));
        assertEquals("target is blank: no target column given", fails(() -> Encoder.of(" ", binary, gre)));
        assertEquals("classes is null", fails(() -> Encoder.of("y", null, gre)));
        assertEquals("inputs is null", fails(() -> Encoder.of("y", binary, null)));
        assertEquals("the target 'y' has 1 class (0); a model has at least 2",
                fails(() -> Encoder.of("y", List.of("0"), gre)));
        assertEquals("the target 'y' has 0 classes; a model has at least 2",
                fails(() -> Encoder.of("y", List.of(), gre)));
        assertEquals("classes[1] is null", fails(() -> Encoder.of("y", Arrays.asList("0", null), gre)));
        assertEquals("class 'a' is listed twice in classes a, b, a",
                fails(() -> Encoder.of("y", List.of("a", "b", "a"), gre)));
        List<Encoder.Input> withNull = new ArrayList<>(gre);
        withNull.add(null);
        assertEquals("inputs[1] is null", fails(() -> Encoder.of("y", binary, withNull)));
    }

    @Test
    void encoderOfRejectsTermsThatClashAndInputsReadingTheTarget() {
        List<String> binary = List.of("0", "1");
        Encoder.Input gre = Encoder.Input.numeric(Feature.column("gre"));
        assertEquals("the term name 'gre' is given twice, to feature 'gre' (inputs[0]) and to feature 'gre'"
                + " (inputs[1])", fails(() -> Encoder.of("y", binary, List.of(gre, gre))));
        Encoder.Input rank2 = Encoder.Input.numeric(Feature.column("rank2"));
        Encoder.Input rank = Encoder.Input.categorical("rank", List.of("1", "2", "3"));
        assertEquals("the term name 'rank2' is given twice, to feature 'rank2' (inputs[0]) and to level '2' of the"
                + " categorical column 'rank' (inputs[1])", fails(() -> Encoder.of("y", binary, List.of(rank2, rank))));
        Encoder.Input intercept = Encoder.Input.numeric(Feature.column(Design.INTERCEPT));
        assertEquals("the term name '(Intercept)' of feature '(Intercept)' (inputs[1]) is the intercept's",
                fails(() -> Encoder.of("y", binary, List.of(gre, intercept))));
        Encoder.Input logY = Encoder.Input.numeric(new Feature("log(y)", "y", Feature.Function.LOG, 1));
        assertEquals("inputs[1], feature 'log(y)', reads the target column 'y'",
                fails(() -> Encoder.of("y", binary, List.of(gre, logY))));
        Encoder.Input rankNumeric = Encoder.Input.numeric(new Feature("sq(rank)", "rank", Feature.Function.SQ, 1));
        assertEquals("column 'rank' is read by inputs[0] ('rank') and by inputs[1] ('sq(rank)'); a categorical"
                + " column is read by one input only",
                fails(() -> Encoder.of("y", binary, List.of(rank, rankNumeric))));
        // Two numeric features of one column are fine.
        Encoder.Input logGre = Encoder.Input.numeric(new Feature("log(gre)", "gre", Feature.Function.LOG, 1));
        assertEquals(List.of("gre", "log(gre)"), Encoder.of("y", binary, List.of(gre, logGre)).columnNames());
        assertEquals(List.of("gre"), Encoder.of("y", binary, List.of(gre, logGre)).sourceColumns());
    }

    @Test
    void inputsValidate() {
        assertEquals("feature is null", fails(() -> new Encoder.Input(null, List.of())));
        assertEquals("feature is null", fails(() -> Encoder.Input.numeric(null)));
        assertEquals("column is null", fails(() -> Encoder.Input.categorical(null, List.of("a", "b"))));
        assertEquals("levels is null", fails(() -> Encoder.Input.categorical("c", null)));
        assertEquals("the categorical input 'c' has no levels; it needs at least 2",
                fails(() -> Encoder.Input.categorical("c", List.of())));
        assertEquals("the categorical input 'c' has the single level 'a'; it needs at least 2",
                fails(() -> Encoder.Input.categorical("c", List.of("a"))));
        assertEquals("levels[1] of the categorical input 'c' is null",
                fails(() -> Encoder.Input.categorical("c", Arrays.asList("a", null))));
        assertEquals("levels[0] of the categorical input 'c' is empty",
                fails(() -> Encoder.Input.categorical("c", List.of("", "b"))));
        assertEquals("levels[1] of the categorical input 'c', ' b', has surrounding white space; cells are read"
                + " trimmed, so no cell is that level",
                fails(() -> Encoder.Input.categorical("c", List.of("a", " b"))));
        assertEquals("levels[1] of the categorical input 'c', 'NA', is a missing-value marker; no cell is that level",
                fails(() -> Encoder.Input.categorical("c", List.of("a", "NA"))));
        assertEquals("the categorical input 'c' lists level 'a' twice",
                fails(() -> Encoder.Input.categorical("c", List.of("a", "b", "a"))));
        assertEquals("the categorical input 'log(c)' applies LOG to column 'c'; a categorical column is read as it is"
                + " (IDENTITY)", fails(() -> new Encoder.Input(new Feature("log(c)", "c", Feature.Function.LOG, 1),
                        List.of("a", "b"))));
        assertEquals("the categorical input on column 'c' is labelled 'd'; its label must be the column's name",
                fails(() -> new Encoder.Input(new Feature("d", "c", Feature.Function.IDENTITY, 1), List.of("a", "b"))));
        assertEquals("feature 'd' reads no column",
                fails(() -> Encoder.Input.numeric(new Feature("d", null, Feature.Function.IDENTITY, 1))));
    }

    @Test
    void inputsCopyAndNameTheirTerms() {
        List<String> levels = new ArrayList<>(List.of("lo", "mid", "hi"));
        Encoder.Input input = Encoder.Input.categorical("c", levels);
        levels.set(0, "changed");
        assertEquals(List.of("lo", "mid", "hi"), input.levels());
        assertEquals(List.of("cmid", "chi"), input.terms());
        assertEquals(List.of(), new Encoder.Input(Feature.column("a"), null).levels());
        assertEquals(List.of("a"), Encoder.Input.numeric(Feature.column("a")).terms());
        // The first level given is the baseline, whatever its order.
        Encoder e = Encoder.of("y", List.of("0", "1"), List.of(input));
        Encoded encoded = e.encode(csv("c\nlo\nmid\nhi\n"));
        assertArrayEquals(new double[] {0, 0}, encoded.x()[0]);
        assertArrayEquals(new double[] {1, 0}, encoded.x()[1]);
        assertArrayEquals(new double[] {0, 1}, encoded.x()[2]);
    }

    @Test
    void encodeRejectsNulls() {
        Encoder e = uclaEncoder();
        assertEquals("table is null", fails(() -> e.encode(null)));
        assertEquals("unseen is null", fails(() -> e.encode(csv("gre,gpa,rank\n600,3.5,2\n"), null)));
    }

    // ---- values ----

    @Test
    void encodersAreEqualByValue() {
        Encoder a = uclaEncoder();
        Encoder b = uclaEncoder();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        Encoder rebuilt = Encoder.of("admit", List.of("0", "1"), List.of(Encoder.Input.numeric(Feature.column("gre")),
                Encoder.Input.numeric(Feature.column("gpa")), Encoder.Input.categorical("rank", List.of("1", "2", "3",
                        "4"))));
        assertEquals(a, rebuilt);
        assertEquals(a.hashCode(), rebuilt.hashCode());
        assertEquals("Encoder[admit ~ gre + gpa + rank (levels 1, 2, 3, 4); classes 0, 1]", a.toString());

        Encoder otherLevels = Encoder.of("admit", List.of("0", "1"), List.of(Encoder.Input.numeric(
                Feature.column("gre")), Encoder.Input.numeric(Feature.column("gpa")),
                Encoder.Input.categorical("rank", List.of("1", "2", "3"))));
        assertNotEquals(a, otherLevels);
        assertNotEquals(a, Encoder.of("admit", List.of("1", "0"), a.inputs()));
        assertNotEquals(a, Encoder.of("admitted", a.classes(), a.inputs()));
        assertNotEquals(a, Encoder.of("admit", a.classes(), a.inputs().subList(0, 2)));
        assertNotEquals(a, Design.build(DesignTest.ucla(), ModelSpec.of("admit", "gre", "gpa", "rank")).encoder(),
                "rank numeric");
        assertNotEquals(a, (Object) "admit");
    }

    @Test
    void encodedChecksItsShapeAndComparesByValue() {
        Encoded a = new Encoded(new double[][] {{1, 2}, {Double.NaN, Double.NaN}}, new boolean[] {true, false});
        Encoded b = new Encoded(new double[][] {{1, 2}, {Double.NaN, Double.NaN}}, new boolean[] {true, false});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new Encoded(new double[][] {{1, 3}, {Double.NaN, Double.NaN}}, new boolean[] {true, false}));
        assertEquals(2, a.rows());
        assertEquals(1, a.completeRows());
        assertEquals("Encoded[2 rows, 2 columns, 1 complete]", a.toString());
        assertEquals("x is null", fails(() -> new Encoded(null, new boolean[0])));
        assertEquals("complete is null", fails(() -> new Encoded(new double[0][], null)));
        assertEquals("x has 1 rows but complete has 2", fails(() -> new Encoded(new double[1][1], new boolean[2])));
        assertEquals("x[1] is null", fails(() -> new Encoded(new double[][] {{1}, null}, new boolean[2])));
        assertEquals("x[1] has 2 columns but x[0] has 1",
                fails(() -> new Encoded(new double[][] {{1}, {1, 2}}, new boolean[2])));
    }
}
