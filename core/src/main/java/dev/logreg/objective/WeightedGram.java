package dev.logreg.objective;

/**
 * The inner kernel of the fused objectives: H += X<sub>B</sub><sup>T</sup> diag(d) X<sub>B</sub> on
 * the upper triangle, for the rows B = [start, end) of a row-major X.
 *
 * <p>Rows are taken eight (then four, then one) at a time, so each entry of H is read and written
 * once per eight rows while the products are summed in registers; with eight rows, two rows of H are
 * updated together so that each element of X loaded serves both. With the Vector API available the
 * {@link HessianUpdate} does the bulk of the rows first.
 */
final class WeightedGram {

    private WeightedGram() {
    }

    /**
     * Adds the rows' weighted outer products to the upper triangle of H.
     *
     * @param x X, row-major with n columns
     * @param n the number of columns
     * @param start first row
     * @param end one past the last row
     * @param d the weights, d[i &minus; start] for row i
     * @param hessian H, n rows of {@code stride}; only entries (a, b) with b &ge; a are touched
     * @param stride the row stride of H
     * @param simd the SIMD update, or null for plain loops
     * @param rowBuffers the SIMD update's scratch rows (null without it)
     */
    static void add(double[] x, int n, int start, int end, double[] d, double[] hessian, int stride,
                    HessianUpdate simd, double[][] rowBuffers) {
        int i = start;
        if (simd != null) {
            i = simd.add(x, n, start, end, d, hessian, stride, rowBuffers);
        }
        for (; i + 7 < end; i += 8) {
            addEightRows(x, n, i, start, d, hessian, stride);
        }
        for (; i + 3 < end; i += 4) {
            addFourRows(x, n, i, start, d, hessian, stride);
        }
        for (; i < end; i++) {
            addOneRow(x, n, i, d[i - start], hessian, stride);
        }
    }

    private static void addEightRows(double[] x, int n, int i, int start, double[] d, double[] hessian, int stride) {
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
        // Rows a and a + 1 of H together: each x[r][b] loaded serves both (the same sums, so the same
        // result as one row at a time).
        int a = 0;
        for (; a + 1 < n; a += 2) {
            double u0 = d0 * x[r0 + a];
            double u1 = d1 * x[r1 + a];
            double u2 = d2 * x[r2 + a];
            double u3 = d3 * x[r3 + a];
            double u4 = d4 * x[r4 + a];
            double u5 = d5 * x[r5 + a];
            double u6 = d6 * x[r6 + a];
            double u7 = d7 * x[r7 + a];
            double t0 = d0 * x[r0 + a + 1];
            double t1 = d1 * x[r1 + a + 1];
            double t2 = d2 * x[r2 + a + 1];
            double t3 = d3 * x[r3 + a + 1];
            double t4 = d4 * x[r4 + a + 1];
            double t5 = d5 * x[r5 + a + 1];
            double t6 = d6 * x[r6 + a + 1];
            double t7 = d7 * x[r7 + a + 1];
            int h = a * stride;
            int g = h + stride;
            hessian[h + a] += (u0 * x[r0 + a] + u1 * x[r1 + a] + u2 * x[r2 + a] + u3 * x[r3 + a])
                    + (u4 * x[r4 + a] + u5 * x[r5 + a] + u6 * x[r6 + a] + u7 * x[r7 + a]);
            for (int b = a + 1; b < n; b++) {
                double x0 = x[r0 + b];
                double x1 = x[r1 + b];
                double x2 = x[r2 + b];
                double x3 = x[r3 + b];
                double x4 = x[r4 + b];
                double x5 = x[r5 + b];
                double x6 = x[r6 + b];
                double x7 = x[r7 + b];
                hessian[h + b] += (u0 * x0 + u1 * x1 + u2 * x2 + u3 * x3) + (u4 * x4 + u5 * x5 + u6 * x6 + u7 * x7);
                hessian[g + b] += (t0 * x0 + t1 * x1 + t2 * x2 + t3 * x3) + (t4 * x4 + t5 * x5 + t6 * x6 + t7 * x7);
            }
        }
        for (; a < n; a++) {
            double u0 = d0 * x[r0 + a];
            double u1 = d1 * x[r1 + a];
            double u2 = d2 * x[r2 + a];
            double u3 = d3 * x[r3 + a];
            double u4 = d4 * x[r4 + a];
            double u5 = d5 * x[r5 + a];
            double u6 = d6 * x[r6 + a];
            double u7 = d7 * x[r7 + a];
            int h = a * stride;
            for (int b = a; b < n; b++) {
                hessian[h + b] += (u0 * x[r0 + b] + u1 * x[r1 + b] + u2 * x[r2 + b] + u3 * x[r3 + b])
                        + (u4 * x[r4 + b] + u5 * x[r5 + b] + u6 * x[r6 + b] + u7 * x[r7 + b]);
            }
        }
    }

    private static void addFourRows(double[] x, int n, int i, int start, double[] d, double[] hessian, int stride) {
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
            int h = a * stride;
            for (int b = a; b < n; b++) {
                hessian[h + b] += u0 * x[r0 + b] + u1 * x[r1 + b] + u2 * x[r2 + b] + u3 * x[r3 + b];
            }
        }
    }

    private static void addOneRow(double[] x, int n, int i, double di, double[] hessian, int stride) {
        int r0 = i * n;
        for (int a = 0; a < n; a++) {
            double u0 = di * x[r0 + a];
            int h = a * stride;
            for (int b = a; b < n; b++) {
                hessian[h + b] += u0 * x[r0 + b];
            }
        }
    }
}
