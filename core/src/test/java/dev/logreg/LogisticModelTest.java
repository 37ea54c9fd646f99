package dev.logreg;

import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.math.Logistic;
import dev.logreg.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link LogisticModel}: immutability, predictions on hand-computed examples, argument checks. */
class LogisticModelTest {

    /** &beta;<sub>0</sub> = 0.5, &beta; = (2, &minus;1). */
    private static LogisticModel model() {
        return LogisticModel.of(0.5, 2.0, -1.0);
    }

    /** z = 0.5 + 2&middot;1 &minus; 1&middot;3 = &minus;0.5, p = 1/(1 + e<sup>0.5</sup>). */
    private static final double[] LOW = {1.0, 3.0};
    private static final double LOW_P = 0.3775406687981454;

    /** z = 0.5 + 2&middot;2 &minus; 1&middot;1 = 3.5, p = 1/(1 + e<sup>&minus;3.5</sup>). */
    private static final double[] HIGH = {2.0, 1.0};
    private static final double HIGH_P = 0.9706877692486436;

    @Test
    void ofCopiesItsInput() {
        double[] beta = {2.0, -1.0};
        LogisticModel m = LogisticModel.of(0.5, beta);
        beta[0] = 100.0;
        beta[1] = 100.0;
        assertArrayEquals(new double[] {2.0, -1.0}, m.featureCoefficients());
        assertEquals(-0.5, m.logOdds(LOW));
    }

    @Test
    void featureCoefficientsReturnsACopy() {
        LogisticModel m = model();
        m.featureCoefficients()[0] = 100.0;
        m.oddsRatios()[0] = 100.0;
        assertArrayEquals(new double[] {2.0, -1.0}, m.featureCoefficients());
        assertEquals(0.5, m.intercept());
        assertEquals(2, m.features());
    }

    @Test
    void logOddsAndProbabilityOfAHandComputedExample() {
        LogisticModel m = model();
        assertEquals(-0.5, m.logOdds(LOW));
        assertEquals(3.5, m.logOdds(HIGH));
        assertRelative(LOW_P, m.probability(LOW), Tolerances.SCALAR, "p(LOW)");
        assertRelative(HIGH_P, m.probability(HIGH), Tolerances.SCALAR, "p(HIGH)");
    }

    @Test
    void modelWithoutFeaturesIsTheIntercept() {
        LogisticModel m = LogisticModel.of(-1.25);
        assertEquals(0, m.features());
        assertEquals(-1.25, m.logOdds(new double[0]));
        assertEquals(Logistic.sigmoid(-1.25), m.probability(new double[0]));
    }

    @Test
    void predictAtTheDefaultThreshold() {
        LogisticModel m = model();
        assertEquals(0, m.predict(LOW));
        assertEquals(1, m.predict(HIGH));
        // p = 0.5 exactly is not above the threshold 0.5
        LogisticModel even = LogisticModel.of(0.0, 1.0);
        assertEquals(0.5, even.probability(new double[] {0.0}));
        assertEquals(0, even.predict(new double[] {0.0}));
        assertEquals(1, even.predict(new double[] {1e-12}));
        assertEquals(0.5, LogisticModel.DEFAULT_THRESHOLD);
    }

    @Test
    void predictAtACustomThreshold() {
        LogisticModel m = model();
        assertEquals(1, m.predict(LOW, 0.3));
        assertEquals(0, m.predict(LOW, 0.4));
        assertEquals(0, m.predict(HIGH, 0.98));
        assertEquals(1, m.predict(HIGH, 0.97));
        // class 1 only when p > threshold, strictly
        double p = m.probability(LOW);
        assertEquals(0, m.predict(LOW, p));
        assertEquals(1, m.predict(LOW, Math.nextDown(p)));
    }

    @Test
    void predictAtTheEndsOfTheUnitInterval() {
        // sigma(40) rounds to 1.0, which is not above 1; sigma(-800) is 0.0, which is not above 0
        LogisticModel m = LogisticModel.of(0.0, 1.0);
        assertEquals(0, m.predict(new double[] {40.0}, 1.0));
        assertEquals(0, m.predict(new double[] {-800.0}, 0.0));
        assertEquals(1, m.predict(new double[] {-30.0}, 0.0));
    }

    @Test
    void oddsRatiosAreExpOfTheCoefficients() {
        LogisticModel m = LogisticModel.of(0.5, 2.0, -1.0, 0.0);
        assertArrayEquals(new double[] {Math.exp(2.0), Math.exp(-1.0), 1.0}, m.oddsRatios(), 0.0);
    }

