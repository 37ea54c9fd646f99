package dev.logreg.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every source gives the fused kernels the same rows, so a pass over one gives the same bits as a pass
 * over the model matrix in one array: slabs and mapped windows of every edge size (1 row, one less
 * than a block, a block, one more, not dividing the rows, more than the rows), ranges read across
 * their boundaries, and column views against their materialized copies.
 */
class RowSourceTest {

    private static final int ROWS = 1031;
    private static final int COLS = 7;
    /** Sizes, in rows, at the edges of blocks, chunks and the rows themselves. */
    private static final int[] EDGE_SIZES = {1, 2, 3, 15, 16, 17, 255, 256, 257, 1000, ROWS - 1, ROWS, ROWS + 1};

    @TempDir
    Path dir;

    private final Random random = new Random(15);
    private final double[] x = gaussian(ROWS * COLS);
    private final double[] y = labels(2);
    private final double[] classes = labels(3);
    private final double[] w = weights();
    private final double[] theta = gaussian(COLS);

    @Test
    void slabsOfEveryEdgeSizeGiveTheBitsOfOneArray() {
        Pass expected = binary(RowSource.of(DesignMatrix.wrap(x.clone(), ROWS, COLS), y, w));
        for (int slab : EDGE_SIZES) {
            assertEquals(expected, binary(slabbed(slab, y)), "slabs of " + slab + " rows");
        }
        Pass multinomial = multinomial(RowSource.of(DesignMatrix.wrap(x.clone(), ROWS, COLS), classes, w));
        for (int slab : EDGE_SIZES) {
            assertEquals(multinomial, multinomial(slabbed(slab, classes)), "slabs of " + slab + " rows");
        }
    }

    @Test
    void computedRowsGiveTheBitsOfStoredOnes() {
        Pass expected = binary(RowSource.of(DesignMatrix.wrap(x.clone(), ROWS, COLS), y, w));
        assertEquals(expected, binary(computed(y)));
        Pass multinomial = multinomial(RowSource.of(DesignMatrix.wrap(x.clone(), ROWS, COLS), classes, w));
        assertEquals(multinomial, multinomial(computed(classes)));
        RowSource computed = computed(y);
        assertTrue(computed.inMemory() == computed, "computed rows are in memory already");
        RowBlock labels = new RowBlock();
        computed.readLabels(100, 300, labels);
        for (int r = 100; r < 300; r++) {
            assertEquals(y[r], labels.y(r));
            assertEquals(w[r], labels.weight(r));
        }
        assertThrows(IllegalArgumentException.class, () -> computed.read(0, ROWS + 1, new RowBlock()));
        assertThrows(IllegalArgumentException.class,
                () -> RowSource.computed(COLS, new double[COLS], y, new double[3], (from, to, into) -> { }));
    }

    /** The rows of x computed by copying them on every read, as a source that stores none. */
    private RowSource computed(double[] labels) {
        return RowSource.computed(COLS, DesignMatrix.wrap(x.clone(), ROWS, COLS).largest(), labels, w,
                (from, to, into) -> System.arraycopy(x, from * COLS, into, 0, (to - from) * COLS));
    }

