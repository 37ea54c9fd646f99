package dev.logreg;

import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.solve.Warning;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inference at the UCLA fit against R 4.2.2's summary.glm, logLik, AIC, BIC and confint.default. */
class InferenceTest {

    /** R's term keys in the order of the UCLA design: intercept, gre, gpa, rank 2..4. */
    private static final String[] TERMS = {"Intercept", "gre", "gpa", "factorrank2", "factorrank3", "factorrank4"};

    /**
     * Standard errors at the optimum against R's QR at the same point: the coefficients agree to
     * 1e-14, and the covariance's error grows with cond(D^(1/2) X) ~ 1e3 on these raw columns.
     */
    private static final double EXACT_SE = 1e-11;

    private static Inference ucla(double[] weights, double level) {
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y(), weights);
        return fit.inference(level);
    }

    private static void assertTerms(String prefix, String stat, double[] actual, double tol) {
        assertEquals(TERMS.length, actual.length);
        for (int j = 0; j < TERMS.length; j++) {
            assertRelative(Data.r(prefix + "." + stat + "." + TERMS[j]), actual[j], tol, stat + " " + TERMS[j]);
        }
    }

    @Test
    void uclaMatchesSummaryGlm() {
        Inference inf = ucla(null, Inference.DEFAULT_LEVEL);
        assertTrue(inf.hasWald());
        // The published figures, and R's 17 digits.
        double[] published = {1.139951, 0.001094, 0.331819, 0.316490, 0.345306, 0.417832};
        double[] se = inf.standardErrors();
        for (int j = 0; j < se.length; j++) {
            assertEquals(published[j], se[j], 0.5e-6 * Math.max(1, Math.abs(published[j])) + 0.5e-6, "SE " + TERMS[j]);
        }
        // summary.glm's own figures come from the weights of its last IRLS iterate (2e-8 away); the
        // standard errors at the optimum itself, from R's QR, agree to the last digits.
        assertTerms("a", "se", se, Tolerances.R_REFERENCE);
        assertTerms("g.a", "se", se, EXACT_SE);
        assertTerms("a", "z", inf.z(), Tolerances.R_REFERENCE);
        assertTerms("a", "p", inf.p(), Tolerances.R_REFERENCE);
        assertRelative(Data.r("a.deviance"), inf.deviance(), Tolerances.R_LAST_DIGITS, "deviance");
        assertRelative(Data.r("a.null.deviance"), inf.nullDeviance(), Tolerances.R_LAST_DIGITS, "null deviance");
        assertRelative(Data.r("a.AIC"), inf.aic(), Tolerances.R_LAST_DIGITS, "AIC");
        assertRelative(Data.r("a.BIC"), inf.bic(), Tolerances.R_LAST_DIGITS, "BIC");
        assertRelative(Data.r("a.logLik"), inf.logLikelihood(), Tolerances.R_LAST_DIGITS, "logLik");
        assertRelative(Data.r("f.a.nullLogLik"), inf.nullLogLikelihood(), Tolerances.R_LAST_DIGITS, "null logLik");
        assertRelative(458.5175, inf.deviance(), Tolerances.R_REFERENCE, "published deviance");
        assertRelative(499.9765, inf.nullDeviance(), Tolerances.R_REFERENCE, "published null deviance");
        assertRelative(470.5175, inf.aic(), Tolerances.R_REFERENCE, "published AIC");
        assertRelative(-229.2587, inf.logLikelihood(), Tolerances.R_REFERENCE, "published logLik");
        assertEquals((int) Data.r("a.df.residual"), inf.dfResidual());
        assertEquals((int) Data.r("a.df.null"), inf.dfNull());
        assertEquals(400, inf.observations());
        assertEquals(6, inf.parameters());
        assertRelative(Data.r("f.a.lr.statistic"), inf.likelihoodRatio(), 1e-10, "LR statistic");
        assertEquals(5, inf.likelihoodRatioDf());
        assertRelative(Data.r("f.a.lr.p"), inf.likelihoodRatioP(), Tolerances.R_REFERENCE, "LR p");
        assertRelative(1 - Data.r("a.logLik") / Data.r("f.a.nullLogLik"), inf.pseudoR2(), Tolerances.R_LAST_DIGITS,
                "McFadden");
        assertTrue(inf.warnings().isEmpty(), inf.warnings().toString());
    }

    /**
     * Both factorizations of the information, QR of D^(1/2)X (the default at this size) and Cholesky of
     * X'DX accumulated by the kernel (the one used above {@link Inference#QR_MAX_ELEMENTS}), give R's
     * standard errors at the optimum.
     */
    @ParameterizedTest(name = "switch at {0} elements")
    @ValueSource(longs = {0, Inference.QR_MAX_ELEMENTS})
    void bothFactorizationsGiveRsStandardErrors(long switchAt) {
        long saved = Inference.qrMaxElements;
        Inference.qrMaxElements = switchAt;
        try {
            Inference inf = ucla(null, Inference.DEFAULT_LEVEL);
            assertTerms("g.a", "se", inf.standardErrors(), EXACT_SE);
            assertTerms("a", "z", inf.z(), Tolerances.R_REFERENCE);
        } finally {
            Inference.qrMaxElements = saved;
        }
    }

    @Test
    void waldIntervalsMatchConfintDefault() {
        Inference inf = ucla(null, 0.9);
        assertTerms("f.a.ci90", "lower", inf.lower(), Tolerances.R_REFERENCE);
        assertTerms("f.a.ci90", "upper", inf.upper(), Tolerances.R_REFERENCE);
        double[] orLow = inf.oddsRatioLower();
        double[] orHigh = inf.oddsRatioUpper();
        double[] or = inf.oddsRatios();
        for (int j = 0; j < or.length; j++) {
            assertRelative(Math.exp(inf.lower()[j]), orLow[j], Tolerances.SCALAR, "OR lower " + j);
            assertTrue(orLow[j] < or[j] && or[j] < orHigh[j], "OR inside its interval, term " + j);
        }
    }

    @Test
    void integerPriorWeightsFollowGlm() {
        Inference inf = ucla(Data.uclaWeights(400), Inference.DEFAULT_LEVEL);
        assertTerms("b", "se", inf.standardErrors(), Tolerances.R_REFERENCE);
        assertTerms("g.b", "se", inf.standardErrors(), EXACT_SE);
        assertRelative(Data.r("b.deviance"), inf.deviance(), 1e-12, "deviance");
        assertRelative(Data.r("b.null.deviance"), inf.nullDeviance(), 1e-12, "null deviance");
        assertRelative(Data.r("b.logLik"), inf.logLikelihood(), 1e-12, "logLik");
        assertRelative(Data.r("b.AIC"), inf.aic(), 1e-12, "AIC");
        assertRelative(Data.r("b.BIC"), inf.bic(), 1e-12, "BIC: log of the rows with positive weight, not of sum w");
    }

    @Test
    void nonIntegerPriorWeightsRoundInTheLikelihoodAsRDoes() {
        double[] w = new double[400];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.5 + 0.75 * ((i + 1) % 3);
        }
        Inference inf = ucla(w, Inference.DEFAULT_LEVEL);
        String[] terms = TERMS;
        double[] se = inf.standardErrors();
        for (int j = 0; j < terms.length; j++) {
            assertRelative(Data.r("f.w.se." + terms[j]), se[j], Tolerances.R_REFERENCE, "SE " + terms[j]);
        }
        assertRelative(Data.r("f.w.deviance"), inf.deviance(), 1e-12, "deviance (unrounded weights)");
        assertRelative(Data.r("f.w.logLik"), inf.logLikelihood(), 1e-12, "logLik (rounded weights)");
        assertRelative(Data.r("f.w.AIC"), inf.aic(), 1e-12, "AIC");
        assertRelative(Data.r("f.w.BIC"), inf.bic(), 1e-12, "BIC");
    }

    @Test
    void zeroWeightRowsAreNotObservations() {
        Data.Dataset d = Data.ucla();
        double[] w = new double[400];
        java.util.Arrays.fill(w, 1);
        w[3] = 0;
        w[7] = 0;
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y(), w);
        Inference inf = fit.inference();
        assertEquals(398, inf.observations());
        assertEquals(398 - 6, inf.dfResidual());
        assertEquals(397, inf.dfNull());
    }

    @Test
    void penalizedFitsReportNoWaldInference() {
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.newton().withL2(0.1).fit(d.x(), d.y());
        Inference inf = fit.inference();
        assertTrue(inf.penalized());
        assertFalse(inf.hasWald());
        assertTrue(inf.reason().contains("penalized"), inf.reason());
        IllegalStateException e = assertThrows(IllegalStateException.class, inf::standardErrors);
        assertTrue(e.getMessage().contains("penalized"), e.getMessage());
        assertThrows(IllegalStateException.class, inf::aic);
        assertThrows(IllegalStateException.class, inf::likelihoodRatioP);
        assertTrue(inf.deviance() > Data.r("a.deviance"), "the penalized fit fits worse");
        assertTrue(Double.isFinite(inf.logLikelihood()));
    }

    @Test
    void aliasedParametersAreNaAndDoNotCount() {
        // Two identical columns: the second is aliased, dropped from the fit and from k.
        double[][] x = new double[40][];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            double v = Math.sin(i);
            x[i] = new double[] {v, v};
            y[i] = (i * 7) % 3 == 0 ? 1 : 0;
        }
        BinomialFit fit = LogisticRegression.newton().fit(x, y);
        Inference inf = fit.inference();
        assertTrue(inf.hasWald(), String.valueOf(inf.reason()));
        assertEquals(2, inf.parameters());
        assertEquals(38, inf.dfResidual());
        assertTrue(Double.isNaN(inf.standardErrors()[2]) && Double.isNaN(inf.p()[2]), "R's NA for the alias");
        assertTrue(Double.isFinite(inf.standardErrors()[0]) && Double.isFinite(inf.standardErrors()[1]));
        assertRelative(-2 * inf.logLikelihood() + 2 * 2, inf.aic(), Tolerances.SCALAR, "AIC counts the rank");
        // The same model without the copy has the same inference for the kept terms.
        double[][] single = new double[40][];
        for (int i = 0; i < 40; i++) {
            single[i] = new double[] {x[i][0]};
        }
        Inference reference = LogisticRegression.newton().fit(single, y).inference();
        assertRelative(reference.standardErrors()[1], inf.standardErrors()[1], Tolerances.SAME_MATH, "SE");
        assertRelative(reference.aic(), inf.aic(), Tolerances.SAME_MATH, "AIC");
    }

    @Test
    void aSingularInformationMatrixIsAWarningNotANaN() {
        // Fitted probabilities of exactly 0 and 1 (|z| = 1e4): D = 0 and X^T D X = 0. The fit starts there,
        // where the gradient is 0, and stays.
        double[][] x = {{-1}, {-1}, {1}, {1}};
        double[] y = {0, 0, 1, 1};
        BinomialFit fit = LogisticRegression.newton().withWarmStart(new double[] {0, 1e4}).fit(x, y);
        assertEquals(0, fit.intercept());
        assertEquals(1e4, fit.featureCoefficients()[0]);
        Inference inf = fit.inference();
        assertFalse(inf.hasWald());
        assertEquals(1, inf.warnings().size());
        assertTrue(inf.warnings().get(0).message().contains("singular"), inf.warnings().toString());
        assertEquals(Warning.Kind.INFERENCE, inf.warnings().get(0).kind());
        assertThrows(IllegalStateException.class, inf::standardErrors);
        assertTrue(Double.isFinite(inf.aic()) && Double.isFinite(inf.logLikelihood()));
    }

    @Test
    void badArgumentsNameWhatIsWrong() {
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y());
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class, () -> fit.inference(1.0));
        assertTrue(level.getMessage().contains("1.0"), level.getMessage());
    }

    @Test
    void zeroWeightsAreNoObservationsAsInR() {
        double[] w = new double[400];
        for (int i = 0; i < 400; i++) {
            w[i] = (i + 1) % 4 != 0 ? 1 : 0;
        }
        Inference inf = ucla(w, Inference.DEFAULT_LEVEL);
        assertEquals((int) Data.r("h.nobs"), inf.observations());
        assertEquals((int) Data.r("h.df.residual"), inf.dfResidual());
        assertEquals((int) Data.r("h.df.null"), inf.dfNull());
        assertTerms("h", "coef", inf.estimates(), Tolerances.R_LAST_DIGITS * 10);
        assertRelative(Data.r("h.logLik"), inf.logLikelihood(), Tolerances.R_LAST_DIGITS, "logLik");
        assertRelative(Data.r("h.aic"), inf.aic(), Tolerances.R_LAST_DIGITS, "AIC");
        // R's BIC takes n from logLik.glm, which counts every row, those of weight 0 too.
        assertRelative(Data.r("h.bic"), inf.bic(), Tolerances.R_LAST_DIGITS, "BIC with n = 400 rows");
        assertEquals(400, inf.rows());
        assertRelative(Data.r("h.deviance"), inf.deviance(), Tolerances.R_LAST_DIGITS, "deviance");
    }
}
