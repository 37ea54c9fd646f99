package dev.logreg.objective;

import java.util.Arrays;

/**
 * {@link BinaryObjective} computed in one pass over the data: the loss, the gradient and the upper
 * triangle of X<sup>T</sup>DX together, row block by row block, on several threads.
 *
 * <p>The rows are split into chunks of consecutive rows (their size depends on the shape only); each
 * thread computes whole chunks, walking each in blocks of {@value #BLOCK} rows (a block of X stays in
 * cache between the two sweeps over it): first z = X&theta; + o (o the problem's offsets, added only
 * when it has them), the loss, r = w &#8728; (&sigma;(z) &minus; y) and d = w &#8728; &sigma;'(z) for the
 * block's rows, and g += X<sup>T</sup>r; then H += X<sup>T</sup>diag(d)X four rows at a time (each
 * update of an entry of H adds four products, so H is read and written once per four rows). Each thread accumulates a
 * chunk into its own buffers, sized at construction, which are added into the totals in chunk order
 * ({@link ParallelPass}): a result depends neither on scheduling nor on the number of threads, so a
 * fit is bit-identical on any machine with the same SIMD setting. Nothing is allocated per evaluation
 * that grows with m. Small problems (fewer than {@value #PARALLEL_MIN_ELEMENTS} elements in X) use the
 * calling thread only. A pass checks for interruption at every chunk (see {@link ParallelPass}).
 *
 * <p>When the JVM runs with {@code --add-modules jdk.incubator.vector}, H is accumulated with the
 * Vector API (eight rows per update, full-width SIMD fused multiply-adds on rows padded to the vector
 * width), about twice as fast as the plain loops used otherwise; {@link #simd()} says which.
 *
 * <p>The formulas are those of {@link VectorizedBinaryObjective}, the readable specification, and the
 * tests hold this class to it and to {@link LoopBinaryObjective} at 1e-12.
 */
public final class FusedBinaryObjective extends BinaryObjective {

    /** Rows per block. */
    static final int BLOCK = 256;
    /** Below this many elements of X, one thread does everything. */
    static final int PARALLEL_MIN_ELEMENTS = 1 << 16;


    /** The SIMD update of H if the Vector API is available (see {@link HessianUpdate#load()}). */
    static final HessianUpdate SIMD = HessianUpdate.load();

