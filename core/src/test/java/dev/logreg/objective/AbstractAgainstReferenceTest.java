package dev.logreg.objective;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fast implementation agrees with {@link LoopBinaryObjective} to {@link Tolerances#SAME_MATH}
 * over a sweep of shapes, with and without weights, penalty and offsets. One short subclass per fast
 * path.
 */
abstract class AbstractAgainstReferenceTest {

    abstract BinaryObjective create(BinaryProblem problem);

    static List<Arguments> shapes() {
        List<Arguments> cases = new ArrayList<>();
        for (int m : new int[] {1, 2, 7, 100, 1000}) {
            for (int n : new int[] {1, 2, 5, 30}) {
                for (boolean weighted : new boolean[] {false, true}) {
                    for (double l2 : new double[] {0.0, 0.3}) {
                        cases.add(Arguments.of(m, n, weighted, l2));
                    }
                }
            }
        }
        return cases;
    }

    /**
     * The shapes again, and one whose X has more than {@link FusedBinaryObjective#PARALLEL_MIN_ELEMENTS}
     * elements, which the default fused kernel splits over threads (where there are several cores).
     */
    static List<Arguments> shapesWithOffsets() {
        List<Arguments> cases = shapes();
        for (boolean weighted : new boolean[] {false, true}) {
            for (double l2 : new double[] {0.0, 0.3}) {
                cases.add(Arguments.of(2500, 30, weighted, l2));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "m={0}, n={1}, weighted={2}, l2={3}")
    @MethodSource("shapes")
    void agreesWithTheLoopReference(int m, int n, boolean weighted, double l2) {
        assertAgreement(Data.randomProblem(1000L * m + n, m, n, weighted, l2));
    }

    @ParameterizedTest(name = "m={0}, n={1}, weighted={2}, l2={3}")
    @MethodSource("shapesWithOffsets")
    void agreesWithTheLoopReferenceWithOffsets(int m, int n, boolean weighted, double l2) {
        BinaryProblem plain = Data.randomProblem(1000L * m + n, m, n, weighted, l2);
        double[] offsets = Data.randomOffsets(3L * m + n, m, 1.5);
        BinaryProblem p = new BinaryProblem(plain.matrix, plain.y, plain.w, l2, plain.interceptColumn, null, offsets);
        assertAgreement(p);
        // The offsets count: the same implementation without them gives another loss.
        double[] theta = Data.randomTheta(m + 7L * n, n, 2.0 / Math.sqrt(n));
        assertNotEquals(create(plain).value(theta), create(p).value(theta), "J with offsets");
    }

    /** Value, gradient and Hessian of {@link #create} against the loop reference, each way of asking for them. */
    private void assertAgreement(BinaryProblem p) {
        int m = p.rows();
        int n = p.columns();
        double[] theta = Data.randomTheta(m + 7L * n, n, 2.0 / Math.sqrt(n));
        BinaryObjective fast = create(p);
        BinaryObjective reference = new LoopBinaryObjective(p);

        double[] gFast = new double[n];
        double[] gRef = new double[n];
        double[] hFast = new double[n * n];
        double[] hRef = new double[n * n];
        double jFast = fast.valueGradientHessian(theta, gFast, hFast);
        double jRef = reference.valueGradientHessian(theta, gRef, hRef);
        assertClose(jRef, jFast, Tolerances.SAME_MATH, 0, "J");
        assertArrayClose(gRef, gFast, Tolerances.SAME_MATH, 0, "g");
        assertArrayClose(hRef, hFast, Tolerances.SAME_MATH, 0, "H");

        assertClose(jRef, fast.value(theta), Tolerances.SAME_MATH, 0, "J alone");
        double[] g2 = new double[n];
        assertClose(jRef, fast.valueAndGradient(theta, g2), Tolerances.SAME_MATH, 0, "J with g");
        assertArrayClose(gRef, g2, Tolerances.SAME_MATH, 0, "g alone");
    }
}
