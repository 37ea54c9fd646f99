package dev.logreg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A binomial fit from {@code double[][]} reads the caller's rows in place when no column needs
 * rescaling: the same fit as from a copy, and an inference that refuses rows changed after the fit.
 */
class InPlaceRowsTest {

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    @Test
    void theFitOnTheRowsIsTheFitOnACopyToTheBit() {
        Data.Dataset d = Data.ucla();
        double[] w = Data.uclaWeights(d.y().length);
        // The DMatrixRMaj entry point always copies into a model matrix of the fit's own.
        BinomialFit inPlace = LogisticRegression.newton().fit(d.x(), d.y(), w);
        BinomialFit copied = LogisticRegression.newton().fit(new DMatrixRMaj(d.x()), d.y(), w);
        assertArrayEquals(copied.theta(), inPlace.theta());
        assertEquals(copied.iterations(), inPlace.iterations());
        assertEquals(copied.loss(), inPlace.loss());
        assertArrayEquals(copied.inference().standardErrors(), inPlace.inference().standardErrors());
        assertEquals(copied.inference().deviance(), inPlace.inference().deviance());
        assertEquals(copied.inference().logLikelihood(), inPlace.inference().logLikelihood());
    }

    @Test
    void rowsChangedAfterTheFitAreRefusedByTheInference() {
        Data.Dataset d = Data.ucla();
        double[][] x = copy(d.x());
        BinomialFit fit = LogisticRegression.newton().fit(x, d.y());
        double before = x[3][1];
        x[3][1] = before + 0.25;
        IllegalStateException e = assertThrows(IllegalStateException.class, fit::inference);
        assertTrue(e.getMessage().contains("changed after the fit"), e.getMessage());
        assertThrows(IllegalStateException.class, fit::summary);
        // Two rows swapped are a change too.
        x[3][1] = before;
        double[] row = x[0];
        x[0] = x[1];
        x[1] = row;
        assertThrows(IllegalStateException.class, fit::inference);
        x[1] = x[0];
        x[0] = row;
        // Put back, the rows are the fit's again.
        BinomialFit fresh = LogisticRegression.newton().fit(copy(d.x()), d.y());
        assertArrayEquals(fresh.inference().standardErrors(), fit.inference().standardErrors());
    }

    @Test
    void anInferenceComputedBeforeAChangeIsKept() {
        Data.Dataset d = Data.ucla();
        double[][] x = copy(d.x());
        BinomialFit fit = LogisticRegression.newton().fit(x, d.y());
        double[] se = fit.inference().standardErrors();
        x[0][0] = -1;
        assertArrayEquals(se, fit.inference().standardErrors());
    }

    @Test
    void fitsThatCopyTheirDataDoNotDependOnTheCallersRows() {
        Data.Dataset d = Data.ucla();
        double[][] x = copy(d.x());
        BinomialFit standardized = LogisticRegression.newton().withStandardize(true).fit(x, d.y());
        double[] se = LogisticRegression.newton().withStandardize(true).fit(copy(d.x()), d.y()).inference()
                .standardErrors();
        for (double[] row : x) {
            java.util.Arrays.fill(row, 7.0);
        }
        assertArrayEquals(se, standardized.inference().standardErrors());
    }
}
