package dev.logreg.objective;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Termination;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * Offsets in the linear predictor, z = X&theta; + o: an offset c&middot;x<sub>j</sub> is the same as
 * moving &theta;<sub>j</sub> by c, in the objective and at the minimizer; problems on a source read
 * them by row number; and the Lipschitz bound and the separation level stay sound with them.
 */
class OffsetsTest {

    /** The gradient tolerance of the Newton fits here. */
    private static final double FIT_GRADIENT = 1e-10;
    /** Below this size a coefficient is compared absolutely (|difference| &le; SAME_OPTIMUM times it). */
    private static final double COEFFICIENT_FLOOR = 1.0;

    private static final List<Function<BinaryProblem, BinaryObjective>> IMPLEMENTATIONS = List.of(
            LoopBinaryObjective::new,
            VectorizedBinaryObjective::new,
            FusedBinaryObjective::new,
            p -> new FusedBinaryObjective(p, 3, true),
            p -> new FusedBinaryObjective(p, 3, true, null));

    /** The same data as p with offsets (and the given penalty). */
    private static BinaryProblem withOffsets(BinaryProblem p, double l2, double[] offsets) {
        return new BinaryProblem(p.matrix, p.y, p.w, l2, p.interceptColumn, null, offsets);
    }

    /** c times column j of p's X. */
    private static double[] columnTimes(BinaryProblem p, int j, double c) {
        double[] o = new double[p.rows()];
        for (int i = 0; i < o.length; i++) {
            o[i] = c * p.x(i, j);
        }
        return o;
    }

    @Test
    void anOffsetOfAColumnTimesCIsTheObjectiveAtThetaJPlusC() {
        // J_o(theta) = J(theta + c e_j) for the data part, with g and H the same: checked unpenalized so the
        // penalty, which sees theta_j and not theta_j + c, does not enter. 300 rows, 9 columns: SIMD tails.
        BinaryProblem plain = Data.randomProblem(41, 300, 9, true, 0.0);
        double c = 0.8;
        double[] theta = Data.randomTheta(42, 9, 0.5);
        for (int j : new int[] {0, 4, 8}) {
            BinaryProblem shifted = withOffsets(plain, 0.0, columnTimes(plain, j, c));
            double[] moved = theta.clone();
            moved[j] += c;
            for (Function<BinaryProblem, BinaryObjective> make : IMPLEMENTATIONS) {
                BinaryObjective f = make.apply(shifted);
                BinaryObjective reference = make.apply(plain);
                double[] g = new double[9];
                double[] h = new double[81];
                double[] gRef = new double[9];
                double[] hRef = new double[81];
                String what = f.getClass().getSimpleName() + ", column " + j;
                double j0 = f.valueGradientHessian(theta, g, h);
                double expected = reference.valueGradientHessian(moved, gRef, hRef);
                assertClose(expected, j0, Tolerances.SAME_MATH, 0, what + ": J");
                assertArrayClose(gRef, g, Tolerances.SAME_MATH, 0, what + ": g");
                assertArrayClose(hRef, h, Tolerances.SAME_MATH, 0, what + ": H");
                assertNotEquals(reference.value(theta), j0, what + ": the offset changes J");
            }
        }
    }

    /** Minimizes J by Newton's method from 0, asserting convergence. */
    private static double[] fit(BinaryProblem p) {
        Solution s = new NewtonSolver(NewtonOptions.defaults().withTolerance(FIT_GRADIENT))
                .minimize(new FusedBinaryObjective(p), new double[p.columns()], p.separationLevel());
        assertEquals(Termination.CONVERGED, s.termination(), s.warnings().toString());
        return s.theta();
    }

    @Test
    void anOffsetOfAColumnTimesCMovesItsCoefficientByMinusCAndNoOther() {
        BinaryProblem plain = Data.randomProblem(43, 400, 5, true, 0.0);
        double[] without = fit(plain);
        double c = 0.6;
        for (int j = 0; j < 5; j++) {
            double[] with = fit(withOffsets(plain, 0.0, columnTimes(plain, j, c)));
            for (int k = 0; k < 5; k++) {
                double expected = k == j ? without[k] - c : without[k];
                assertClose(expected, with[k], Tolerances.SAME_OPTIMUM, COEFFICIENT_FLOOR,
                        "offset " + c + " x_" + j + ": theta_" + k);
            }
        }
        // With a penalty, only the unpenalized intercept (column 0, x_0 = 1) moves by -c exactly.
        BinaryProblem penalized = withOffsets(plain, 0.2, null);
        double[] ridge = fit(penalized);
        double[] shifted = fit(withOffsets(plain, 0.2, columnTimes(plain, 0, c)));
        for (int k = 0; k < 5; k++) {
            assertClose(k == 0 ? ridge[k] - c : ridge[k], shifted[k], Tolerances.SAME_OPTIMUM, COEFFICIENT_FLOOR,
                    "penalized, offset " + c + " x_0: theta_" + k);
        }
    }

