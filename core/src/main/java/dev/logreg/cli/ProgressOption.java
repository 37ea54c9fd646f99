package dev.logreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * Whether a command shows progress: lines on stderr during long reads and fits (see
 * {@link ProgressLines}) when stderr is a terminal and {@code --quiet} is not given; nothing when stderr
 * is a file or a pipe, so that logs and scripts see only results, warnings and errors.
 */
final class ProgressOption {

    @Option(names = "--quiet", description = "No progress lines on stderr (shown only when stderr is a terminal).")
    boolean quiet;

    /** @return whether progress lines are shown */
    boolean shown() {
        return !quiet && stderrIsTerminal();
    }

    /**
     * @param lines the progress lines
     * @param <T> what they report
     * @return them when progress is shown, else a consumer that does nothing
     */
    <T> Consumer<T> of(Consumer<T> lines) {
        return shown() ? lines : ignored -> { };
    }

    /**
     * Whether stderr is a terminal: on Linux, whether file descriptor 2 is a terminal device; elsewhere,
     * whether the JVM has a console (its standard input and output are a terminal).
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
