package dev.logreg.math;

import static dev.logreg.testing.Close.assertClose;
import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.FiniteDifferences;
import dev.logreg.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The stable scalar functions of {@link Logistic}, against independent formulas and exact limits. */
class LogisticTest {

    /**
     * logit(&sigma;(z)) against z for 0 &lt; z &le; 10. Rounding p = &sigma;(z) to a double next to 1
     * perturbs 1 &minus; p by up to 2<sup>&minus;53</sup>, which moves the logit by up to
     * 2<sup>&minus;53</sup>e<sup>z</sup> &asymp; 2.4e-12 absolute at z = 10, about 2.4e-13 relative:
     * that is the conditioning of the logit near 1, not an error of the function. Relative.
     */
    private static final double LOGIT_NEAR_ONE = 1e-12;

    // ---------------------------------------------------------------- sigmoid

    @Test
    void sigmoidIsOneHalfAtZero() {
        assertEquals(0.5, Logistic.sigmoid(0.0));
        assertEquals(0.5, Logistic.sigmoid(-0.0));
    }

    @Test
    void sigmoidIsSymmetric() {
        for (double z = -50; z <= 50; z += 0.25) {
            // sigma(-z) = 1 - sigma(z), to a few ulps of 1
            assertClose(1.0 - Logistic.sigmoid(z), Logistic.sigmoid(-z), Tolerances.SCALAR, 1.0, "sigmoid(" + -z + ")");
        }
    }

    @Test
    void sigmoidMatchesTheDefinitionWhereTheDefinitionIsAccurate() {
        // 1/(1 + e^-z) is accurate to a few ulps while e^-z does not overflow
        for (double z = -700; z <= 700; z += 3.5) {
            assertRelative(1.0 / (1.0 + Math.exp(-z)), Logistic.sigmoid(z), Tolerances.SCALAR, "sigmoid(" + z + ")");
        }
    }

    @Test
    void sigmoidIsMonotoneAndInTheUnitInterval() {
        double previous = Logistic.sigmoid(-60);
        for (double z = -59.5; z <= 60; z += 0.5) {
            double s = Logistic.sigmoid(z);
            assertTrue(s >= previous, "sigmoid decreases at " + z);
            assertTrue(s >= 0 && s <= 1, "sigmoid(" + z + ") = " + s);
            previous = s;
        }
    }

