package dev.logreg;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.solve.Termination;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The scale of a column decides nothing: a feature multiplied by 1e200 or 1e-200 is neither aliased
 * nor lost, and its coefficient (and standard error) times the scale is the unscaled fit's; prior
 * weights at the ends of the double range fit as unit weights do.
 */
class ScaleTest {

    /** Coefficients and standard errors of two fits of one problem on two scales, each to max|g| &le; 1e-10. */
    private static final double SAME_FIT = 1e-8;

    /** UCLA's features with column j multiplied by s. */
    private static double[][] scaled(double[][] x, int j, double s) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            out[i][j] *= s;
        }
        return out;
    }

    private static double[] unscaled(double[] theta, int column, double s) {
        double[] t = theta.clone();
        t[column] *= s;
        return t;
    }

    @ParameterizedTest(name = "scale={0}, standardize={1}, method={2}")
    @CsvSource({
        "1e200, false, NEWTON", "1e-200, false, NEWTON", "1e200, true, NEWTON", "1e-200, true, NEWTON",
        "1e300, false, NEWTON", "1e-300, false, NEWTON", "1e200, true, GRADIENT_DESCENT",
    })
    void aColumnOnAnExtremeScaleIsFittedAsOnItsOwn(double s, boolean standardize, Method method) {
        Data.Dataset d = Data.ucla();
        LogisticRegression settings = LogisticRegression.newton().withMethod(method).withStandardize(standardize)
                .withTolerance(1e-10);
        BinomialFit reference = LogisticRegression.newton().withTolerance(1e-10).fit(d.x(), d.y());
        BinomialFit fit = settings.fit(scaled(d.x(), 1, s), d.y());
        assertEquals(List.of(), fit.aliased(), fit.warnings().toString());
        assertEquals(Termination.CONVERGED, fit.termination(), fit.warnings().toString());
        // gpa is column 1 of x, parameter 2 of theta (after the intercept).
        assertArrayClose(reference.theta(), unscaled(fit.theta(), 2, s), method == Method.NEWTON
                ? SAME_FIT : Tolerances.SAME_OPTIMUM, 0, "coefficients x scale");
        Inference expected = reference.inference();
        Inference actual = fit.inference();
        assertTrue(actual.hasWald(), actual.warnings().toString());
        assertArrayClose(expected.standardErrors(), unscaled(actual.standardErrors(), 2, s), SAME_FIT, 0,
                "standard errors x scale");
        assertArrayClose(expected.z(), actual.z(), SAME_FIT, 0, "z");
        assertClose(expected.deviance(), actual.deviance(), SAME_FIT, 0, "deviance");
    }

    @Test
    void aPowerOfAColumnIsNotAliasedByItsMagnitude() {
        // (gre/100)^120 runs from about 1e41 to 2.6e108: one huge column, not a linear combination of any other.
        Data.Dataset d = Data.ucla();
        double[][] x = new double[d.x().length][];
        double[][] byHand = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double power = Math.pow(d.x()[i][0] / 100, 120);
            x[i] = new double[] {d.x()[i][0], d.x()[i][1], power};
            byHand[i] = new double[] {d.x()[i][0], d.x()[i][1], power / 0x1p360};
        }
        LogisticRegression newton = LogisticRegression.newton().withTolerance(1e-10);
        BinomialFit fit = newton.fit(x, d.y());
        BinomialFit reference = newton.fit(byHand, d.y());
        assertEquals(List.of(), fit.aliased(), fit.warnings().toString());
        assertTrue(fit.converged(), fit.warnings().toString());
        assertArrayClose(reference.theta(), unscaled(fit.theta(), 3, 0x1p360), SAME_FIT, 0, "coefficients");
    }

    @ParameterizedTest(name = "scale={0}")
    @ValueSource(doubles = {1e200, 1e-200})
    void aPenalizedFitAtAnExtremeScaleConvergesToThePenalizedOptimum(double s) {
        // The penalty is on the coefficients as given: at 1e200 the column's coefficient is ~1e-200 and its
        // penalty nothing, as it is (to 1e-20) at a scale of 1e10; at 1e-200 the penalty pins it near 0.
        Data.Dataset d = Data.ucla();
        LogisticRegression penalized = LogisticRegression.newton().withL2(1).withTolerance(1e-10);
        BinomialFit fit = penalized.fit(scaled(d.x(), 1, s), d.y());
        assertEquals(Termination.CONVERGED, fit.termination(), fit.warnings().toString());
        Data.Dataset near = new Data.Dataset(scaled(d.x(), 1, s > 1 ? 1e10 : 1e-10), d.y());
        BinomialFit reference = penalized.fit(near.x(), near.y());
        double[] expected = unscaled(reference.theta(), 2, s > 1 ? 1e10 : 1e-10);
        double[] actual = unscaled(fit.theta(), 2, s);
        if (s > 1) {
            assertArrayClose(expected, actual, SAME_FIT, 0, "coefficients x scale");
        } else {
            // The column's coefficient is ~s / lambda: nothing on the scale of the others.
            expected[2] = 0;
            actual[2] = 0;
            assertArrayClose(expected, actual, SAME_FIT, 0, "the other coefficients");
            assertTrue(Math.abs(fit.theta()[2]) < 1e-150, "the tiny column's coefficient " + fit.theta()[2]);
        }
        // Standardizing for the solver changes nothing.
        assertArrayClose(fit.theta(), penalized.withStandardize(true).fit(scaled(d.x(), 1, s), d.y()).theta(),
                SAME_FIT, 0, "standardized");
    }

    @ParameterizedTest(name = "scale={0}")
    @ValueSource(doubles = {1e200, 1e-200})
    void aMultinomialColumnOnAnExtremeScaleIsFittedAsOnItsOwn(double s) {
        Data.Iris iris = Data.iris();
        double[][] x = iris.columns(0);
        LogisticRegression newton = LogisticRegression.newton().withTolerance(1e-10);
        MultinomialFit reference = newton.fitMultinomial(x, iris.y());
        MultinomialFit fit = newton.fitMultinomial(scaled(x, 0, s), iris.y());
        assertEquals(List.of(), fit.aliased());
        assertTrue(fit.converged(), fit.warnings().toString());
        Inference expected = reference.inference();
        Inference actual = fit.inference();
        assertTrue(actual.hasWald(), String.valueOf(actual.reason()));
        int p = fit.terms().size();
        for (int c = 0; c < 2; c++) {
            assertArrayClose(reference.coefficientsWithIntercept()[c],
                    unscaled(fit.coefficientsWithIntercept()[c], 1, s), SAME_FIT, 0, "class " + c);
            assertArrayClose(block(expected.standardErrors(), c, p),
                    unscaled(block(actual.standardErrors(), c, p), 1, s), SAME_FIT, 0, "standard errors of class " + c);
        }
    }

    @ParameterizedTest(name = "weight={0}")
    @ValueSource(doubles = {1e308, Double.MAX_VALUE, 1e-320, Double.MIN_VALUE, 3e9})
    void weightsAtTheEndsOfTheDoubleRangeFitAsUnitWeights(double weight) {
        // Their sum overflows (1e308 x 400), or they are all subnormal: W is normalized exactly.
        Data.Dataset d = Data.ucla();
        double[] w = new double[d.y().length];
        java.util.Arrays.fill(w, weight);
        LogisticRegression newton = LogisticRegression.newton();
        BinomialFit unit = newton.fit(d.x(), d.y());
        BinomialFit fit = newton.fit(d.x(), d.y(), w);
        assertTrue(fit.converged(), fit.warnings().toString());
        assertArrayClose(unit.theta(), fit.theta(), Tolerances.SAME_MATH, 0, "coefficients");
        MultinomialFit multinomial = LogisticRegression.newton().fitMultinomial(Data.iris().columns(0),
                Data.iris().y(), filled(150, weight));
        assertTrue(multinomial.converged(), multinomial.warnings().toString());
    }

    /** Coefficient class c's block of a vector in theta order, p terms per block. */
    private static double[] block(double[] v, int c, int p) {
        return java.util.Arrays.copyOfRange(v, c * p, (c + 1) * p);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void weightsBeyondTheIntRangeGiveRsLogLikelihood() {
        // R: logLik = sum over rows of dbinom(round(w y), round(w), p, log = TRUE), which for 0/1 labels is
        // round(w) log p or round(w) log(1 - p): c times the unit-weight log-likelihood for w = c.
        Data.Dataset d = Data.ucla();
        BinomialFit unit = LogisticRegression.newton().fit(d.x(), d.y());
        Inference one = unit.inference();
        for (double c : new double[] {0x1p31, 3e9, 1e15, 1e300}) {
            double[] w = filled(400, c);
            BinomialFit fit = LogisticRegression.newton().fit(d.x(), d.y(), w);
            Inference inference = fit.inference();
            assertClose(c * one.logLikelihood(), inference.logLikelihood(), Tolerances.SAME_MATH * 100, 0,
                    "logLik at w = " + c);
            assertClose(c * one.deviance(), inference.deviance(), Tolerances.SAME_MATH * 100, 0, "deviance at w = " + c);
            assertArrayClose(one.standardErrors(), unscaledAll(inference.standardErrors(), Math.sqrt(c)),
                    Tolerances.SAME_MATH * 100, 0, "standard errors at w = " + c);
            assertEquals(400, inference.observations());
        }
    }

    private static double[] unscaledAll(double[] v, double s) {
        double[] out = v.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] *= s;
        }
        return out;
    }
}
