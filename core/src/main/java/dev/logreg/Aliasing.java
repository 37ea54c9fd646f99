package dev.logreg;

import java.util.Arrays;

/**
 * Finds aliased columns of a model matrix the way R's {@code lm}/{@code glm} do with their limited
 * column pivoting: in model-matrix order, a column is aliased when it is (numerically) a linear
 * combination of the earlier columns that are kept; the earlier ones are kept and the later ones
 * dropped.
 *
 * <p>It works on the Gram matrix G = X<sup>T</sup>WX (for logistic regression, the Hessian at
 * &theta; = 0, which is G/(4W)), equilibrated to a unit diagonal C = S G S with S =
 * diag(G<sub>jj</sub>)<sup>&minus;1/2</sup>. An in-order Cholesky factorization of C that skips
 * columns: the pivot d<sub>j</sub> = C<sub>jj</sub> &minus; &Sigma;<sub>k kept</sub> L<sub>jk</sub>&sup2;
 * is the squared distance of column j, scaled to unit length, from the span of the kept columns
 * before it. Column j is aliased when d<sub>j</sub> &le; {@link #TOLERANCE} (a residual below 1e-5 of
 * the column's norm), or when the column is zero (G<sub>jj</sub> = 0).
 */
public final class Aliasing {

    /**
     * The pivot below which a column counts as aliased: a column whose distance from the span of the
     * earlier columns is below 1e-5 of its norm. Exactly collinear columns give pivots of order 1e-16
     * (rounding); a real but nearly collinear column with a pivot this small would make X<sup>T</sup>DX's
     * condition number exceed 1e10 anyway.
     */
    public static final double TOLERANCE = 1e-10;

    private Aliasing() {
    }

    /**
     * @param gram X<sup>T</sup>WX (or a positive multiple of it), n &times; n row-major, symmetric; not
     *        modified
     * @param n its order
     * @return the aliased columns, increasing; empty if X has full column rank
     * @throws IllegalArgumentException if the array is not n &times; n
     */
    public static int[] find(double[] gram, int n) {
        if (gram == null || gram.length != (long) n * n) {
            throw new IllegalArgumentException("gram must be " + n + " x " + n + (gram == null ? ", got null"
                    : ", got length " + gram.length));
        }
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            double d = gram[j * n + j];
            scale[j] = d > 0 && Double.isFinite(d) ? 1 / Math.sqrt(d) : 0;
        }
        // L holds the rows of the factor for kept columns only (others stay zero).
        double[] lower = new double[n * n];
        boolean[] kept = new boolean[n];
        int[] aliased = new int[n];
        int count = 0;
        for (int j = 0; j < n; j++) {
            if (scale[j] == 0) {
                aliased[count++] = j;
                continue;
            }
            double pivot = 1.0;
            for (int k = 0; k < j; k++) {
                if (kept[k]) {
                    pivot -= lower[j * n + k] * lower[j * n + k];
                }
            }
            if (!(pivot > TOLERANCE)) {
                aliased[count++] = j;
                continue;
            }
            kept[j] = true;
            double root = Math.sqrt(pivot);
            lower[j * n + j] = root;
            // Column j of L below the diagonal: L_ij = (C_ij - sum_k L_ik L_jk) / L_jj, for later i.
            for (int i = j + 1; i < n; i++) {
                double s = gram[i * n + j] * scale[i] * scale[j];
                for (int k = 0; k < j; k++) {
                    if (kept[k]) {
                        s -= lower[i * n + k] * lower[j * n + k];
                    }
                }
                lower[i * n + j] = s / root;
            }
        }
        return Arrays.copyOf(aliased, count);
    }

    /**
     * @param aliased the aliased columns, increasing (as {@link #find} returns them)
     * @param n the number of columns
     * @return the other columns, increasing: those the fit keeps
     * @throws IllegalArgumentException if aliased is null
     */
    public static int[] kept(int[] aliased, int n) {
        if (aliased == null) {
            throw new IllegalArgumentException("aliased is null");
        }
        int[] kept = new int[n - aliased.length];
        int next = 0;
        int a = 0;
        for (int j = 0; j < n; j++) {
            if (a < aliased.length && aliased[a] == j) {
                a++;
            } else {
                kept[next++] = j;
            }
        }
        return kept;
    }

    /**
     * The warning a fit gives for aliased columns, as the core's fits word it.
     *
     * @param names the aliased columns' names, not empty
     * @param perClass whether the model has several blocks of coefficients (the columns leave every class)
     * @return the warning's text
     * @throws IllegalArgumentException if names is null or empty
     */
    public static String warning(java.util.List<String> names, boolean perClass) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("names is null or empty");
        }
        return Warnings.aliased(names, perClass);
    }
}
