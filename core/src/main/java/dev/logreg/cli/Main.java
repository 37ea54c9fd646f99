package dev.logreg.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code java -jar logreg.jar demo | fit ...}. A mistake by the caller (a bad
 * option, a missing file, an unknown column, a single-class target) is one line on stderr and exit
 * code 2, with no stack trace; warnings about the fit go to stderr with exit code 0.
 */
@Command(name = "logreg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Logistic regression by Newton's method and gradient descent.")
public final class Main implements Callable<Integer> {

    /**
     * The commands, by name, in the order help lists them. Only the command named on the command line is
     * set up (picocli reads a command's options from its annotations when it is added); without one, or
     * for help, all are.
     */
    private static final Map<String, Class<?>> COMMANDS = commands();

    /** Exit code for a caller's mistake. */
    static final int USAGE = 2;
    /** Exit code when the JVM runs out of heap: the input is too large for the heap limit (-Xmx). */
    static final int OUT_OF_MEMORY = 3;

    @Spec
    private CommandSpec spec;

    private Main() {
    }

    /**
     * @param args the command and its arguments
     */
    public static void main(String[] args) {
        // Plots are drawn off screen; no display is needed or used.
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command.
     *
     * @param args the command and its arguments
     * @param out where results go
     * @param err where errors and warnings go
     * @return the exit code: 0 on success, 2 on a caller's mistake, 3 when out of memory, 1 on an internal error
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new Main());
        Class<?> named = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        for (Class<?> command : named != null ? List.<Class<?>>of(named) : COMMANDS.values()) {
            cli.addSubcommand(command);
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler((e, arguments) -> {
            errWriter.println("logreg: " + firstLine(e.getMessage()) + " (try --help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
                errWriter.println("logreg: " + firstLine(e.getMessage()));
                return USAGE;
            }
            errWriter.println("logreg: internal error: " + firstLine(String.valueOf(e)));
            return 1;
        });
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.setCaseInsensitiveEnumValuesAllowed(true);
        }
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // What was being done and what it needed; the failed allocation's memory is free again here.
            errWriter.println("logreg: " + Activity.outOfMemory(Runtime.getRuntime().maxMemory()));
            return OUT_OF_MEMORY;
        } catch (RuntimeException | Error e) {
            errWriter.println("logreg: internal error: " + firstLine(String.valueOf(e)));
            return 1;
        }
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("demo", DemoCommand.class);
        commands.put("fit", FitCommand.class);
        commands.put("predict", PredictCommand.class);
        commands.put("cache", CacheCommand.class);
        commands.put("validate", ValidateCommand.class);
        commands.put("compare", CompareCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(commands);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("logreg: no command given; commands: "
                + String.join(", ", COMMANDS.keySet().stream().filter(c -> !c.equals("help")).toList())
                + " (try --help)");
        return USAGE;
    }

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"logreg " + (v == null ? "(development build)" : v)};
        }
    }
}
