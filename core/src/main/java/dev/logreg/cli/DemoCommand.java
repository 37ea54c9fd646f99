package dev.logreg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the embedded Credit Approval data, gradient descent against Newton. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fit the embedded UCI Credit Approval data by gradient descent and by Newton's method,"
                + " print them side by side and write a convergence plot (PNG).")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--plot-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Where to write " + Demo.PLOT + " (default: the working directory).")
    Path directory;

    @Override
    public Integer call() {
        if (!java.nio.file.Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--plot-dir " + directory + " is not a directory");
        }
        Demo.run(spec.commandLine().getOut(), directory);
        return 0;
    }
}