    @Test
    void mappedWindowsOfEveryEdgeSizeGiveTheBitsOfOneArray() throws IOException {
        Pass expected = binary(RowSource.of(DesignMatrix.wrap(x.clone(), ROWS, COLS), y, w));
        Pass multinomial = multinomial(RowSource.of(DesignMatrix.wrap(x.clone(), ROWS, COLS), classes, w));
        Path file = dir.resolve("rows.bin");
        long offset = 4096;
        long yOffset;
        long wOffset;
        double[] largest;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            RowWriter writer = new RowWriter(out, offset, ROWS, COLS, true);
            for (int i = 0; i < ROWS; i++) {
                writer.add(x, i * COLS, y[i], w[i]);
            }
            largest = writer.finish();
            yOffset = writer.labelOffset();
            wOffset = writer.weightOffset();
        }
        assertArrayEquals(DesignMatrix.wrap(x.clone(), ROWS, COLS).largest(), largest, 0.0);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int window : EDGE_SIZES) {
                long bytes = (long) window * COLS * Double.BYTES;
                MappedRows rows = new MappedRows(in, ROWS, COLS, largest, offset, yOffset, wOffset, bytes);
                assertEquals(expected, binary(rows), "windows of " + window + " rows");
            }
        }
        // The labels section holds the binary labels; a file with the class labels gives the multinomial pass.
        Path second = dir.resolve("classes.bin");
        try (FileChannel out = FileChannel.open(second, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            RowWriter writer = new RowWriter(out, 0, ROWS, COLS, true);
            for (int i = 0; i < ROWS; i++) {
                writer.add(x, i * COLS, classes[i], w[i]);
            }
            writer.finish();
        }
        try (FileChannel in = FileChannel.open(second, StandardOpenOption.READ)) {
            for (int window : new int[] {1, 256, 257, ROWS}) {
                long bytes = (long) window * COLS * Double.BYTES;
                MappedRows rows = new MappedRows(in, ROWS, COLS, largest, 0, (long) ROWS * COLS * Double.BYTES,
                        (long) ROWS * (COLS + 1) * Double.BYTES, bytes);
                assertEquals(multinomial, multinomial(rows), "windows of " + window + " rows");
            }
        }
    }

    @Test
    void everyRangeReadsTheRowsItNames() throws IOException {
        RowSource slabs = slabbed(16, y);
        Path file = dir.resolve("ranges.bin");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            RowWriter writer = new RowWriter(out, 0, ROWS, COLS, false);
            for (int i = 0; i < ROWS; i++) {
                writer.add(x, i * COLS, y[i], 0.0);
            }
            writer.finish();
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedRows mapped = new MappedRows(in, ROWS, COLS, new double[COLS], 0, (long) ROWS * COLS * 8, -1,
                    17L * COLS * Double.BYTES);
            RowBlock view = new RowBlock();
            for (RowSource source : List.of(slabs, mapped, computed(y))) {
                for (int from : new int[] {0, 1, 15, 16, 17, 500, ROWS - 2}) {
                    for (int size : EDGE_SIZES) {
                        int to = Math.min(ROWS, from + size);
                        source.read(from, to, view);
                        for (int r = from; r < to; r++) {
                            for (int j = 0; j < COLS; j++) {
                                assertEquals(x[r * COLS + j], view.x(r, j), "x at " + r + ", " + j);
                            }
                            assertEquals(y[r], view.y(r));
                            assertEquals(source == mapped ? 1.0 : w[r], view.weight(r));
                        }
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> slabs.read(5, 5, new RowBlock()));
        assertThrows(IllegalArgumentException.class, () -> slabs.read(0, ROWS + 1, new RowBlock()));
    }

    @Test
    void aColumnViewGivesTheBitsOfItsMaterializedCopy() {
        int[] kept = {0, 2, 3, 6};
        double[] center = {0.0, 0.25, -1.5, 0.0};
        double[] scale = {1.0, 3.0, 0x1p-3, 7.5};
        RowSource memory = RowSource.of(DesignMatrix.wrap(x.clone(), ROWS, COLS), y, w);
        RowSource materialized = memory.mapColumns(kept, center, scale, 3);
        assertTrue(materialized instanceof InMemoryRows, "an in-memory source materializes the change");
        RowSource view = new MappedColumns(slabbed(100, y), kept, center, scale, 3);
        double[] t = {0.5, -0.25, 1.0, 0.125};
        assertEquals(binary(materialized, t), binary(view, t));
        RowBlock block = new RowBlock();
        view.read(0, ROWS, block);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < kept.length; c++) {
                assertEquals((x[r * COLS + kept[c]] - center[c]) / scale[c], block.x(r, c));
            }
            assertEquals(w[r] / 8, block.weight(r));
        }
    }

    @Test
    void aProblemOnASourceChecksItsLabelsAndWeights() {
        double[] bad = y.clone();
        bad[700] = 0.5;
        RowSource source = RowSource.of(DesignMatrix.wrap(x.clone(), ROWS, COLS), bad, w);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryProblem(source, 0.0, 0, null));
        assertEquals("y[700] = 0.5 is not a label: labels must be 0 or 1", e.getMessage());
        double[] negative = w.clone();
        negative[3] = -1;
        RowSource weights = RowSource.of(DesignMatrix.wrap(x.clone(), ROWS, COLS), y, negative);
        e = assertThrows(IllegalArgumentException.class, () -> new BinaryProblem(weights, 0.0, 0, null));
        assertEquals("weights[3] = -1.0: weights must be finite and >= 0", e.getMessage());
        RowSource three = RowSource.of(DesignMatrix.wrap(x.clone(), ROWS, COLS), classes, w);
        e = assertThrows(IllegalArgumentException.class, () -> new MultinomialProblem(three, 0.0, 0, 2, 0, null));
        assertTrue(e.getMessage().endsWith("is not a class: labels must be in [0, 2)"), e.getMessage());
        BinaryProblem onSource = new BinaryProblem(slabbed(64, y), 0.0, 0, null);
        BinaryProblem inMemory = new BinaryProblem(DesignMatrix.wrap(x.clone(), ROWS, COLS), y, w, 0.0, 0, null);
        assertEquals(inMemory.totalWeight(), onSource.totalWeight(), 0.0);
        assertEquals(inMemory.separationLevel(), onSource.separationLevel(), 0.0);
        assertEquals(inMemory.lipschitzBound(), onSource.lipschitzBound(), 0.0);
        assertThrows(IllegalStateException.class, () -> new LoopBinaryObjective(onSource));
    }

    /** The loss, gradient and Hessian of one pass, compared bit for bit. */
    private record Pass(double loss, List<Double> gradient, List<Double> hessian, double range) {
    }

    private Pass binary(RowSource source) {
        return binary(source, theta);
    }

    private static Pass binary(RowSource source, double[] at) {
        BinaryProblem problem = new BinaryProblem(source, 0.0, 0, null);
        FusedBinaryObjective kernel = new FusedBinaryObjective(problem, 3, true);
        return pass(kernel, at, kernel.largestLogitRange(at));
    }

    private Pass multinomial(RowSource source) {
        MultinomialProblem problem = new MultinomialProblem(source, 0.0, 0, 3, 0, null);
        FusedMultinomialObjective kernel = new FusedMultinomialObjective(problem, 3, true, FusedBinaryObjective.SIMD);
        double[] at = new double[2 * COLS];
        for (int j = 0; j < at.length; j++) {
            at[j] = theta[j % COLS] * (j < COLS ? 1 : -0.5);
        }
        return pass(kernel, at, 0.0);
    }

    private static Pass pass(Objective kernel, double[] at, double range) {
        int d = at.length;
        double[] g = new double[d];
        double[] h = new double[d * d];
        double loss = kernel.valueGradientHessian(at, g, h);
        return new Pass(loss, boxed(g), boxed(h), range);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private RowSource slabbed(int slabRows, double[] labels) {
        double[][] slabs = InMemoryRows.allocate(ROWS, COLS, slabRows);
        for (int i = 0; i < ROWS; i++) {
            int s = i / slabRows;
            System.arraycopy(x, i * COLS, slabs[s], (i - s * slabRows) * COLS, COLS);
        }
        return new InMemoryRows(slabs, slabRows, ROWS, COLS, DesignMatrix.wrap(x.clone(), ROWS, COLS).largest(),
                labels, w);
    }

    private double[] gaussian(int length) {
        double[] v = new double[length];
        for (int k = 0; k < length; k++) {
            v[k] = random.nextGaussian();
        }
        return v;
    }

    private double[] labels(int k) {
        double[] v = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            v[i] = random.nextInt(k);
        }
        return v;
    }

    private double[] weights() {
        double[] v = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            v[i] = i % 13 == 0 ? 0.0 : 0.5 + random.nextDouble();
        }
        return v;
    }
}
