package dev.logreg.objective;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertClose;

import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fast implementation agrees with {@link LoopBinaryObjective} to {@link Tolerances#SAME_MATH}
 * over a sweep of shapes, with and without weights and penalty. One short subclass per fast path.
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

    @ParameterizedTest(name = "m={0}, n={1}, weighted={2}, l2={3}")
    @MethodSource("shapes")
    void agreesWithTheLoopReference(int m, int n, boolean weighted, double l2) {
        BinaryProblem p = Data.randomProblem(1000L * m + n, m, n, weighted, l2);
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
