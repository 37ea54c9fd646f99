package dev.logreg.objective;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link HessianUpdate} on the Vector API, eight rows at a time. Each row is copied into a scratch
 * array padded to the vector width, and a second copy is scaled by its d<sub>r</sub>, so that
 * u<sub>r</sub>(a) = d<sub>r</sub>x<sub>r,a</sub> is one broadcast load. Columns are taken two vectors
 * at a time, [b, b+L) and [c, c+L) with c = b+L: the eight rows' segments of both stay in sixteen
 * registers while every row a of H up to c+L gets
 * H[a, b..c+L) += &Sigma;<sub>r</sub> u<sub>r</sub>(a) x<sub>r</sub>[b..c+L), sixteen fused
 * multiply-adds per eight broadcasts (rows a past the first vector skip its store; entries left of
 * the diagonal inside a vector are computed too and ignored). A last odd vector of columns is done
 * alone.
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
        // the same rows scaled by d: s_r[a] = d_r x_r[a]
        double[] s0 = rows[ROWS];
        double[] s1 = rows[ROWS + 1];
        double[] s2 = rows[ROWS + 2];
        double[] s3 = rows[ROWS + 3];
        double[] s4 = rows[ROWS + 4];
        double[] s5 = rows[ROWS + 5];
        double[] s6 = rows[ROWS + 6];
        double[] s7 = rows[ROWS + 7];
        int i = start;
        for (; i + 7 < end; i += 8) {
            int k = i - start;
            for (int r = 0; r < 8; r++) {
                System.arraycopy(x, (i + r) * n, rows[r], 0, n);
                double dr = d[k + r];
                double[] src = rows[r];
                double[] dst = rows[ROWS + r];
                for (int a = 0; a < n; a++) {
                    dst[a] = dr * src[a];
                }
            }
            int b = 0;
            for (; b + lanes < stride; b += 2 * lanes) {
                int c = b + lanes;
                DoubleVector v0 = DoubleVector.fromArray(SPECIES, x0, b);
                DoubleVector v1 = DoubleVector.fromArray(SPECIES, x1, b);
                DoubleVector v2 = DoubleVector.fromArray(SPECIES, x2, b);
                DoubleVector v3 = DoubleVector.fromArray(SPECIES, x3, b);
                DoubleVector v4 = DoubleVector.fromArray(SPECIES, x4, b);
                DoubleVector v5 = DoubleVector.fromArray(SPECIES, x5, b);
                DoubleVector v6 = DoubleVector.fromArray(SPECIES, x6, b);
                DoubleVector v7 = DoubleVector.fromArray(SPECIES, x7, b);
                DoubleVector w0 = DoubleVector.fromArray(SPECIES, x0, c);
                DoubleVector w1 = DoubleVector.fromArray(SPECIES, x1, c);
                DoubleVector w2 = DoubleVector.fromArray(SPECIES, x2, c);
                DoubleVector w3 = DoubleVector.fromArray(SPECIES, x3, c);
                DoubleVector w4 = DoubleVector.fromArray(SPECIES, x4, c);
                DoubleVector w5 = DoubleVector.fromArray(SPECIES, x5, c);
                DoubleVector w6 = DoubleVector.fromArray(SPECIES, x6, c);
                DoubleVector w7 = DoubleVector.fromArray(SPECIES, x7, c);
                int last = Math.min(n, c + lanes);
                for (int a = 0; a < last; a++) {
                    DoubleVector u0 = DoubleVector.broadcast(SPECIES, s0[a]);
                    DoubleVector u1 = DoubleVector.broadcast(SPECIES, s1[a]);
                    DoubleVector u2 = DoubleVector.broadcast(SPECIES, s2[a]);
                    DoubleVector u3 = DoubleVector.broadcast(SPECIES, s3[a]);
                    DoubleVector u4 = DoubleVector.broadcast(SPECIES, s4[a]);
                    DoubleVector u5 = DoubleVector.broadcast(SPECIES, s5[a]);
                    DoubleVector u6 = DoubleVector.broadcast(SPECIES, s6[a]);
                    DoubleVector u7 = DoubleVector.broadcast(SPECIES, s7[a]);
                    int at = a * stride;
                    DoubleVector p = v0.mul(u0);
                    DoubleVector q = w0.mul(u0);
                    p = v1.fma(u1, p);
                    q = w1.fma(u1, q);
                    p = v2.fma(u2, p);
                    q = w2.fma(u2, q);
                    p = v3.fma(u3, p);
                    q = w3.fma(u3, q);
                    p = v4.fma(u4, p);
                    q = w4.fma(u4, q);
                    p = v5.fma(u5, p);
                    q = w5.fma(u5, q);
                    p = v6.fma(u6, p);
                    q = w6.fma(u6, q);
                    p = v7.fma(u7, p);
                    q = w7.fma(u7, q);
                    // rows past the first vector's columns need only the second
                    if (a < c) {
                        DoubleVector.fromArray(SPECIES, h, at + b).add(p).intoArray(h, at + b);
                    }
                    DoubleVector.fromArray(SPECIES, h, at + c).add(q).intoArray(h, at + c);
                }
            }
            for (; b < stride; b += lanes) {
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
                    DoubleVector p = v0.mul(s0[a]);
                    DoubleVector q = v1.mul(s1[a]);
                    p = v2.fma(DoubleVector.broadcast(SPECIES, s2[a]), p);
                    q = v3.fma(DoubleVector.broadcast(SPECIES, s3[a]), q);
                    p = v4.fma(DoubleVector.broadcast(SPECIES, s4[a]), p);
                    q = v5.fma(DoubleVector.broadcast(SPECIES, s5[a]), q);
                    p = v6.fma(DoubleVector.broadcast(SPECIES, s6[a]), p);
                    q = v7.fma(DoubleVector.broadcast(SPECIES, s7[a]), q);
                    DoubleVector.fromArray(SPECIES, h, at).add(p.add(q)).intoArray(h, at);
                }
            }
        }
        return i;
    }
}
