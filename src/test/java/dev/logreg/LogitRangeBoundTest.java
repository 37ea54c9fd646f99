package dev.logreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The separation check may skip its pass over the rows only on a bound that no row can exceed. */
class LogitRangeBoundTest {

    private static double[] design(Random r, int m, int n) {
        double[] x = new double[m * n];
        for (int i = 0; i < m; i++) {
            x[i * n] = 1;
            for (int j = 1; j < n; j++) {
                x[i * n + j] = r.nextGaussian() * Math.pow(10, j - 2) + (j == 2 ? 50 : 0);
            }
        }
        return x;
    }

    private static double[] theta(Random r, int d) {
        double[] t = new double[d];
        for (int j = 0; j < d; j++) {
            t[j] = r.nextGaussian() * 3;
        }
        return t;
    }

    @Test
    void theBoundIsAtLeastEveryRowsLogitRange() {
        Random r = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int m = 50 + r.nextInt(200);
            int n = 2 + r.nextInt(5);
            int k = 2 + r.nextInt(3);
            double[] x = design(r, m, n);
            int[] labels = new int[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                labels[i] = i % k;
                y[i] = i % 2;
            }
            ColumnScaling equilibration = ColumnScaling.equilibrate(x, m, n, true, false);
            FitData binary = new FitData.Binary(x.clone(), m, n, true, y, 0, null, 0, null);
            FitData multinomial = new FitData.Multinomial(x.clone(), m, n, true, labels, k, trial % k, 0, null, 0,
                    null);
            for (FitData data : new FitData[] {binary, multinomial}) {
                double[] t = theta(r, data.dimension());
                assertEquals(Double.POSITIVE_INFINITY, data.logitRangeBound(t), "unknown bounds skip nothing");
                data.setColumnBounds(equilibration.bounds());
                double bound = data.logitRangeBound(t);
                assertTrue(bound >= data.largestLogitRange(t), bound + " < " + data.largestLogitRange(t));
                // Standardized in place, the bounds (|x| + |mean|)/s still hold.
                double[] before = equilibration.bounds();
                ColumnScaling standardizer = ColumnScaling.standardize(data, false);
                data.setColumnBounds(standardizer.bounds(before));
                bound = data.logitRangeBound(t);
                assertTrue(bound >= data.largestLogitRange(t), "standardized: " + bound);
            }
        }
    }
}