    private final int threads;
    private final int chunkRows;
    private final Worker[] workers;
    private final HessianUpdate simd;
    /** Row stride of the H buffers: n, or n rounded up to the SIMD width. */
    private final int stride;
    /** The totals a pass folds the chunks into: loss, gradient, upper triangle of H (n rows of stride). */
    private double totalLoss;
    private final LastPassRange lastPass;
    private final double[] totalGradient;
    private final double[] totalHessian;

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
     * @param always use the threads even for small problems (for tests of the parallel path), with
     *        chunks of {@value ParallelPass#FORCED_CHUNK_ROWS} rows
     */
    FusedBinaryObjective(BinaryProblem problem, int threads, boolean always) {
        this(problem, threads, always, SIMD);
    }

    /**
     * @param simd the SIMD update of H, or null for plain Java loops
     */
    FusedBinaryObjective(BinaryProblem problem, int threads, boolean always, HessianUpdate simd) {
        super(problem);
        this.simd = simd;
        this.stride = simd == null ? problem.cols : simd.stride(problem.cols);
        this.chunkRows = ParallelPass.chunkRows(BLOCK, problem.cols, always);
        int chunks = ParallelPass.chunks(problem.rows, chunkRows);
        this.threads = ParallelPass.threads(threads, chunks, (long) problem.rows * problem.cols,
                PARALLEL_MIN_ELEMENTS, always);
        this.totalGradient = new double[problem.cols];
        this.totalHessian = new double[problem.cols * stride];
        this.lastPass = new LastPassRange(problem.cols);
        this.workers = new Worker[this.threads];
        for (int t = 0; t < this.threads; t++) {
            workers[t] = new Worker();
        }
    }

    /** @return whether H is accumulated with SIMD instructions (the Vector API) rather than plain loops */
    public boolean simd() {
        return simd != null;
    }

    /** @return the number of threads a pass uses (1 for small problems) */
    public int threads() {
        return threads;
    }

    /**
     * The largest |z<sub>i</sub>| = |x<sub>i</sub>&theta; + o<sub>i</sub>| over the rows of positive weight
     * (o<sub>i</sub> = 0 without offsets), the range of a row's two logits (0 and z<sub>i</sub>): how close
     * a fitted probability comes to 0 or 1. Every pass finds it on its way, so at the &theta; of the last
     * pass it costs nothing; at another &theta; it costs one pass of the loss.
     *
     * @param theta parameters, length n
     * @return max |z<sub>i</sub>| over the rows with w<sub>i</sub> &gt; 0
     * @throws IllegalArgumentException if theta is null or of the wrong length
     */
    public double largestLogitRange(double[] theta) {
        return lastPass.at(theta, this::value);
    }

    /** Runs the workers over the chunks and folds their sums in chunk order; gradient and hessian may be null. */
    @Override
    double pass(double[] theta, double[] gradient, double[] hessian) {
        FusedWorker.prepare(workers, theta, gradient, hessian, totalGradient);
        totalLoss = 0;
        lastPass.start();
        if (hessian != null) {
            Arrays.fill(totalHessian, 0.0);
        }
        ParallelPass.run(problem.rows, chunkRows, workers);
        lastPass.finish(theta);
        int n = problem.cols;
        double invW = 1.0 / problem.totalWeight;
        FusedWorker.scaled(totalGradient, invW, gradient);
        if (hessian != null) {
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    double v = totalHessian[a * stride + b] * invW;
                    hessian[a * n + b] = v;
                    hessian[b * n + a] = v;
                }
            }
        }
        return totalLoss * invW;
    }

    /** One thread's buffers: the partial sums of the chunk it computed last. */
    private final class Worker extends FusedWorker {
        /** The upper triangle of the chunk's X<sup>T</sup>DX, n rows of {@code stride}. */
        private final double[] hessian;
        /** Scratch rows for the SIMD update, padded to {@code stride}; null without it. */
        private final double[][] rowBuffers;
        private final double[] d = new double[BLOCK];

        Worker() {
            super(problem.cols);
            this.hessian = new double[problem.cols * stride];
            this.rowBuffers = simd == null ? null : new double[HessianUpdate.BUFFERS][stride];
        }

        /** Adds this chunk's sums into the totals (in chunk order, one worker at a time). */
        @Override
        public void fold() {
            totalLoss += loss;
            lastPass.fold(largestRange);
            foldGradient(totalGradient);
            if (wantHessian) {
                foldUpperTriangle(totalHessian, hessian, problem.cols, stride);
            }
        }

        /** The sums over rows [from, to), from zero. */
        @Override
        public void compute(int from, int to) {
            int n = problem.cols;
            readRows(problem.source, from, to);
            double[] x = rows.x;
            double[] y = rows.y;
            double[] w = rows.w;
            // Offsets are indexed by the row's number (not shifted as the source's arrays are).
            double[] o = problem.offsets;
            int xShift = this.xShift;
            int yShift = this.yShift;
            int wShift = this.wShift;
            clearLossAndGradient();
            if (wantHessian) {
                Arrays.fill(hessian, 0.0);
            }
            for (int start = from; start < to; start += BLOCK) {
                int end = Math.min(start + BLOCK, to);
                // Sweep 1: z, loss, r = w (sigma(z) - y), d = w sigma'(z), and g += X^T r.
                for (int i = start; i < end; i++) {
                    int row = (i + xShift) * n;
                    // z = x_i . theta with four partial sums (independent additions in flight)
                    double z0 = 0;
                    double z1 = 0;
                    double z2 = 0;
                    double z3 = 0;
                    int j = 0;
                    for (; j + 3 < n; j += 4) {
                        z0 += x[row + j] * theta[j];
                        z1 += x[row + j + 1] * theta[j + 1];
                        z2 += x[row + j + 2] * theta[j + 2];
                        z3 += x[row + j + 3] * theta[j + 3];
                    }
                    for (; j < n; j++) {
                        z0 += x[row + j] * theta[j];
                    }
                    double z = (z0 + z1) + (z2 + z3);
                    if (o != null) {
                        z += o[i];
                    }
                    // One exponential serves the loss, sigma and sigma' (the formulas of Logistic):
                    // e = exp(-|z|), softplus(+-z) = max(+-z, 0) + log1p(e), sigma = 1/(1+e) or e/(1+e).
                    double e = Math.exp(-Math.abs(z));
                    double log1pE = Math.log1p(e);
                    double yi = y[i + yShift];
                    double wi = w == null ? 1.0 : w[i + wShift];
                    if (wi > 0) {
                        largestRange = Math.max(largestRange, Math.abs(z));
                    }
                    double softplusZ = Math.max(z, 0.0) + log1pE;
                    double softplusMinusZ = Math.max(-z, 0.0) + log1pE;
                    double term = yi == 0.0 ? softplusZ
                            : yi == 1.0 ? softplusMinusZ : (1.0 - yi) * softplusZ + yi * softplusMinusZ;
                    loss += wi * term;
                    if (wantGradient) {
                        double onePlusE = 1.0 + e;
                        double sigma = z >= 0 ? 1.0 / onePlusE : e / onePlusE;
                        double ri = wi * (sigma - yi);
                        for (int c = 0; c < n; c++) {
                            gradient[c] += x[row + c] * ri;
                        }
                        if (wantHessian) {
                            d[i - start] = wi * (e / (onePlusE * onePlusE));
                        }
                    }
                }
                // Sweep 2: H += X^T diag(d) X on the upper triangle, several rows per update.
                if (wantHessian) {
                    WeightedGram.add(x, n, start + xShift, end + xShift, d, hessian, stride, simd, rowBuffers);
                }
            }
        }
    }
}
