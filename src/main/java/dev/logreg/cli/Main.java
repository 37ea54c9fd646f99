package dev.logreg.cli;

import java.io.PrintStream;

/**
 * The command line: {@code java -jar logreg.jar demo}. Errors are one line on stderr and exit
 * code 2, with no stack trace.
 */
public final class Main {

    private Main() {
    }

    /**
     * @param args the command and its arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command.
     *
     * @param args the command and its arguments
     * @param out where results go
     * @param err where errors go
     * @return the exit code: 0 on success, 2 on a usage error
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println("usage: java -jar logreg.jar demo");
            out.println("  demo   fit the embedded UCI Credit Approval data with Newton's method and gradient descent");
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("demo")) {
            err.println("logreg: unknown command '" + args[0] + "' (try --help)");
            return 2;
        }
        if (args.length > 1) {
            err.println("logreg: demo takes no arguments, got '" + args[1] + "'");
            return 2;
        }
        Demo.run(out);
        return 0;
    }
}
