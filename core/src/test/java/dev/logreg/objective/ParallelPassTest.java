package dev.logreg.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.testing.Data;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The fused kernels' passes: bit-identical results whatever the number of threads (the reduction
 * order is fixed by chunk), and interruption on one thread and on several.
 */
class ParallelPassTest {

    /** One evaluation of loss, gradient and Hessian, as the raw bits to compare. */
    private record Evaluation(double loss, double[] gradient, double[] hessian) {
    }

    private static Evaluation evaluate(Objective f, double[] theta) {
        int d = f.dimension();
        double[] g = new double[d];
        double[] h = new double[d * d];
        double loss = f.valueGradientHessian(theta, g, h);
        return new Evaluation(loss, g, h);
    }

    private static void assertBitIdentical(Evaluation expected, Evaluation actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected.loss()), Double.doubleToRawLongBits(actual.loss()),
                what + ": loss " + expected.loss() + " vs " + actual.loss());
        assertArrayEquals(expected.gradient(), actual.gradient(), 0.0, what + ": gradient");
        assertArrayEquals(expected.hessian(), actual.hessian(), 0.0, what + ": Hessian");
    }

    @ParameterizedTest(name = "simd={0}")
    @ValueSource(booleans = {true, false})
    void binaryResultsAreBitIdenticalOnOneTwoAndThreeThreads(boolean withSimd) {
        HessianUpdate simd = withSimd ? FusedBinaryObjective.SIMD : null;
        // 60000 x 10 has several chunks, so two and three threads really share the pass.
        BinaryProblem p = Data.randomProblem(4242, 60_000, 10, true, 0.0);
        double[] theta = Data.randomTheta(7, 10, 0.5);
        checkThreads(t -> new FusedBinaryObjective(p, t, false, simd), theta, "binary, shape-sized chunks");
        // Forced threads with small chunks: many hand-offs between the workers.
        BinaryProblem small = Data.randomProblem(99, 997, 13, false, 0.1);
        double[] theta2 = Data.randomTheta(8, 13, 0.5);
        checkThreads(t -> new FusedBinaryObjective(small, t, true, simd), theta2, "binary, forced threads");
    }

    @ParameterizedTest(name = "simd={0}")
    @ValueSource(booleans = {true, false})
    void multinomialResultsAreBitIdenticalOnOneTwoAndThreeThreads(boolean withSimd) {
        HessianUpdate simd = withSimd ? FusedBinaryObjective.SIMD : null;
        MultinomialProblem p = MultinomialObjectiveTest.randomProblem(31, 30_000, 8, 4, true, 0.0, 0, true);
        double[] theta = Data.randomTheta(9, p.dimension(), 0.3);
        checkThreads(t -> new FusedMultinomialObjective(p, t, false, simd), theta, "multinomial");
        MultinomialProblem small = MultinomialObjectiveTest.randomProblem(32, 501, 5, 3, false, 0.2, -1, true);
        double[] theta2 = Data.randomTheta(10, small.dimension(), 0.3);
        checkThreads(t -> new FusedMultinomialObjective(small, t, true, simd), theta2, "multinomial, forced");
    }

    private static void checkThreads(IntFunction<Objective> objective, double[] theta, String what) {
        Evaluation one = evaluate(objective.apply(1), theta);
        for (int threads : new int[] {2, 3}) {
            Objective f = objective.apply(threads);
            int used = f instanceof FusedBinaryObjective b ? b.threads() : ((FusedMultinomialObjective) f).threads();
            assertTrue(used > 1, what + ": " + threads + " threads asked, " + used + " used");
            assertBitIdentical(one, evaluate(f, theta), what + ", " + threads + " threads");
            assertEquals(Double.doubleToRawLongBits(one.loss()), Double.doubleToRawLongBits(f.value(theta)),
                    what + ": the loss-only pass");
        }
    }

    @org.junit.jupiter.api.Test
    void aNewtonFitIsBitIdenticalOnOneTwoAndThreeThreads() {
        BinaryProblem p = Data.randomProblem(77, 50_000, 12, true, 0.0);
        double[] one = null;
        for (int threads = 1; threads <= 3; threads++) {
            dev.logreg.solve.Solution s = new dev.logreg.solve.NewtonSolver(dev.logreg.solve.NewtonOptions.defaults())
                    .minimize(new FusedBinaryObjective(p, threads), new double[12]);
            assertTrue(s.converged());
            if (one == null) {
                one = s.theta();
            } else {
                assertArrayEquals(one, s.theta(), 0.0, threads + " threads");
            }
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void anInterruptedPassThrowsCancellationAndKeepsTheInterruptStatus(int threads) {
        BinaryProblem p = Data.randomProblem(5, 60_000, 10, false, 0.0);
        FusedBinaryObjective f = new FusedBinaryObjective(p, threads);
        assertEquals(threads, f.threads());
        double[] theta = new double[10];
        double[] g = new double[10];
        try {
            Thread.currentThread().interrupt();
            assertThrows(CancellationException.class, () -> f.valueAndGradient(theta, g));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
        } finally {
            Thread.interrupted();
        }
        // Once the interrupt is cleared, the same objective works again and gives the same result.
        double before = new FusedBinaryObjective(p, 1).valueAndGradient(theta, new double[10]);
        assertEquals(before, f.valueAndGradient(theta, g));
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 3})
    void anInterruptedMultinomialPassThrowsCancellation(int threads) {
        MultinomialProblem p = MultinomialObjectiveTest.randomProblem(33, 20_000, 6, 3, false, 0.0, 0, true);
        FusedMultinomialObjective f = new FusedMultinomialObjective(p, threads, true, FusedBinaryObjective.SIMD);
        double[] theta = new double[p.dimension()];
        try {
            Thread.currentThread().interrupt();
            assertThrows(CancellationException.class,
                    () -> f.valueGradientHessian(theta, new double[theta.length], new double[theta.length * theta.length]));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aWorkerThatFailsStopsThePassWithItsError() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ParallelPass.run(3, 30,
                new ParallelPass.Chunks() {
                    @Override
                    public void compute(int worker, int chunk) {
                        if (chunk == 7) {
                            throw boom;
                        }
                    }

                    @Override
                    public void fold(int worker) {
                    }
                }));
        assertEquals(boom, thrown);
    }

    @Test
    void chunksFoldInChunkOrder() {
        int chunks = 50;
        int[] order = new int[chunks];
        int[] last = new int[3];
        int[] next = {0};
        ParallelPass.run(3, chunks, new ParallelPass.Chunks() {
            @Override
            public void compute(int worker, int chunk) {
                last[worker] = chunk;
            }

            @Override
            public void fold(int worker) {
                order[next[0]++] = last[worker];
            }
        });
        for (int c = 0; c < chunks; c++) {
            assertEquals(c, order[c], "fold " + c);
        }
    }
}
