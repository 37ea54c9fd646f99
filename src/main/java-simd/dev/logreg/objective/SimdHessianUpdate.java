package dev.logreg.objective;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link HessianUpdate} on the Vector API: eight rows at a time, each row copied into a scratch array
 * padded to the vector width; for each vector of columns [b, b+L) the eight rows' segments are loaded
 * once, and every row a &lt; b+L of H gets H[a, b..b+L) += &Sigma;<sub>r</sub> u<sub>r</sub> x<sub>r</sub>[b..b+L) by
 * eight fused multiply-adds, u<sub>r</sub> = d<sub>r</sub> x<sub>r,a</sub> (entries left of the diagonal are
 * computed too and ignored).
 */
final class SimdHessianUpdate implements HessianUpdate {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    @Override
    public int stride(int n) {
        int lanes = SPECIES.length();
        return (n + lanes - 1) / lanes * lanes;
    }

    @Override
    public int add(double[] x, int n, int start, int end, double[] d, double[] h, int stride, double[][] rows) {
        int lanes = SPECIES.length();
        double[] x0 = rows[0];
        double[] x1 = rows[1];
        double[] x2 = rows[2];
        double[] x3 = rows[3];
        double[] x4 = rows[4];
        double[] x5 = rows[5];
        double[] x6 = rows[6];
        double[] x7 = rows[7];
        int i = start;
        for (; i + 7 < end; i += 8) {
            for (int r = 0; r < 8; r++) {
                System.arraycopy(x, (i + r) * n, rows[r], 0, n);
            }
            int k = i - start;
            double d0 = d[k];
            double d1 = d[k + 1];
            double d2 = d[k + 2];
            double d3 = d[k + 3];
            double d4 = d[k + 4];
            double d5 = d[k + 5];
            double d6 = d[k + 6];
            double d7 = d[k + 7];
            // For each vector of columns b..b+L: the eight rows' segments stay in registers while every
            // row a of H up to the segment's end gets u_r(a) x_r[b..b+L) for r = 0..7, u_r(a) = d_r x_r[a].
            for (int b = 0; b < stride; b += lanes) {
                DoubleVector v0 = DoubleVector.fromArray(SPECIES, x0, b);
                DoubleVector v1 = DoubleVector.fromArray(SPECIES, x1, b);
                DoubleVector v2 = DoubleVector.fromArray(SPECIES, x2, b);
                DoubleVector v3 = DoubleVector.fromArray(SPECIES, x3, b);
                DoubleVector v4 = DoubleVector.fromArray(SPECIES, x4, b);
                DoubleVector v5 = DoubleVector.fromArray(SPECIES, x5, b);
                DoubleVector v6 = DoubleVector.fromArray(SPECIES, x6, b);
                DoubleVector v7 = DoubleVector.fromArray(SPECIES, x7, b);
                int last = Math.min(n, b + lanes);
                for (int a = 0; a < last; a++) {
                    int at = a * stride + b;
                    DoubleVector acc = DoubleVector.fromArray(SPECIES, h, at);
                    acc = v0.fma(DoubleVector.broadcast(SPECIES, d0 * x0[a]), acc);
                    acc = v1.fma(DoubleVector.broadcast(SPECIES, d1 * x1[a]), acc);
                    acc = v2.fma(DoubleVector.broadcast(SPECIES, d2 * x2[a]), acc);
                    acc = v3.fma(DoubleVector.broadcast(SPECIES, d3 * x3[a]), acc);
                    acc = v4.fma(DoubleVector.broadcast(SPECIES, d4 * x4[a]), acc);
                    acc = v5.fma(DoubleVector.broadcast(SPECIES, d5 * x5[a]), acc);
                    acc = v6.fma(DoubleVector.broadcast(SPECIES, d6 * x6[a]), acc);
                    acc = v7.fma(DoubleVector.broadcast(SPECIES, d7 * x7[a]), acc);
                    acc.intoArray(h, at);
                }
            }
        }
        return i;
    }
}