    @Test
    void sigmoidHasExactLimitsForHugeArguments() {
        assertEquals(1.0, Logistic.sigmoid(1e4));
        assertEquals(0.0, Logistic.sigmoid(-1e4));
        assertEquals(1.0, Logistic.sigmoid(1e300));
        assertEquals(0.0, Logistic.sigmoid(-1e300));
        assertEquals(1.0, Logistic.sigmoid(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Logistic.sigmoid(Double.NEGATIVE_INFINITY));
    }

    @Test
    void sigmoidKeepsRelativeAccuracyFarInTheLowerTail() {
        // sigma(z) = e^z/(1 + e^z) = e^z to double precision once e^z < 2^-53
        assertRelative(Math.exp(-700), Logistic.sigmoid(-700), Tolerances.SCALAR, "sigmoid(-700)");
        assertRelative(Math.exp(-100), Logistic.sigmoid(-100), Tolerances.SCALAR, "sigmoid(-100)");
        // the naive 1/(1 + e^745) is 0; the stable form still sees the smallest subnormal
        assertTrue(Logistic.sigmoid(-745) > 0, "sigmoid(-745) underflowed");
    }

    // ---------------------------------------------------------------- sigmoidDerivative

    @Test
    void sigmoidDerivativeIsOneQuarterAtZero() {
        assertEquals(0.25, Logistic.sigmoidDerivative(0.0));
    }

    @Test
    void sigmoidDerivativeIsSymmetric() {
        for (double z = -50; z <= 50; z += 0.25) {
            assertEquals(Logistic.sigmoidDerivative(z), Logistic.sigmoidDerivative(-z), 0.0, "at " + z);
        }
    }

    @Test
    void sigmoidDerivativeMatchesAnIndependentFormula() {
        for (double z = -20; z <= 20; z += 0.125) {
            double e = Math.exp(z);
            // sigma'(z) = e^z/(1 + e^z)^2
            assertRelative(e / ((1 + e) * (1 + e)), Logistic.sigmoidDerivative(z), Tolerances.SCALAR,
                    "sigmoidDerivative(" + z + ")");
        }
    }

    @Test
    void sigmoidDerivativeIsTheDerivativeOfTheSigmoid() {
        for (double z = -8; z <= 8; z += 0.5) {
            double central = FiniteDifferences.gradient(t -> Logistic.sigmoid(t[0]), new double[] {z})[0];
            assertRelative(central, Logistic.sigmoidDerivative(z), Tolerances.FINITE_DIFFERENCE,
                    "sigmoidDerivative(" + z + ")");
        }
    }

    @Test
    void sigmoidDerivativeDecaysLikeExpOfMinusAbsZ() {
        for (double z : new double[] {40, 100, 700}) {
            // e^-|z|/(1 + e^-|z|)^2 = e^-|z| (1 - O(e^-|z|))
            assertRelative(Math.exp(-z), Logistic.sigmoidDerivative(z), Tolerances.SCALAR, "at " + z);
            assertRelative(Math.exp(-z), Logistic.sigmoidDerivative(-z), Tolerances.SCALAR, "at " + -z);
        }
    }

    @Test
    void sigmoidDerivativeIsFiniteForHugeArguments() {
        for (double z : new double[] {1e4, -1e4, 1e300, -1e300}) {
            double d = Logistic.sigmoidDerivative(z);
            assertTrue(Double.isFinite(d) && d >= 0 && d < 1e-300, "sigmoidDerivative(" + z + ") = " + d);
        }
    }

    // ---------------------------------------------------------------- softplus

    @Test
    void softplusIsLogTwoAtZero() {
        assertRelative(Math.log(2.0), Logistic.softplus(0.0), Tolerances.SCALAR, "softplus(0)");
    }

    @Test
    void softplusIsExactForLargeArguments() {
        assertEquals(1e4, Logistic.softplus(1e4));
        assertEquals(0.0, Logistic.softplus(-1e4));
        assertEquals(1e300, Logistic.softplus(1e300));
        assertEquals(0.0, Logistic.softplus(-1e300));
    }

    @Test
    void softplusIsTinyAndAccurateInTheLowerTail() {
        // log(1 + e^-40) = e^-40 - e^-80/2 + ..., so e^-40 to 2e-18 relative
        double s = Logistic.softplus(-40);
        assertTrue(s > 0, "softplus(-40) = " + s);
        assertRelative(Math.exp(-40), s, Tolerances.SCALAR, "softplus(-40)");
        assertRelative(Math.exp(-700), Logistic.softplus(-700), Tolerances.SCALAR, "softplus(-700)");
    }

    @Test
    void softplusMatchesLog1pExpForModerateArguments() {
        for (double z = -30; z <= 30; z += 0.25) {
            assertRelative(Math.log1p(Math.exp(z)), Logistic.softplus(z), Tolerances.SCALAR, "softplus(" + z + ")");
        }
    }

    @Test
    void softplusKeepsItsTailAboveFifteen() {
        // softplus(z) = z + e^-z - e^-2z/2 + ...; a cut-off softplus(z) = z for z > 15 (Smile's log1pe)
        // would be off by e^-z, 7e-9 relative at z = 16 and 6e-13 at z = 25
        for (double z : new double[] {16, 20, 25}) {
            assertRelative(z + Math.exp(-z), Logistic.softplus(z), Tolerances.SCALAR, "softplus(" + z + ")");
        }
    }

    @Test
    void softplusSatisfiesTheReflectionIdentity() {
        for (double z = -30; z <= 30; z += 0.25) {
            // softplus(z) - softplus(-z) = z
            assertClose(z, Logistic.softplus(z) - Logistic.softplus(-z), Tolerances.SCALAR, 1.0, "at " + z);
        }
    }

    // ---------------------------------------------------------------- logSigmoid

    @Test
    void logSigmoidMatchesAnIndependentFormula() {
        assertRelative(-Math.log(2.0), Logistic.logSigmoid(0.0), Tolerances.SCALAR, "logSigmoid(0)");
        for (double z = -30; z <= 30; z += 0.25) {
            // log sigma(z) = -log(1 + e^-z)
            assertRelative(-Math.log1p(Math.exp(-z)), Logistic.logSigmoid(z), Tolerances.SCALAR,
                    "logSigmoid(" + z + ")");
        }
    }

    @Test
    void logSigmoidIsAccurateInBothTails() {
        // log sigma(40) = -e^-40 to 2e-18, where log(sigmoid(40)) = log(1.0) = 0
        assertRelative(-Math.exp(-40), Logistic.logSigmoid(40), Tolerances.SCALAR, "logSigmoid(40)");
        assertEquals(-1e4, Logistic.logSigmoid(-1e4));
        assertEquals(0.0, Logistic.logSigmoid(1e4), 0.0);
        assertTrue(Double.isFinite(Logistic.logSigmoid(-1e300)));
    }

    // ---------------------------------------------------------------- crossEntropy

    @Test
    void crossEntropyOfLabelOneKeepsTheTinyLossOfAConfidentRightAnswer() {
        // The naive log(1 + e^z) - y z cancels to exactly 0 here.
        assertEquals(0.0, Math.log1p(Math.exp(40)) - 40, 0.0);
        double expected = Math.log1p(Math.exp(-40));
        assertTrue(expected > 4.2e-18 && expected < 4.3e-18);
        assertRelative(expected, Logistic.crossEntropy(40, 1.0), Tolerances.SCALAR, "crossEntropy(40, 1)");
    }

    @Test
    void crossEntropyOfLabelZeroMirrorsLabelOne() {
        assertRelative(Math.log1p(Math.exp(-40)), Logistic.crossEntropy(-40, 0.0), Tolerances.SCALAR,
                "crossEntropy(-40, 0)");
        for (double z = -50; z <= 50; z += 0.5) {
            assertEquals(Logistic.crossEntropy(z, 1.0), Logistic.crossEntropy(-z, 0.0), 0.0, "at " + z);
        }
    }

    @Test
    void crossEntropyOfHardLabelsIsTheSoftplus() {
        for (double z = -30; z <= 30; z += 0.25) {
            // y = 0: log(1 + e^z); y = 1: log(1 + e^-z)
            assertRelative(Math.log1p(Math.exp(z)), Logistic.crossEntropy(z, 0.0), Tolerances.SCALAR, "y=0, z=" + z);
            assertRelative(Math.log1p(Math.exp(-z)), Logistic.crossEntropy(z, 1.0), Tolerances.SCALAR, "y=1, z=" + z);
        }
        assertEquals(1e4, Logistic.crossEntropy(-1e4, 1.0));
        assertEquals(1e4, Logistic.crossEntropy(1e4, 0.0));
    }

    @Test
    void crossEntropyRejectsLabelsOutsideTheUnitInterval() {
        for (double y : new double[] {2.0, -0.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Logistic.crossEntropy(1.0, y));
            assertTrue(e.getMessage().contains(String.valueOf(y)), e.getMessage());
        }
    }

    @Test
    void crossEntropyOfFractionalLabels() {
        for (double y : new double[] {0.1, 0.3, 0.5, 0.9}) {
            for (double z = -20; z <= 20; z += 0.5) {
                // log(1 + e^z) - y z; no cancellation here, since the minimum is the entropy H(y) > 0.3
                assertRelative(Math.log1p(Math.exp(z)) - y * z, Logistic.crossEntropy(z, y), Tolerances.SCALAR,
                        "y=" + y + ", z=" + z);
            }
        }
        assertRelative(Math.log(2.0), Logistic.crossEntropy(0.0, 0.5), Tolerances.SCALAR, "crossEntropy(0, 0.5)");
        // the minimum over z, at z = logit(y), is the binary entropy
        double y = 0.3;
        double entropy = -(y * Math.log(y) + (1 - y) * Math.log(1 - y));
        assertRelative(entropy, Logistic.crossEntropy(Math.log(y / (1 - y)), y), Tolerances.SCALAR, "H(0.3)");
    }

    // ---------------------------------------------------------------- logit and logOdds

    @Test
    void logitInvertsTheSigmoidOnTheNegativeSide() {
        for (double z = -700; z <= 0; z += 2.5) {
            assertClose(z, Logistic.logit(Logistic.sigmoid(z)), Tolerances.SCALAR, 1.0, "logit(sigmoid(" + z + "))");
        }
        for (double z = -10; z <= 0; z += 0.125) {
            assertClose(z, Logistic.logit(Logistic.sigmoid(z)), Tolerances.SCALAR, 1.0, "logit(sigmoid(" + z + "))");
        }
    }

    @Test
    void logitInvertsTheSigmoidOnThePositiveSide() {
        for (double z = 0.125; z <= 10; z += 0.125) {
            assertRelative(z, Logistic.logit(Logistic.sigmoid(z)), LOGIT_NEAR_ONE, "logit(sigmoid(" + z + "))");
        }
    }

    @Test
    void logitHasKnownValues() {
        assertEquals(0.0, Logistic.logit(0.5), 0.0);
        assertRelative(Math.log(3.0), Logistic.logit(0.75), Tolerances.SCALAR, "logit(0.75)");
        assertRelative(-Math.log(3.0), Logistic.logit(0.25), Tolerances.SCALAR, "logit(0.25)");
        // near 0, logit(p) = log p + p + ...
        assertRelative(Math.log(1e-300), Logistic.logit(1e-300), Tolerances.SCALAR, "logit(1e-300)");
    }

    @Test
    void logitIsInfiniteAtZeroAndOne() {
        assertEquals(Double.NEGATIVE_INFINITY, Logistic.logit(0.0));
        assertEquals(Double.POSITIVE_INFINITY, Logistic.logit(1.0));
        assertEquals(Double.NEGATIVE_INFINITY, Logistic.logOdds(0.0));
        assertEquals(Double.POSITIVE_INFINITY, Logistic.logOdds(1.0));
    }

    @Test
    void logOddsIsTheLogit() {
        for (double p : new double[] {1e-300, 1e-10, 0.01, 0.25, 0.5, 0.7, 0.99, 1 - 1e-12}) {
            assertEquals(Logistic.logit(p), Logistic.logOdds(p), 0.0, "p = " + p);
        }
    }

    @Test
    void logitAndLogOddsRejectNonProbabilities() {
        for (double p : new double[] {-1e-300, -0.5, Math.nextUp(1.0), 2.0, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertRejected(() -> Logistic.logit(p), String.valueOf(p));
            assertRejected(() -> Logistic.logOdds(p), String.valueOf(p));
        }
    }

    // ---------------------------------------------------------------- odds and probabilityFromOdds

    @Test
    void oddsHasKnownValues() {
        assertEquals(0.0, Logistic.odds(0.0));
        assertEquals(1.0, Logistic.odds(0.5));
        assertEquals(3.0, Logistic.odds(0.75));
        assertRelative(0.25, Logistic.odds(0.2), Tolerances.SCALAR, "odds(0.2)");
        assertEquals(Double.POSITIVE_INFINITY, Logistic.odds(1.0));
    }

    @Test
    void oddsRejectsNonProbabilities() {
        for (double p : new double[] {-0.1, Math.nextUp(1.0), Double.NaN}) {
            assertRejected(() -> Logistic.odds(p), String.valueOf(p));
        }
    }

    @Test
    void probabilityFromOddsHasKnownValues() {
        assertEquals(0.0, Logistic.probabilityFromOdds(0.0));
        assertEquals(0.5, Logistic.probabilityFromOdds(1.0));
        assertEquals(0.75, Logistic.probabilityFromOdds(3.0));
        assertEquals(1.0, Logistic.probabilityFromOdds(Double.POSITIVE_INFINITY));
        assertEquals(1.0, Logistic.probabilityFromOdds(Double.MAX_VALUE));
    }

    @Test
    void probabilityFromOddsInvertsOdds() {
        for (double p : new double[] {1e-300, 1e-8, 0.1, 0.3, 0.5, 0.8, 0.95}) {
            assertRelative(p, Logistic.probabilityFromOdds(Logistic.odds(p)), Tolerances.SCALAR, "p = " + p);
        }
    }

    @Test
    void probabilityFromOddsRejectsNegativeAndNaNOdds() {
        for (double o : new double[] {-1e-300, -1.0, Double.NEGATIVE_INFINITY, Double.NaN}) {
            assertRejected(() -> Logistic.probabilityFromOdds(o), String.valueOf(o));
        }
    }

    private static void assertRejected(Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(fragment),
                () -> "message \"" + e.getMessage() + "\" does not name " + fragment);
    }
}
