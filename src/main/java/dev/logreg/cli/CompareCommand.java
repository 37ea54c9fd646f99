package dev.logreg.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logreg.FitResult;
import dev.logreg.LogisticRegression;
import dev.logreg.data.Design;
import dev.logreg.solve.Iteration;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: fits a CSV file by gradient descent and by Newton's method with the same
 * penalty, tolerance and feature scaling, prints them side by side (iterations, passes over the
 * data, time, final loss, max|g|, termination, coefficients) and writes a convergence plot.
 * Exit code 0 also when a solver did not converge (warnings go to stderr); 2 for a caller's mistake.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a CSV file by gradient descent and by Newton's method, print them side by side"
                + " and write a convergence plot (PNG): J(theta_k) - J* on a log axis against k.")
final class CompareCommand implements Callable<Integer> {

    /** The plot's default file name, in the working directory. */
    static final String PLOT = "logreg-compare-convergence.png";

    /** Legend and column titles. */
    static final String GD_TITLE = "gradient descent";
    static final String NEWTON_TITLE = "Newton";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "0",
            description = "L2 penalty (lambda/2)|beta|^2 for both solvers, not applied to the intercept"
                    + " (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--tol", paramLabel = "T", defaultValue = "1e-8",
            description = "Both solvers stop when max|gradient| <= T (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-iter", paramLabel = "N", defaultValue = "100000",
            description = "Gradient descent's iteration limit (default: ${DEFAULT-VALUE});"
                    + " Newton keeps its limit of 100.")
    int maxIterations;

    @Option(names = "--standardize",
            description = "Fit both solvers on centred, scaled features (the same setting for both);"
                    + " coefficients are reported on the original scale.")
    boolean standardize;

    @Option(names = "--plot", paramLabel = "FILE", defaultValue = PLOT,
            description = "Where to write the convergence plot (default: ${DEFAULT-VALUE} in the working directory).")
    Path plot;

    @Mixin
    FormatOption format;

    /** One solver's run: its settings, result and wall-clock time. */
    private record Run(String name, String title, LogisticRegression settings, FitResult fit, long nanos) {
        int passes() {
            return FitReport.passes(fit.trace());
        }
    }

    @Override
    public Integer call() {
        checkOptions();
        Design design = data.design();
        List<String> names = design.columnNames();
        LogisticRegression gd = LogisticRegression.gradientDescent().withFeatureNames(names).withL2(l2)
                .withTolerance(tolerance).withMaxIterations(maxIterations).withStandardize(standardize);
        LogisticRegression newton = LogisticRegression.newton().withFeatureNames(names).withL2(l2)
                .withTolerance(tolerance).withStandardize(standardize);
        double[][] x = design.x();
        double[] y = design.y();
        double[] w = design.weights();
        List<Run> runs = List.of(run("gd", GD_TITLE, gd, x, y, w), run("newton", NEWTON_TITLE, newton, x, y, w));

        Map<String, List<Iteration>> traces = new LinkedHashMap<>();
        for (Run r : runs) {
            traces.put(r.title(), r.fit().trace());
        }
        double optimum = ConvergencePlot.optimum(traces);
        Path written = ConvergencePlot.write(plot, List.of(new ConvergencePlot.Panel(design.formula(), traces)));

        PrintWriter out = spec.commandLine().getOut();
        out.print(format.json() ? json(design, runs, optimum, written) : text(design, runs, optimum, written));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (Run r : runs) {
            for (String warning : r.fit().warnings()) {
                err.println("logreg: warning: " + r.title() + ": " + warning);
            }
        }
        err.flush();
        return 0;
    }

    /** Rejects bad option values before any data is read or any fit is run. */
    private void checkOptions() {
        SolverOptions.requirePenalty(l2);
        SolverOptions.requirePositive("--tol", tolerance);
        SolverOptions.requireIterations(maxIterations);
        Path parent = plot.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--plot " + plot + ": the directory " + parent + " does not exist");
        }
        if (Files.isDirectory(plot)) {
            throw new IllegalArgumentException("--plot " + plot + " is a directory, not a file");
        }
    }

    private static Run run(String name, String title, LogisticRegression settings, double[][] x, double[] y,
                           double[] w) {
        long t0 = System.nanoTime();
        FitResult fit = settings.fit(x, y, w);
        long t1 = System.nanoTime();
        return new Run(name, title, settings, fit, t1 - t0);
    }

    private String text(Design design, List<Run> runs, double optimum, Path written) {
        StringBuilder sb = new StringBuilder();
        sb.append("Gradient descent against Newton's method\n\n");
        FitReport.appendData(sb, design);
        sb.append(standardize
                ? "Scaling: both solvers fit standardized features (the same setting for both, for a fair"
                        + " comparison);\n         coefficients are on the original scale, loss and max|g| on the"
                        + " standardized problem\n"
                : "Scaling: both solvers fit the features as given (the same setting for both, for a fair"
                        + " comparison;\n         --standardize fits both on standardized features)\n");
        sb.append(String.format(Locale.ROOT, "Stopping: max|g| <= %.2g; at most %d iterations (gradient descent),"
                + " %d (Newton)%n", tolerance, runs.get(0).settings().maxIterations(),
                runs.get(1).settings().maxIterations()));
        if (l2 > 0) {
            sb.append(String.format(Locale.ROOT, "Penalty: L2, lambda = %s (not applied to the intercept)%n", l2));
        }
        sb.append('\n');
        TextTable summary = new TextTable(FitReport.SUMMARY_ROWS);
        for (Run r : runs) {
            summary.column(r.title(), FitReport.summary(r.fit(), r.nanos()));
        }
        sb.append(summary.render());
        sb.append(String.format(Locale.ROOT, "%nJ* (the lowest loss either reached) = %.15g%n", optimum));

        sb.append("\nCoefficients:\n");
        sb.append(new TextTable(design.terms())
                .columns(runs.get(0).title(), FitReport.estimatesWithNa(runs.get(0).fit()), runs.get(1).title(),
                        FitReport.estimatesWithNa(runs.get(1).fit()), 7)
                .render());

        List<String> warnings = new ArrayList<>();
        for (Run r : runs) {
            for (String w : r.fit().warnings()) {
                warnings.add(r.title() + ": " + w);
            }
        }
        if (!warnings.isEmpty()) {
            sb.append("\nWarnings:\n");
            for (String w : warnings) {
                sb.append("  ").append(w).append('\n');
            }
        }
        sb.append("\nConvergence plot: ").append(written).append('\n');
        return sb.toString();
    }

    private String json(Design design, List<Run> runs, double optimum, Path written) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formula", design.formula());
        root.put("nObs", design.observations());
        root.put("rowsDropped", design.rowsDropped());
        root.put("l2", l2);
        root.put("tolerance", tolerance);
        root.put("standardized", standardize);
        root.put("plot", written.toString());
        FitReport.putNumber(root, "optimum", optimum);
        List<String> terms = design.terms();
        ArrayNode solvers = root.putArray("solvers");
        for (Run r : runs) {
            FitResult f = r.fit();
            ObjectNode node = solvers.addObject();
            node.put("name", r.name());
            node.put("iterations", f.iterations());
            node.put("maxIterations", r.settings().maxIterations());
            node.put("passes", r.passes());
            node.put("timeMillis", r.nanos() / 1e6);
            FitReport.putNumber(node, "loss", f.loss());
            FitReport.putNumber(node, "maxAbsGradient", f.maxAbsGradient());
            node.put("termination", f.termination().name());
            node.put("converged", f.converged());
            ObjectNode coefficients = node.putObject("coefficients");
            double[] theta = FitReport.estimatesWithNa(f);
            for (int j = 0; j < terms.size(); j++) {
                FitReport.putNumber(coefficients, terms.get(j), theta[j]);
            }
            ArrayNode warnings = node.putArray("warnings");
            f.warnings().forEach(warnings::add);
            ArrayNode trace = node.putArray("trace");
            for (Iteration it : f.trace()) {
                ObjectNode entry = trace.addObject();
                entry.put("k", it.index());
                FitReport.putNumber(entry, "loss", it.loss());
                FitReport.putNumber(entry, "maxAbsGradient", it.maxAbsGradient());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
