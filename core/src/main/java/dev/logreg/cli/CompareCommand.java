package dev.logreg.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logreg.Fit;
import dev.logreg.LogisticRegression;
import dev.logreg.Method;
import dev.logreg.MultinomialFit;
import dev.logreg.TextTable;
import dev.logreg.data.Design;
import dev.logreg.solve.Iteration;
import dev.logreg.solve.Termination;
import java.io.PrintWriter;
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
 * data, time, final loss, max|g|, termination, coefficients) and writes a convergence plot. A target
 * with more than two classes and no {@code --positive} is fitted multinomially, in the reference
 * parametrization with the first class as the reference, and its coefficients are shown class by
 * class. Exit code 0 also when a solver did not converge (warnings go to stderr); 2 for a caller's
 * mistake.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a CSV file by gradient descent and by Newton's method, print them side by side"
                + " and write a convergence plot (PNG): J(theta_k) - J* on a log axis against the passes over the data.")
final class CompareCommand implements Callable<Integer> {

    /** The plot's default file name, in the working directory. */
    static final String PLOT = "logreg-compare-convergence.png";

    /** Legend and column titles. */
    static final String GD_TITLE = "gradient descent";
    static final String NEWTON_TITLE = "Newton";

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "0",
            description = "L2 penalty (lambda/2)|beta|^2 for both solvers, not applied to the intercept"
                    + " (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = {"--tol", "--tolerance"}, paramLabel = "T", defaultValue = "1e-8",
            description = "Both solvers stop when max|gradient| <= T (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-iter", paramLabel = "N", defaultValue = "100000",
            description = "Gradient descent's iteration limit (default: ${DEFAULT-VALUE});"
                    + " Newton keeps its limit of 100.")
    int maxIterations;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Each solver stops after this many seconds if it has not converged"
                    + " (default: ${DEFAULT-VALUE}); progress goes to a terminal's stderr every 5 s.")
    double timeLimit;

    @Option(names = "--standardize",
            description = "Fit both solvers on centred, scaled features (the same setting for both);"
                    + " coefficients are reported on the original scale.")
    boolean standardize;

    @Option(names = "--plot", paramLabel = "FILE", defaultValue = PLOT,
            description = "Where to write the convergence plot (default: ${DEFAULT-VALUE} in the working directory).")
    Path plot;

    @Mixin
    FormatOption format;

    @Mixin
    ProgressOption progress;

    /**
     * One solver's run: what the comparison shows of it, for a binary or a multinomial fit.
     *
     * @param coefficients one row per coefficient class (a single row, class {@code null}, for a
     *                     binary fit), NaN for aliased terms
     */
    private record Run(String name, String title, int maxIterations, int iterations, List<Iteration> trace,
                       double loss, double maxAbsGradient, Termination termination, List<String> warnings,
                       Map<String, double[]> coefficients, String reference, long nanos) {

        static Run of(String name, String title, LogisticRegression settings, Fit fit, long nanos) {
            Map<String, double[]> coefficients = new LinkedHashMap<>();
            double[][] b = fit.coefficientsWithNa();
            List<String> classes = fit.coefficientClasses();
            for (int c = 0; c < b.length; c++) {
                coefficients.put(fit.binomial() ? null : classes.get(c), b[c]);
            }
            String reference = fit instanceof MultinomialFit m ? m.referenceClass() : null;
            return new Run(name, title, settings.maxIterations(), fit.iterations(), fit.trace(), fit.loss(),
                    fit.maxAbsGradient(), fit.termination(), FitReport.messages(fit.warnings()), coefficients,
                    reference, nanos);
        }

        int passes() {
            return FitReport.passes(trace);
        }

        boolean converged() {
            return termination == Termination.CONVERGED;
        }

        String[] summary() {
            return FitReport.summary(iterations, trace, loss, maxAbsGradient, termination, nanos);
        }
    }

    @Override
    public Integer call() {
        OutputFile output = checkOptions();
        Design design = data.design();
        DataOptions.requireInterceptWithoutOffsets(design, "compare");
        List<Run> runs = runs(design);

        Map<String, List<Iteration>> traces = new LinkedHashMap<>();
        for (Run r : runs) {
            traces.put(r.title(), r.trace());
        }
        double optimum = ConvergencePlot.optimum(traces);
        Path written = ConvergencePlot.write(output, List.of(new ConvergencePlot.Panel(design.formula(), traces)));

        PrintWriter out = spec.commandLine().getOut();
        out.print(format.json() ? json(design, runs, optimum, written) : text(design, runs, optimum, written));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (Run r : runs) {
            for (String warning : r.warnings()) {
                err.println("logreg: warning: " + r.title() + ": " + warning);
            }
        }
        err.flush();
        return 0;
    }

    private List<Run> runs(Design design) {
        PrintWriter err = spec.commandLine().getErr();
        LogisticRegression gd = LogisticRegression.gradientDescent().withFeatureNames(design.columnNames())
                .withClassNames(design.classes()).withL2(l2).withTolerance(tolerance)
                .withMaxIterations(maxIterations).withStandardize(standardize).withTimeLimit(limit())
                .withIterationListener(progress.of(ProgressLines.solver(err, "compare: " + GD_TITLE)));
        LogisticRegression newton = gd.withMethod(Method.NEWTON)
                .withMaxIterations(LogisticRegression.newton().maxIterations())
                .withIterationListener(progress.of(ProgressLines.solver(err, "compare: " + NEWTON_TITLE)));
        double[][] x = design.x();
        double[] w = design.weights();
        List<Run> runs = new ArrayList<>();
        for (LogisticRegression settings : List.of(gd, newton)) {
            long t0 = System.nanoTime();
            Fit fit = design.multinomial() ? settings.fitMultinomial(x, design.classLabels(), w)
                    : settings.fit(x, design.y(), w);
            long t1 = System.nanoTime();
            runs.add(settings == gd ? Run.of("gd", GD_TITLE, settings, fit, t1 - t0)
                    : Run.of("newton", NEWTON_TITLE, settings, fit, t1 - t0));
        }
        return runs;
    }

    /** Rejects bad option values before any data is read or any fit is run; returns the checked plot file. */
    private OutputFile checkOptions() {
        SolverOptions.requirePenalty(l2);
        SolverOptions.requirePositive("--tol", tolerance);
        SolverOptions.requireIterations(maxIterations);
        SolverOptions.requirePositive("--time-limit", timeLimit);
        return OutputFile.of("--plot", plot, data.data);
    }

    /** @return the time limit of each solver */
    private java.time.Duration limit() {
        return SolverOptions.duration(timeLimit);
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
                + " %d (Newton); at most %s s each%n", tolerance, runs.get(0).maxIterations(),
                runs.get(1).maxIterations(), FitReport.significant(timeLimit, 6)));
        if (l2 > 0) {
            sb.append(String.format(Locale.ROOT, "Penalty: L2, lambda = %s (not applied to the intercept)%n", l2));
        }
        sb.append('\n');
        TextTable summary = new TextTable(FitReport.SUMMARY_ROWS);
        for (Run r : runs) {
            summary.column(r.title(), r.summary());
        }
        sb.append(summary.render());
        sb.append(String.format(Locale.ROOT, "%nJ* (the lowest loss either reached) = %.15g%n", optimum));

        sb.append("\nCoefficients:\n");
        String reference = runs.get(0).reference();
        for (String coefficientClass : runs.get(0).coefficients().keySet()) {
            if (coefficientClass != null) {
                sb.append(sb.charAt(sb.length() - 2) == ':' ? "" : "\n").append(coefficientClass)
                        .append(reference == null ? "" : " (vs " + reference + ")").append(":\n");
            }
            sb.append(new TextTable(design.terms())
                    .columns(runs.get(0).title(), runs.get(0).coefficients().get(coefficientClass), runs.get(1).title(),
                            runs.get(1).coefficients().get(coefficientClass), 7)
                    .render());
        }

        List<String> warnings = new ArrayList<>();
        for (Run r : runs) {
            for (String w : r.warnings()) {
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
        ObjectNode root = JsonOutput.object();
        root.put("formula", design.formula());
        root.put("model", design.multinomial() ? "multinomial" : "binomial");
        if (design.multinomial()) {
            FitReport.putStrings(root, "classes", design.classes());
            if (runs.get(0).reference() == null) {
                root.putNull("reference");
            } else {
                root.put("reference", runs.get(0).reference());
            }
        }
        root.put("nObs", design.observations());
        root.put("rowsDropped", design.rowsDropped());
        root.put("l2", l2);
        root.put("tolerance", tolerance);
        root.put("timeLimitSeconds", timeLimit);
        root.put("standardized", standardize);
        root.put("plot", written.toString());
        FitReport.putNumber(root, "optimum", optimum);
        List<String> terms = design.terms();
        ArrayNode solvers = root.putArray("solvers");
        for (Run r : runs) {
            ObjectNode node = solvers.addObject();
            node.put("name", r.name());
            node.put("iterations", r.iterations());
            node.put("maxIterations", r.maxIterations());
            node.put("passes", r.passes());
            node.put("timeMillis", r.nanos() / 1e6);
            FitReport.putNumber(node, "loss", r.loss());
            FitReport.putNumber(node, "maxAbsGradient", r.maxAbsGradient());
            node.put("termination", r.termination().name());
            node.put("converged", r.converged());
            ObjectNode coefficients = node.putObject("coefficients");
            for (Map.Entry<String, double[]> e : r.coefficients().entrySet()) {
                FitReport.keyed(e.getKey() == null ? coefficients : coefficients.putObject(e.getKey()), terms,
                        e.getValue());
            }
            FitReport.putStrings(node, "warnings", r.warnings());
            ArrayNode trace = node.putArray("trace");
            for (Iteration it : r.trace()) {
                ObjectNode entry = trace.addObject();
                entry.put("k", it.index());
                FitReport.putNumber(entry, "loss", it.loss());
                FitReport.putNumber(entry, "maxAbsGradient", it.maxAbsGradient());
            }
        }
        return JsonOutput.text(root);
    }
}
