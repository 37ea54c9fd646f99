package dev.logreg;

import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.BinomialFit;
import dev.logreg.LogisticRegression;
import dev.logreg.MultinomialFit;
import dev.logreg.LogisticRegression;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multinomial inference against statsmodels' MNLogit on Iris and against the binary inference at K = 2. */
class MultinomialInferenceTest {

    private static final Data.Iris IRIS = Data.iris();

    private static MultinomialFit sepalLength() {
        return LogisticRegression.newton().withClassNames(IRIS.classes()).withFeatureNames(List.of("sepal_length"))
                .fit(IRIS.columns(0), IRIS.y());
    }

    @Test
    void irisSepalLengthMatchesStatsmodels() {
        // statsmodels 0.13 MNLogit, Iris species ~ sepal_length, reference Iris-setosa (../shared/data/SOURCES.md)
        MultinomialInference inference = MultinomialInference.of(sepalLength(), IRIS.columns(0), IRIS.y(), null);
        assertTrue(inference.hasWald(), inference.reason());
        assertEquals(List.of("Iris-versicolor", "Iris-virginica"), inference.classes());
        double[][] se = inference.standardErrors();
        assertClose(4.8892729151, se[0][0], Tolerances.R_REFERENCE, 1, "SE versicolor intercept");
        assertClose(0.9068379703, se[0][1], Tolerances.R_REFERENCE, 1, "SE versicolor sepal_length");
        assertClose(5.6906751191, se[1][0], Tolerances.R_REFERENCE, 1, "SE virginica intercept");
        assertClose(1.0222226577, se[1][1], Tolerances.R_REFERENCE, 1, "SE virginica sepal_length");
        assertClose(-91.0339663948, inference.logLikelihood(), Tolerances.R_REFERENCE, 1, "log-likelihood");
        assertClose(-164.7918433002, inference.nullLogLikelihood(), Tolerances.R_REFERENCE, 1, "null log-likelihood");
        assertClose(190.0679327897, inference.aic(), Tolerances.R_REFERENCE, 1, "AIC");
        assertClose(182.0679327897 + 4 * Math.log(150), inference.bic(), Tolerances.R_REFERENCE, 1, "BIC");
        assertClose(1 - 91.0339663948 / 164.7918433002, inference.pseudoR2(), Tolerances.R_REFERENCE, 1,
                "pseudo-R2");
        assertEquals(2, inference.likelihoodRatioDf());
        assertClose(2 * (164.7918433002 - 91.0339663948), inference.likelihoodRatio(), Tolerances.R_REFERENCE, 1,
                "LR");
        assertEquals(150, inference.observations());
        assertEquals(4, inference.parameters());
        // z, p and the interval follow from the estimate and SE
        double[][] z = inference.z();
        double[][] p = inference.p();
        double[][] lo = inference.lower();
        double[][] hi = inference.upper();
        double[][] b = inference.estimates();
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j < 2; j++) {
                assertClose(b[c][j] / se[c][j], z[c][j], Tolerances.SAME_MATH, 1, "z");
                assertTrue(p[c][j] > 0 && p[c][j] < 1e-5, "p " + p[c][j]);
                assertClose(2 * 1.959963984540054 * se[c][j], hi[c][j] - lo[c][j], 1e-12, 1, "interval width");
            }
        }
        assertTrue(inference.warnings().isEmpty(), inference.warnings().toString());
    }

    @Test
    void twoClassesGiveTheBinaryStandardErrors() {
        Data.Dataset ucla = Data.ucla();
        int[] y = new int[ucla.y().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) ucla.y()[i];
        }
        BinomialFit binary = LogisticRegression.newton().fit(ucla.x(), ucla.y());
        Inference expected = Inference.of(binary, ucla.x(), ucla.y(), null);
        MultinomialInference actual = MultinomialInference.of(LogisticRegression.newton().fit(ucla.x(), y),
                ucla.x(), y, null);
        double[] se = expected.standardErrors();
        for (int j = 0; j < se.length; j++) {
            assertClose(se[j], actual.standardErrors()[0][j], Tolerances.SAME_OPTIMUM, 1, "SE " + j);
        }
        assertClose(expected.logLikelihood(), actual.logLikelihood(), Tolerances.SAME_MATH, 1, "logLik");
        assertClose(expected.nullLogLikelihood(), actual.nullLogLikelihood(), Tolerances.SAME_MATH, 1, "null logLik");
        assertClose(expected.aic(), actual.aic(), Tolerances.SAME_MATH, 1, "AIC");
        assertClose(expected.bic(), actual.bic(), Tolerances.SAME_MATH, 1, "BIC");
        assertClose(expected.likelihoodRatioP(), actual.likelihoodRatioP(), 1e-9, 1e-300, "LR p");
    }

    @Test
    void penalizedFitsReportLikelihoodButNoWald() {
        MultinomialFit fit = LogisticRegression.newton().withL2(0.1).withClassNames(IRIS.classes())
                .withParametrization(Parametrization.SYMMETRIC)
                .fitMultinomial(IRIS.columns(0), IRIS.y());
        MultinomialInference inference = MultinomialInference.of(fit, IRIS.columns(0), IRIS.y(), null);
        assertFalse(inference.hasWald());
        assertTrue(inference.reason().contains("penalized"), inference.reason());
        assertThrows(IllegalStateException.class, inference::standardErrors);
        assertThrows(IllegalStateException.class, inference::aic);
        assertTrue(inference.pseudoR2() > 0 && inference.logLikelihood() > inference.nullLogLikelihood());
        assertEquals(List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica"), inference.classes());
    }

    @Test
    void aliasedColumnsAreNotEstimable() {
        double[][] x = IRIS.columns(0, 0);
        MultinomialFit fit = LogisticRegression.newton().fitMultinomial(x, IRIS.y());
        assertEquals(List.of("x2"), fit.aliased());
        MultinomialInference inference = MultinomialInference.of(fit, x, IRIS.y(), null);
        double[][] se = inference.standardErrors();
        assertTrue(Double.isNaN(se[0][2]) && Double.isNaN(se[1][2]));
        assertClose(0.9068379703, se[0][1], Tolerances.R_REFERENCE, 1, "SE versicolor sepal_length");
        assertEquals(4, inference.parameters());
    }

    @Test
    void badLevelIsACallerMistake() {
        assertThrows(IllegalArgumentException.class,
                () -> MultinomialInference.of(sepalLength(), IRIS.columns(0), IRIS.y(), null, 1.0));
    }

    @Test
    void inputsTheFitWouldRejectAreRejectedHereToo() {
        Data.Iris iris = Data.iris();
        double[][] x = iris.columns(0);
        dev.logreg.MultinomialFit fit = dev.logreg.LogisticRegression.newton().fitMultinomial(x, iris.y());
        double[][] nan = iris.columns(0);
        nan[5][0] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> MultinomialInference.of(fit, nan, iris.y(), null));
        int[] bad = iris.y().clone();
        bad[2] = 3;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultinomialInference.of(fit, x, bad, null));
        assertTrue(e.getMessage().contains("y[2] = 3"), e.getMessage());
        double[] negative = new double[150];
        java.util.Arrays.fill(negative, 1);
        negative[9] = -2;
        e = assertThrows(IllegalArgumentException.class, () -> MultinomialInference.of(fit, x, iris.y(), negative));
        assertTrue(e.getMessage().contains("weights[9] = -2.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MultinomialInference.of(null, x, iris.y(), null));
    }
}
