package dev.logreg.objective;

/**
 * Rows of another source with columns selected and changed, applied on every read: column c is
 * (x<sub>kept[c]</sub> &minus; center[c]) / scale[c] and each weight is divided by
 * 2<sup>e</sup> (see {@link RowSource#mapColumns}). Its {@link #largest()} is a bound,
 * (max|x| + |center|)/scale, exact when nothing is centred and the scales are powers of two.
 */
final class MappedColumns extends RowSource {

    private final RowSource base;
    private final int[] kept;
    private final double[] center;
    private final double[] scale;
    private final int weightExponent;

    MappedColumns(RowSource base, int[] kept, double[] center, double[] scale, int weightExponent) {
        super(base.rows(), checked(base, kept, center, scale), bound(base, kept, center, scale));
        this.base = base;
        this.kept = kept.clone();
        this.center = center == null ? new double[kept.length] : center.clone();
        this.scale = scale == null ? ones(kept.length) : scale.clone();
        this.weightExponent = weightExponent;
    }

    private static int checked(RowSource base, int[] kept, double[] center, double[] scale) {
        if (kept == null || kept.length == 0) {
            throw new IllegalArgumentException("no column kept: a model matrix needs at least one");
        }
        for (int c = 0; c < kept.length; c++) {
            if (kept[c] < 0 || kept[c] >= base.cols() || (c > 0 && kept[c] <= kept[c - 1])) {
                throw new IllegalArgumentException("kept column " + kept[c] + " at " + c + " is out of range [0, "
                        + base.cols() + ") or out of order");
            }
        }
        if ((center != null && center.length != kept.length) || (scale != null && scale.length != kept.length)) {
            throw new IllegalArgumentException("center and scale need one value per kept column (" + kept.length + ")");
        }
        return kept.length;
    }

    private static double[] bound(RowSource base, int[] kept, double[] center, double[] scale) {
        double[] largest = base.largest();
        double[] out = new double[kept.length];
        for (int c = 0; c < kept.length; c++) {
            double shifted = largest[kept[c]] + (center == null ? 0.0 : Math.abs(center[c]));
            out[c] = shifted / (scale == null ? 1.0 : Math.abs(scale[c]));
        }
        return out;
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    @Override
    public boolean weighted() {
        return base.weighted();
    }

    @Override
    public void read(int from, int to, RowBlock into) {
        RowBlock in = into.inner();
        base.read(from, to, in);
        int n = kept.length;
        into.scratch(from, to, n, weightExponent != 0 && in.w != null);
        double[] out = into.x;
        double[] x = in.x;
        for (int r = from, k = 0; r < to; r++, k++) {
            int src = in.offset(r);
            int dst = k * n;
            for (int c = 0; c < n; c++) {
                out[dst + c] = (x[src + kept[c]] - center[c]) / scale[c];
            }
        }
        labels(from, to, in, into);
    }

    @Override
    public void readLabels(int from, int to, RowBlock into) {
        RowBlock in = into.inner();
        base.readLabels(from, to, in);
        into.scratch(from, to, 0, weightExponent != 0 && in.w != null);
        into.cols = kept.length;
        labels(from, to, in, into);
    }

    /** The labels of what was read, and its weights divided by 2^e, into the view (whose scratch is sized). */
    private void labels(int from, int to, RowBlock in, RowBlock into) {
        boolean scaleWeights = weightExponent != 0 && in.w != null;
        into.y = in.y;
        into.yBase = in.yBase;
        if (scaleWeights) {
            for (int r = from, k = 0; r < to; r++, k++) {
                into.w[k] = Math.scalb(in.w[in.wBase + k], -weightExponent);
            }
        } else {
            into.w = in.w;
            into.wBase = in.wBase;
        }
    }
}
