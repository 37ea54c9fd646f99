package dev.logreg.cli;

import dev.logreg.BinomialFit;
import dev.logreg.Inference;
import dev.logreg.LogisticRegression;
import dev.logreg.TextTable;
import dev.logreg.data.Design;
import dev.logreg.data.ModelSpec;
import dev.logreg.data.Table;
import dev.logreg.solve.Iteration;
import dev.logreg.solve.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo: the embedded UCI Credit Approval data (crx.data, columns A1..A16, {@code +} =
 * approved), the seed analysis (approval against log1p(A15)) and a multivariable model, each fitted
 * by gradient descent and by Newton's method and printed side by side, with a convergence plot.
 */
final class Demo {

    /** The embedded data and its column names (crx.data has no header). */
    static final String RESOURCE = "/dev/logreg/data/crx.data";
    static final List<String> HEADER = List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10",
            "A11", "A12", "A13", "A14", "A15", "A16");

    /** The plot's file name, in the working directory. */
    static final String PLOT = "logreg-demo-convergence.png";
    /** The saved model's file name, beside the plot. */
    static final String MODEL = "logreg-demo-model.json";

    /** New applications to score with the saved model: the columns it reads, in another order, by name. */
    static final String APPLICATIONS = """
            applicant,A15,A14,A11,A10,A9,A8,A3,A2
            new-1,0,00202,1,t,t,1.25,0,30.83
            new-2,560,00043,6,t,t,3.04,4.46,58.67
            new-3,10,00000,1,t,f,6.5,2,57.58
            new-4,0,00120,0,f,f,0.25,1.5,22.08
            """;

    private static final List<ModelSpec> MODELS = List.of(
            ModelSpec.of("A16", "log1p(A15)").withPositive("+"),
            ModelSpec.of("A16", "A2", "A3", "A8", "A11", "A14", "log1p(A15)", "A9", "A10").withPositive("+"));

    private Demo() {
    }

    /** @return the embedded Credit Approval table */
    static Table creditApproval() {
        try (InputStream in = Demo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return Table.read(reader, "crx.data", ',', HEADER, Set.of());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints the demo and writes its plot.
     *
     * @param out where to print
     * @param directory where to write {@link #PLOT}
     * @return the plot's panels, one per model, each titled with the formula the text prints
     */
    static List<ConvergencePlot.Panel> run(PrintWriter out, Path directory) {
        Table table = creditApproval();
        int approved = 0;
        for (int i = 0; i < table.rows(); i++) {
            approved += "+".equals(table.column("A16").text(i)) ? 1 : 0;
        }
        out.printf(Locale.ROOT, "logreg demo: UCI Credit Approval (crx.data), %d applications, %d approved (A16 = +)%n",
                table.rows(), approved);
        out.println("Each model is fitted by Newton's method and by gradient descent (on standardized");
        out.println("features, the same optimum reported on the original scale); tolerance max|g| <= 1e-8.");
        List<ConvergencePlot.Panel> panels = new ArrayList<>();
        for (ModelSpec spec : MODELS) {
            Design design = Design.build(table, spec);
            panels.add(compare(out, design));
        }
        Path plot = ConvergencePlot.write(OutputFile.of("--plot-dir", directory.resolve(PLOT)), panels);
        out.printf("%nConvergence plot: %s%n", plot);
        saveAndScore(out, Design.build(table, MODELS.get(MODELS.size() - 1)), directory.resolve(MODEL));
        out.flush();
        return panels;
    }

    /** Saves the multivariable model, reads it back and scores new applications with it, by column name. */
    private static void saveAndScore(PrintWriter out, Design design, Path file) {
        dev.logreg.Model model = LogisticRegression.newton().fit(design).model();
        OutputFile.of("--plot-dir", file).write(stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            model.write(w);
            w.flush();
        });
        dev.logreg.Model saved;
        try {
            saved = dev.logreg.Model.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Table applications = Table.read(new StringReader(APPLICATIONS), "new applications", ',', null, Set.of());
        dev.logreg.Scores scores = saved.score(applications);
        out.printf("%nSaved model: %s (logreg.model/1, the second model with its encoding); read back, it scores%n",
                file.toAbsolutePath().normalize());
        out.println("new applications given by column name (`logreg predict --model " + MODEL + " --data FILE`):");
        List<String> names = new ArrayList<>();
        double[] approval = new double[scores.rows()];
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < scores.rows(); i++) {
            names.add(applications.column("applicant").text(i));
            approval[i] = scores.probabilities()[i][1];
            decisions.add(scores.predictedClass(i));
        }
        new TextTable(names).column("P(A16 = +)", approval, 4).column("predicted", decisions.toArray(new String[0]))
                .render().lines().forEach(out::println);
    }

    private static ConvergencePlot.Panel compare(PrintWriter out, Design design) {
        double[][] x = design.x();
        double[] y = design.y();
        LogisticRegression gd = LogisticRegression.gradientDescent().withStandardize(true);
        LogisticRegression newton = LogisticRegression.newton();
        long t0 = System.nanoTime();
        BinomialFit g = gd.fit(x, y);
        long t1 = System.nanoTime();
        BinomialFit n = newton.fit(x, y);
        long t2 = System.nanoTime();

        out.printf("%nModel: %s   (%d observations, %d dropped for missing values)%n%n", design.formula(),
                design.observations(), design.rowsDropped());
        new TextTable(FitReport.SUMMARY_ROWS)
                .column("gradient descent", FitReport.summary(g, t1 - t0))
                .column("Newton", FitReport.summary(n, t2 - t1))
                .render().lines().forEach(out::println);

        double[] nt = n.theta();
        Inference inference = n.inference();
        out.println();
        new TextTable(design.terms())
                .columns("Newton", nt, "Std. Error", inference.standardErrors(), 6)
                .column("Pr(>|z|)", TextTable.pValues(inference.p(), 3))
                .column("odds ratio", inference.oddsRatios(), 4)
                .column("gradient descent", g.theta(), 6)
                .render().lines().forEach(out::println);
        out.printf(Locale.ROOT, "Residual deviance %s on %d df, null deviance %s on %d df, AIC %s%n",
                FitReport.significant(inference.deviance(), 6), inference.dfResidual(),
                FitReport.significant(inference.nullDeviance(), 6), inference.dfNull(),
                FitReport.significant(inference.aic(), 6));
        for (Warning w : g.warnings()) {
            out.println("warning (gradient descent): " + w.message());
        }
        for (Warning w : n.warnings()) {
            out.println("warning (Newton): " + w.message());
        }
        Map<String, List<Iteration>> traces = new LinkedHashMap<>();
        traces.put("gradient descent", g.trace());
        traces.put("Newton", n.trace());
        return new ConvergencePlot.Panel(design.formula(), traces);
    }
}
