package dev.logreg;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.logreg.data.Design;
import dev.logreg.data.Encoder;
import dev.logreg.objective.MappedRows;
import dev.logreg.objective.RowSource;
import dev.logreg.objective.RowWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;

/**
 * A design written to a file, {@value #SCHEMA}: its model matrix, labels and weights as little-endian
 * doubles, read back by mapping the file ({@link MappedRows}), so that a fit reads rows that need not
 * fit the heap, and a second fit of the same data reads no CSV at all. The file carries the design's
 * encoder and description, so a fit from it reports the same terms and saves a model that scores new
 * data by column name.
 *
 * <p>Layout: bytes 0&ndash;7 the signature {@code 0x89 L R C \r \n 0x1A \n}; an int32 format version
 * ({@value #VERSION}) and an int32 0; the int64 offset and int64 length of the description; zeros to
 * byte {@value #DATA_OFFSET}; the rows (X row-major, then the labels, then the weights if any); the
 * description, UTF-8 JSON. A cache is written under a temporary name beside its file and renamed when
 * complete, so a file of this name is never half written; opening one checks the signature, the
 * version, the description and that every section lies within the file.
 */
public final class DesignCache {

    /** The format's name and version, in the description's {@code schema} field. */
    public static final String SCHEMA = "logreg.cache/1";
    /** The version in the preamble. */
    public static final int VERSION = 1;
    /** Where the rows start. */
    static final long DATA_OFFSET = 4096;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'L', 'R', 'C', '\r', '\n', 0x1A, '\n'};
    private static final int PREAMBLE = 32;
    private static final Set<String> FIELDS = Set.of("schema", "library", "source", "target", "weightColumn",
            "event", "againstRest", "numericTarget", "tableRows", "rows", "observations", "cols", "weighted",
            "labels", "weights", "largest", "classes", "encoder");

    private DesignCache() {
    }

    /**
     * @param file a file
     * @return whether it starts with a cache's signature (false if it cannot be read)
     */
    public static boolean isCache(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(SIGNATURE.length);
            while (head.hasRemaining() && in.read(head) >= 0) {
                // reads the signature's bytes, or fewer at the end of a short file
            }
            return Arrays.equals(head.array(), SIGNATURE) && !head.hasRemaining();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes a design's rows and description.
     *
     * @param design the design
     * @param file the cache; replaced only once the new one is complete
     * @throws IllegalArgumentException if the file cannot be written (the message says why), or for a design
     *         of a formula, which a cache does not hold
     */
    public static void write(Design design, Path file) {
        if (design == null) {
            throw new IllegalArgumentException("design is null");
        }
        if (design.modelFormula().isPresent()) {
            throw new IllegalArgumentException("a cache holds designs of features, not the design of the formula "
                    + design.formula());
        }
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        RowSource rows = design.rowSource();
        atomically(file, out -> {
            FileStore store = new FileStore(out);
            RowWriter writer = store.open(rows.rows(), rows.cols(), rows.weighted());
            rows.scan(block -> {
                for (int i = block.from(); i < block.to(); i++) {
                    writer.add(block.array(), block.offset(i), block.y(i), block.weight(i));
                }
            });
            store.finishRows();
            finish(out, writer, design, rows.rows(), rows.cols(), store.largest);
        });
    }

    /** What writes a cache's content into the temporary file. */
    @FunctionalInterface
    private interface Content {
        void write(FileChannel out) throws IOException;
    }

    /**
     * Writes a cache under a temporary name beside it and moves it into place once complete; on a failure
     * the temporary file is deleted and the old cache, if any, stays.
     */
    private static void atomically(Path file, Content content) {
        Path temporary = null;
        try {
            temporary = temporary(file);
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                content.write(out);
            }
            install(temporary, file);
            temporary = null;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot write the cache " + file + ": "
                    + (e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage()), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Writes the design of a table read in chunks straight into a cache, in two passes over the table (see
     * {@link Design#stream}): neither the table nor its model matrix is ever in the heap.
     *
     * @param chunks the table, read once per pass
     * @param spec the model
     * @param file the cache; replaced only once the new one is complete
     * @return the design, reading its rows from the cache
     * @throws IllegalArgumentException for a mistake in the data (as {@link Design#build}) or if the file
     *         cannot be written
     */
    public static Design write(Design.Chunks chunks, dev.logreg.data.ModelSpec spec, Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        atomically(file, out -> {
            FileStore store = new FileStore(out);
            Design design = Design.stream(chunks, spec, store);
            finish(out, store.writer, design, design.rowsUsed(), design.columnNames().size() + 1, store.largest);
        });
        return open(file);
    }

    /** The rows of a design read in chunks, written into the data section of a cache being written. */
    private static final class FileStore implements Design.RowStore {
        private final FileChannel out;
        private RowWriter writer;
        private double[] largest;
        private int rows;
        private int cols;

        FileStore(FileChannel out) {
            this.out = out;
        }

        @Override
        public RowWriter open(int rows, int cols, boolean weighted) {
            this.rows = rows;
            this.cols = cols;
            this.writer = new RowWriter(out, DATA_OFFSET, rows, cols, weighted);
            return writer;
        }

        /** Writes what the writer buffers and keeps the column maxima. */
        void finishRows() {
            try {
                largest = writer.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public RowSource close() {
            finishRows();
            return MappedRows.map(out, rows, cols, largest, DATA_OFFSET, writer.labelOffset(), writer.weightOffset());
        }
    }

    /** Writes the description after the rows and the preamble that points at it. */
    static void finish(FileChannel out, RowWriter writer, Design design, int rows, int cols, double[] largest)
            throws IOException {
        byte[] description = description(design, rows, cols, writer, largest);
        long at = writer.end();
        writeFully(out, ByteBuffer.wrap(description), at);
        ByteBuffer preamble = ByteBuffer.allocate(PREAMBLE).order(ByteOrder.LITTLE_ENDIAN);
        preamble.put(SIGNATURE).putInt(VERSION).putInt(0).putLong(at).putLong(description.length).flip();
        writeFully(out, preamble, 0);
        out.force(true);
    }

    /**
     * A new, empty temporary file beside a cache, to write it before it is renamed (in the same directory,
     * so that the rename is atomic); deleted when the JVM exits, so that a run stopped by a signal leaves
     * none behind.
     */
    static Path temporary(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        temporary.toFile().deleteOnExit();
        return temporary;
    }

    /** Moves a complete cache into place, replacing an older one. */
    static void install(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the original error is the one to report; the file is deleted at exit
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += out.write(buffer, at);
        }
    }

    private static byte[] description(Design design, int rows, int cols, RowWriter writer, double[] largest)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = ModelFile.JSON.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("library", ModelFile.libraryVersion());
            g.writeStringField("source", design.source());
            g.writeStringField("target", design.target());
            if (design.weightColumn() == null) {
                g.writeNullField("weightColumn");
            } else {
                g.writeStringField("weightColumn", design.weightColumn());
            }
            if (design.event() == null) {
                g.writeNullField("event");
            } else {
                g.writeStringField("event", design.event());
            }
            g.writeBooleanField("againstRest", design.eventAgainstRest());
            g.writeBooleanField("numericTarget", design.numericTarget());
            g.writeNumberField("tableRows", design.tableRows());
            g.writeNumberField("rows", rows);
            g.writeNumberField("observations", design.observations());
            g.writeNumberField("cols", cols);
            g.writeBooleanField("weighted", writer.weightOffset() >= 0);
            g.writeNumberField("labels", writer.labelOffset());
            g.writeNumberField("weights", writer.weightOffset());
            g.writeArrayFieldStart("largest");
            for (double v : largest) {
                g.writeNumber(v);
            }
            g.writeEndArray();
            ModelFile.strings(g, "classes", design.classes());
            ModelFile.writeEncoder(g, design.encoder());
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /**
     * Opens a cache: its rows are mapped, not read.
     *
     * @param file the cache
     * @return the design it holds, reading its rows from the file
     * @throws IllegalArgumentException if the file is missing, unreadable, not a cache, of another version,
     *         or inconsistent (the message says what is wrong)
     */
    public static Design open(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            ByteBuffer preamble = ByteBuffer.allocate(PREAMBLE).order(ByteOrder.LITTLE_ENDIAN);
            while (preamble.hasRemaining() && in.read(preamble, preamble.position()) >= 0) {
                // reads the preamble, or fewer bytes at the end of a short file
            }
            preamble.flip();
            int read = preamble.remaining();
            byte[] head = new byte[Math.min(read, SIGNATURE.length)];
            preamble.get(head);
            if (!Arrays.equals(head, Arrays.copyOf(SIGNATURE, head.length)) || read == 0) {
                throw bad(file, "it does not start with the signature of a cache");
            }
            if (read < PREAMBLE) {
                throw bad(file, "it is " + size + " bytes long, shorter than a cache's preamble");
            }
            int version = preamble.getInt();
            if (version != VERSION) {
                throw bad(file, "it is of format version " + version + "; this library reads version " + VERSION
                        + " (write it again with logreg cache)");
            }
            preamble.getInt();
            long at = preamble.getLong();
            long length = preamble.getLong();
            if (at < DATA_OFFSET || length < 2 || length > Integer.MAX_VALUE || at + length != size) {
                throw bad(file, "its description (" + length + " bytes at " + at + ") does not end the file of " + size
                        + " bytes: is it truncated?");
            }
            ByteBuffer text = ByteBuffer.allocate((int) length);
            while (text.hasRemaining() && in.read(text, at + text.position()) >= 0) {
                // reads the description
            }
            JsonNode root;
            try {
                root = ModelFile.JSON.readTree(new String(text.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw bad(file, "its description is not JSON: " + e.getMessage());
            }
            try {
                return design(root, in, at);
            } catch (IllegalArgumentException e) {
                throw bad(file, e.getMessage());
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Design design(JsonNode root, FileChannel in, long end) {
        ModelFile.onlyFields(root, FIELDS, "the description");
        String schema = ModelFile.text(root, "schema");
        if (!schema.equals(SCHEMA)) {
            throw new IllegalArgumentException("its schema is \"" + schema + "\", not \"" + SCHEMA + "\"");
        }
        int rows = ModelFile.integer(root, "rows");
        int cols = ModelFile.integer(root, "cols");
        boolean weighted = ModelFile.bool(root, "weighted");
        long labels = (long) ModelFile.number(root, "labels");
        long weights = (long) ModelFile.number(root, "weights");
        JsonNode largestNode = ModelFile.required(root, "largest");
        if (!largestNode.isArray() || largestNode.size() != cols) {
            throw new IllegalArgumentException("\"largest\" is not an array of " + cols + " numbers");
        }
        double[] largest = new double[cols];
        for (int j = 0; j < cols; j++) {
            largest[j] = largestNode.get(j).doubleValue();
        }
        if (rows < 1 || cols < 1 || labels != DATA_OFFSET + (long) rows * cols * Double.BYTES
                || weights != (weighted ? labels + (long) rows * Double.BYTES : -1)
                || (weighted ? weights : labels) + (long) rows * Double.BYTES != end) {
            throw new IllegalArgumentException("its sections (" + rows + " rows of " + cols + " columns, labels at "
                    + labels + ", weights at " + weights + ") do not fit the file");
        }
        java.util.List<String> classes = ModelFile.texts(root, "classes");
        Encoder encoder = ModelFile.readEncoder(ModelFile.required(root, "encoder"), classes);
        JsonNode event = ModelFile.required(root, "event");
        JsonNode weightColumn = ModelFile.required(root, "weightColumn");
        RowSource source = MappedRows.map(in, rows, cols, largest, DATA_OFFSET, labels, weighted ? weights : -1);
        return Design.restore(encoder, event.isNull() ? null : event.asText(), ModelFile.bool(root, "againstRest"),
                ModelFile.bool(root, "numericTarget"), weightColumn.isNull() ? null : weightColumn.asText(),
                ModelFile.text(root, "source"), ModelFile.integer(root, "tableRows"),
                ModelFile.integer(root, "observations"), source);
    }

    private static IllegalArgumentException bad(Path file, String why) {
        return new IllegalArgumentException(file + " is not a usable cache: " + why);
    }
}
