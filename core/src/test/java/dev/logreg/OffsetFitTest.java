package dev.logreg;

import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fits with an offset through the public API ({@link LogisticRegression#withOffset}) against R's
 * {@code glm(admit ~ gre + gpa + factor(rank), binomial, offset = o)} on the UCLA admissions
 * (reference/r-offset.R and .properties): coefficients, standard errors at the estimate, deviance, null
 * deviance (R's: the intercept alone fitted with the offset) and AIC, plain and weighted; the intercept
 * alone; gradient descent; a penalized fit; an aliased column; and the offsets refused.
 */
class OffsetFitTest {

    /** R's coefficient names, in the order of the columns of {@link Data#ucla()} with the intercept first. */
    private static final String[] TERMS = {"(Intercept)", "gre", "gpa", "factor(rank)2", "factor(rank)3",
        "factor(rank)4"};
    private static final Data.Dataset UCLA = Data.ucla();
    private static final double[] OFFSETS = Data.uclaOffsets(UCLA);

    private static LogisticRegression newton() {
        return LogisticRegression.newton().withTolerance(Tolerances.NEWTON_OFFSET_GRADIENT);
    }

    /** Checks a fit and its inference against R's values under {@code tag}. */
    private static void checkAgainstR(String tag, BinomialFit fit, double coefficientTolerance) {
        assertTrue(fit.converged(), fit.warnings().toString());
        double[] theta = fit.theta();
        Inference inf = fit.inference();
        assertTrue(inf.hasWald(), inf.reason());
        double[] se = inf.standardErrors();
        for (int j = 0; j < TERMS.length; j++) {
            assertRelative(Data.rOffset(tag + ".coef[" + TERMS[j] + "]"), theta[j], coefficientTolerance,
                    tag + " coefficient " + TERMS[j]);
            assertRelative(Data.rOffset(tag + ".se[" + TERMS[j] + "]"), se[j],
                    coefficientTolerance == Tolerances.R_OFFSET_COEFFICIENTS ? Tolerances.R_OFFSET_STANDARD_ERRORS
                            : coefficientTolerance, tag + " standard error " + TERMS[j]);
        }
        assertRelative(Data.rOffset(tag + ".deviance"), inf.deviance(), Tolerances.R_OFFSET_DEVIANCE,
                tag + " deviance");
        assertRelative(Data.rOffset(tag + ".null.deviance"), inf.nullDeviance(), Tolerances.R_OFFSET_DEVIANCE,
                tag + " null deviance");
        assertRelative(Data.rOffset(tag + ".aic"), inf.aic(), Tolerances.R_OFFSET_DEVIANCE, tag + " AIC");
    }

    @Test
    void theFitWithAnOffsetIsRs() {
        BinomialFit fit = newton().withOffset(OFFSETS).fit(UCLA.x(), UCLA.y());
        checkAgainstR("offset.plain", fit, Tolerances.R_OFFSET_COEFFICIENTS);
        Inference inf = fit.inference();
        // With integer weights the log-likelihood is -D/2, and the null model's -D0/2.
        assertRelative(-inf.deviance() / 2, inf.logLikelihood(), Tolerances.SAME_MATH, "log-likelihood");
        assertRelative(-inf.nullDeviance() / 2, inf.nullLogLikelihood(), Tolerances.SAME_MATH,
                "null log-likelihood");
        assertEquals(399, inf.dfNull());
        assertEquals(394, inf.dfResidual());
        // The offset matters: the fit without it is elsewhere.
        BinomialFit without = newton().fit(UCLA.x(), UCLA.y());
        assertTrue(Math.abs(without.theta()[2] - fit.theta()[2]) > 1e-2, "gpa moved by the offset");
        assertTrue(Math.abs(without.inference().nullDeviance() - inf.nullDeviance()) > 1, "the null deviance moved");
    }

    @Test
    void theWeightedFitWithAnOffsetIsRs() {
        BinomialFit fit = newton().withOffset(OFFSETS).fit(UCLA.x(), UCLA.y(), Data.uclaWeights(400));
        checkAgainstR("offset.weighted", fit, Tolerances.R_OFFSET_COEFFICIENTS);
    }

    @Test
    void theInterceptAloneWithTheOffsetIsRs() {
        double[][] none = new double[400][0];
        BinomialFit fit = newton().withOffset(OFFSETS).fit(none, UCLA.y());
        assertTrue(fit.converged());
        assertRelative(Data.rOffset("offset.null.coef[(Intercept)]"), fit.intercept(),
                Tolerances.R_OFFSET_COEFFICIENTS, "intercept");
        Inference inf = fit.inference();
        assertRelative(Data.rOffset("offset.null.se[(Intercept)]"), inf.standardErrors()[0],
                Tolerances.R_OFFSET_STANDARD_ERRORS, "standard error");
        assertRelative(Data.rOffset("offset.null.deviance"), inf.deviance(), Tolerances.R_OFFSET_DEVIANCE, "deviance");
        assertRelative(Data.rOffset("offset.null.null.deviance"), inf.nullDeviance(), Tolerances.R_OFFSET_DEVIANCE,
                "null deviance");
        assertRelative(Data.rOffset("offset.null.aic"), inf.aic(), Tolerances.R_OFFSET_DEVIANCE, "AIC");
        assertEquals(0, inf.likelihoodRatioDf());
    }

    @Test
    void withoutAnInterceptTheNullDevianceIsThatOfTheOffsetAlone() {
        BinomialFit fit = newton().withIntercept(false).withOffset(OFFSETS).fit(UCLA.x(), UCLA.y());
        assertTrue(fit.converged());
        double deviance = 0;
        for (int i = 0; i < 400; i++) {
            double p = 1 / (1 + Math.exp(-OFFSETS[i]));
            deviance -= 2 * Math.log(UCLA.y()[i] == 1 ? p : 1 - p);
        }
        assertRelative(deviance, fit.inference().nullDeviance(), Tolerances.SAME_MATH, "null deviance at eta = o");
        assertEquals(400, fit.inference().dfNull());
    }

    @Test
    void gradientDescentReachesTheSameOptimum() {
        BinomialFit fit = LogisticRegression.gradientDescent().withStandardize(true)
                .withTolerance(Tolerances.GRADIENT_DESCENT_OFFSET_GRADIENT).withMaxIterations(1_000_000)
                .withOffset(OFFSETS).fit(UCLA.x(), UCLA.y());
        checkAgainstR("offset.plain", fit, Tolerances.GRADIENT_DESCENT_OFFSET_COEFFICIENTS);
    }

    @Test
    void standardizationAndWeightScalesLeaveTheOffsetFitAsItIs() {
        BinomialFit plain = newton().withOffset(OFFSETS).fit(UCLA.x(), UCLA.y(), Data.uclaWeights(400));
        double[] huge = Data.uclaWeights(400);
        for (int i = 0; i < huge.length; i++) {
            huge[i] = Math.scalb(huge[i], 900);
        }
        BinomialFit scaled = newton().withStandardize(true).withOffset(OFFSETS).fit(UCLA.x(), UCLA.y(), huge);
        double[] a = plain.theta();
        double[] b = scaled.theta();
        for (int j = 0; j < a.length; j++) {
            assertRelative(a[j], b[j], Tolerances.R_OFFSET_COEFFICIENTS, TERMS[j]);
        }
        assertRelative(Math.scalb(plain.inference().nullDeviance(), 900), scaled.inference().nullDeviance(),
                Tolerances.R_OFFSET_DEVIANCE, "null deviance with weights 2^900 w");
    }

    @Test
    void anExtremeColumnScaleLeavesTheOffsetFitAsItIs() {
        // gre times 2^700: the column is equilibrated (rescaled by a power of two) for the solve.
        double[][] x = new double[400][];
        for (int i = 0; i < 400; i++) {
            x[i] = UCLA.x()[i].clone();
            x[i][0] = Math.scalb(x[i][0], 700);
        }
        BinomialFit fit = newton().withOffset(OFFSETS).fit(x, UCLA.y());
        double[] theta = fit.theta();
        theta[1] = Math.scalb(theta[1], 700);
        double[] se = fit.inference().standardErrors();
        se[1] = Math.scalb(se[1], 700);
        for (int j = 0; j < TERMS.length; j++) {
            assertRelative(Data.rOffset("offset.plain.coef[" + TERMS[j] + "]"), theta[j],
                    Tolerances.R_OFFSET_COEFFICIENTS, TERMS[j]);
            assertRelative(Data.rOffset("offset.plain.se[" + TERMS[j] + "]"), se[j],
                    Tolerances.R_OFFSET_STANDARD_ERRORS, "standard error " + TERMS[j]);
        }
        assertRelative(Data.rOffset("offset.plain.null.deviance"), fit.inference().nullDeviance(),
                Tolerances.R_OFFSET_DEVIANCE, "null deviance");
    }

    @Test
    void theInformationByCholeskyIsTheOneByQr() {
        long saved = Inference.qrMaxElements;
        Inference.qrMaxElements = 0;
        try {
            checkAgainstR("offset.weighted", newton().withOffset(OFFSETS).fit(UCLA.x(), UCLA.y(), Data.uclaWeights(400)),
                    Tolerances.R_OFFSET_COEFFICIENTS);
        } finally {
            Inference.qrMaxElements = saved;
        }
    }

    @Test
    void aPenalizedFitWithAnOffsetRunsWithoutWaldInference() {
        BinomialFit fit = newton().withL2(0.01).withOffset(OFFSETS).fit(UCLA.x(), UCLA.y());
        assertTrue(fit.converged(), fit.warnings().toString());
        Inference inf = fit.inference();
        assertTrue(inf.penalized());
        assertFalse(inf.hasWald());
        assertThrows(IllegalStateException.class, inf::standardErrors);
        assertThrows(IllegalStateException.class, inf::aic);
        // The null model has no penalty and does not depend on lambda.
        assertRelative(Data.rOffset("offset.plain.null.deviance"), inf.nullDeviance(), Tolerances.R_OFFSET_DEVIANCE,
                "null deviance");
        // The penalty pulls the coefficients towards 0 from the maximum-likelihood ones.
        BinomialFit ml = newton().withOffset(OFFSETS).fit(UCLA.x(), UCLA.y());
        assertTrue(Math.abs(fit.theta()[3]) < Math.abs(ml.theta()[3]), "rank 2 shrunk");
        assertTrue(fit.summary().contains("Offset: yes (user-supplied)"));
    }

    @Test
    void anAliasedColumnIsDroppedAndTheRestIsRs() {
        double[][] x = new double[400][];
        for (int i = 0; i < 400; i++) {
            double[] r = UCLA.x()[i];
            x[i] = new double[] {r[0], r[1], r[0] / 100 + 2 * r[1], r[2], r[3], r[4]};
        }
        BinomialFit fit = newton().withFeatureNames(List.of("gre", "gpa", "dup", "factor(rank)2", "factor(rank)3",
                "factor(rank)4")).withOffset(OFFSETS).fit(x, UCLA.y());
        assertEquals(List.of(Data.rOffsetText("offset.aliased.aliased")), fit.aliased());
        assertTrue(fit.converged(), fit.warnings().toString());
        double[] theta = fit.theta();
        Inference inf = fit.inference();
        double[] se = inf.standardErrors();
        int[] columns = {0, 1, 2, 4, 5, 6};
        for (int k = 0; k < TERMS.length; k++) {
            int j = columns[k];
            assertRelative(Data.rOffset("offset.aliased.coef[" + TERMS[k] + "]"), theta[j],
                    Tolerances.R_OFFSET_COEFFICIENTS, "coefficient " + TERMS[k]);
            assertRelative(Data.rOffset("offset.aliased.se[" + TERMS[k] + "]"), se[j],
                    Tolerances.R_OFFSET_STANDARD_ERRORS, "standard error " + TERMS[k]);
        }
        assertEquals(0.0, theta[3]);
        assertTrue(Double.isNaN(se[3]));
        assertRelative(Data.rOffset("offset.aliased.deviance"), inf.deviance(), Tolerances.R_OFFSET_DEVIANCE,
                "deviance");
        assertRelative(Data.rOffset("offset.aliased.null.deviance"), inf.nullDeviance(),
                Tolerances.R_OFFSET_DEVIANCE, "null deviance");
        assertRelative(Data.rOffset("offset.aliased.aic"), inf.aic(), Tolerances.R_OFFSET_DEVIANCE, "AIC");
        assertEquals(6, inf.parameters());
    }

    @Test
    void separationIsFoundWithAnOffset() {
        // x separates the classes; the offsets do not remove the separation (no finite estimate exists).
        double[][] x = {{-3}, {-2}, {-1}, {-0.5}, {0.5}, {1}, {2}, {3}};
        double[] y = {0, 0, 0, 0, 1, 1, 1, 1};
        double[] o = {0.3, -0.2, 0.1, 0.4, -0.3, 0.2, -0.1, 0.5};
        BinomialFit fit = LogisticRegression.newton().withOffset(o).fit(x, y);
        assertTrue(fit.separation(), fit.warnings().toString());
        assertEquals(List.of("x1"), fit.divergingTerms());
    }

    @Test
    void anOffsetThatClassifiesIsNotSeparation() {
        // Offsets alone put every row on its side; x itself does not separate: a finite optimum.
        double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}};
        double[] y = {0, 1, 0, 1, 1, 0};
        double[] o = {-20, 20, -20, 20, 20, -20};
        BinomialFit fit = LogisticRegression.newton().withOffset(o).fit(x, y);
        assertFalse(fit.divergingTerms().contains("x1"), fit.warnings().toString());
    }

    @Test
    void theSummaryAndTheModelFileSayThereWasAnOffset() throws java.io.IOException {
        BinomialFit fit = newton().withOffset(OFFSETS).fit(UCLA.x(), UCLA.y());
        assertTrue(fit.summary().contains("\nOffset: yes (user-supplied)"), fit.summary());
        assertTrue(fit.model().fitSummary().orElseThrow().offset());
        BinomialFit without = newton().fit(UCLA.x(), UCLA.y());
        assertFalse(without.summary().contains("Offset:"));
        assertFalse(without.model().fitSummary().orElseThrow().offset());
        // The model file keeps it ("offset": true, written only for a fit with an offset).
        java.io.StringWriter text = new java.io.StringWriter();
        fit.model().write(text);
        assertTrue(text.toString().contains("\"offset\""), text.toString());
        Model back = Model.read(new java.io.StringReader(text.toString()));
        assertTrue(back.fitSummary().orElseThrow().offset());
        java.io.StringWriter plain = new java.io.StringWriter();
        without.model().write(plain);
        assertFalse(plain.toString().contains("\"offset\""), plain.toString());
        assertFalse(Model.read(new java.io.StringReader(plain.toString())).fitSummary().orElseThrow().offset());
    }

    @Test
    void theModelPredictsWithoutTheOffset() {
        BinomialFit fit = newton().withOffset(OFFSETS).fit(UCLA.x(), UCLA.y());
        double[] row = UCLA.x()[7];
        double eta = fit.intercept();
        double[] beta = fit.featureCoefficients();
        for (int j = 0; j < beta.length; j++) {
            eta += beta[j] * row[j];
        }
        assertRelative(1 / (1 + Math.exp(-eta)), fit.model().probability(row), Tolerances.SAME_MATH, "p without o");
    }

    @Test
    void theOffsetIsCopied() {
        double[] o = OFFSETS.clone();
        LogisticRegression settings = newton().withOffset(o);
        o[0] = Double.NaN;
        assertArrayEquals(OFFSETS, settings.offset());
        assertTrue(settings.hasOffset());
        assertFalse(settings.withOffset(null).hasOffset());
        checkAgainstR("offset.plain", settings.fit(UCLA.x(), UCLA.y()), Tolerances.R_OFFSET_COEFFICIENTS);
    }

    @Test
    void badOffsetsAreRefusedNamingTheProblem() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> newton().withOffset(new double[399]).fit(UCLA.x(), UCLA.y()));
        assertTrue(length.getMessage().contains("length 399") && length.getMessage().contains("400 rows"),
                length.getMessage());
        double[] nan = OFFSETS.clone();
        nan[17] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> newton().withOffset(nan).fit(UCLA.x(), UCLA.y()));
        assertTrue(e.getMessage().contains("offset[17] = NaN"), e.getMessage());
        double[] inf = OFFSETS.clone();
        inf[3] = Double.NEGATIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> newton().withOffset(inf).fit(UCLA.x(), UCLA.y()));
        assertTrue(e.getMessage().contains("offset[3] = -Infinity") && e.getMessage().contains("not finite"),
                e.getMessage());
    }

    @Test
    void aDesignFitWithAnOffsetIsRefused() throws java.io.IOException {
        dev.logreg.data.Table table = dev.logreg.data.Table.read(new java.io.StringReader(
                "y,a\n0,1\n1,2\n0,3\n1,1\n0,2\n"), "t.csv", ',', null, List.of());
        dev.logreg.data.Design design = dev.logreg.data.Design.build(table, dev.logreg.data.ModelSpec.of("y"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().withOffset(new double[5]).fit(design));
        assertTrue(e.getMessage().contains("Design") && e.getMessage().contains("offset"), e.getMessage());
        LogisticRegression.newton().withOffset(null).fit(design);
    }

    @Test
    void aMultinomialFitWithAnOffsetIsRefused() {
        Data.Iris iris = Data.iris();
        double[] o = new double[iris.x().length];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().withOffset(o).fit(iris.x(), iris.y()));
        assertTrue(e.getMessage().contains("offsets are for two classes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().withOffset(o).fitMultinomial(iris.x(), iris.y()));
        assertTrue(e.getMessage().contains("offsets are for two classes"), e.getMessage());
        // Two classes by class labels are a binomial fit, which takes the offset.
        int[] labels = new int[400];
        for (int i = 0; i < 400; i++) {
            labels[i] = (int) UCLA.y()[i];
        }
        Fit fit = newton().withOffset(OFFSETS).fit(UCLA.x(), labels);
        checkAgainstR("offset.plain", (BinomialFit) fit, Tolerances.R_OFFSET_COEFFICIENTS);
    }
}
