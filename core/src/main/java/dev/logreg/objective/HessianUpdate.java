package dev.logreg.objective;

/**
 * A SIMD implementation of the fused kernel's inner update H += X<sub>b</sub><sup>T</sup>diag(d)X<sub>b</sub>
 * for a block of rows. The implementation ({@code SimdHessianUpdate}) uses the incubating Vector API
 * and is compiled apart (src/main/java-simd); it is loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, otherwise the plain loops of
 * {@link FusedBinaryObjective} are used.
 */
interface HessianUpdate {

    /** Rows consumed per update. */
    int ROWS = 8;

    /** Scratch arrays an update needs: the {@link #ROWS} rows, then the same rows scaled by d. */
    int BUFFERS = 2 * ROWS;

    /**
     * @param n the number of columns
     * @return the row stride of H and of the scratch rows: n rounded up to the vector width
     */
    int stride(int n);

    /**
     * Adds rows [start, start + 8k) of the block to the upper triangle of H (row-major with the given
     * stride; entries left of the diagonal in the same vector may be written too and are ignored).
     *
     * @param x the row-major m &times; n data
     * @param n columns
     * @param start the block's first row
     * @param end one past its last row
     * @param d d<sub>i</sub> for rows start.. at d[i &minus; start]
     * @param h H, n rows of {@code stride}
     * @param stride H's row stride
     * @param rows scratch: {@link #BUFFERS} arrays of length stride, zero past n
     * @return the first row not added (the caller adds the remaining fewer than 8 rows)
     */
    int add(double[] x, int n, int start, int end, double[] d, double[] h, int stride, double[][] rows);

    /** @return the SIMD update if the Vector API module is present and works, else null */
    static HessianUpdate load() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            Class<?> c = Class.forName("dev.logreg.objective.SimdHessianUpdate");
            return (HessianUpdate) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
