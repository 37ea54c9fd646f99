package dev.logreg.cli;

import dev.logreg.DesignCache;
import dev.logreg.Fit;
import dev.logreg.LogisticRegression;
import dev.logreg.Parametrization;
import dev.logreg.data.Design;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fit}: fits a logistic regression to a CSV file and reports it: binary for a target with
 * two classes (or one level against the rest with {@code --positive}), multinomial for a target
 * with more than two.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a logistic regression to a CSV file; print it as text (like R's summary.glm) or JSON."
                + " A target with more than two classes and no --positive gets a multinomial (softmax) model.")
final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    SolverOptions solver;

    @Option(names = "--parametrization", paramLabel = "reference|symmetric",
            description = "For a target with more than two classes: each class against a reference class"
                    + " (the default without --l2), or every class with coefficients summing to zero over the"
                    + " classes (the default with --l2 > 0, which it needs).")
    Parametrization parametrization;

    @Option(names = "--reference", paramLabel = "LEVEL",
            description = "For a target with more than two classes: the reference class of the reference"
                    + " parametrization, which it implies (default: the first level in sorted order).")
    String reference;

    @Mixin
    FormatOption format;

    @Mixin
    ProgressOption progress;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
            description = "Confidence level of the Wald intervals (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Write predicted probabilities as CSV: one row per input row, one column per class.")
    Path predictions;

    @Option(names = "--save-model", paramLabel = "FILE",
            description = "Save the fitted model (logreg.model/1 JSON, with the encoding of the columns) for predict.")
    Path saveModel;

    @Option(names = "--cache", paramLabel = "FILE",
            description = "Write the model matrix to this cache (as logreg cache does) and fit from the mapped"
                    + " file: for data larger than the heap; fit --data FILE reuses it.")
    Path cache;

    @Override
    public Integer call() {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("--level must be in (0, 1), got " + level);
        }
        OutputFile output = predictions == null ? null : OutputFile.of("--predictions", predictions, data.data);
        if (saveModel != null && predictions != null
                && saveModel.toAbsolutePath().normalize().equals(predictions.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--save-model " + saveModel + " is also the --predictions file: give"
                    + " each its own file");
        }
        if (data.formula() != null && cache != null) {
            throw new IllegalArgumentException("--cache cannot hold a --formula design yet: fit the CSV file in"
                    + " memory without --cache, or use --target and --features");
        }
        OutputFile modelFile = saveModel == null ? null : OutputFile.of("--save-model", saveModel, data.data);
        boolean cached = DesignCache.isCache(data.data);
        if (cache != null && cached) {
            throw new IllegalArgumentException("--data " + data.data + " is already a cache: --cache applies to a CSV"
                    + " file");
        }
        OutputFile cacheFile = cache == null ? null : OutputFile.of("--cache", cache, data.data);
        if (output != null && cached) {
            throw new IllegalArgumentException("--predictions needs the rows of the CSV file, which a cache does not"
                    + " keep: save the model (--save-model) and score the CSV file with logreg predict");
        }
        PrintWriter err = spec.commandLine().getErr();
        java.util.function.Consumer<String> reading = progress.of(ProgressLines.text(err));
        Design design = cacheFile == null ? data.design(err, reading) : data.cache(cacheFile.path(), reading);
        LogisticRegression regression = solver.regression(progress()).withFeatureNames(design.columnNames())
                .withClassNames(design.classes());
        Fit fit = (design.multinomial() ? multinomial(design, regression) : binomial(design, regression)).fit(design);
        FitReport report = new FitReport(design, fit, level);
        if (output != null) {
            if (design.keepsTableRows()) {
                Predictions.write(output, design, design.x(), fit);
            } else {
                // Out of core: the CSV file is read again in chunks and each chunk scored.
                Predictions.stream(output, data, design, fit.model());
            }
        }
        if (modelFile != null) {
            dev.logreg.Model model = fit.model();
            modelFile.write(stream -> {
                java.io.Writer w = new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8);
                model.write(w);
                w.flush();
            });
        }
        print(format.json() ? report.jsonText() : report.text());
        for (String warning : report.warnings()) {
            err.println("logreg: warning: " + warning);
        }
        err.flush();
        return 0;
    }

    private LogisticRegression binomial(Design design, LogisticRegression regression) {
        if (parametrization != null || reference != null) {
            throw new IllegalArgumentException((reference != null ? "--reference" : "--parametrization")
                    + " applies to targets with more than two classes; this fit of '" + design.target()
                    + "' has two (" + String.join(", ", design.classes()) + "), and --positive chooses the event");
        }
        return regression;
    }

    private LogisticRegression multinomial(Design design, LogisticRegression regression) {
        // --reference asks for the reference parametrization; without either option the penalty decides
        // (symmetric with --l2 > 0, as the library's default).
        Parametrization asked = parametrization != null ? parametrization
                : reference != null ? Parametrization.REFERENCE : null;
        regression = regression.withParametrization(asked);
        if (regression.parametrization(design.classes().size()) == Parametrization.SYMMETRIC) {
            if (!(regression.l2() > 0)) {
                throw new IllegalArgumentException("--parametrization symmetric needs --l2 > 0: without a penalty"
                        + " its coefficients are not identifiable (--parametrization reference needs none)");
            }
            if (reference != null) {
                throw new IllegalArgumentException("--reference applies to --parametrization reference; the"
                        + " symmetric parametrization has no reference class");
            }
        }
        int referenceIndex = 0;
        if (reference != null) {
            referenceIndex = design.classIndex(reference);
            if (referenceIndex < 0) {
                throw new IllegalArgumentException("--reference '" + reference + "' does not occur in the target '"
                        + design.target() + "' (classes: " + String.join(", ", design.classes()) + ")");
            }
        }
        return regression.withReference(referenceIndex);
    }

    private java.util.function.Consumer<dev.logreg.solve.Iteration> progress() {
        return progress.of(ProgressLines.solver(spec.commandLine().getErr(), "fit: "
                + (solver.solver == SolverOptions.Solver.NEWTON ? "Newton" : "gradient descent")));
    }

    private void print(String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }
}
