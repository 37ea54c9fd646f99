package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logreg.objective.RowSink;
import dev.logreg.objective.RowSource;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A design built from a table read in chunks is the design of the whole table, element for element, for
 * chunks of every edge size (one row, a size that does not divide the rows, all rows in one chunk), with a
 * categorical feature whose levels arrive in different chunks, weights and dropped rows.
 */
class DesignStreamTest {

    private static final List<String> HEADER = List.of("y", "a", "b", "colour", "w");
    private static final int ROWS = 203;

    private final List<String> lines = lines();

    @Test
    void chunksOfEverySizeGiveTheDesignOfTheWholeTable() {
        ModelSpec spec = new ModelSpec("y", List.of("a", "log1p(b)", "colour"), null, "w");
        Design whole = Design.build(table(lines), spec);
        for (int size : new int[] {1, 2, 7, 100, ROWS - 1, ROWS, ROWS + 5}) {
            Design streamed = Design.stream(chunks(size), spec, memory());
            assertEquals(whole.terms(), streamed.terms(), "chunks of " + size);
            assertEquals(whole.classes(), streamed.classes());
            assertEquals(whole.encoder(), streamed.encoder());
            assertEquals(whole.rowsUsed(), streamed.rowsUsed());
            assertEquals(whole.rowsDropped(), streamed.rowsDropped());
            assertEquals(whole.observations(), streamed.observations());
            assertArrayEquals(whole.classLabels(), streamed.classLabels());
            assertArrayEquals(whole.weights(), streamed.weights(), 0.0);
            // The whole table's rows are computed from its columns on every read; the streamed ones are stored.
            assertArrayEquals(whole.rowSource().largest(), streamed.rowSource().largest(), 0.0);
            double[][] x = whole.x();
            double[][] y = streamed.x();
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(x[i], y[i], 0.0, "row " + i + ", chunks of " + size);
            }
        }
    }

    @Test
    void aMistakeInALaterChunkIsTheSameError() {
        List<String> bad = new ArrayList<>(lines);
        bad.set(150, "1,0.5,-3,red,1");
        ModelSpec spec = new ModelSpec("y", List.of("a", "log(b)"), null, null);
        IllegalArgumentException whole = assertThrows(IllegalArgumentException.class,
                () -> Design.build(table(bad), spec));
        assertEquals("test.csv, row 151: feature 'log(b)' is NaN (b = -3)", whole.getMessage());
        List<String> single = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            single.add("1," + i + ",1,red,1");
        }
        IllegalArgumentException oneClass = assertThrows(IllegalArgumentException.class,
                () -> Design.stream(consumer -> consumer.accept(table(single)), spec, memory()));
        assertEquals("the target 'y' has the single class '1' in the " + ROWS + " rows used; logistic regression"
                + " needs two", oneClass.getMessage());
    }

    private static List<String> lines() {
        Random random = new Random(15);
        String[] colours = {"red", "green", "blue", "amber"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            double a = random.nextGaussian();
            double b = Math.abs(random.nextGaussian());
            // amber first appears late, so early chunks do not see it
            String colour = i < 120 ? colours[random.nextInt(3)] : colours[random.nextInt(4)];
            String y = i % 31 == 0 ? "NA" : String.valueOf(a + b + random.nextGaussian() > 1 ? 1 : 0);
            lines.add(y + "," + a + "," + b + "," + colour + "," + (i % 11 == 0 ? "0" : "1.5"));
        }
        return lines;
    }

    private static Table table(List<String> rows) {
        return Table.read(new StringReader(String.join("\n", rows)), "test.csv", ',', HEADER, Set.of());
    }

    /** The lines in chunks of a given size, each read as a table of its own with the header given. */
    private DesignStreamTest.ChunkReader chunks(int size) {
        return new ChunkReader(size);
    }

    private final class ChunkReader implements Design.Chunks {
        private final int size;

        ChunkReader(int size) {
            this.size = size;
        }

        @Override
        public void read(Consumer<Table> chunk) {
            for (int from = 0; from < lines.size(); from += size) {
                chunk.accept(table(lines.subList(from, Math.min(lines.size(), from + size))));
            }
        }
    }

    private static Design.RowStore memory() {
        return new Design.RowStore() {
            private RowSource.Builder builder;

            @Override
            public RowSink open(int rows, int cols, boolean weighted) {
                builder = RowSource.builder(rows, cols, weighted);
                return builder;
            }

            @Override
            public RowSource close() {
                return builder.build();
            }
        };
    }
}
