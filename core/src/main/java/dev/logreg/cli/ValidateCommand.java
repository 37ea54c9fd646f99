package dev.logreg.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logreg.TextTable;
import dev.logreg.check.Validation;
import dev.logreg.check.ValidationReport;
import dev.logreg.data.Design;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code validate}: fits the same objective with this library's Newton, with an independent Newton
 * (IRLS) on Commons Math linear algebra and with Commons Math's nonlinear conjugate gradient, and
 * reports how far apart they are and why they agree or not. Exit code 0 when they agree within the
 * tolerance, 1 when not. Each Commons Math method stops at {@code --time-limit}; a long run shows its
 * progress on stderr. Binary targets only: a target with more than two classes needs {@code --positive}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit the data three independent ways (this library's Newton, an IRLS on Commons Math,"
                + " Commons Math's conjugate gradient) and report their largest differences."
                + " Exit 0 if they agree within the tolerance, 1 if not.")
final class ValidateCommand implements Callable<Integer> {

    /** Exit code when the methods disagree. */
    static final int DISAGREE = 1;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "0",
            description = "L2 penalty, as for fit (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = {"--tolerance", "--tol"}, paramLabel = "T", defaultValue = "1e-6",
            description = "Largest difference of coefficients and losses that counts as agreement"
                    + " (default: ${DEFAULT-VALUE}); --tol is the same option.")
    double tolerance;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "120",
            description = "Longest each Commons Math method may run; one that reaches it counts as not"
                    + " converged (default: ${DEFAULT-VALUE}).")
    double timeLimitSeconds;

    @Mixin
    FormatOption format;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        SolverOptions.requirePositive("--tolerance (--tol)", tolerance);
        SolverOptions.requirePenalty(l2);
        SolverOptions.requirePositive("--time-limit", timeLimitSeconds);
        Duration timeLimit = SolverOptions.duration(timeLimitSeconds);
        java.util.function.Consumer<Validation.Progress> progress = this.progress.of(
                progressLines(spec.commandLine().getErr(), System::nanoTime));
        Design design = data.design();
        DataOptions.requireInterceptWithoutOffsets(design, "validate");
        if (design.multinomial()) {
            throw new IllegalArgumentException("validation against Commons Math covers binary targets; the target '"
                    + design.target() + "' has " + design.classes().size() + " classes ("
                    + String.join(", ", design.classes()) + "): name one with --positive to validate it against"
                    + " the rest");
        }
        ValidationReport report = Validation.run(design.x(), design.y(), design.weights(), l2, tolerance, timeLimit,
                progress).withTerms(design.terms());
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            out.print(JsonOutput.text(json(design, report)));
        } else {
            out.print(text(design, report));
        }
        out.flush();
        return report.agree() ? 0 : DISAGREE;
    }

    /**
     * @param err where the lines go
     * @param clock the time in nanoseconds
     * @return a Commons Math method's progress as {@code logreg: validate: commons-math-nlcg: 1200
     *         iterations, max|g| = 2.1e-7 (10 s)}
     */
    static ProgressLines<Validation.Progress> progressLines(PrintWriter err, java.util.function.LongSupplier clock) {
        return new ProgressLines<>(err, p -> "validate: " + p, clock);
    }

    private ObjectNode json(Design design, ValidationReport report) {
        ObjectNode root = JsonOutput.object();
        root.put("agree", report.agree());
        root.put("reason", report.reason());
        root.put("maxCoefficientDifference", report.maxCoefficientDifference());
        root.put("maxLossDifference", report.maxLossDifference());
        root.put("coefficientScale", report.scale() == ValidationReport.Scale.STANDARD_ERROR
                ? "standardError" : "largestCoefficient");
        root.put("tolerance", report.tolerance());
        root.put("timeLimitSeconds", timeLimitSeconds);
        root.put("formula", design.formula());
        root.put("nObs", design.observations());
        root.put("rowsDropped", design.rowsDropped());
        root.put("l2", l2);
        FitReport.putStrings(root, "aliased", report.aliased());
        FitReport.putStrings(root, "divergingTerms", report.diverging());
        List<String> terms = report.terms();
        boolean[] aliased = aliasedMask(report);
        ArrayNode methods = root.putArray("methods");
        for (ValidationReport.Method m : report.methods()) {
            ObjectNode node = methods.addObject();
            node.put("name", m.name());
            node.put("converged", m.converged());
            node.put("stopped", m.stopped());
            node.put("iterations", m.iterations());
            node.put("loss", m.loss());
            node.put("maxAbsGradient", m.maxAbsGradient());
            node.put("timeMillis", m.nanos() / 1e6);
            ObjectNode coefficients = node.putObject("coefficients");
            double[] theta = m.theta();
            for (int j = 0; j < terms.size(); j++) {
                FitReport.putNumber(coefficients, terms.get(j), aliased[j] ? Double.NaN : theta[j]);
            }
        }
        return root;
    }

    private static boolean[] aliasedMask(ValidationReport report) {
        boolean[] mask = new boolean[report.terms().size()];
        for (int j : report.aliasedIndices()) {
            mask[j] = true;
        }
        return mask;
    }

    private String text(Design design, ValidationReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Validation against Apache Commons Math\n\n");
        sb.append("Model:  ").append(design.formula()).append('\n');
        sb.append("Data:   ").append(design.source()).append(": ").append(design.observations())
                .append(" observations used, ").append(design.rowsDropped()).append(" dropped for missing values\n");
        if (l2 > 0) {
            sb.append(String.format(Locale.ROOT, "Penalty: L2, lambda = %s%n", l2));
        }
        List<String> aliasedTerms = report.aliased();
        if (!aliasedTerms.isEmpty()) {
            sb.append("Aliased: ").append(String.join(", ", aliasedTerms))
                    .append(aliasedTerms.size() == 1 ? " is a linear combination" : " are linear combinations")
                    .append(" of earlier columns, left out of every method\n");
        }
        sb.append('\n');
        List<ValidationReport.Method> methods = report.methods();
        List<String> rows = List.of("converged", "iterations", "time (ms)", "loss", "max|g|");
        TextTable summary = new TextTable(rows);
        for (ValidationReport.Method m : methods) {
            summary.column(m.name(), new String[] {
                Boolean.toString(m.converged()),
                Integer.toString(m.iterations()),
                String.format(Locale.ROOT, "%.1f", m.nanos() / 1e6),
                String.format(Locale.ROOT, "%.15g", m.loss()),
                String.format(Locale.ROOT, "%.2e", m.maxAbsGradient())
            });
        }
        sb.append(summary.render()).append('\n');
        boolean[] aliased = aliasedMask(report);
        TextTable coefficients = new TextTable(report.terms());
        for (ValidationReport.Method m : methods) {
            coefficients.column(m.name(), formatAll(m.theta(), aliased));
        }
        sb.append(coefficients.render()).append('\n');
        sb.append(String.format(Locale.ROOT, "Largest difference: coefficients %.2e (%s), loss %.2e (relative);"
                        + " tolerance %.2g%n", report.maxCoefficientDifference(), report.scale().description(),
                report.maxLossDifference(), report.tolerance()));
        sb.append(report.reason()).append('\n');
        return sb.toString();
    }

    /** Each value with 12 significant digits, {@code NA} where aliased. */
    private static String[] formatAll(double[] values, boolean[] aliased) {
        String[] out = new String[values.length];
        for (int j = 0; j < values.length; j++) {
            out[j] = aliased[j] ? "NA" : String.format(Locale.ROOT, "%.12g", values[j]);
        }
        return out;
    }
}
