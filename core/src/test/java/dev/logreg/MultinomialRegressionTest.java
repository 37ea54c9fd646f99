package dev.logreg;

import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.solve.Termination;
import dev.logreg.solve.Warning;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Multinomial fits through the public API: statsmodels' MNLogit on Iris, the binary model at K = 2,
 * both parametrizations under a penalty, separation and caller mistakes.
 */
class MultinomialRegressionTest {

    /** The gradient tolerance the issue asks the penalized Iris fits to reach. */
    private static final double CONVERGED = 1e-8;

    private static final Data.Iris IRIS = Data.iris();

    private static LogisticRegression irisOptions(String... features) {
        return LogisticRegression.newton().withClassNames(IRIS.classes()).withFeatureNames(List.of(features));
    }

    @Test
    void irisSepalLengthMatchesStatsmodelsMNLogit() {
        // statsmodels 0.13 MNLogit, reference Iris-setosa (../shared/data/SOURCES.md)
        MultinomialFit fit = irisOptions("sepal_length").fitMultinomial(IRIS.columns(0), IRIS.y());
        assertTrue(fit.converged(), fit.toString());
        assertEquals(List.of("Iris-versicolor", "Iris-virginica"), fit.coefficientClasses());
        assertEquals("Iris-setosa", fit.referenceClass());
        double[][] b = fit.coefficientsWithIntercept();
        assertClose(-26.0819360367, b[0][0], Tolerances.R_REFERENCE, 1, "versicolor intercept");
        assertClose(4.8156910935, b[0][1], Tolerances.R_REFERENCE, 1, "versicolor sepal_length");
        assertClose(-38.7590012315, b[1][0], Tolerances.R_REFERENCE, 1, "virginica intercept");
        assertClose(6.8463985952, b[1][1], Tolerances.R_REFERENCE, 1, "virginica sepal_length");
        assertClose(91.0339663948 / 150, fit.loss(), Tolerances.R_REFERENCE, 1, "mean cross-entropy");
        assertTrue(fit.warnings().isEmpty(), fit.warnings().toString());
    }

