package dev.logreg;

import static dev.logreg.testing.Close.assertArrayClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import org.junit.jupiter.api.Test;

class ColumnScalingTest {

    @Test
    void thePenaltyOnTheStandardizedScaleIsTheFitOfHandStandardizedColumnsMappedBack() {
        Data.Dataset d = Data.ucla();
        double[] w = Data.uclaWeights(400);
        int p = 5;
        // Weighted means and (population) standard deviations, by hand.
        double total = 0;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int i = 0; i < 400; i++) {
            total += w[i];
            for (int j = 0; j < p; j++) {
                mean[j] += w[i] * d.x()[i][j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= total;
            for (int i = 0; i < 400; i++) {
                sd[j] += w[i] * Math.pow(d.x()[i][j] - mean[j], 2);
            }
            sd[j] = Math.sqrt(sd[j] / total);
        }
        double[][] z = new double[400][p];
        for (int i = 0; i < 400; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = (d.x()[i][j] - mean[j]) / sd[j];
            }
        }
        LogisticRegression penalized = LogisticRegression.newton().withL2(0.05).withTolerance(1e-12);
        BinomialFit byHand = penalized.fit(z, d.y(), w);
        BinomialFit library = penalized.withPenaltyScale(PenaltyScale.STANDARDIZED).fit(d.x(), d.y(), w);
        assertTrue(byHand.converged() && library.converged());
        double[] expected = new double[p + 1];
        expected[0] = byHand.intercept();
        for (int j = 0; j < p; j++) {
            expected[j + 1] = byHand.featureCoefficients()[j] / sd[j];
            expected[0] -= expected[j + 1] * mean[j];
        }
        assertArrayClose(expected, library.theta(), Tolerances.SAME_OPTIMUM, 0, "theta on the original scale");
        assertArrayClose(new double[] {byHand.loss()}, new double[] {library.loss()}, Tolerances.SAME_MATH, 0,
                "the solver saw the same problem");
    }

    @Test
    void theParameterMapsAreInverses() {
        double[] x = {1, 10, 0.1, 1, 20, 0.3, 1, 35, 0.2, 1, 12, 0.9};
        ColumnScaling s = ColumnScaling.standardize(data(x, 4, 3, true, new double[] {1, 2, 1, 0.5}), false);
        double[] theta = {0.7, -0.02, 3.0};
        assertArrayClose(theta, s.toOriginal(s.toScaled(theta)), Tolerances.SAME_MATH, 0, "round trip");
        double[] x2 = {2, 4, 6, 8};
        ColumnScaling noIntercept = ColumnScaling.standardize(data(x2, 2, 2, false, new double[] {1, 1}), false);
        double[] t = {1.5, -0.5};
        assertArrayClose(t, noIntercept.toOriginal(noIntercept.toScaled(t)), Tolerances.SAME_MATH, 0,
                "round trip without intercept");
    }

    @Test
    void aConstantColumnIsLeftAlone() {
        double[] x = {1, 5, 2, 1, 5, 4};
        FitData data = data(x, 2, 3, true, new double[] {1, 1});
        ColumnScaling s = ColumnScaling.standardize(data, false);
        dev.logreg.objective.RowBlock block = new dev.logreg.objective.RowBlock();
        data.source.mapColumns(ModelMatrix.all(3), s.center(), s.scale(), 0).read(0, 2, block);
        double[] standardized = java.util.Arrays.copyOf(block.array(), 6);
        assertArrayClose(new double[] {1, 5, -1, 1, 5, 1}, standardized, Tolerances.SAME_MATH, 0, "standardized design");
    }

    /** Binary fit data over x with alternating labels, for its shape and weights. */
    private static FitData data(double[] x, int rows, int cols, boolean intercept, double[] w) {
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % 2;
        }
        return new FitData.Binary(dev.logreg.objective.RowSource.of(dev.logreg.objective.DesignMatrix.wrap(x, rows, cols),
                y, w), intercept, 0.0, 0, null);
    }
}
