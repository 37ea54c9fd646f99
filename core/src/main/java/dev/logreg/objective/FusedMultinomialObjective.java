package dev.logreg.objective;

import java.util.Arrays;

/**
 * {@link MultinomialObjective} computed in one pass over the data, as {@link FusedBinaryObjective}
 * does for the binary loss: the loss, the gradient and the Hessian blocks together, row block by
 * row block, on several threads.
 *
 * <p>Each Hessian block H<sub>ce</sub> = X<sup>T</sup>diag(a<sub>ce</sub>)X/W, with
 * a<sub>ce</sub> = w &#8728; p<sub>c</sub>(&delta;<sub>ce</sub> &minus; p<sub>e</sub>), is a weighted
 * Gram matrix and therefore symmetric, so a pass accumulates only the upper triangles of the
 * C(C+1)/2 blocks with c &le; e. For each block of {@value #BLOCK} rows, the first sweep computes
 * the logits, the softmax (largest logit subtracted, one exponential per class), the loss, the
 * gradient and the weights a<sub>ce</sub>; the second adds the block's rows to each Gram triangle,
 * eight rows per update (SIMD with the Vector API). Per-thread buffers are sized at construction;
 * the rows are split into chunks by shape alone and the chunks' sums are added in chunk order
 * ({@link ParallelPass}), so a result does not depend on the number of threads, and a pass checks
 * for interruption at every chunk.
 *
 * <p>The tests hold it to {@link VectorizedMultinomialObjective}, the readable specification, and to
 * {@link LoopMultinomialObjective} at 1e-12.
 */
public final class FusedMultinomialObjective extends MultinomialObjective {

    /** Rows per block. */
    static final int BLOCK = FusedBinaryObjective.BLOCK;

    private final int threads;
    private final int chunkRows;
    private final Worker[] workers;
    /** The totals the chunks are folded into: the loss, the gradient, the upper Gram triangles. */
    private double totalLoss;
    private final LastPassRange lastPass;
    private final double[] totalGradient;
    private final double[][] totalGrams;
    private final HessianUpdate simd;
    private final int stride;
    /** The (c, e) block pairs with c &le; e, in row-major order. */
    private final int[] pairC;
    private final int[] pairE;

    /**
     * One thread per available processor.
     *
     * @param problem the data; its X is read, not copied
     */
    public FusedMultinomialObjective(MultinomialProblem problem) {
        this(problem, Runtime.getRuntime().availableProcessors(), false, FusedBinaryObjective.SIMD);
    }

    /**
     * A given number of threads (one where something else runs the passes in parallel, as Spark's
     * partitions).
     *
     * @param problem the data; its X is read, not copied
     * @param threads how many threads share a pass, at least 1
     */
    public FusedMultinomialObjective(MultinomialProblem problem, int threads) {
        this(problem, threads, false, FusedBinaryObjective.SIMD);
    }

    /**
     * @param threads how many threads share a pass, at least 1
     * @param always use the threads even for small problems (tests of the parallel path)
     * @param simd the SIMD update of the Gram triangles, or null for plain loops
     */
    FusedMultinomialObjective(MultinomialProblem problem, int threads, boolean always, HessianUpdate simd) {
        super(problem);
        this.simd = simd;
        this.stride = simd == null ? problem.cols : simd.stride(problem.cols);
        int blocks = problem.blocks();
        int pairs = blocks * (blocks + 1) / 2;
        this.pairC = new int[pairs];
        this.pairE = new int[pairs];
        int q = 0;
        for (int c = 0; c < blocks; c++) {
            for (int e = c; e < blocks; e++) {
                pairC[q] = c;
                pairE[q] = e;
                q++;
            }
        }
        this.chunkRows = ParallelPass.chunkRows(BLOCK, (long) problem.cols * blocks, always);
        int chunks = ParallelPass.chunks(problem.rows, chunkRows);
        this.threads = ParallelPass.threads(threads, chunks, (long) problem.rows * problem.cols * blocks,
                FusedBinaryObjective.PARALLEL_MIN_ELEMENTS, always);
        this.totalGradient = new double[problem.dimension()];
        this.totalGrams = new double[pairs][problem.cols * stride];
        this.lastPass = new LastPassRange(problem.dimension());
        this.workers = new Worker[this.threads];
        for (int t = 0; t < this.threads; t++) {
            workers[t] = new Worker();
        }
    }

    /** @return the number of threads a pass uses (1 for small problems) */
    public int threads() {
        return threads;
    }

    /** @return whether the Gram triangles are accumulated with SIMD instructions */
    public boolean simd() {
        return simd != null;
    }

    /**
     * The largest range (max minus min) of a row's K logits over the rows of positive weight, the
     * reference class's logit 0 among them: how close some fitted probability comes to 0 or 1. Every
     * pass finds it on its way, so at the &theta; of the last pass it costs nothing; at another &theta;
     * it costs one pass of the loss.
     *
     * @param theta parameters, length C&middot;n
     * @return the largest logit range over the rows with w<sub>i</sub> &gt; 0
     * @throws IllegalArgumentException if theta is null or of the wrong length
     */
    public double largestLogitRange(double[] theta) {
        return lastPass.at(theta, this::value);
    }

