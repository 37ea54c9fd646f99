package dev.logreg.objective;

import static dev.logreg.testing.Close.assertArrayClose;
import static dev.logreg.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The fused kernel on problems large enough for its parallel path, against the EJML specification
 * and the loop reference, for several thread counts.
 */
class FusedAgainstEjmlTest {

    @ParameterizedTest(name = "m={0}, n={1}, threads={2}, weighted={3}, l2={4}")
    @CsvSource({
        "3000, 50, 2, true, 0.0",
        "3001, 37, 3, false, 0.1",
        "5000, 20, 4, true, 0.0",
        "777, 120, 2, false, 0.0",
    })
    void agreesWithEjmlAndTheLoopReference(int m, int n, int threads, boolean weighted, double l2) {
        BinaryProblem p = Data.randomProblem(17L * m + n, m, n, weighted, l2);
        double[] theta = Data.randomTheta(m + 3L * n, n, 2.0 / Math.sqrt(n));
        FusedBinaryObjective fused = new FusedBinaryObjective(p, threads);
        assertTrue(fused.threads() > 1, "the parallel path runs: " + fused.threads() + " threads");
        double[] gFused = new double[n];
        double[] hFused = new double[n * n];
        double jFused = fused.valueGradientHessian(theta, gFused, hFused);
        for (BinaryObjective other : new BinaryObjective[] {new VectorizedBinaryObjective(p),
                new LoopBinaryObjective(p)}) {
            double[] g = new double[n];
            double[] h = new double[n * n];
            double j = other.valueGradientHessian(theta, g, h);
            String name = other.getClass().getSimpleName();
            assertClose(j, jFused, Tolerances.SAME_MATH, 0, "J vs " + name);
            assertArrayClose(g, gFused, Tolerances.SAME_MATH, 0, "g vs " + name);
            assertArrayClose(h, hFused, Tolerances.SAME_MATH, 0, "H vs " + name);
        }
        // Repeated passes give the same bits: partial sums are combined in a fixed order.
        double[] g2 = new double[n];
        double[] h2 = new double[n * n];
        assertEquals(jFused, fused.valueGradientHessian(theta, g2, h2));
        assertArrayClose(gFused, g2, 0, 0, "g again");
        assertArrayClose(hFused, h2, 0, 0, "H again");
    }

    @Test
    void theTestsRunTheSimdPathAndItAgreesWithThePlainLoops() {
        // The surefire JVM runs with --add-modules jdk.incubator.vector (pom.xml).
        BinaryProblem p = Data.randomProblem(99, 2000, 61, true, 0.0);
        FusedBinaryObjective simd = new FusedBinaryObjective(p, 2);
        assertTrue(simd.simd(), "the Vector API kernel is loaded");
        FusedBinaryObjective plain = new FusedBinaryObjective(p, 2, false, null);
        assertTrue(!plain.simd());
        double[] theta = Data.randomTheta(5, 61, 0.3);
        double[] g1 = new double[61];
        double[] g2 = new double[61];
        double[] h1 = new double[61 * 61];
        double[] h2 = new double[61 * 61];
        assertClose(plain.valueGradientHessian(theta, g2, h2), simd.valueGradientHessian(theta, g1, h1),
                Tolerances.SAME_MATH, 0, "J");
        assertArrayClose(g2, g1, Tolerances.SAME_MATH, 0, "g");
        assertArrayClose(h2, h1, Tolerances.SAME_MATH, 0, "H");
    }

    @Test
    void smallProblemsUseOneThreadAndBadThreadCountsAreRejected() {
        BinaryProblem small = Data.randomProblem(5, 100, 5, false, 0);
        assertEquals(1, new FusedBinaryObjective(small, 8).threads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FusedBinaryObjective(small, 0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }
}
