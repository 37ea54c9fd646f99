package dev.logreg.objective;

import java.util.Arrays;

/**
 * What the workers of the fused binary and multinomial kernels share: the parameters and the parts
 * asked for of the current pass, the chunk's loss and gradient, and the steps of a pass that do not
 * depend on the model (preparing the workers, clearing a chunk's sums, folding a gradient and the
 * upper triangle of a Gram block into the totals, scaling the totals by 1/W).
 */
abstract class FusedWorker implements ParallelPass.RowWorker {

    /** The chunk's part of the data gradient (before the division by W). */
    final double[] gradient;
    double[] theta;
    boolean wantGradient;
    boolean wantHessian;
    /** The chunk's part of the data loss (before the division by W). */
    double loss;
    /** The largest range of a row's logits in the chunk, over its rows of positive weight. */
    double largestRange;
    /** The chunk's rows, as the source gives them. */
    final RowBlock rows = new RowBlock();
    /** Row i of the chunk is row i + xShift of {@code rows.x}; its label and weight at i + yShift, i + wShift. */
    int xShift;
    int yShift;
    int wShift;

    FusedWorker(int dimension) {
        this.gradient = new double[dimension];
    }

    /**
     * Tells every worker what the coming pass computes (the gradient when asked for or needed for the
     * Hessian), and clears the kernel's gradient total.
     */
    static void prepare(FusedWorker[] workers, double[] theta, double[] gradient, double[] hessian,
                        double[] totalGradient) {
        Arrays.fill(totalGradient, 0.0);
        for (FusedWorker w : workers) {
            w.theta = theta;
            w.wantGradient = gradient != null || hessian != null;
            w.wantHessian = hessian != null;
        }
    }

    /** Reads the chunk's rows [from, to) from the source and sets the shifts of their indices. */
    final void readRows(RowSource source, int from, int to) {
        source.read(from, to, rows);
        xShift = rows.xRow - from;
        yShift = rows.yBase - from;
        wShift = rows.wBase - from;
    }

    /** Clears the chunk's loss, its largest logit range and, when asked for, its gradient: a chunk's sums start from zero. */
    final void clearLossAndGradient() {
        loss = 0;
        largestRange = 0;
        if (wantGradient) {
            Arrays.fill(gradient, 0.0);
        }
    }

    /** Adds the chunk's gradient into the total, when asked for. */
    final void foldGradient(double[] total) {
        if (wantGradient) {
            for (int j = 0; j < gradient.length; j++) {
                total[j] += gradient[j];
            }
        }
    }

    /** total += part over the upper triangle of an n &times; n block stored in rows of {@code stride}. */
    static void foldUpperTriangle(double[] total, double[] part, int n, int stride) {
        for (int a = 0; a < n; a++) {
            int row = a * stride;
            for (int b = a; b < n; b++) {
                total[row + b] += part[row + b];
            }
        }
    }

    /** out = total / W, when out is asked for (not null). */
    static void scaled(double[] total, double invW, double[] out) {
        if (out != null) {
            for (int j = 0; j < out.length; j++) {
                out[j] = total[j] * invW;
            }
        }
    }
}