    @Test
    void gradientDescentReachesTheSameOptimum() {
        MultinomialFit newton = irisOptions("sepal_length").withStandardize(true)
                .fitMultinomial(IRIS.columns(0), IRIS.y());
        MultinomialFit gd = irisOptions("sepal_length").withStandardize(true)
                .withMethod(Method.GRADIENT_DESCENT).withTolerance(1e-10)
                .fitMultinomial(IRIS.columns(0), IRIS.y());
        assertTrue(gd.converged(), gd.toString());
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j < 2; j++) {
                assertClose(newton.coefficientsWithIntercept()[c][j], gd.coefficientsWithIntercept()[c][j],
                        Tolerances.R_REFERENCE, 1, "block " + c + " term " + j);
            }
        }
    }

    @Test
    void twoClassesEqualTheBinaryModel() {
        Data.Dataset ucla = Data.ucla();
        int[] y = new int[ucla.y().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) ucla.y()[i];
        }
        BinomialFit binary = LogisticRegression.newton().fit(ucla.x(), ucla.y());
        MultinomialFit multi = LogisticRegression.newton().fitMultinomial(ucla.x(), y);
        assertEquals(1, multi.coefficientsWithIntercept().length);
        assertArrayCloseTo(binary.theta(), multi.coefficientsWithIntercept()[0], Tolerances.SAME_OPTIMUM);
        assertClose(binary.loss(), multi.loss(), Tolerances.SAME_MATH, 1, "loss");
        // with the other class as the reference, the coefficients change sign
        MultinomialFit flipped = LogisticRegression.newton().withReference(1).fitMultinomial(ucla.x(), y);
        double[] negated = binary.theta();
        for (int j = 0; j < negated.length; j++) {
            negated[j] = -negated[j];
        }
        assertArrayCloseTo(negated, flipped.coefficientsWithIntercept()[0], Tolerances.SAME_OPTIMUM);
        // and with a penalty the two objectives are the same function
        BinomialFit binaryL2 = LogisticRegression.newton().withL2(0.05).fit(ucla.x(), ucla.y());
        MultinomialFit multiL2 = LogisticRegression.newton().withL2(0.05).fitMultinomial(ucla.x(), y);
        assertArrayCloseTo(binaryL2.theta(), multiL2.coefficientsWithIntercept()[0], Tolerances.SAME_OPTIMUM);
    }

    @Test
    void penalizedIrisConvergesInBothParametrizations() {
        double[][] x = IRIS.x();
        for (Parametrization parametrization : Parametrization.values()) {
            for (Method method : Method.values()) {
                MultinomialFit fit = LogisticRegression.newton().withMethod(method).withL2(0.01)
                        .withParametrization(parametrization).withClassNames(IRIS.classes())
                        .withFeatureNames(Data.IRIS_FEATURES).withStandardize(method != Method.NEWTON)
                        .fitMultinomial(x, IRIS.y());
                String what = parametrization + " " + method;
                assertTrue(fit.converged(), what + ": " + fit);
                assertTrue(fit.maxAbsGradient() <= CONVERGED, what + ": max|g| " + fit.maxAbsGradient());
                assertFalse(fit.separation(), what);
                if (parametrization == Parametrization.SYMMETRIC) {
                    assertEquals(3, fit.coefficientsWithIntercept().length, what);
                    double sum = 0;
                    for (double[] block : fit.coefficientsWithIntercept()) {
                        sum += block[0];
                    }
                    assertEquals(0.0, sum, 1e-12, what + ": intercepts sum to zero");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void unpenalizedIrisWarnsOfSeparation(Method method) {
        // gradient descent stops at its iteration limit; the check then probes from its last iterate
        MultinomialFit fit = irisOptions(Data.IRIS_FEATURES.toArray(new String[0])).withMethod(method)
                .withMaxIterations(method == Method.NEWTON ? 100 : 2000).fitMultinomial(IRIS.x(), IRIS.y());
        assertTrue(fit.separation(), fit.toString());
        // The termination is why the solver stopped: Newton met its tolerance at no optimum, gradient
        // descent ran out of iterations (and separation is reported beside it, with its certificate).
        assertEquals(method == Method.NEWTON ? Termination.SEPARATION : Termination.MAX_ITERATIONS,
                fit.termination());
        assertFalse(fit.converged());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.SEPARATION
                && w.message().contains("separation")), fit.warnings().toString());
        // The warning names a few of the diverging coefficients and counts the rest; the result lists all.
        int diverging = fit.divergingCoefficients().values().stream().mapToInt(List::size).sum();
        String warning = fit.warnings().stream().filter(w -> w.message().contains("separation")).findFirst()
                .orElseThrow().message();
        if (diverging > 5) {
            assertTrue(warning.contains("and " + (diverging - 5) + " more"), warning);
        }
        assertTrue(warning.length() < 700, warning.length() + " characters: " + warning);
        for (double[] block : fit.coefficientsWithIntercept()) {
            for (double v : block) {
                assertTrue(Double.isFinite(v), fit.toString());
            }
        }
    }

    @Test
    void sepalLengthAndWidthSeparateSetosaWithoutOverflow() {
        // statsmodels overflows here and returns NaN (../shared/data/SOURCES.md)
        MultinomialFit fit = irisOptions("sepal_length", "sepal_width").fitMultinomial(IRIS.columns(0, 1), IRIS.y());
        assertTrue(fit.separation(), fit.toString());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.SEPARATION
                && w.message().contains("separation")), fit.warnings().toString());
        assertTrue(Double.isFinite(fit.loss()));
        for (double[] block : fit.coefficientsWithIntercept()) {
            for (double v : block) {
                assertTrue(Double.isFinite(v), fit.toString());
            }
        }
        // setosa against both others: every coefficient of both classes moves along the separating direction
        assertEquals(List.of("Iris-versicolor", "Iris-virginica"), List.copyOf(fit.divergingCoefficients().keySet()),
                fit.divergingCoefficients().toString());
        double[] p = fit.model().probabilities(new double[] {5.0, 3.4});
        assertClose(1.0, p[0] + p[1] + p[2], 1e-15, 1, "probabilities sum to one");
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void threeClustersOnALineAreCompletelySeparated(Method method) {
        double[][] x = {{-3}, {-2.5}, {-2}, {0}, {0.2}, {0.5}, {3}, {3.5}, {4}};
        int[] y = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        MultinomialFit fit = LogisticRegression.newton().withMethod(method).fitMultinomial(x, y);
        assertEquals(Termination.SEPARATION, fit.termination(), fit.toString());
        assertEquals(Warning.Kind.SEPARATION, fit.warnings().get(0).kind(), fit.warnings().toString());
        assertTrue(fit.warnings().get(0).message().startsWith("complete separation"), fit.warnings().toString());
        assertFalse(fit.divergingCoefficients().isEmpty());
        for (int i = 0; i < x.length; i++) {
            assertEquals(y[i], fit.model().predict(x[i]), "row " + i + " is classified correctly");
        }
        for (double v : fit.theta()) {
            assertTrue(Double.isFinite(v), fit.toString());
        }
    }

    @Test
    void probabilitiesAreTheInvariantAcrossReferences() {
        MultinomialFit first = irisOptions("sepal_length").fitMultinomial(IRIS.columns(0), IRIS.y());
        MultinomialFit last = irisOptions("sepal_length").withReference(2).fitMultinomial(IRIS.columns(0), IRIS.y());
        assertEquals("Iris-virginica", last.referenceClass());
        for (double s : new double[] {4.5, 5.8, 7.2}) {
            double[] a = first.model().probabilities(new double[] {s});
            double[] b = last.model().probabilities(new double[] {s});
            assertArrayCloseTo(a, b, Tolerances.SAME_OPTIMUM);
        }
        // versicolor against setosa = -(setosa against virginica) + (versicolor against virginica)
        double[] direct = first.coefficientsWithIntercept("Iris-versicolor");
        double[] viaVirginica = last.coefficientsWithIntercept("Iris-versicolor");
        double[] setosa = last.coefficientsWithIntercept("Iris-setosa");
        for (int j = 0; j < 2; j++) {
            assertClose(direct[j], viaVirginica[j] - setosa[j], Tolerances.SAME_OPTIMUM, 1, "term " + j);
        }
        assertArrayEquals(new double[2], first.coefficientsWithIntercept("Iris-setosa"));
    }

    @Test
    void optionsReportTheSettingsOfTheChosenMethod() {
        LogisticRegression newton = LogisticRegression.newton();
        assertFalse(newton.standardize());
        assertEquals(1e-8, newton.tolerance(), 0.0);
        assertEquals(100, newton.maxIterations());
        LogisticRegression gd = LogisticRegression.gradientDescent().withStandardize(true)
                .withTolerance(1e-6).withMaxIterations(777);
        assertTrue(gd.standardize());
        assertEquals(1e-6, gd.tolerance(), 0.0);
        assertEquals(777, gd.maxIterations());
        assertEquals(100000, LogisticRegression.gradientDescent().maxIterations());
        // withTolerance and withMaxIterations set both methods, so switching keeps them.
        assertEquals(777, gd.withMethod(Method.NEWTON).maxIterations());
        assertEquals(1e-6, gd.withMethod(Method.NEWTON).tolerance(), 0.0);
    }

    @Test
    void callerMistakesNameTheValue() {
        double[][] x = IRIS.columns(0);
        int[] bad = IRIS.y().clone();
        bad[7] = -1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().fitMultinomial(x, bad));
        assertTrue(e.getMessage().contains("y[7] = -1"), e.getMessage());
        // A huge label is named as such, not taken for a class count that overflows.
        int[] huge = IRIS.y().clone();
        huge[9] = Integer.MAX_VALUE;
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().fitMultinomial(x, huge));
        assertTrue(e.getMessage().contains("y[9] = 2147483647 is not a class") && e.getMessage().contains("at most 149"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LogisticRegression.newton()
                .withParametrization(Parametrization.SYMMETRIC).fitMultinomial(x, IRIS.y()));
        assertTrue(e.getMessage().contains("L2 penalty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().withReference(3).fitMultinomial(x, IRIS.y()));
        assertTrue(e.getMessage().contains("reference class 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LogisticRegression.newton()
                .withClassNames(List.of("a", "b", "c", "d")).fitMultinomial(x, IRIS.y()));
        assertTrue(e.getMessage().contains("class d"), e.getMessage());
        double[][] nan = IRIS.columns(0);
        nan[3][0] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().fitMultinomial(nan, IRIS.y()));
        assertTrue(e.getMessage().contains("x[3][0] = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.newton().fitMultinomial(x, new int[150]));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    private static void assertArrayCloseTo(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int j = 0; j < expected.length; j++) {
            assertClose(expected[j], actual[j], tol, 1, "element " + j);
        }
    }
}