    @Override
    double pass(double[] theta, double[] gradient, double[] hessian) {
        FusedWorker.prepare(workers, theta, gradient, hessian, totalGradient);
        totalLoss = 0;
        lastPass.start();
        if (hessian != null) {
            for (double[] g : totalGrams) {
                Arrays.fill(g, 0.0);
            }
        }
        ParallelPass.run(problem.rows, chunkRows, workers);
        lastPass.finish(theta);
        int n = problem.cols;
        int dim = problem.dimension();
        double invW = 1.0 / problem.totalWeight;
        FusedWorker.scaled(totalGradient, invW, gradient);
        if (hessian != null) {
            for (int q = 0; q < pairC.length; q++) {
                int rowBase = pairC[q] * n;
                int colBase = pairE[q] * n;
                for (int a = 0; a < n; a++) {
                    for (int b = a; b < n; b++) {
                        double v = totalGrams[q][a * stride + b] * invW;
                        // the block is symmetric: (a, b) and (b, a) of block (c, e), and their mirrors in (e, c)
                        hessian[(rowBase + a) * dim + colBase + b] = v;
                        hessian[(rowBase + b) * dim + colBase + a] = v;
                        hessian[(colBase + b) * dim + rowBase + a] = v;
                        hessian[(colBase + a) * dim + rowBase + b] = v;
                    }
                }
            }
        }
        return totalLoss * invW;
    }

    /** One thread's buffers: the partial sums of the chunk it computed last. */
    private final class Worker extends FusedWorker {
        /** The upper triangles of this thread's Gram blocks, one per pair, n rows of {@code stride}. */
        private final double[][] grams;
        /** The weights a_ce of the current row block, one array per pair. */
        private final double[][] a;
        private final double[][] rowBuffers;
        private final double[] z;
        private final double[] p;

        Worker() {
            super(problem.dimension());
            int n = problem.cols;
            int pairs = pairC.length;
            this.grams = new double[pairs][n * stride];
            this.a = new double[pairs][BLOCK];
            this.rowBuffers = simd == null ? null : new double[HessianUpdate.BUFFERS][stride];
            this.z = new double[problem.blocks()];
            this.p = new double[problem.blocks()];
        }

        /** Adds this chunk's sums into the totals (in chunk order, one worker at a time). */
        @Override
        public void fold() {
            totalLoss += loss;
            lastPass.fold(largestRange);
            foldGradient(totalGradient);
            if (wantHessian) {
                for (int q = 0; q < grams.length; q++) {
                    foldUpperTriangle(totalGrams[q], grams[q], problem.cols, stride);
                }
            }
        }

        /** The sums over rows [from, to), from zero. */
        @Override
        public void compute(int from, int to) {
            MultinomialProblem q = problem;
            int n = q.cols;
            int blocks = q.blocks();
            boolean reference = !q.symmetric();
            readRows(q.source, from, to);
            double[] x = rows.x;
            double[] y = rows.y;
            double[] w = rows.w;
            int xShift = this.xShift;
            int yShift = this.yShift;
            int wShift = this.wShift;
            clearLossAndGradient();
            if (wantHessian) {
                for (double[] g : grams) {
                    Arrays.fill(g, 0.0);
                }
            }
            for (int start = from; start < to; start += BLOCK) {
                int end = Math.min(start + BLOCK, to);
                for (int i = start; i < end; i++) {
                    int row = (i + xShift) * n;
                    double max = reference ? 0.0 : Double.NEGATIVE_INFINITY;
                    double min = reference ? 0.0 : Double.POSITIVE_INFINITY;
                    for (int c = 0; c < blocks; c++) {
                        int t = c * n;
                        double z0 = 0;
                        double z1 = 0;
                        int j = 0;
                        for (; j + 1 < n; j += 2) {
                            z0 += x[row + j] * theta[t + j];
                            z1 += x[row + j + 1] * theta[t + j + 1];
                        }
                        if (j < n) {
                            z0 += x[row + j] * theta[t + j];
                        }
                        z[c] = z0 + z1;
                        max = Math.max(max, z[c]);
                        min = Math.min(min, z[c]);
                    }
                    double sum = reference ? Math.exp(-max) : 0.0;
                    for (int c = 0; c < blocks; c++) {
                        p[c] = Math.exp(z[c] - max);
                        sum += p[c];
                    }
                    double lse = max + Math.log(sum);
                    double wi = w == null ? 1.0 : w[i + wShift];
                    if (wi > 0) {
                        largestRange = Math.max(largestRange, max - min);
                    }
                    int yc = q.classBlock[(int) y[i + yShift]];
                    loss += wi * (lse - (yc < 0 ? 0.0 : z[yc]));
                    if (!wantGradient) {
                        continue;
                    }
                    double inv = 1.0 / sum;
                    for (int c = 0; c < blocks; c++) {
                        p[c] *= inv;
                    }
                    for (int c = 0; c < blocks; c++) {
                        double r = wi * (p[c] - (c == yc ? 1.0 : 0.0));
                        int t = c * n;
                        for (int j = 0; j < n; j++) {
                            gradient[t + j] += x[row + j] * r;
                        }
                    }
                    if (wantHessian) {
                        int k = i - start;
                        for (int pair = 0; pair < pairC.length; pair++) {
                            int c = pairC[pair];
                            int e = pairE[pair];
                            a[pair][k] = c == e ? wi * p[c] * (1.0 - p[c]) : -wi * (p[c] * p[e]);
                        }
                    }
                }
                if (wantHessian) {
                    for (int pair = 0; pair < pairC.length; pair++) {
                        WeightedGram.add(x, n, start + xShift, end + xShift, a[pair], grams[pair], stride, simd,
                                rowBuffers);
                    }
                }
            }
        }
    }
}