    @Test
    void oddsRatioIsTheFactorOnTheOddsPerUnitOfAFeature() {
        LogisticModel m = model();
        double[] ratios = m.oddsRatios();
        double base = Logistic.odds(m.probability(LOW));
        for (int j = 0; j < 2; j++) {
            double[] moved = LOW.clone();
            moved[j] += 1.0;
            assertRelative(ratios[j], Logistic.odds(m.probability(moved)) / base, Tolerances.SAME_MATH,
                    "odds ratio " + j);
        }
    }

    @Test
    void probabilitiesRowByRow() {
        LogisticModel m = model();
        double[][] x = {LOW, HIGH, {0.0, 0.5}};
        double[] p = m.eventProbabilities(x);
        assertEquals(3, p.length);
        assertRelative(LOW_P, p[0], Tolerances.SCALAR, "p[0]");
        assertRelative(HIGH_P, p[1], Tolerances.SCALAR, "p[1]");
        for (int i = 0; i < x.length; i++) {
            assertEquals(m.probability(x[i]), p[i], 0.0, "row " + i);
        }
        assertEquals(0, m.eventProbabilities(new double[0][]).length);
    }

    @Test
    void classProbabilitiesRowByRow() {
        LogisticModel m = model();
        double[][] x = {LOW, HIGH, {0.0, 0.5}};
        double[][] p = m.probabilities(x);
        assertEquals(3, p.length);
        assertRelative(1 - LOW_P, p[0][0], Tolerances.SCALAR, "P0 of row 0");
        assertRelative(LOW_P, p[0][1], Tolerances.SCALAR, "P1 of row 0");
        assertRelative(1 - HIGH_P, p[1][0], Tolerances.SCALAR, "P0 of row 1");
        assertRelative(HIGH_P, p[1][1], Tolerances.SCALAR, "P1 of row 1");
        for (int i = 0; i < x.length; i++) {
            assertEquals(2, p[i].length, "row " + i);
            assertEquals(m.probability(x[i]), p[i][1], 0.0, "row " + i);
            assertArrayEquals(m.probabilities(x[i]), p[i], 0.0, "row " + i);
        }
        assertEquals(0, m.probabilities(new double[0][]).length);
    }

    @Test
    void rejectsAWrongFeatureCount() {
        LogisticModel m = model();
        assertRejected(() -> m.logOdds(new double[] {1.0}), "1", "2");
        assertRejected(() -> m.probability(new double[] {1.0, 2.0, 3.0}), "3", "2");
        assertRejected(() -> m.predict(new double[0]), "0", "2");
        assertRejected(() -> m.eventProbabilities(new double[][] {LOW, {1.0}}), "row 1");
        assertRejected(() -> m.probabilities(new double[][] {LOW, {1.0}}), "row 1");
    }

    @Test
    void rejectsNonFiniteFeaturesNamingTheIndex() {
        LogisticModel m = model();
        assertRejected(() -> m.logOdds(new double[] {1.0, Double.NaN}), "x[1]", "NaN");
        assertRejected(() -> m.probability(new double[] {Double.NaN, 1.0}), "x[0]", "NaN");
        assertRejected(() -> m.predict(new double[] {Double.POSITIVE_INFINITY, 1.0}), "x[0]", "Infinity");
        assertRejected(() -> m.eventProbabilities(new double[][] {LOW, HIGH, {0.0, Double.NaN}}), "row 2", "x[1]");
    }

    @Test
    void rejectsAThresholdOutsideTheUnitInterval() {
        LogisticModel m = model();
        for (double t : new double[] {-0.1, Math.nextUp(1.0), 2.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertRejected(() -> m.predict(LOW, t), String.valueOf(t));
        }
    }

    @Test
    void rejectsNullsWithIllegalArgument() {
        LogisticModel m = LogisticModel.of(0.5, 1.0, -1.0);
        assertThrows(IllegalArgumentException.class, () -> LogisticModel.of(0.0, (double[]) null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.eventProbabilities(new double[][] {{1.0, 2.0}, null}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void rejectsNonFiniteParameters() {
        assertRejected(() -> LogisticModel.of(0.0, 1.0, Double.NaN), "coefficients[1]", "NaN");
        assertRejected(() -> LogisticModel.of(0.0, Double.POSITIVE_INFINITY, 1.0), "coefficients[0]", "Infinity");
        assertRejected(() -> LogisticModel.of(0.0, 1.0, Double.NEGATIVE_INFINITY), "coefficients[1]", "-Infinity");
        assertRejected(() -> LogisticModel.of(Double.NaN, 1.0), "intercept", "NaN");
        assertRejected(() -> LogisticModel.of(Double.POSITIVE_INFINITY), "intercept", "Infinity");
    }

    private static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(f),
                    () -> "message \"" + e.getMessage() + "\" does not contain \"" + f + "\"");
        }
    }
}
