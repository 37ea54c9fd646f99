package dev.logreg;

import static dev.logreg.testing.Close.assertArrayClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.solve.Warning;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Standardizing is a conditioning device that never changes the optimum, also with a penalty; the
 * penalty on the standardized scale is an explicit choice (glmnet's convention) and matches glmnet;
 * a penalized multinomial fit does not depend on the choice of a reference class.
 */
class PenaltyScaleTest {

    /** Two solvers or two scalings of one penalized problem, each run to max|g| &le; 1e-10: relative. */
    private static final double SAME_OPTIMUM = 1e-8;

    private static final Properties GLMNET = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PenaltyScaleTest.class.getResourceAsStream("/reference/r-glmnet.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    private static double glmnet(String key) {
        return Double.parseDouble(GLMNET.getProperty(key).trim());
    }

    @ParameterizedTest(name = "lambda={0}, weighted={1}")
    @CsvSource({"0.05, false", "0.5, false", "0.05, true", "0.5, true"})
    void standardizingNeverMovesThePenalizedOptimum(double lambda, boolean weighted) {
        Data.Dataset d = Data.ucla();
        double[] w = weighted ? Data.uclaWeights(400) : null;
        LogisticRegression penalized = LogisticRegression.newton().withL2(lambda).withTolerance(1e-10);
        BinomialFit plain = penalized.fit(d.x(), d.y(), w);
        BinomialFit standardized = penalized.withStandardize(true).fit(d.x(), d.y(), w);
        BinomialFit descent = penalized.withMethod(Method.GRADIENT_DESCENT).withStandardize(true)
                .fit(d.x(), d.y(), w);
        assertTrue(plain.converged() && standardized.converged() && descent.converged());
        assertArrayClose(plain.theta(), standardized.theta(), SAME_OPTIMUM, 0, "Newton, standardized or not");
        assertArrayClose(plain.theta(), descent.theta(), Tolerances.SAME_OPTIMUM, 0, "gradient descent, standardized");
        // The same model, so the same loss on the same data.
        assertEquals(plain.loss(), standardized.loss(), 1e-14);
    }

    @ParameterizedTest(name = "lambda={0}, fit={1}")
    @CsvSource({"0.05, u", "0.5, u", "0.05, w", "0.5, w"})
    void thePenaltyOnTheStandardizedScaleMatchesGlmnet(String lambda, String fit) {
        Data.Dataset d = Data.ucla();
        double[] w = fit.equals("w") ? Data.uclaWeights(400) : null;
        BinomialFit ours = LogisticRegression.newton().withL2(Double.parseDouble(lambda))
                .withPenaltyScale(PenaltyScale.STANDARDIZED).withTolerance(1e-12).fit(d.x(), d.y(), w);
        assertTrue(ours.converged(), ours.toString());
        List<String> terms = List.of("Intercept", "gre", "gpa", "rank2", "rank3", "rank4");
        double[] expected = new double[terms.size()];
        for (int j = 0; j < expected.length; j++) {
            expected[j] = glmnet(fit + "." + lambda + "." + terms.get(j));
        }
        assertArrayClose(expected, ours.theta(), Tolerances.R_REFERENCE, 0, "glmnet " + fit + " at " + lambda);
        // It is another model than the penalty on the original scale.
        BinomialFit original = LogisticRegression.newton().withL2(Double.parseDouble(lambda)).fit(d.x(), d.y(), w);
        assertTrue(Math.abs(original.theta()[1] - ours.theta()[1]) > 1e-3 * Math.abs(ours.theta()[1]),
                "the two penalty scales give different fits");
    }

    @ParameterizedTest(name = "method={0}")
    @EnumSource(Method.class)
    void aStandardizedMultinomialFitHasTheSameOptimum(Method method) {
        Data.Iris iris = Data.iris();
        LogisticRegression penalized = LogisticRegression.newton().withL2(0.01).withTolerance(1e-10);
        MultinomialFit plain = penalized.fitMultinomial(iris.x(), iris.y());
        MultinomialFit standardized = penalized.withMethod(method).withStandardize(true).fitMultinomial(iris.x(), iris.y());
        assertTrue(plain.converged() && standardized.converged(), standardized.toString());
        for (int c = 0; c < 3; c++) {
            assertArrayClose(plain.coefficientsWithIntercept()[c], standardized.coefficientsWithIntercept()[c],
                    method == Method.NEWTON ? SAME_OPTIMUM : Tolerances.SAME_OPTIMUM, 1e-3,
                    "class " + c);
        }
    }

    @Test
    void aPenalizedMultinomialFitIsSymmetricByDefaultAndDoesNotDependOnTheReference() {
        Data.Iris iris = Data.iris();
        LogisticRegression penalized = LogisticRegression.newton().withL2(0.01).withTolerance(1e-10);
        assertEquals(Parametrization.SYMMETRIC, penalized.parametrization(3));
        assertEquals(Parametrization.REFERENCE, penalized.parametrization(2));
        assertEquals(Parametrization.REFERENCE, LogisticRegression.newton().parametrization(3));
        MultinomialFit first = penalized.fitMultinomial(iris.x(), iris.y());
        MultinomialFit last = penalized.withReference(2).fitMultinomial(iris.x(), iris.y());
        assertEquals(Parametrization.SYMMETRIC, first.parametrization());
        assertTrue(first.warnings().isEmpty(), first.warnings().toString());
        double[][] rows = {{5.1, 3.5, 1.4, 0.2}, {6.0, 2.7, 5.1, 1.6}, {6.3, 3.3, 6.0, 2.5}, {5.9, 3.0, 4.2, 1.5}};
        for (double[] row : rows) {
            assertArrayClose(first.model().probabilities(row), last.model().probabilities(row), SAME_OPTIMUM, 0,
                    "probabilities");
        }
        // Asked for explicitly, the reference parametrization is fitted, and the report says its penalty is
        // not symmetric: the probabilities do depend on the reference.
        MultinomialFit ref0 = penalized.withParametrization(Parametrization.REFERENCE).fitMultinomial(iris.x(), iris.y());
        MultinomialFit ref2 = penalized.withParametrization(Parametrization.REFERENCE).withReference(2)
                .fitMultinomial(iris.x(), iris.y());
        assertEquals(Parametrization.REFERENCE, ref0.parametrization());
        assertEquals(1, ref0.warnings().stream().filter(w -> w.kind() == Warning.Kind.PARAMETRIZATION
                && w.message().contains("not symmetric in the classes")).count(), ref0.warnings().toString());
        double largest = 0;
        for (double[] row : rows) {
            double[] a = ref0.model().probabilities(row);
            double[] b = ref2.model().probabilities(row);
            for (int k = 0; k < 3; k++) {
                largest = Math.max(largest, Math.abs(a[k] - b[k]));
            }
        }
        assertTrue(largest > 1e-4, "the reference parametrization with a penalty depends on the reference: " + largest);
    }
}
