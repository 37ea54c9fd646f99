package dev.logreg.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, shared by the commands that report. */
final class FormatOption {

    /** Output formats. */
    enum Format {
        /** For people: tables in R's manner. */
        TEXT,
        /** For programs: the documented JSON schema. */
        JSON
    }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    /** @return true for JSON output */
    boolean json() {
        return format == Format.JSON;
    }
}
