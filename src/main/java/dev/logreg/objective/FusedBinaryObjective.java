package dev.logreg.objective;

import dev.logreg.math.Logistic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link BinaryObjective} computed in one pass over the data: the loss, the gradient and the upper
 * triangle of X<sup>T</sup>DX together, row block by row block, on several threads.
 *
 * <p>The rows are split into one contiguous range per thread. Each thread walks its range in blocks
 * of {@value #BLOCK} rows (a block of X stays in cache between the two sweeps over it): first z
 * = X&theta;, the loss, r = w &#8728; (&sigma;(z) &minus; y) and d = w &#8728; &sigma;'(z) for the block's rows, and
 * g += X<sup>T</sup>r; then H += X<sup>T</sup>diag(d)X four rows at a time (each update of an entry
 * of H adds four products, so H is read and written once per four rows). Each thread accumulates into
 * its own buffers, sized at construction; they are summed in a fixed order, so a result does not
 * depend on scheduling. Nothing is allocated per evaluation that grows with m. Small problems (fewer
 * than {@value #PARALLEL_MIN_ELEMENTS} elements in X) use the calling thread only.
 *
 * <p>The formulas are those of {@link VectorizedBinaryObjective}, the readable specification, and the
 * tests hold this class to it and to {@link LoopBinaryObjective} at 1e-12.
 */
public final class FusedBinaryObjective extends BinaryObjective {

    /** Rows per block. */
    static final int BLOCK = 256;
    /** Below this many elements of X, one thread does everything. */
    static final int PARALLEL_MIN_ELEMENTS = 1 << 16;

    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "logreg-fused");
        t.setDaemon(true);
        return t;
    });

    private final int threads;
    private final int[] bounds;
    private final Worker[] workers;

    /**
     * One thread per available processor.
     *
     * @param problem the data; its X is read, not copied
     */
    public FusedBinaryObjective(BinaryProblem problem) {
        this(problem, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param problem the data; its X is read, not copied
     * @param threads how many threads share a pass, at least 1
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public FusedBinaryObjective(BinaryProblem problem, int threads) {
        this(problem, threads, false);
    }

    /**
     * @param always use the threads even for small problems (for tests of the parallel path); each
     *        thread still gets at least one row
     */
    FusedBinaryObjective(BinaryProblem problem, int threads, boolean always) {
        super(problem);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        long elements = (long) problem.rows * problem.cols;
        if (always) {
            this.threads = Math.min(threads, problem.rows);
        } else {
            this.threads = elements < PARALLEL_MIN_ELEMENTS ? 1 : Math.min(threads, Math.max(1, problem.rows / BLOCK));
        }
        this.bounds = new int[this.threads + 1];
        for (int t = 0; t <= this.threads; t++) {
            bounds[t] = (int) ((long) problem.rows * t / this.threads);
        }
        this.workers = new Worker[this.threads];
        for (int t = 0; t < this.threads; t++) {
            workers[t] = new Worker(bounds[t], bounds[t + 1]);
        }
    }

    /** @return the number of threads a pass uses (1 for small problems) */
    public int threads() {
        return threads;
    }

    @Override
    double dataLoss(double[] theta) {
        return pass(theta, null, null);
    }

    @Override
    double dataLossGradient(double[] theta, double[] gradient) {
        return pass(theta, gradient, null);
    }

    @Override
    double dataLossGradientHessian(double[] theta, double[] gradient, double[] hessian) {
        return pass(theta, gradient, hessian);
    }

    /** Runs the workers and sums their results; gradient and hessian may be null. */
    private double pass(double[] theta, double[] gradient, double[] hessian) {
        for (Worker w : workers) {
            w.prepare(theta, gradient != null, hessian != null);
        }
        if (threads == 1) {
            workers[0].run();
        } else {
            List<Future<?>> pending = new ArrayList<>(threads - 1);
            for (int t = 1; t < threads; t++) {
                pending.add(POOL.submit(workers[t]));
            }
            workers[0].run();
            for (Future<?> f : pending) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted during a pass over the data", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a pass over the data failed", e.getCause());
                }
            }
        }
        int n = problem.cols;
        double invW = 1.0 / problem.totalWeight;
        double loss = 0;
        for (Worker w : workers) {
            loss += w.loss;
        }
        if (gradient != null) {
            Arrays.fill(gradient, 0.0);
            for (Worker w : workers) {
                for (int j = 0; j < n; j++) {
                    gradient[j] += w.gradient[j];
                }
            }
            for (int j = 0; j < n; j++) {
                gradient[j] *= invW;
            }
        }
        if (hessian != null) {
            Arrays.fill(hessian, 0.0);
            for (Worker w : workers) {
                for (int a = 0; a < n; a++) {
                    for (int b = a; b < n; b++) {
                        hessian[a * n + b] += w.hessian[a * n + b];
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    double v = hessian[a * n + b] * invW;
                    hessian[a * n + b] = v;
                    hessian[b * n + a] = v;
                }
            }
        }
        return loss * invW;
    }

    /** One thread's share: rows [from, to), with its own accumulators. */
    private final class Worker implements Runnable {
        private final int from;
        private final int to;
        private final double[] gradient;
        private final double[] hessian;
        private final double[] r = new double[BLOCK];
        private final double[] d = new double[BLOCK];
        private double[] theta;
        private boolean wantGradient;
        private boolean wantHessian;
        private double loss;

        Worker(int from, int to) {
            this.from = from;
            this.to = to;
            int n = problem.cols;
            this.gradient = new double[n];
            this.hessian = new double[n * n];
        }

        void prepare(double[] th, boolean g, boolean h) {
            this.theta = th;
            this.wantGradient = g || h;
            this.wantHessian = h;
        }

        @Override
        public void run() {
            int n = problem.cols;
            double[] x = problem.x;
            double[] y = problem.y;
            double[] w = problem.w;
            loss = 0;
            if (wantGradient) {
                Arrays.fill(gradient, 0.0);
            }
            if (wantHessian) {
                Arrays.fill(hessian, 0.0);
            }
            for (int start = from; start < to; start += BLOCK) {
                int end = Math.min(start + BLOCK, to);
                // Sweep 1: z, loss, r = w (sigma(z) - y), d = w sigma'(z), and g += X^T r.
                for (int i = start; i < end; i++) {
                    int row = i * n;
                    double z = 0;
                    for (int j = 0; j < n; j++) {
                        z += x[row + j] * theta[j];
                    }
                    double wi = w[i];
                    loss += wi * Logistic.crossEntropy(z, y[i]);
                    if (wantGradient) {
                        double ri = wi * (Logistic.sigmoid(z) - y[i]);
                        r[i - start] = ri;
                        for (int j = 0; j < n; j++) {
                            gradient[j] += x[row + j] * ri;
                        }
                        if (wantHessian) {
                            d[i - start] = wi * Logistic.sigmoidDerivative(z);
                        }
                    }
                }
                // Sweep 2: H += X^T diag(d) X on the upper triangle, four rows per update.
                if (wantHessian) {
                    int i = start;
                    for (; i + 7 < end; i += 8) {
                        addEightRows(x, n, i, start);
                    }
                    for (; i + 3 < end; i += 4) {
                        addFourRows(x, n, i, start);
                    }
                    for (; i < end; i++) {
                        addOneRow(x, n, i, d[i - start]);
                    }
                }
            }
        }

        private void addEightRows(double[] x, int n, int i, int start) {
            int r0 = i * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            int r4 = r3 + n;
            int r5 = r4 + n;
            int r6 = r5 + n;
            int r7 = r6 + n;
            int k = i - start;
            double d0 = d[k];
            double d1 = d[k + 1];
            double d2 = d[k + 2];
            double d3 = d[k + 3];
            double d4 = d[k + 4];
            double d5 = d[k + 5];
            double d6 = d[k + 6];
            double d7 = d[k + 7];
            for (int a = 0; a < n; a++) {
                double u0 = d0 * x[r0 + a];
                double u1 = d1 * x[r1 + a];
                double u2 = d2 * x[r2 + a];
                double u3 = d3 * x[r3 + a];
                double u4 = d4 * x[r4 + a];
                double u5 = d5 * x[r5 + a];
                double u6 = d6 * x[r6 + a];
                double u7 = d7 * x[r7 + a];
                int h = a * n;
                for (int b = a; b < n; b++) {
                    hessian[h + b] += (u0 * x[r0 + b] + u1 * x[r1 + b] + u2 * x[r2 + b] + u3 * x[r3 + b])
                            + (u4 * x[r4 + b] + u5 * x[r5 + b] + u6 * x[r6 + b] + u7 * x[r7 + b]);
                }
            }
        }

        private void addFourRows(double[] x, int n, int i, int start) {
            int r0 = i * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            double d0 = d[i - start];
            double d1 = d[i + 1 - start];
            double d2 = d[i + 2 - start];
            double d3 = d[i + 3 - start];
            for (int a = 0; a < n; a++) {
                double u0 = d0 * x[r0 + a];
                double u1 = d1 * x[r1 + a];
                double u2 = d2 * x[r2 + a];
                double u3 = d3 * x[r3 + a];
                int h = a * n;
                for (int b = a; b < n; b++) {
                    hessian[h + b] += u0 * x[r0 + b] + u1 * x[r1 + b] + u2 * x[r2 + b] + u3 * x[r3 + b];
                }
            }
        }

        private void addOneRow(double[] x, int n, int i, double di) {
            int r0 = i * n;
            for (int a = 0; a < n; a++) {
                double u0 = di * x[r0 + a];
                int h = a * n;
                for (int b = a; b < n; b++) {
                    hessian[h + b] += u0 * x[r0 + b];
                }
            }
        }
    }
}
