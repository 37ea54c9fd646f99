package dev.logreg;

import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multinomial inference against statsmodels' MNLogit on Iris and against the binary inference at K = 2. */
class MultinomialInferenceTest {

    private static final Data.Iris IRIS = Data.iris();

    private static MultinomialFit sepalLength() {
        return LogisticRegression.newton().withClassNames(IRIS.classes()).withFeatureNames(List.of("sepal_length"))
                .fitMultinomial(IRIS.columns(0), IRIS.y());
    }

    @Test
    void irisSepalLengthMatchesStatsmodels() {
        // statsmodels 0.13 MNLogit, Iris species ~ sepal_length, reference Iris-setosa (../shared/data/SOURCES.md)
        MultinomialFit fit = sepalLength();
        Inference inference = fit.inference();
        assertTrue(inference.hasWald(), inference.reason());
        assertEquals(List.of("Iris-versicolor", "Iris-virginica"), fit.coefficientClasses());
        // the arrays are flat in theta order: [c * p + j], p terms per class
        int p = fit.terms().size();
        assertEquals(2, p);
        double[] se = inference.standardErrors();
        assertClose(4.8892729151, se[0 * p + 0], Tolerances.R_REFERENCE, 1, "SE versicolor intercept");
        assertClose(0.9068379703, se[0 * p + 1], Tolerances.R_REFERENCE, 1, "SE versicolor sepal_length");
        assertClose(5.6906751191, se[1 * p + 0], Tolerances.R_REFERENCE, 1, "SE virginica intercept");
        assertClose(1.0222226577, se[1 * p + 1], Tolerances.R_REFERENCE, 1, "SE virginica sepal_length");
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
        double[] z = inference.z();
        double[] pValues = inference.p();
        double[] lo = inference.lower();
        double[] hi = inference.upper();
        double[] b = inference.estimates();
        assertEquals(2 * p, b.length);
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j < 2; j++) {
                int i = c * p + j;
                assertClose(b[i] / se[i], z[i], Tolerances.SAME_MATH, 1, "z");
                assertTrue(pValues[i] > 0 && pValues[i] < 1e-5, "p " + pValues[i]);
                assertClose(2 * 1.959963984540054 * se[i], hi[i] - lo[i], 1e-12, 1, "interval width");
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
        Inference expected = binary.inference();
        MultinomialFit multi = LogisticRegression.newton().fitMultinomial(ucla.x(), y);
        Inference actual = multi.inference();
        int p = multi.terms().size();
        double[] se = expected.standardErrors();
        assertEquals(se.length, actual.standardErrors().length);
        for (int j = 0; j < se.length; j++) {
            assertClose(se[j], actual.standardErrors()[0 * p + j], Tolerances.SAME_OPTIMUM, 1, "SE " + j);
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
        Inference inference = fit.inference();
        assertFalse(inference.hasWald());
        assertTrue(inference.reason().contains("penalized"), inference.reason());
        assertThrows(IllegalStateException.class, inference::standardErrors);
        assertThrows(IllegalStateException.class, inference::aic);
        assertTrue(inference.pseudoR2() > 0 && inference.logLikelihood() > inference.nullLogLikelihood());
        assertEquals(List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica"), fit.coefficientClasses());
    }

    @Test
    void aliasedColumnsAreNotEstimable() {
        double[][] x = IRIS.columns(0, 0);
        MultinomialFit fit = LogisticRegression.newton().fitMultinomial(x, IRIS.y());
        assertEquals(List.of("x2"), fit.aliased());
        Inference inference = fit.inference();
        int p = fit.terms().size();
        assertEquals(3, p);
        double[] se = inference.standardErrors();
        assertTrue(Double.isNaN(se[0 * p + 2]) && Double.isNaN(se[1 * p + 2]));
        assertClose(0.9068379703, se[0 * p + 1], Tolerances.R_REFERENCE, 1, "SE versicolor sepal_length");
        assertEquals(4, inference.parameters());
    }

    @Test
    void badLevelIsACallerMistake() {
        assertThrows(IllegalArgumentException.class,
                () -> sepalLength().inference(1.0));
    }
}
