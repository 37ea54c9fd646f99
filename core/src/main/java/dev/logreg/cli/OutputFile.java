package dev.logreg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file the command line writes (predictions, a plot): checked before any work is done, never one
 * of the command's inputs, and written through a temporary file in the same directory that is moved
 * into place once complete, so that an interrupted or failed run leaves the old file (or none), never
 * a half-written one.
 */
final class OutputFile {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    interface Content {
        /**
         * @param out the stream; closed by the caller
         * @throws IOException if writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    private final String option;
    private final Path path;

    private OutputFile(String option, Path path) {
        this.option = option;
        this.path = path;
    }

    /**
     * Checks an output path before anything is read or fitted.
     *
     * @param option the option that named it, for messages ({@code --predictions})
     * @param path the path given
     * @param inputs the command's input files; the output may be none of them
     * @return the checked output
     * @throws IllegalArgumentException if its directory does not exist, it is a directory, or it is an input
     */
    static OutputFile of(String option, Path path, Path... inputs) {
        Path absolute = path.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + " " + path + ": the directory " + parent + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " " + path + " is a directory, not a file");
        }
        if (Files.exists(absolute)) {
            for (Path input : inputs) {
                if (input != null && sameFile(absolute, input)) {
                    throw new IllegalArgumentException(option + " " + path + " is the input file " + input
                            + ": refusing to overwrite an input");
                }
            }
        }
        return new OutputFile(option, absolute);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the absolute, normalized path */
    Path path() {
        return path;
    }

    /**
     * Writes the file: the content goes to a temporary file beside it, which then replaces the file.
     *
     * @param content what to write
     * @throws IllegalArgumentException if the file cannot be written, saying why
     */
    void write(Content content) {
        Path parent = path.getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(parent, "." + path.getFileName() + ".", ".tmp");
            // A run stopped by a signal (Ctrl-C runs the shutdown hooks) leaves no temporary file behind.
            temporary.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.write(out);
            }
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + option + " " + path + ": " + reason(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The original error is the one to report.
                }
            }
        }
    }

    /** The cause of an I/O failure in words (the JDK's messages for these are only the path). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
