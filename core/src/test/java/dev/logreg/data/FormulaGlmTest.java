package dev.logreg.data;

import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.Fit;
import dev.logreg.Inference;
import dev.logreg.LogisticRegression;
import dev.logreg.Model;
import dev.logreg.Scores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Designs of model formulas fitted against R's {@code glm(formula, binomial)} on the UCLA admissions with
 * two derived columns (reference/r-formula-glm.R and .properties): the model matrix's column names,
 * coefficients, standard errors, deviance and AIC.
 */
class FormulaGlmTest {

    private static final Properties R = load();
    /** Coefficients and standard errors: relative to R's. */
    private static final double COEFFICIENTS = 1e-6;
    /** Deviance, null deviance and AIC. */
    private static final double DEVIANCE = 1e-8;
    /** Fitted values and predictions of new rows against R's predict.glm: relative (measured about 1e-15). */
    private static final double PREDICTIONS = 1e-10;

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = FormulaGlmTest.class.getResourceAsStream("/reference/r-formula-glm.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String r(String key) {
        String v = R.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no reference value " + key);
        }
        return v;
    }

    /**
     * The UCLA admissions with R's derived columns, for 1-based row i: band = "hi" if gpa &ge; 3.4 else
     * "lo", w = 1 + (i mod 3); only the given columns, or all six.
     */
    static Table data(List<String> columns) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = FormulaGlmTest.class.getResourceAsStream("/data/ucla_admissions.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = List.of("admit", "gre", "gpa", "rank", "band", "w");
        StringBuilder text = new StringBuilder();
        List<String> keep = columns == null ? all : columns;
        text.append(String.join(",", keep)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            double gpa = Double.parseDouble(f[2]);
            String[] cells = {f[0], f[1], f[2], f[3], gpa >= 3.4 ? "hi" : "lo", String.valueOf(1 + i % 3)};
            List<String> row = new ArrayList<>();
            for (String c : keep) {
                row.add(cells[all.indexOf(c)]);
            }
            text.append(String.join(",", row)).append('\n');
        }
        return Table.read(new StringReader(text.toString()), "ucla_admissions.csv", ',', null, Set.of());
    }

    static Design design(String tag) {
        String data = R.getProperty(tag + ".data");
        Table table = data(data == null ? null : Arrays.asList(data.split("\\|")));
        boolean weighted = Boolean.parseBoolean(r(tag + ".weighted"));
        return Design.build(table, Formula.parse(r(tag + ".formula")), null, weighted ? "w" : null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"numnum", "catnum", "catcat", "nomargin", "functions", "zero", "minusone", "minusonecat",
        "offset", "dotminus", "dotweighted"})
    void theFitOfTheFormulaIsRs(String tag) {
        Design design = design(tag);
        List<String> columns = Arrays.asList(r(tag + ".columns").split("\\|"));
        assertEquals(columns, design.terms(), tag + " columns");
        assertEquals(columns.contains(Design.INTERCEPT), design.intercept(), tag + " intercept");
        assertEquals(Integer.parseInt(r(tag + ".nobs")), design.rowsUsed());
        Fit fit = LogisticRegression.newton().withTolerance(1e-11).fit(design);
        assertTrue(fit.converged(), tag + " " + fit.warnings());
        assertEquals(columns, fit.terms(), tag + " terms");
        double[] theta = fit.theta();
        Inference inf = fit.inference();
        assertTrue(inf.hasWald(), inf.reason());
        double[] se = inf.standardErrors();
        for (int j = 0; j < columns.size(); j++) {
            String c = columns.get(j);
            assertRelative(Double.parseDouble(r(tag + ".coef[" + c + "]")), theta[j], COEFFICIENTS,
                    tag + " coefficient " + c);
            assertRelative(Double.parseDouble(r(tag + ".se[" + c + "]")), se[j], COEFFICIENTS,
                    tag + " standard error " + c);
        }
        assertRelative(Double.parseDouble(r(tag + ".deviance")), inf.deviance(), DEVIANCE, tag + " deviance");
        assertRelative(Double.parseDouble(r(tag + ".null.deviance")), inf.nullDeviance(), DEVIANCE,
                tag + " null deviance");
        assertRelative(Double.parseDouble(r(tag + ".aic")), inf.aic(), DEVIANCE, tag + " AIC");
    }

    @Test
    void theOffsetsAreTheSumPerRow() {
        Design design = design("offset");
        assertTrue(design.hasOffsets());
        double[] o = design.offsets();
        assertEquals(400, o.length);
        assertEquals(3.61 / 2, o[0], 0.0);
        assertFalse(design("numnum").hasOffsets());
        Design twice = Design.build(data(null), Formula.parse("admit ~ gre + offset(gpa) + offset(w)"), null, null);
        assertEquals(3.61 + 2, twice.offsets()[0], 0.0);
    }

    @Test
    void interactionsVaryTheFirstFactorFastest() {
        Table t = DesignTest.csv("y,f,g,x\n0,a,p,1\n1,b,q,2\n0,a,q,3\n1,b,p,4\n0,a,p,5\n1,b,q,0.5\n");
        Design d = Design.build(t, Formula.parse("y ~ f:g + x:f - 1"), null, null);
        // R: colnames(model.matrix(~ f:g + x:f - 1)) = fa:gp fb:gp fa:gq fb:gq fa:x fb:x; the interaction's
        // factors are in the order the variables first appear (f before x).
        assertEquals(List.of("fa:gp", "fb:gp", "fa:gq", "fb:gq", "fa:x", "fb:x"), d.columnNames());
        double[][] x = d.x();
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 2}, x[1]);
        assertArrayEquals(new double[] {0, 0, 1, 0, 3, 0}, x[2]);
        Design n = Design.build(t, Formula.parse("y ~ factor(x) + g"), null, null);
        assertEquals(List.of("(Intercept)", "factor(x)1", "factor(x)2", "factor(x)3", "factor(x)4", "factor(x)5",
                "gq"), n.terms());
    }

    @Test
    void rowsWithAMissingCellAnyVariableReadsAreDropped() {
        Table t = DesignTest.csv("y,a,b,c\n0,1,2,\n1,,3,1\n0,3,,1\n1,1,2,1\n0,2,1,1\n1,3,3,1\n");
        // b is removed from the terms but is a variable of the model frame, as in R; c is not read.
        Design d = Design.build(t, Formula.parse("y ~ a + b - b"), null, null);
        assertEquals(List.of("(Intercept)", "a"), d.terms());
        assertArrayEquals(new int[] {0, 3, 4, 5}, d.rows());
    }

    @Test
    void theLevelsAreThoseOfTheRowsUsed() {
        // R: glm(y ~ g + x) and glm(y ~ factor(r) + x) on these rows drop the row with x missing, and with it
        // the only row of level c (of r: 3): model.frame's drop.unused.levels gives (Intercept) gb x and
        // (Intercept) factor(r)2 x.
        Table t = DesignTest.csv("y,g,x,r\n0,a,1,1\n1,b,2,2\n0,a,3,1\n1,b,4,2\n0,c,,3\n1,a,5,1\n");
        assertEquals(List.of("(Intercept)", "gb", "x"),
                Design.build(t, Formula.parse("y ~ g + x"), null, null).terms());
        assertEquals(List.of("(Intercept)", "factor(r)2", "x"),
                Design.build(t, Formula.parse("y ~ factor(r) + x"), null, null).terms());
    }

    @Test
    void mistakesAreRefused() {
        Table t = data(null);
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> Design.build(t, Formula.parse("admit ~ gre + nope"), null, null)).getMessage();
        assertTrue(unknown.contains("nope") && unknown.contains("position"), unknown);
        String response = assertThrows(IllegalArgumentException.class,
                () -> Design.build(t, Formula.parse("log(admit) ~ gre"), null, null)).getMessage();
        assertTrue(response.contains("must be a column"), response);
        String infinite = assertThrows(IllegalArgumentException.class,
                () -> Design.build(t, Formula.parse("admit ~ log(gre - 380)"), null, null)).getMessage();
        assertTrue(infinite.contains("row 1") && infinite.contains("log(gre - 380)"), infinite);
        String categorical = assertThrows(IllegalArgumentException.class,
                () -> Design.build(t, Formula.parse("admit ~ log(band)"), null, null)).getMessage();
        assertTrue(categorical.contains("categorical"), categorical);
        String multinomial = assertThrows(IllegalArgumentException.class,
                () -> Design.build(t, Formula.parse("rank ~ gre + offset(gpa)"), null, null)).getMessage();
        assertTrue(multinomial.contains("offset") && multinomial.contains("two classes"), multinomial);
        Design noEncoder = Design.build(t, Formula.parse("admit ~ gre"), null, null);
        assertEquals(noEncoder.columnNames(), noEncoder.encoder().columnNames());
        assertEquals("admit ~ gre", noEncoder.formula());
        assertEquals("admit ~ gre + gpa + rank + band + w", Design.build(t, Formula.parse("admit ~ ."), null, "w")
                .formula().replace(" - 1", ""));
    }

    @Test
    void aMultinomialFormulaFits() {
        Design d = Design.build(data(null), Formula.parse("rank ~ gpa + band"), null, null);
        assertTrue(d.multinomial());
        assertEquals(List.of("(Intercept)", "gpa", "bandlo"), d.terms());
        assertTrue(LogisticRegression.newton().fit(d).converged());
    }

    /** The new rows of r-formula-glm.R, nd: not rows of the data; band and w derived as there. */
    private static Table newRows(String header) {
        double[] gre = {380, 520, 660, 800, 450};
        double[] gpa = {2.5, 3.1, 3.65, 4, 2.26};
        int[] rank = {1, 2, 3, 4, 2};
        StringBuilder text = new StringBuilder(header).append('\n');
        for (int k = 0; k < gre.length; k++) {
            text.append((int) gre[k]).append(',').append(gpa[k]).append(',').append(rank[k]).append(',')
                    .append(gpa[k] >= 3.4 ? "hi" : "lo").append(',').append(1 + (k + 1) % 3).append('\n');
        }
        return Table.read(new StringReader(text.toString()), "new.csv", ',', null, Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"catnum", "functions", "offset"})
    void aSavedFormulaModelPredictsAsRsPredictGlm(String tag) throws IOException {
        Design design = design(tag);
        Fit fit = LogisticRegression.newton().withTolerance(1e-11).fit(design);
        Model model = fit.model();
        assertTrue(model.encoder().orElseThrow().formula().isPresent(), tag);
        java.io.StringWriter first = new java.io.StringWriter();
        model.write(first);
        Model read = Model.read(new StringReader(first.toString()));
        java.io.StringWriter second = new java.io.StringWriter();
        read.write(second);
        assertEquals(first.toString(), second.toString(), tag + ": the file reads back bit for bit");
        assertEquals(model.encoder(), read.encoder(), tag);
        assertArrayEquals(model.coefficientsWithIntercept()[0], read.coefficientsWithIntercept()[0], tag);

        // The training rows: the fit's own fitted values (with the offset), and R's.
        Table train = data(R.getProperty(tag + ".data") == null ? null
                : Arrays.asList(R.getProperty(tag + ".data").split("\\|")));
        Scores own = read.score(train);
        double[][] x = design.x();
        double[] offsets = design.hasOffsets() ? design.offsets() : new double[x.length];
        double[] beta = model.coefficientsWithIntercept()[0];
        for (int i = 0; i < x.length; i++) {
            double z = beta[0] + offsets[i];
            for (int j = 0; j < x[i].length; j++) {
                z += beta[j + 1] * x[i][j];
            }
            assertRelative(1 / (1 + Math.exp(-z)), own.probabilities()[i][1], 1e-13, tag + " row " + (i + 1));
        }
        for (int k = 1; k <= 3; k++) {
            assertRelative(Double.parseDouble(r(tag + ".fitted[" + k + "]")), own.probabilities()[k - 1][1],
                    PREDICTIONS, tag + " fitted " + k);
        }
        // New rows, their columns in another order: R's predict(fit, newdata, type = "response").
        Scores fresh = read.score(newRows("gre,gpa,rank,band,w"));
        for (int k = 1; k <= 5; k++) {
            assertRelative(Double.parseDouble(r(tag + ".predict[" + k + "]")), fresh.probabilities()[k - 1][1],
                    PREDICTIONS, tag + " predict " + k);
        }
    }

    @Test
    void aFormulaModelHandlesAnUnseenLevelAsAFeatureModelDoes() {
        Model model = LogisticRegression.newton().fit(design("catnum")).model();
        Table unseen = Table.read(new StringReader("gpa,rank\n3,2\n3,7\n,1\n"), "new.csv", ',', null, Set.of());
        String message = assertThrows(IllegalArgumentException.class, () -> model.score(unseen)).getMessage();
        assertTrue(message.contains("row 2") && message.contains("'rank'") && message.contains("'7'")
                && message.contains("not seen"), message);
        Scores missing = model.score(unseen, Encoder.UnseenLevel.MISSING);
        assertTrue(missing.scored(0));
        assertFalse(missing.scored(1));
        assertFalse(missing.scored(2), "a missing cell");
        Table noGpa = Table.read(new StringReader("rank\n2\n"), "new.csv", ',', null, Set.of());
        String column = assertThrows(IllegalArgumentException.class, () -> model.score(noGpa)).getMessage();
        assertTrue(column.contains("no column 'gpa'"), column);
    }

    @Test
    void aMultinomialFormulaModelSavesAndPredicts() throws IOException {
        Design d = Design.build(data(null), Formula.parse("rank ~ gpa + band"), null, null);
        Model model = LogisticRegression.newton().fit(d).model();
        java.io.StringWriter out = new java.io.StringWriter();
        model.write(out);
        Model read = Model.read(new StringReader(out.toString()));
        Scores s = read.score(data(null));
        double[][] p = model.probabilities(d.x());
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], s.probabilities()[i], 1e-14, "row " + (i + 1));
        }
    }

    @Test
    void aModelFileOfAFormulaIsValidated() {
        String bad = assertThrows(IllegalArgumentException.class, () -> Encoder.ofFormula(Formula.parse(
                "admit ~ gre + factor(rank)"), List.of("0", "1"), java.util.Map.of())).getMessage();
        assertTrue(bad.contains("factor(rank)") && bad.contains("no levels"), bad);
        String single = assertThrows(IllegalArgumentException.class, () -> Encoder.ofFormula(Formula.parse(
                "admit ~ band"), List.of("0", "1"), java.util.Map.of("band", List.of("hi")))).getMessage();
        assertTrue(single.contains("single level"), single);
        String other = assertThrows(IllegalArgumentException.class, () -> Encoder.ofFormula(Formula.parse(
                "admit ~ log(gre)"), List.of("0", "1"), java.util.Map.of("gre", List.of("1", "2")))).getMessage();
        assertTrue(other.contains("'gre'"), other);
    }
}
