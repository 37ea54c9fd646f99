package dev.logreg.objective;

import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class BinaryProblemTest {

    /** Power iteration stops at a relative change of 1e-9; the eigenvalue is then good to ~1e-6. */
    private static final double POWER_ITERATION = 1e-6;

    private static double largestEigenvalue(DMatrixRMaj a) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.numRows, false, true);
        assertTrue(eig.decompose(a.copy()));
        double max = 0;
        for (int i = 0; i < a.numRows; i++) {
            max = Math.max(max, eig.getEigenvalue(i).real);
        }
        return max;
    }

    @Test
    void theLipschitzBoundIsTheLargestEigenvalueOfTheWeightedGramOverFourW() {
        BinaryProblem p = Data.randomProblem(31, 200, 6, true, 0.2);
        DMatrixRMaj x = DMatrixRMaj.wrap(200, 6, p.x);
        DMatrixRMaj wx = x.copy();
        CommonOps_DDRM.multRows(p.w, wx);
        DMatrixRMaj gram = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.multTransA(x, wx, gram);
        double expected = largestEigenvalue(gram) / (4 * p.totalWeight()) + 0.2;
        assertClose(expected, p.lipschitzBound(), POWER_ITERATION, 0, "L");
    }

    @Test
    void theLipschitzBoundDominatesTheHessianAnywhere() {
        BinaryProblem p = Data.randomProblem(32, 150, 4, false, 0.0);
        VectorizedBinaryObjective f = new VectorizedBinaryObjective(p);
        double bound = p.lipschitzBound();
        for (long seed = 0; seed < 5; seed++) {
            double[] h = new double[16];
            f.valueGradientHessian(Data.randomTheta(seed, 4, 0.3 * seed), new double[4], h);
            assertTrue(largestEigenvalue(DMatrixRMaj.wrap(4, 4, h)) <= bound * (1 + POWER_ITERATION),
                    "lambda_max(H) <= L at seed " + seed);
        }
    }

    @Test
    void theSeparationLevelIsLogTwoTimesTheSmallestPositiveWeightOverW() {
        double[] x = {1, 0, 1, 1, 1, 2, 1, 3};
        double[] y = {0, 1, 0, 1};
        double[] w = {0, 2, 0.5, 1.5};
        BinaryProblem p = new BinaryProblem(x, 4, 2, y, w, 0.0, 0);
        assertClose(Math.log(2) * 0.5 / 4.0, p.separationLevel(), 1e-15, 0, "level");
        assertEquals(0.0, new BinaryProblem(x, 4, 2, y, w, 0.1, 0).separationLevel(), "penalized: none");
    }

    @Test
    void badOffsetsAreRejectedNamingTheRowAndValue() {
        DesignMatrix x = DesignMatrix.wrap(new double[] {1, 2, 1, 3, 1, 5, 1, 7}, 4, 2);
        double[] y = {0, 1, 1, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryProblem(x, y, null, 0, 0, null, new double[] {0, 1, 2}));
        assertEquals("offsets has length 3, expected 4", e.getMessage());
        double[][] bad = {{0, 0, 0, Double.NaN}, {0, Double.POSITIVE_INFINITY, 0, 0},
            {Double.NEGATIVE_INFINITY, 0, 0, 0}};
        String[] named = {"offset[3] = NaN is not finite", "offset[1] = Infinity is not finite",
            "offset[0] = -Infinity is not finite"};
        for (int k = 0; k < bad.length; k++) {
            double[] o = bad[k];
            e = assertThrows(IllegalArgumentException.class, () -> new BinaryProblem(x, y, null, 0, 0, null, o));
            assertTrue(e.getMessage().startsWith(named[k]), e.getMessage());
            RowSource source = RowSource.of(x, y, null);
            e = assertThrows(IllegalArgumentException.class, () -> new BinaryProblem(source, 0, 0, null, o));
            assertTrue(e.getMessage().startsWith(named[k]), "on a source: " + e.getMessage());
        }
        RowSource source = RowSource.of(x, y, null);
        e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryProblem(source, 0, 0, null, new double[] {0, 1, 2, 3, 4}));
        assertEquals("offsets has length 5, expected 4", e.getMessage());
        // Valid offsets are referenced, not copied; none is the same as zeros.
        double[] o = {0.5, -1, 2, 0};
        BinaryProblem p = new BinaryProblem(x, y, null, 0, 0, null, o);
        assertTrue(p.hasOffsets());
        assertEquals(2.0, p.offset(2));
        assertSame(o, p.offsets);
        BinaryProblem none = new BinaryProblem(x, y, null, 0, 0, null, null);
        assertFalse(none.hasOffsets());
        assertEquals(0.0, none.offset(2));
        double[] theta = {0.3, -0.1};
        BinaryProblem zeros = new BinaryProblem(x, y, null, 0, 0, null, new double[4]);
        assertEquals(new LoopBinaryObjective(none).value(theta), new LoopBinaryObjective(zeros).value(theta),
                "zero offsets are none");
    }

    @Test
    void invalidDataAreRejectedNamingWhereAndWhat() {
        double[] x = {1, 2, 1, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryProblem(new double[] {1, 2, 1, Double.NaN}, 2, 2, new double[] {0, 1}, null, 0, 0));
        assertTrue(e.getMessage().contains("row 1, column 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryProblem(x, 2, 2, new double[] {0, 0.5}, null, 0, 0));
        assertTrue(e.getMessage().contains("y[1] = 0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryProblem(x, 2, 2, new double[] {0, 1}, new double[] {1, -2}, 0, 0));
        assertTrue(e.getMessage().contains("weights[1] = -2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryProblem(x, 2, 2, new double[] {0, 1}, new double[] {0, 0}, 0, 0));
        assertTrue(e.getMessage().contains("sum to 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryProblem(x, 2, 2, new double[] {0, 1}, null, -1, 0));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryProblem(x, 2, 3, new double[] {0, 1}, null, 0, 0));
        assertTrue(e.getMessage().contains("rows*cols"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryProblem(x, 2, 2, new double[] {0, 1}, null, 0, 2));
        assertTrue(e.getMessage().contains("interceptColumn"), e.getMessage());
    }
}
