package dev.logreg.cli;

import dev.logreg.FitResult;
import dev.logreg.LogisticRegression;
import dev.logreg.data.Design;
import dev.logreg.stats.Inference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fit}: fits a binary logistic regression to a CSV file and reports it. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a logistic regression to a CSV file; print it as text (like R's summary.glm) or JSON.")
final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    SolverOptions solver;

    @Mixin
    FormatOption format;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
            description = "Confidence level of the Wald intervals (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Write predicted probabilities as CSV: one row per input row, one column per class.")
    Path predictions;

    @Override
    public Integer call() {
        Design design = data.design();
        LogisticRegression regression = solver.regression().withFeatureNames(design.columnNames());
        double[][] x = design.x();
        double[] y = design.y();
        double[] w = design.weights();
        FitResult fit = regression.fit(x, y, w);
        Inference inference = Inference.of(fit, x, y, w, level);
        FitReport report = new FitReport(design, regression, fit, inference);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.json() ? report.jsonText() : report.text());
        out.flush();
        if (predictions != null) {
            Predictions.write(predictions, design, x, fit);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : report.warnings()) {
            err.println("logreg: warning: " + warning);
        }
        err.flush();
        return 0;
    }
}
