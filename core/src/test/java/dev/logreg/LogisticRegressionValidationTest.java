package dev.logreg;

import static dev.logreg.testing.Close.assertArrayClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Caller mistakes at the entry of {@link LogisticRegression#fit}: each is an
 * {@link IllegalArgumentException} naming the row, column or value. Plus the promises of the API
 * that are not about the optimum itself: inputs untouched, both input types alike, zero weights,
 * no intercept, standardization.
 */
class LogisticRegressionValidationTest {

    /** The gradient tolerance of fits whose coefficients are compared at {@link Tolerances#SAME_OPTIMUM}. */
    private static final double TIGHT = 1e-10;

    /** Eight rows, three features; both classes present. A fresh copy on every call. */
    private static double[][] x() {
        return new double[][] {
            {0.5, 1.0, -0.3},
            {1.5, -0.2, 0.8},
            {-0.7, 0.4, 1.1},
            {2.0, 1.3, -1.2},
            {0.1, -1.1, 0.6},
            {-1.4, 0.9, 0.2},
            {0.9, 0.3, -0.5},
            {-0.2, -0.8, 1.4},
        };
    }

    private static double[] y() {
        return new double[] {0, 1, 0, 1, 1, 0, 1, 0};
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static IllegalArgumentException assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(f),
                    () -> "message \"" + e.getMessage() + "\" does not contain \"" + f + "\"");
        }
        return e;
    }

    // ---------------------------------------------------------------- shapes of x

    @Test
    void rejectsAnEmptyX() {
        LogisticRegression lr = LogisticRegression.newton();
        assertRejected(() -> lr.fit(new double[0][], new double[0]), "rows");
        assertRejected(() -> lr.fit(new DMatrixRMaj(0, 3), new double[0]), "rows");
    }

    @Test
    void rejectsNullsNamingThem() {
        LogisticRegression lr = LogisticRegression.newton();
        assertRejected(() -> lr.fit((double[][]) null, y()), "x is null");
        assertRejected(() -> lr.fit((DMatrixRMaj) null, y()), "x is null");
        double[][] x = x();
        x[0] = null;
        assertRejected(() -> lr.fit(x, y()), "x[0] is null");
        double[][] later = x();
        later[4] = null;
        assertRejected(() -> lr.fit(later, y()), "x[4] is null");
        assertRejected(() -> lr.fit(x(), (double[]) null), "y is null");
        assertRejected(() -> lr.fit(x(), (int[]) null), "y is null");
        assertRejected(() -> lr.fitMultinomial(x(), null), "y is null");
    }

    @Test
    void rejectsANonFiniteWarmStartNamingTheIndex() {
        assertRejected(() -> LogisticRegression.newton().withStandardize(true)
                .withWarmStart(new double[] {0, 0, Double.NaN}), "warm start[2] = NaN");
    }

    @Test
    void rejectsRaggedRowsNamingTheRow() {
        double[][] x = x();
        x[2] = new double[] {1.0, 2.0};
        assertRejected(() -> LogisticRegression.newton().fit(x, y()), "x[2]", "2");
        double[][] longer = x();
        longer[6] = new double[] {1.0, 2.0, 3.0, 4.0};
        assertRejected(() -> LogisticRegression.newton().fit(longer, y()), "x[6]", "4");
        double[][] missing = x();
        missing[5] = null;
        assertRejected(() -> LogisticRegression.newton().fit(missing, y()), "x[5]");
    }

    @Test
    void rejectsNoColumnsWithoutIntercept() {
        LogisticRegression lr = LogisticRegression.newton().withIntercept(false);
        assertRejected(() -> lr.fit(new double[8][0], y()), "columns");
        assertRejected(() -> lr.fit(new DMatrixRMaj(8, 0), y()), "columns");
    }

    // ---------------------------------------------------------------- values of x

    @Test
    void rejectsNaNInXNamingRowAndColumn() {
        double[][] x = x();
        x[3][2] = Double.NaN;
        assertRejected(() -> LogisticRegression.newton().fit(x, y()), "x[3][2]", "NaN");
        DMatrixRMaj m = new DMatrixRMaj(x());
        m.set(3, 2, Double.NaN);
        assertRejected(() -> LogisticRegression.newton().fit(m, y()), "x(3, 2)", "NaN");
    }

    @Test
    void rejectsInfinityInXNamingRowAndColumn() {
        double[][] x = x();
        x[3][2] = Double.POSITIVE_INFINITY;
        assertRejected(() -> LogisticRegression.newton().fit(x, y()), "x[3][2]", "Infinity");
        DMatrixRMaj m = new DMatrixRMaj(x());
        m.set(3, 2, Double.POSITIVE_INFINITY);
        assertRejected(() -> LogisticRegression.newton().fit(m, y()), "x(3, 2)", "Infinity");
        double[][] negative = x();
        negative[0][1] = Double.NEGATIVE_INFINITY;
        assertRejected(() -> LogisticRegression.newton().fit(negative, y()), "x[0][1]", "-Infinity");
    }

    @Test
    void rejectsNaNInXEvenOnARowOfZeroWeight() {
        double[][] x = x();
        x[3][2] = Double.NaN;
        double[] w = ones(8);
        w[3] = 0.0;
        assertRejected(() -> LogisticRegression.newton().fit(x, y(), w), "x[3][2]");
    }

    // ---------------------------------------------------------------- labels

    @Test
    void rejectsALengthMismatchOfY() {
        assertRejected(() -> LogisticRegression.newton().fit(x(), new double[7]), "y", "7", "8");
        assertRejected(() -> LogisticRegression.newton().fit(new DMatrixRMaj(x()), new double[9]), "y", "9", "8");
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.0, -1.0, 0.5, Double.NaN})
    void rejectsALabelOtherThanZeroOrOneNamingTheRow(double label) {
        double[] y = y();
        y[5] = label;
        assertRejected(() -> LogisticRegression.newton().fit(x(), y), "y[5]", String.valueOf(label));
        assertRejected(() -> LogisticRegression.gradientDescent().fit(new DMatrixRMaj(x()), y), "y[5]");
    }

    @Test
    void rejectsASingleClass() {
        assertRejected(() -> LogisticRegression.newton().fit(x(), new double[8]), "label 0", "both classes");
        double[] allOnes = ones(8);
        assertRejected(() -> LogisticRegression.newton().fit(x(), allOnes), "label 1", "both classes");
    }

    @Test
    void rejectsASingleClassAmongRowsOfPositiveWeight() {
        double[] y = y();
        double[] w = ones(8);
        for (int i = 0; i < 8; i++) {
            if (y[i] == 1.0) {
                w[i] = 0.0;
            }
        }
        assertRejected(() -> LogisticRegression.newton().fit(x(), y, w), "positive weight");
    }

    // ---------------------------------------------------------------- weights

    @Test
    void rejectsANegativeWeightNamingTheRow() {
        double[] w = ones(8);
        w[4] = -1.0;
        assertRejected(() -> LogisticRegression.newton().fit(x(), y(), w), "weights[4]", "-1.0");
        assertRejected(() -> LogisticRegression.newton().fit(new DMatrixRMaj(x()), y(), w), "weights[4]");
    }

    @Test
    void rejectsANonFiniteWeightNamingTheRow() {
        double[] w = ones(8);
        w[4] = Double.NaN;
        assertRejected(() -> LogisticRegression.newton().fit(x(), y(), w), "weights[4]", "NaN");
        double[] infinite = ones(8);
        infinite[6] = Double.POSITIVE_INFINITY;
        assertRejected(() -> LogisticRegression.newton().fit(x(), y(), infinite), "weights[6]", "Infinity");
    }

    @Test
    void rejectsAllZeroWeights() {
        assertRejected(() -> LogisticRegression.newton().fit(x(), y(), new double[8]), "weights", "0.0");
    }

    @Test
    void rejectsALengthMismatchOfTheWeights() {
        assertRejected(() -> LogisticRegression.newton().fit(x(), y(), ones(7)), "weights", "7", "8");
        assertRejected(() -> LogisticRegression.newton().fit(new DMatrixRMaj(x()), y(), ones(9)), "weights", "9");
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void rejectsABadL2Penalty() {
        assertRejected(() -> LogisticRegression.newton().withL2(-1.0).fit(x(), y()), "-1.0");
        assertRejected(() -> LogisticRegression.newton().withL2(Double.NaN).fit(x(), y()), "NaN");
        assertRejected(() -> LogisticRegression.newton().withL2(Double.POSITIVE_INFINITY).fit(x(), y()), "Infinity");
    }

    @Test
    void rejectsABadTolerance() {
        assertRejected(() -> LogisticRegression.newton().withTolerance(0.0).fit(x(), y()), "tolerance", "0.0");
        assertRejected(() -> LogisticRegression.newton().withTolerance(-1e-8).fit(x(), y()), "tolerance", "-1.0E-8");
        assertRejected(() -> LogisticRegression.newton().withTolerance(Double.NaN).fit(x(), y()), "tolerance", "NaN");
        assertRejected(() -> LogisticRegression.gradientDescent().withTolerance(0.0).fit(x(), y()), "tolerance");
    }

    @Test
    void rejectsZeroMaxIterations() {
        assertRejected(() -> LogisticRegression.newton().withMaxIterations(0).fit(x(), y()), "maxIterations", "0");
        assertRejected(() -> LogisticRegression.gradientDescent().withMaxIterations(-3).fit(x(), y()),
                "maxIterations", "-3");
    }

    @Test
    void rejectsANegativeLearningRate() {
        assertRejected(() -> LogisticRegression.gradientDescent().withLearningRate(-0.1).fit(x(), y()),
                "learningRate", "-0.1");
        assertRejected(() -> LogisticRegression.gradientDescent().withLearningRate(Double.NaN).fit(x(), y()),
                "learningRate", "NaN");
    }

    @Test
    void rejectsAWarmStartOfTheWrongLength() {
        // three features and an intercept: four parameters
        assertRejected(() -> LogisticRegression.newton().withWarmStart(new double[3]).fit(x(), y()),
                "warm start", "3", "4");
        assertRejected(() -> LogisticRegression.newton().withIntercept(false).withWarmStart(new double[4])
                .fit(x(), y()), "warm start", "4", "3");
        assertRejected(() -> LogisticRegression.newton().withWarmStart(new double[5])
                .fit(new DMatrixRMaj(x()), y()), "warm start", "5", "4");
    }

    // ---------------------------------------------------------------- behaviour

    @Test
    void leavesTheInputsUnchanged() {
        Data.Dataset d = Data.ucla();
        double[][] x = d.x();
        double[] y = d.y();
        double[] w = Data.uclaWeights(y.length);
        double[][] x0 = deepCopy(x);
        double[] y0 = y.clone();
        double[] w0 = w.clone();
        List<BinomialFit> fits = new ArrayList<>();
        for (boolean standardize : new boolean[] {false, true}) {
            fits.add(LogisticRegression.newton().withStandardize(standardize).fit(x, y, w));
            fits.add(LogisticRegression.gradientDescent().withStandardize(standardize).withMaxIterations(50)
                    .fit(x, y, w));
        }
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(x0[i], x[i], 0.0, "x[" + i + "]");
        }
        assertArrayEquals(y0, y, 0.0, "y");
        assertArrayEquals(w0, w, 0.0, "weights");
        assertTrue(fits.get(0).converged(), fits.get(0).toString());

        DMatrixRMaj m = new DMatrixRMaj(x);
        DMatrixRMaj m0 = m.copy();
        LogisticRegression.newton().withStandardize(true).fit(m, y, w);
        assertEquals(m0.numRows, m.numRows);
        assertEquals(m0.numCols, m.numCols);
        assertArrayEquals(m0.data, m.data, 0.0, "DMatrixRMaj x");
        assertArrayEquals(y0, y, 0.0, "y");
        assertArrayEquals(w0, w, 0.0, "weights");
    }

    @Test
    void warmStartIsCopiedWhenConfigured() {
        double[] start = new double[4];
        LogisticRegression lr = LogisticRegression.newton().withWarmStart(start);
        BinomialFit before = lr.fit(x(), y());
        start[0] = Double.NaN;
        BinomialFit after = lr.fit(x(), y());
        assertArrayEquals(before.theta(), after.theta(), 0.0);
    }

    @Test
    void arrayAndMatrixInputsGiveIdenticalFits() {
        Data.Dataset d = Data.ucla();
        double[] w = Data.uclaWeights(d.y().length);
        for (LogisticRegression lr : new LogisticRegression[] {
            LogisticRegression.newton(),
            LogisticRegression.newton().withStandardize(true).withL2(0.01),
            LogisticRegression.newton().withIntercept(false),
            LogisticRegression.gradientDescent().withStandardize(true).withMaxIterations(200),
        }) {
            BinomialFit a = lr.fit(d.x(), d.y(), w);
            BinomialFit b = lr.fit(new DMatrixRMaj(d.x()), d.y(), w);
            assertArrayEquals(a.featureCoefficients(), b.featureCoefficients(), 0.0, "coefficients");
            assertEquals(a.intercept(), b.intercept(), 0.0, "intercept");
            assertEquals(a.iterations(), b.iterations());
        }
    }

    @Test
    void withoutInterceptTheInterceptIsZero() {
        Data.Dataset d = Data.ucla();
        BinomialFit fit = LogisticRegression.newton().withIntercept(false).fit(d.x(), d.y());
        assertTrue(fit.converged(), fit.toString());
        assertFalse(fit.hasIntercept());
        assertEquals(0.0, fit.intercept(), 0.0);
        assertEquals(0.0, fit.model().intercept(), 0.0);
        assertEquals(5, fit.featureCoefficients().length);
        assertEquals(5, fit.model().features());
        assertArrayEquals(fit.theta(), fit.featureCoefficients(), 0.0);

        BinomialFit matrix = LogisticRegression.newton().withIntercept(false).fit(new DMatrixRMaj(d.x()), d.y());
        assertEquals(0.0, matrix.intercept(), 0.0);
        assertEquals(5, matrix.featureCoefficients().length);

        BinomialFit with = LogisticRegression.newton().fit(d.x(), d.y());
        assertTrue(with.hasIntercept());
        assertEquals(6, with.theta().length);
        assertEquals(5, with.featureCoefficients().length);
    }

    @Test
    void aZeroWeightRemovesTheRow() {
        Data.Dataset d = Data.ucla();
        double[][] x = d.x();
        double[] y = d.y();
        int[] dropped = {0, 7, 123, 250, 399};
        double[] w = ones(y.length);
        for (int i : dropped) {
            w[i] = 0.0;
        }
        List<double[]> keptX = new ArrayList<>();
        List<Double> keptY = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (w[i] > 0) {
                keptX.add(x[i]);
                keptY.add(y[i]);
            }
        }
        double[][] xr = keptX.toArray(new double[0][]);
        double[] yr = keptY.stream().mapToDouble(Double::doubleValue).toArray();

        LogisticRegression lr = LogisticRegression.newton().withTolerance(TIGHT);
        BinomialFit weighted = lr.fit(x, y, w);
        BinomialFit removed = lr.fit(xr, yr);
        assertTrue(weighted.converged(), weighted.toString());
        assertTrue(removed.converged(), removed.toString());
        assertArrayClose(removed.theta(), weighted.theta(), Tolerances.SAME_OPTIMUM, 0.0, "theta");
        // the dropped rows matter: with unit weights the fit is different
        BinomialFit all = lr.fit(x, y);
        assertFalse(Math.abs(all.intercept() - removed.intercept()) <= Tolerances.SAME_OPTIMUM * Math.abs(removed.intercept()),
                "dropping five rows should move the intercept");
    }

    @Test
    void standardizingDoesNotMoveTheUnpenalizedNewtonOptimum() {
        Data.Dataset d = Data.ucla();
        LogisticRegression lr = LogisticRegression.newton().withTolerance(TIGHT);
        BinomialFit raw = lr.fit(d.x(), d.y());
        BinomialFit standardized = lr.withStandardize(true).fit(d.x(), d.y());
        assertTrue(raw.converged(), raw.toString());
        assertTrue(standardized.converged(), standardized.toString());
        assertArrayClose(raw.featureCoefficients(), standardized.featureCoefficients(), Tolerances.SAME_OPTIMUM, 0.0,
                "coefficients");
        assertArrayClose(raw.theta(), standardized.theta(), Tolerances.SAME_OPTIMUM, 0.0, "theta");
        // and both are R's fit
        assertArrayClose(new double[] {Data.r("a.coef.Intercept"), Data.r("a.coef.gre"), Data.r("a.coef.gpa"),
            Data.r("a.coef.factorrank2"), Data.r("a.coef.factorrank3"), Data.r("a.coef.factorrank4")},
                standardized.theta(), Tolerances.R_REFERENCE, 0.0, "theta against R");
    }

    @Test
    void standardizingWithoutInterceptDoesNotMoveTheOptimum() {
        Data.Dataset d = Data.ucla();
        LogisticRegression lr = LogisticRegression.newton().withIntercept(false).withTolerance(TIGHT);
        BinomialFit raw = lr.fit(d.x(), d.y());
        BinomialFit standardized = lr.withStandardize(true).fit(d.x(), d.y());
        assertTrue(raw.converged(), raw.toString());
        assertTrue(standardized.converged(), standardized.toString());
        assertEquals(0.0, standardized.intercept(), 0.0);
        assertArrayClose(raw.featureCoefficients(), standardized.featureCoefficients(), Tolerances.SAME_OPTIMUM, 0.0,
                "coefficients");
    }
}
