package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Building model matrices, labels and weights from tables, R's model.matrix style. */
class DesignTest {

    static Table csv(String text, String... categorical) {
        return Table.read(new StringReader(text), "test.csv", ',', null, Set.of(categorical));
    }

    /** The UCLA admissions file without its '#' comment lines (Table does not read comments). */
    static Table ucla(String... categorical) {
        return resource("ucla_admissions.csv", categorical);
    }

    /** A file of /data without its '#' comment lines. */
    static Table resource(String name, String... categorical) {
        String text;
        try (InputStream in = DesignTest.class.getResourceAsStream("/data/" + name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            text = r.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Table.read(new StringReader(text), name, ',', null, Set.of(categorical));
    }

    static String fails(Table table, ModelSpec spec) {
        return assertThrows(IllegalArgumentException.class, () -> Design.build(table, spec)).getMessage();
    }

    static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][j];
        }
        return c;
    }

    // ---- UCLA ----

    @Test
    void uclaWithRankCategorical() {
        Table table = ucla("rank");
        Design d = Design.build(table, ModelSpec.of("admit", "gre", "gpa", "rank"));
        assertEquals(List.of("(Intercept)", "gre", "gpa", "rank2", "rank3", "rank4"), d.terms());
        assertEquals(List.of("gre", "gpa", "rank2", "rank3", "rank4"), d.columnNames());
        assertEquals(400, d.observations());
        assertEquals(400, d.tableRows());
        assertEquals(0, d.rowsDropped());
        assertEquals("admit", d.target());
        assertEquals("ucla_admissions.csv", d.source());
        assertEquals("1", d.event());
        assertEquals(List.of("0", "1"), d.classes());
        assertNull(d.weights());
        assertNull(d.weightColumn());
        assertEquals("admit ~ gre + gpa + rank", d.formula());

        double[][] x = d.x();
        assertEquals(400, x.length);
        Column rank = table.column("rank");
        Column gre = table.column("gre");
        for (int i = 0; i < 400; i++) {
            assertEquals(5, x[i].length);
            assertEquals(gre.number(i), x[i][0], 0.0, "gre row " + i);
            String r = rank.text(i);
            assertEquals(r.equals("2") ? 1 : 0, x[i][2], 0.0, "rank2 row " + i + " rank " + r);
            assertEquals(r.equals("3") ? 1 : 0, x[i][3], 0.0, "rank3 row " + i + " rank " + r);
            assertEquals(r.equals("4") ? 1 : 0, x[i][4], 0.0, "rank4 row " + i + " rank " + r);
        }
        // Each level occurs, so every dummy column has ones, and rank 1 rows are all zeros.
        for (int j = 2; j < 5; j++) {
            assertTrue(Arrays.stream(column(x, j)).sum() > 0, "column " + j);
        }
    }

    @Test
    void uclaMatchesTheTestDataLoader() {
        Design d = Design.build(ucla("rank"), ModelSpec.of("admit", "gre", "gpa", "rank"));
        Data.Dataset expected = Data.ucla();
        assertArrayEquals(expected.y(), d.y(), 0.0);
        double[][] x = d.x();
        assertEquals(expected.x().length, x.length);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(expected.x()[i], x[i], 0.0, "row " + i);
        }
        int[] rows = d.rows();
        for (int i = 0; i < rows.length; i++) {
            assertEquals(i, rows[i]);
        }
    }

    @Test
    void uclaDefaultFeaturesWithRankNumeric() {
        Table table = ucla();
        Design d = Design.build(table, ModelSpec.of("admit"));
        assertEquals(List.of("(Intercept)", "gre", "gpa", "rank"), d.terms());
        assertEquals("admit ~ gre + gpa + rank", d.formula());
        double[][] x = d.x();
        for (int i = 0; i < x.length; i++) {
            assertEquals(table.column("rank").number(i), x[i][2], 0.0);
            assertEquals(table.column("gpa").number(i), x[i][1], 0.0);
        }
    }

    @Test
    void uclaWeighted() {
        StringBuilder text = new StringBuilder("admit,gre,w\n");
        Data.Dataset data = Data.ucla();
        double[] w = Data.uclaWeights(data.y().length);
        for (int i = 0; i < w.length; i++) {
            text.append((int) data.y()[i]).append(',').append((int) data.x()[i][0]).append(',')
                    .append((int) w[i]).append('\n');
        }
        Design d = Design.build(csv(text.toString()), ModelSpec.of("admit").withWeights("w"));
        assertEquals(List.of("gre"), d.columnNames());
        assertEquals("w", d.weightColumn());
        assertArrayEquals(w, d.weights(), 0.0);
        assertEquals("admit ~ gre", d.formula());
    }

    // ---- features ----

    @Test
    void defaultFeaturesAreAllColumnsButTargetAndWeights() {
        Table t = csv("a,w,y,b,c\n1,1,0,u,5\n2,2,1,v,6\n3,3,0,u,7\n");
        Design d = Design.build(t, ModelSpec.of("y").withWeights("w"));
        assertEquals(List.of("a", "bv", "c"), d.columnNames());
        assertEquals(List.of("a", "b", "c"), d.features().stream().map(Feature::label).toList());
        assertEquals("y ~ a + b + c", d.formula());
        assertArrayEquals(new double[] {1, 2, 3}, d.weights(), 0.0);
    }

    @Test
    void weightColumnIsAFeatureOnlyWhenNotTheWeights() {
        Table t = csv("a,w,y\n1,1,0\n2,2,1\n3,3,0\n");
        assertEquals(List.of("a", "w"), Design.build(t, ModelSpec.of("y")).columnNames());
        assertEquals(List.of("a"), Design.build(t, ModelSpec.of("y").withWeights("w")).columnNames());
    }

    @Test
    void featuresInTheOrderGivenWithFunctions() {
        Table t = csv("y,a,g,b\n0,1,p,4\n1,2,q,9\n0,4,r,16\n1,8,p,25\n");
        Design d = Design.build(t, ModelSpec.of("y", "g", "sqrt(b)", "log(a)", "pow(a,3)", "b"));
        assertEquals(List.of("(Intercept)", "gq", "gr", "sqrt(b)", "log(a)", "pow(a,3)", "b"), d.terms());
        double[][] x = d.x();
        assertArrayEquals(new double[] {0, 1, 0, 0}, column(x, 0), 0.0);
        assertArrayEquals(new double[] {0, 0, 1, 0}, column(x, 1), 0.0);
        assertArrayEquals(new double[] {2, 3, 4, 5}, column(x, 2), 0.0);
        assertArrayEquals(new double[] {Math.log(1), Math.log(2), Math.log(4), Math.log(8)}, column(x, 3), 0.0);
        assertArrayEquals(new double[] {1, 8, 64, 512}, column(x, 4), 0.0);
        assertArrayEquals(new double[] {4, 9, 16, 25}, column(x, 5), 0.0);
        assertEquals("y ~ g + sqrt(b) + log(a) + pow(a,3) + b", d.formula());
    }

    @Test
    void featureEqualToTheTarget() {
        Table t = csv("y,a\n0,1\n1,2\n");
        String message = fails(t, ModelSpec.of("y", "a", "y"));
        assertTrue(message.contains("'y'"), message);
        assertTrue(message.contains("target"), message);
    }

    @Test
    void functionOfTheTargetIsTheTarget() {
        Table t = csv("y,a\n0,1\n1,2\n");
        String message = fails(t, ModelSpec.of("y", "log1p(y)"));
        assertTrue(message.contains("'log1p(y)'"), message);
        assertTrue(message.contains("target"), message);
    }

    @Test
    void duplicatedFeature() {
        Table t = csv("y,a,b\n0,1,3\n1,2,4\n");
        String message = fails(t, ModelSpec.of("y", "a", "b", "a"));
        assertTrue(message.contains("'a'"), message);
        assertTrue(message.contains("twice"), message);
    }

    @Test
    void duplicatedFeatureAfterTrimming() {
        Table t = csv("y,a\n0,1\n1,2\n");
        String message = fails(t, ModelSpec.of("y", "log(a)", " log(a) "));
        assertTrue(message.contains("'log(a)'"), message);
        assertTrue(message.contains("twice"), message);
    }

    @Test
    void unknownFeatureColumn() {
        Table t = csv("y,a\n0,1\n1,2\n");
        String message = fails(t, ModelSpec.of("y", "zz"));
        assertTrue(message.contains("'zz'"), message);
    }

    @Test
    void unknownTarget() {
        Table t = csv("y,a\n0,1\n1,2\n");
        String message = fails(t, ModelSpec.of("target"));
        assertTrue(message.contains("'target'"), message);
        assertTrue(message.contains("y, a"), message);
    }

    @Test
    void logOfZeroNamesTheRowAndValue() {
        // Row 1 is dropped (missing), so the zero is observation 2 but table row 3, and messages use table rows.
        Table t = csv("y,a\n0,NA\n1,2\n0,0\n1,4\n");
        String message = fails(t, ModelSpec.of("y", "log(a)"));
        assertTrue(message.contains("test.csv"), message);
        assertTrue(message.contains("row 3"), message);
        assertTrue(message.contains("'log(a)'"), message);
        assertTrue(message.contains("-Infinity"), message);
        assertTrue(message.contains("a = 0"), message);
    }

    @Test
    void sqrtOfANegativeNamesTheRowAndValue() {
        Table t = csv("y,a\n0,1\n1,-2.5\n");
        String message = fails(t, ModelSpec.of("y", "sqrt(a)"));
        assertTrue(message.contains("row 2"), message);
        assertTrue(message.contains("NaN"), message);
        assertTrue(message.contains("a = -2.5"), message);
    }

    @Test
    void powOverflowNamesTheRow() {
        Table t = csv("y,a\n0,1\n1,1e200\n");
        String message = fails(t, ModelSpec.of("y", "pow(a,2)"));
        assertTrue(message.contains("row 2"), message);
        assertTrue(message.contains("Infinity"), message);
        assertTrue(message.contains("a = 1.0E200"), message);
    }

    @Test
    void categoricalFeatureWithASingleLevel() {
        Table t = csv("y,g\n0,u\n1,u\n0,u\n");
        String message = fails(t, ModelSpec.of("y", "g"));
        assertTrue(message.contains("'g'"), message);
        assertTrue(message.contains("'u'"), message);
        assertTrue(message.contains("single level"), message);
    }

    @Test
    void categoricalFeatureWithASingleLevelInTheRowsUsed() {
        Table t = csv("y,g,a\n0,u,1\n1,u,2\n0,v,NA\n");
        String message = fails(t, ModelSpec.of("y", "g", "a"));
        assertTrue(message.contains("'g'"), message);
        assertTrue(message.contains("'u'"), message);
    }

    @Test
    void categoricalLevelsComeFromTheRowsUsedOnly() {
        // Level "c" occurs only in row 3, which is dropped for its missing a.
        Table t = csv("y,g,a\n0,a,1\n1,b,2\n0,c,NA\n1,a,4\n0,b,5\n");
        Design d = Design.build(t, ModelSpec.of("y", "g", "a"));
        assertEquals(List.of("gb", "a"), d.columnNames());
        assertArrayEquals(new int[] {0, 1, 3, 4}, d.rows());
        assertArrayEquals(new double[] {0, 1, 0, 1}, column(d.x(), 0), 0.0);
        assertArrayEquals(new double[] {1, 2, 4, 5}, column(d.x(), 1), 0.0);
    }

    @Test
    void categoricalLevelsInStringOrderFirstIsTheReference() {
        Table t = csv("y,g\n0,b\n1,10\n0,a\n1,9\n0,B\n1,b\n");
        Design d = Design.build(t, ModelSpec.of("y", "g"));
        // String order: "10" < "9" < "B" < "a" < "b"; "10" is the reference level.
        assertEquals(List.of("g9", "gB", "ga", "gb"), d.columnNames());
        double[][] x = d.x();
        assertArrayEquals(new double[] {0, 0, 0, 1}, x[0], 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, x[1], 0.0);
        assertArrayEquals(new double[] {0, 0, 1, 0}, x[2], 0.0);
        assertArrayEquals(new double[] {1, 0, 0, 0}, x[3], 0.0);
        assertArrayEquals(new double[] {0, 1, 0, 0}, x[4], 0.0);
    }

    @Test
    void dummyNameClashingWithAColumnName() {
        Table t = csv("y,g,g2\n0,1,5\n1,2,6\n0,1,7\n", "g");
        String message = fails(t, ModelSpec.of("y"));
        assertTrue(message.contains("'g2'"), message);
        // Both sources of the name are named.
        assertTrue(message.contains("level '2' of the categorical column 'g'") && message.contains("feature 'g2'"),
                message);
    }

    @Test
    void aColumnNamedLikeTheInterceptIsRejectedNamingBoth() {
        Table t = csv("(Intercept),b,y\n1,2,0\n3,1,1\n2,2,0\n5,0,1\n");
        String message = fails(t, ModelSpec.of("y"));
        assertTrue(message.contains("'(Intercept)'") && message.contains("the intercept")
                && message.contains("feature '(Intercept)'"), message);
        // As a feature listed explicitly, too.
        message = fails(t, ModelSpec.of("y", "b", "(Intercept)"));
        assertTrue(message.contains("the intercept"), message);
        // A dummy can also take the name: column "(" with level "Intercept)".
        Table dummy = csv("(,y\nIntercept),0\nA,1\nA,0\nIntercept),1\n");
        message = fails(dummy, ModelSpec.of("y"));
        assertTrue(message.contains("the intercept") && message.contains("level 'Intercept)'"), message);
    }

    // ---- rows ----

    @Test
    void rowsWithMissingCellsInUsedColumnsAreDropped() {
        Table t = csv("y,a,b,unused\n"
                + "0,1,u,NA\n"   // row 1 kept: the missing cell is in an unused column
                + "1,NA,v,x\n"   // row 2 dropped: a
                + "0,3,?,x\n"    // row 3 dropped: b
                + "NA,4,u,x\n"   // row 4 dropped: target
                + "1,5,v,?\n"    // row 5 kept
                + "0,6,v,x\n");  // row 6 kept
        Design d = Design.build(t, ModelSpec.of("y", "a", "b"));
        assertEquals(6, d.tableRows());
        assertEquals(3, d.observations());
        assertEquals(3, d.rowsDropped());
        assertArrayEquals(new int[] {0, 4, 5}, d.rows());
        assertArrayEquals(new double[] {1, 5, 6}, column(d.x(), 0), 0.0);
        assertArrayEquals(new double[] {0, 1, 1}, column(d.x(), 1), 0.0);
        assertArrayEquals(new double[] {0, 1, 0}, d.y(), 0.0);
    }

    @Test
    void missingCellsInTheFeatureOfAFunctionDropRows() {
        Table t = csv("y,a,b\n0,1,NA\n1,NA,2\n0,3,3\n1,4,NA\n");
        Design d = Design.build(t, ModelSpec.of("y", "sq(a)"));
        assertArrayEquals(new int[] {0, 2, 3}, d.rows());
        assertArrayEquals(new double[] {1, 9, 16}, column(d.x(), 0), 0.0);
        assertEquals(1, d.rowsDropped());
    }

    @Test
    void rowsWithMissingWeightsAreDropped() {
        Table t = csv("y,a,w\n0,1,1\n1,2,NA\n0,3,2\n1,4,0.5\n");
        Design d = Design.build(t, ModelSpec.of("y").withWeights("w"));
        assertArrayEquals(new int[] {0, 2, 3}, d.rows());
        assertArrayEquals(new double[] {1, 2, 0.5}, d.weights(), 0.0);
        assertArrayEquals(new double[] {0, 0, 1}, d.y(), 0.0);
        assertEquals(1, d.rowsDropped());
    }

    @Test
    void noRowsLeft() {
        Table t = csv("y,a\n0,NA\nNA,2\n");
        String message = fails(t, ModelSpec.of("y", "a"));
        assertTrue(message.contains("no rows left"), message);
        assertTrue(message.contains("2 rows"), message);
    }

    // ---- target ----

    @Test
    void zeroOneTargetEventIsOne() {
        Table t = csv("y,a\n1,1\n0,2\n0,3\n1,4\n");
        Design d = Design.build(t, ModelSpec.of("y"));
        assertEquals("1", d.event());
        assertEquals(List.of("0", "1"), d.classes());
        assertArrayEquals(new double[] {1, 0, 0, 1}, d.y(), 0.0);
    }

    @Test
    void zeroOneTargetWithPositiveZeroFlips() {
        Table t = csv("y,a\n1,1\n0,2\n0,3\n1,4\n");
        Design d = Design.build(t, ModelSpec.of("y").withPositive("0"));
        assertEquals("0", d.event());
        assertEquals(List.of("1", "0"), d.classes());
        assertArrayEquals(new double[] {0, 1, 1, 0}, d.y(), 0.0);
    }

    @Test
    void numericPositiveMatchesByValue() {
        Table t = csv("y,a\n1,1\n0,2\n");
        Design d = Design.build(t, ModelSpec.of("y").withPositive("1.0"));
        assertEquals("1", d.event());
        assertArrayEquals(new double[] {1, 0}, d.y(), 0.0);
    }

    @Test
    void textTargetEventIsTheSecondInStringOrder() {
        // '+' (U+002B) sorts before '-' (U+002D), so '-' is the event.
        Table t = csv("class,a\n+,1\n-,2\n-,3\n+,4\n");
        Design d = Design.build(t, ModelSpec.of("class"));
        assertEquals("-", d.event());
        assertEquals(List.of("+", "-"), d.classes());
        assertArrayEquals(new double[] {0, 1, 1, 0}, d.y(), 0.0);
    }

    @Test
    void textTargetPositiveFlipsLabels() {
        Table t = csv("class,a\n+,1\n-,2\n-,3\n+,4\n");
        Design d = Design.build(t, ModelSpec.of("class").withPositive("+"));
        assertEquals("+", d.event());
        assertEquals(List.of("-", "+"), d.classes());
        assertArrayEquals(new double[] {1, 0, 0, 1}, d.y(), 0.0);
    }

    @Test
    void numericTargetOneTwoEventIsTwo() {
        Table t = csv("y,a\n2,1\n1,2\n1,3\n");
        Design d = Design.build(t, ModelSpec.of("y"));
        assertEquals("2", d.event());
        assertEquals(List.of("1", "2"), d.classes());
        assertArrayEquals(new double[] {1, 0, 0}, d.y(), 0.0);
    }

    @Test
    void numericTargetUsesNumericOrderNotStringOrder() {
        // In String order "10" < "9"; in numeric order 9 < 10, so 10 is the event.
        Table t = csv("y,a\n9,1\n10,2\n9,3\n");
        Design d = Design.build(t, ModelSpec.of("y"));
        assertEquals("10", d.event());
        assertEquals(List.of("9", "10"), d.classes());
        assertArrayEquals(new double[] {0, 1, 0}, d.y(), 0.0);
    }

    @Test
    void forcedCategoricalTargetUsesStringOrder() {
        Table t = csv("y,a\n9,1\n10,2\n9,3\n", "y");
        Design d = Design.build(t, ModelSpec.of("y"));
        assertEquals("9", d.event());
        assertEquals(List.of("10", "9"), d.classes());
        assertArrayEquals(new double[] {1, 0, 1}, d.y(), 0.0);
    }

    @Test
    void numericTargetWithEqualValuesWrittenDifferentlyIsOneClass() {
        Table t = csv("y,a\n1,1\n0,2\n1.0,3\n00,4\n");
        Design d = Design.build(t, ModelSpec.of("y"));
        assertEquals(2, d.classes().size());
        assertArrayEquals(new double[] {1, 0, 1, 0}, d.y(), 0.0);
    }

    @Test
    void negativeZeroTargetIsZero() {
        Table t = csv("y,a\n0,1\n-0,2\n1,3\n");
        Design d = Design.build(t, ModelSpec.of("y"));
        assertEquals(2, d.classes().size());
        assertArrayEquals(new double[] {0, 0, 1}, d.y(), 0.0);
    }

    @Test
    void moreThanTwoClassesWithoutPositiveIsMultinomial() {
        Table t = csv("species,a\nvirginica,1\nsetosa,2\nversicolor,3\nsetosa,4\n");
        Design d = Design.build(t, ModelSpec.of("species"));
        assertTrue(d.multinomial());
        assertNull(d.event());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classes());
        assertArrayEquals(new int[] {2, 0, 1, 0}, d.classLabels());
        IllegalStateException e = assertThrows(IllegalStateException.class, d::y);
        assertTrue(e.getMessage().contains("'species'") && e.getMessage().contains("3 classes"), e.getMessage());
        assertEquals(0, d.classIndex("setosa"));
        assertEquals(2, d.classIndex("virginica"));
        assertEquals(-1, d.classIndex("Setosa"));
        assertEquals(-1, d.classIndex("not setosa"));
        assertEquals("species ~ a", d.formula());
    }

    @Test
    void multinomialNumericTargetInNumericOrderMatchedByValue() {
        // String order would be "10" < "2" < "9"; numeric order is 2 < 9 < 10.
        Table t = csv("y,a\n10,1\n2,2\n9,3\n2.0,4\n");
        Design d = Design.build(t, ModelSpec.of("y"));
        assertTrue(d.multinomial());
        assertEquals(List.of("2", "9", "10"), d.classes());
        assertArrayEquals(new int[] {2, 0, 1, 0}, d.classLabels());
        assertEquals(2, d.classIndex("10.0"));
        assertEquals(0, d.classIndex(" 2 "));
        assertEquals(-1, d.classIndex("3"));
        assertEquals(-1, d.classIndex("ten"));
        assertEquals(-1, d.classIndex(null));
    }

    @Test
    void multinomialClassesComeFromTheRowsUsed() {
        // "c" occurs only in a dropped row: three classes, not four.
        Table t = csv("y,a\na,1\nb,2\nc,NA\nd,4\nb,5\n");
        Design d = Design.build(t, ModelSpec.of("y", "a"));
        assertTrue(d.multinomial());
        assertEquals(List.of("a", "b", "d"), d.classes());
        assertArrayEquals(new int[] {0, 1, 2, 1}, d.classLabels());
        assertArrayEquals(new int[] {0, 1, 3, 4}, d.rows());
        // With one of the three levels only in a dropped row, two are left: a binary design.
        Design binary = Design.build(csv("y,a\na,1\nb,2\nc,NA\nb,5\n"), ModelSpec.of("y", "a"));
        assertFalse(binary.multinomial());
        assertEquals("b", binary.event());
    }

    @Test
    void irisIsMultinomialWithTheTestLoadersLabels() {
        Design d = Design.build(resource("iris.csv"), ModelSpec.of("species"));
        Data.Iris iris = Data.iris();
        assertTrue(d.multinomial());
        assertEquals(iris.classes(), d.classes());
        assertArrayEquals(iris.y(), d.classLabels());
        assertEquals(List.of("(Intercept)", "sepal_length", "sepal_width", "petal_length", "petal_width"), d.terms());
        double[][] x = d.x();
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(iris.x()[i], x[i], 0.0, "row " + i);
        }
    }

    @Test
    void binaryDesignsHaveClassLabelsEqualToY() {
        Table t = csv("class,a\n+,1\n-,2\n-,3\n+,4\n");
        Design d = Design.build(t, ModelSpec.of("class").withPositive("+"));
        assertFalse(d.multinomial());
        assertArrayEquals(new int[] {1, 0, 0, 1}, d.classLabels());
        assertEquals(1, d.classIndex("+"));
        assertEquals(0, d.classIndex("-"));
        assertEquals(-1, d.classIndex("x"));
    }

    @Test
    void moreThanTwoClassesWithPositiveIsOneVersusRest() {
        Table t = csv("species,a\nsetosa,1\nversicolor,2\nvirginica,3\nversicolor,4\n");
        Design d = Design.build(t, ModelSpec.of("species").withPositive("versicolor"));
        assertFalse(d.multinomial());
        assertEquals("versicolor", d.event());
        assertEquals(List.of("not versicolor", "versicolor"), d.classes());
        assertArrayEquals(new double[] {0, 1, 0, 1}, d.y(), 0.0);
        assertArrayEquals(new int[] {0, 1, 0, 1}, d.classLabels());
        assertEquals(1, d.classIndex("versicolor"));
        assertEquals(-1, d.classIndex("setosa"));
        assertEquals(-1, d.classIndex("not versicolor"));
    }

    @Test
    void moreThanTwoNumericClassesWithPositive() {
        Table t = csv("y,a\n1,1\n2,2\n3,3\n2,4\n");
        Design d = Design.build(t, ModelSpec.of("y").withPositive("3"));
        assertEquals("3", d.event());
        assertEquals(List.of("not 3", "3"), d.classes());
        assertArrayEquals(new double[] {0, 0, 1, 0}, d.y(), 0.0);
    }

    @Test
    void positiveThatDoesNotOccur() {
        Table t = csv("class,a\n+,1\n-,2\n");
        String message = fails(t, ModelSpec.of("class").withPositive("yes"));
        assertTrue(message.contains("'yes'"), message);
        assertTrue(message.contains("'class'"), message);
    }

    @Test
    void positiveThatOccursOnlyInDroppedRows() {
        Table t = csv("y,a\na,1\nb,2\nc,NA\n");
        String message = fails(t, ModelSpec.of("y").withPositive("c"));
        assertTrue(message.contains("'c'"), message);
        assertTrue(message.contains("a, b"), message);
    }

    @Test
    void nonNumericPositiveForANumericTarget() {
        Table t = csv("y,a\n0,1\n1,2\n");
        String message = fails(t, ModelSpec.of("y").withPositive("yes"));
        assertTrue(message.contains("'yes'"), message);
    }

    @Test
    void positiveForANumericTargetThatIsNotAClass() {
        Table t = csv("y,a\n0,1\n1,2\n");
        String message = fails(t, ModelSpec.of("y").withPositive("2"));
        assertTrue(message.contains("'2'"), message);
        assertTrue(message.contains("0, 1"), message);
    }

    @Test
    void singleClassTarget() {
        Table t = csv("y,a\n1,1\n1,2\n1,3\n");
        String message = fails(t, ModelSpec.of("y"));
        assertTrue(message.contains("'y'"), message);
        assertTrue(message.contains("single class '1'"), message);
    }

    @Test
    void singleClassInTheRowsUsed() {
        Table t = csv("y,a\n1,1\n0,NA\n1,3\n");
        String message = fails(t, ModelSpec.of("y", "a"));
        assertTrue(message.contains("single class '1'"), message);
        assertTrue(message.contains("2 rows"), message);
    }

    // ---- weights ----

    @Test
    void weightsReturnedForTheRowsUsed() {
        Table t = csv("y,a,w\n0,1,0.5\n1,NA,9\n0,3,0\n1,4,2\n");
        Design d = Design.build(t, ModelSpec.of("y", "a").withWeights("w"));
        assertEquals("w", d.weightColumn());
        assertArrayEquals(new double[] {0.5, 0, 2}, d.weights(), 0.0);
        assertEquals(List.of("a"), d.columnNames());
    }

    @Test
    void negativeWeightNamesTheRow() {
        Table t = csv("y,a,w\n0,1,1\n1,2,2\n0,3,-0.25\n1,4,1\n");
        String message = fails(t, ModelSpec.of("y").withWeights("w"));
        assertTrue(message.contains("test.csv"), message);
        assertTrue(message.contains("row 3"), message);
        assertTrue(message.contains("'w'"), message);
        assertTrue(message.contains("-0.25"), message);
        assertTrue(message.contains("negative"), message);
    }

    @Test
    void weightsCannotBeTheTarget() {
        Table t = csv("y,a\n0,1\n1,2\n");
        String message = fails(t, ModelSpec.of("y").withWeights("y"));
        assertTrue(message.contains("'y'"), message);
        assertTrue(message.contains("weights"), message);
    }

    @Test
    void unknownWeightColumn() {
        Table t = csv("y,a\n0,1\n1,2\n");
        String message = fails(t, ModelSpec.of("y").withWeights("ww"));
        assertTrue(message.contains("'ww'"), message);
    }

    @Test
    void categoricalWeightsNameARow() {
        Table t = csv("y,a,w\n0,1,1\n1,2,heavy\n");
        String message = fails(t, ModelSpec.of("y").withWeights("w"));
        assertTrue(message.contains("'w'"), message);
        assertTrue(message.contains("not numeric"), message);
        assertTrue(message.contains("row 2"), message);
    }

    @Test
    void categoricalWeightsNameTheRowAtFault() {
        Table t = csv("y,a,w\n0,1,1\n1,2,2\n0,3,1f\n");
        String message = fails(t, ModelSpec.of("y").withWeights("w"));
        assertTrue(message.contains("row 3"), message);
    }

    // ---- the rest ----

    @Test
    void noFeaturesLeftIsInterceptOnly() {
        Table t = csv("y,w\n0,1\n1,2\n");
        Design d = Design.build(t, ModelSpec.of("y").withWeights("w"));
        assertEquals("y ~ 1", d.formula());
        assertEquals(List.of("(Intercept)"), d.terms());
        assertEquals(List.of(), d.columnNames());
        double[][] x = d.x();
        assertEquals(2, x.length);
        assertEquals(0, x[0].length);
    }

    @Test
    void formulaUsesLabelsAsWritten() {
        Table t = csv("admit,gre,gpa\n0,1,2\n1,3,4\n");
        Design d = Design.build(t, ModelSpec.of("admit", "log(gre)", " pow(gpa, 2) "));
        assertEquals("admit ~ log(gre) + pow(gpa, 2)", d.formula());
        assertEquals(List.of("log(gre)", "pow(gpa, 2)"), d.columnNames());
    }

    @Test
    void accessorsReturnCopies() {
        Table t = csv("y,a,w\n0,1,1\n1,2,2\n0,3,3\n");
        Design d = Design.build(t, ModelSpec.of("y", "a").withWeights("w"));

        double[][] x = d.x();
        assertNotSame(x, d.x());
        x[0][0] = 99;
        x[1] = new double[] {-1};
        assertEquals(1.0, d.x()[0][0], 0.0);
        assertEquals(2.0, d.x()[1][0], 0.0);

        double[] y = d.y();
        y[0] = 42;
        assertEquals(0.0, d.y()[0], 0.0);

        double[] w = d.weights();
        w[2] = -7;
        assertEquals(3.0, d.weights()[2], 0.0);

        int[] rows = d.rows();
        rows[0] = 5;
        assertEquals(0, d.rows()[0]);

        int[] labels = d.classLabels();
        labels[1] = 0;
        assertEquals(1, d.classLabels()[1]);

        List<String> terms = d.terms();
        terms.add("extra");
        assertEquals(List.of("(Intercept)", "a"), d.terms());

        assertThrows(UnsupportedOperationException.class, () -> d.columnNames().add("b"));
        assertThrows(UnsupportedOperationException.class, () -> d.features().clear());
        assertThrows(UnsupportedOperationException.class, () -> d.classes().clear());
    }

    @Test
    void modelSpecValidatesAndCopies() {
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.of(" "));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec(null, List.of(), null, null));
        assertEquals(List.of(), new ModelSpec("y", null, null, null).features());
        java.util.ArrayList<String> features = new java.util.ArrayList<>(List.of("a"));
        ModelSpec spec = new ModelSpec("y", features, null, null);
        features.add("b");
        assertEquals(List.of("a"), spec.features());
        ModelSpec both = ModelSpec.of("y", "a").withPositive("1").withWeights("w");
        assertEquals(new ModelSpec("y", List.of("a"), "1", "w"), both);
    }

    @Test
    void theSameFeatureWrittenTwoWaysIsRejected() {
        Table t = csv("y,a\n0,1\n1,2\n0,3\n1,4\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Design.build(t, ModelSpec.of("y", "log(a)", "log( a )")));
        assertTrue(e.getMessage().contains("log( a )") && e.getMessage().contains("log(a)"), e.getMessage());
    }
}