    @Test
    void aProblemOnASourceReadsItsOffsetsByRowNumber() {
        // Computed rows land at the start of the reader's scratch, shifted from the row numbers; chunks of 16
        // rows on three threads, and the SIMD and scalar paths, all read o_i for row i.
        BinaryProblem plain = Data.randomProblem(44, 1031, 7, true, 0.0);
        double[] offsets = Data.randomOffsets(45, 1031, 1.0);
        BinaryProblem inMemory = withOffsets(plain, 0.0, offsets);
        RowSource computed = RowSource.computed(7, plain.matrix.largest(), plain.y, plain.w,
                (from, to, into) -> System.arraycopy(plain.x, from * 7, into, 0, (to - from) * 7));
        BinaryProblem onSource = new BinaryProblem(computed, 0.0, 0, null, offsets);
        assertTrue(onSource.hasOffsets());
        assertEquals(offsets[1000], onSource.offset(1000));
        double[] theta = Data.randomTheta(46, 7, 0.4);
        for (HessianUpdate simd : new HessianUpdate[] {FusedBinaryObjective.SIMD, null}) {
            FusedBinaryObjective expected = new FusedBinaryObjective(inMemory, 3, true, simd);
            FusedBinaryObjective actual = new FusedBinaryObjective(onSource, 3, true, simd);
            double[] g = new double[7];
            double[] h = new double[49];
            double[] gExpected = new double[7];
            double[] hExpected = new double[49];
            double j0 = expected.valueGradientHessian(theta, gExpected, hExpected);
            assertEquals(j0, actual.valueGradientHessian(theta, g, h), 0.0, "J");
            assertArrayEquals(gExpected, g, 0.0, "g");
            assertArrayEquals(hExpected, h, 0.0, "H");
            assertClose(new LoopBinaryObjective(inMemory).value(theta), actual.value(theta), Tolerances.SAME_MATH, 0,
                    "J against the loop reference");
            // The largest logit range is that of z = X theta + o.
            double largest = 0;
            for (int i = 0; i < 1031; i++) {
                double z = offsets[i];
                for (int j = 0; j < 7; j++) {
                    z += plain.x(i, j) * theta[j];
                }
                largest = plain.w[i] > 0 ? Math.max(largest, Math.abs(z)) : largest;
            }
            assertClose(largest, actual.largestLogitRange(theta), Tolerances.SAME_MATH, 0, "max |z|");
        }
    }

    private static double largestEigenvalue(double[] h, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(DMatrixRMaj.wrap(n, n, h.clone())));
        double max = 0;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, eig.getEigenvalue(k).real);
        }
        return max;
    }

    @Test
    void theLipschitzBoundIsThatWithoutOffsetsAndDominatesTheHessianWithThem() {
        BinaryProblem plain = Data.randomProblem(47, 200, 4, true, 0.02);
        // Offsets of 3 and more in size: sigma'(z) at theta = 0 is below 0.05, so H(0) would bound nothing.
        double[] offsets = new double[200];
        for (int i = 0; i < 200; i++) {
            offsets[i] = (i % 2 == 0 ? 1 : -1) * (3 + 0.01 * i);
        }
        BinaryProblem p = withOffsets(plain, 0.02, offsets);
        assertSame(plain, plain.withoutOffsets(), "a problem without offsets is its own");
        assertFalse(p.withoutOffsets().hasOffsets());
        for (Function<BinaryProblem, BinaryObjective> make : IMPLEMENTATIONS) {
            BinaryObjective f = make.apply(p);
            String what = f.getClass().getSimpleName();
            double bound = f.lipschitzBound();
            assertClose(make.apply(plain).lipschitzBound(), bound, Tolerances.SAME_MATH, 0, what + ": L");
            double[] h = new double[16];
            f.valueGradientHessian(new double[4], new double[4], h);
            assertTrue(largestEigenvalue(h, 4) < 0.5 * bound, what + ": H(0) with offsets is far below L");
            for (long seed = 0; seed < 5; seed++) {
                f.valueGradientHessian(Data.randomTheta(seed, 4, 0.8 * seed), new double[4], h);
                assertTrue(largestEigenvalue(h, 4) <= bound * (1 + Tolerances.SAME_MATH),
                        what + ": lambda_max(H) <= L at seed " + seed);
            }
        }
    }

    @Test
    void offsetsThatClassifyEveryRowAloneProveNoSeparation() {
        // x = (1, t), t = 0..3, labels 0 1 0 1: no line in t separates them, so a finite minimizer exists;
        // offsets of -8 and 8 give every row a loss of 3.4e-4 at theta = 0, below log 2 / 4 = 0.17.
        double[] x = {1, 0, 1, 1, 1, 2, 1, 3};
        double[] y = {0, 1, 0, 1};
        double[] offsets = {-8, 8, -8, 8};
        BinaryProblem plain = new BinaryProblem(x, 4, 2, y, null, 0.0, 0);
        BinaryProblem p = new BinaryProblem(DesignMatrix.wrap(x, 4, 2), y, null, 0.0, 0, null, offsets);
        assertTrue(new LoopBinaryObjective(p).value(new double[2]) < plain.separationLevel(),
                "the loss at 0 is below the level without offsets");
        assertEquals(0.0, p.separationLevel(), "no level with offsets");
        double[] theta = fit(p);
        double[] g = new double[2];
        new LoopBinaryObjective(p).valueAndGradient(theta, g);
        assertTrue(Math.abs(g[0]) <= FIT_GRADIENT && Math.abs(g[1]) <= FIT_GRADIENT, "a minimizer: g = 0");
        assertTrue(Math.abs(theta[0]) < 10 && Math.abs(theta[1]) < 10, "finite");
    }
}
