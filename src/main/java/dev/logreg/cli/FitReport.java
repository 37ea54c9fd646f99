package dev.logreg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logreg.FitResult;
import dev.logreg.LogisticRegression;
import dev.logreg.data.Design;
import dev.logreg.stats.Inference;
import java.util.List;
import java.util.Locale;

/**
 * What {@code fit} prints: as text in the manner of R's {@code summary.glm}, or as JSON with a
 * stable schema (documented in README, section "JSON output").
 */
final class FitReport {

    /** The JSON schema's name and version, the first field of every document. */
    static final String SCHEMA = "logreg.fit/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Design design;
    private final LogisticRegression settings;
    private final FitResult fit;
    private final Inference inference;

    FitReport(Design design, LogisticRegression settings, FitResult fit, Inference inference) {
        this.design = design;
        this.settings = settings;
        this.fit = fit;
        this.inference = inference;
    }

    static String solverName(LogisticRegression.Method method) {
        return method == LogisticRegression.Method.NEWTON ? "newton" : "gd";
    }

    private static String solverTitle(LogisticRegression.Method method) {
        return method == LogisticRegression.Method.NEWTON ? "Newton" : "gradient descent";
    }

    /** Appends the Model, Event and Data lines that every report about a design starts with. */
    static void appendData(StringBuilder sb, Design design) {
        sb.append("Model:  ").append(design.formula()).append('\n');
        sb.append("Event:  ").append(design.target()).append(" = ").append(design.event())
                .append("  (against ").append(design.classes().get(0)).append(")\n");
        sb.append("Data:   ").append(design.source()).append(": ").append(design.observations())
                .append(" observations used, ").append(design.rowsDropped())
                .append(design.rowsDropped() == 1 ? " row" : " rows").append(" dropped for missing values");
        if (design.weightColumn() != null) {
            sb.append(", prior weights ").append(design.weightColumn());
        }
        sb.append('\n');
    }

    /** The rows of {@link #summary}: how a solver got where it stopped. */
    static final List<String> SUMMARY_ROWS = List.of("iterations", "passes over data", "time (ms)", "final loss",
            "max|g|", "termination");

    /**
     * @param fit a fit
     * @param nanos how long it took
     * @return its cells for {@link #SUMMARY_ROWS}
     */
    static String[] summary(FitResult fit, long nanos) {
        return new String[] {
            Integer.toString(fit.iterations()),
            Integer.toString(passes(fit)),
            String.format(Locale.ROOT, "%.1f", nanos / 1e6),
            String.format(Locale.ROOT, "%.12f", fit.loss()),
            String.format(Locale.ROOT, "%.2e", fit.maxAbsGradient()),
            fit.termination().name()
        };
    }

    /** @return the passes over the data the solver made (the trace's last count) */
    static int passes(FitResult fit) {
        List<dev.logreg.solve.Iteration> trace = fit.trace();
        return trace.get(trace.size() - 1).evaluations();
    }

    /** @return the text report, lines ending in newlines */
    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Logistic regression (binomial family, logit link)\n\n");
        appendData(sb, design);
        sb.append("Solver: ").append(solverTitle(fit.method()));
        if (settings.standardize()) {
            sb.append(" on standardized features");
        }
        sb.append(", ").append(fit.iterations()).append(fit.iterations() == 1 ? " iteration" : " iterations")
                .append(", ").append(status()).append('\n');
        if (settings.l2() > 0) {
            sb.append(String.format(Locale.ROOT, "Penalty: L2, lambda = %s (not applied to the intercept)%n",
                    settings.l2()));
        }
        int aliased = fit.aliasedIndices().length;
        sb.append("\nCoefficients:").append(aliased == 0 ? "" : " (" + aliased + " not defined because of singularities)")
                .append('\n');
        sb.append(coefficientTable());
        Inference inf = inference;
        if (inf.hasWald()) {
            sb.append("---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n");
        } else {
            sb.append("(").append(inf.reason()).append(")\n");
        }
        sb.append("\n(Dispersion parameter for binomial family taken to be 1)\n\n");
        sb.append(String.format(Locale.ROOT, "    Null deviance: %s  on %d  degrees of freedom%n",
                significant(inf.nullDeviance(), 5), inf.dfNull()));
        sb.append(String.format(Locale.ROOT, "Residual deviance: %s  on %d  degrees of freedom%n",
                significant(inf.deviance(), 5), inf.dfResidual()));
        if (!inf.penalized()) {
            sb.append("AIC: ").append(significant(inf.aic(), 5)).append('\n');
        }
        sb.append("\nNumber of ").append(fit.method() == LogisticRegression.Method.NEWTON ? "Newton" : "gradient descent")
                .append(" iterations: ").append(fit.iterations()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Log-likelihood: %s (df = %d)", significant(inf.logLikelihood(), 7),
                inf.parameters()));
        if (!inf.penalized()) {
            sb.append("   BIC: ").append(significant(inf.bic(), 5));
        }
        sb.append("   McFadden pseudo-R2: ").append(significant(inf.pseudoR2(), 4)).append('\n');
        if (!inf.penalized()) {
            sb.append(String.format(Locale.ROOT, "Likelihood-ratio test against the intercept-only model: %s on %d df,"
                    + " p = %s%n", significant(inf.likelihoodRatio(), 5), inf.likelihoodRatioDf(),
                    TextTable.pValues(new double[] {inf.likelihoodRatioP()}, 4)[0]));
        }
        if (inf.hasWald()) {
            String lo = percent((1 - inf.level()) / 2);
            String hi = percent(1 - (1 - inf.level()) / 2);
            sb.append(String.format(Locale.ROOT, "%nOdds ratios with %s Wald confidence intervals:%n",
                    percent(inf.level())));
            sb.append(new TextTable(design.terms())
                    .column("Odds ratio", exp(estimatesWithNa()), 4)
                    .column(lo, inf.oddsRatioLower(), 4)
                    .column(hi, inf.oddsRatioUpper(), 4)
                    .render());
        }
        sb.append(String.format(Locale.ROOT, "%nLoss J(theta) = %.10g, max|gradient| = %.3g%n",
                fit.loss(), fit.maxAbsGradient()));
        List<String> warnings = warnings();
        if (!warnings.isEmpty()) {
            sb.append("\nWarnings:\n");
            for (String w : warnings) {
                sb.append("  ").append(w).append('\n');
            }
        }
        return sb.toString();
    }

    /** @return the fit's warnings, then the inference's */
    List<String> warnings() {
        List<String> all = new java.util.ArrayList<>(fit.warnings());
        all.addAll(inference.warnings());
        return all;
    }

    private double[] estimatesWithNa() {
        return estimatesWithNa(fit);
    }

    /**
     * @param fit a fit
     * @return its estimates with NaN (printed NA as R does, null in JSON) for aliased parameters
     */
    static double[] estimatesWithNa(FitResult fit) {
        double[] theta = fit.theta();
        for (int j : fit.aliasedIndices()) {
            theta[j] = Double.NaN;
        }
        return theta;
    }

    private String coefficientTable() {
        double[] theta = estimatesWithNa();
        TextTable table = new TextTable(design.terms());
        if (!inference.hasWald()) {
            double[] odds = new double[theta.length];
            for (int j = 0; j < theta.length; j++) {
                odds[j] = Math.exp(theta[j]);
            }
            return table.column("Estimate", theta, 4).column("Odds ratio", odds, 4).render();
        }
        double[] z = inference.z();
        String[] zCells = new String[z.length];
        for (int j = 0; j < z.length; j++) {
            zCells[j] = Double.isNaN(z[j]) ? "NA" : String.format(Locale.ROOT, "%.3f", z[j]);
        }
        double[] p = inference.p();
        String[] stars = new String[p.length];
        for (int j = 0; j < p.length; j++) {
            stars[j] = TextTable.stars(p[j]);
        }
        return table.columns("Estimate", theta, "Std. Error", inference.standardErrors(), 4)
                .column("z value", zCells)
                .column("Pr(>|z|)", TextTable.pValues(p, 3))
                .leftColumn("", stars)
                .render();
    }

    /** A number with {@code digits} significant digits, without trailing zeros, as R's signif then format. */
    static String significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(value)
                .round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        String plain = rounded.stripTrailingZeros().toPlainString();
        String scientific = String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
        return plain.length() <= scientific.length() + 2 ? plain : scientific;
    }

    private static String percent(double fraction) {
        return significant(100 * fraction, 4) + " %";
    }

    private String status() {
        String gradient = String.format(Locale.ROOT, "max|g| = %.2g", fit.maxAbsGradient());
        return switch (fit.termination()) {
            case CONVERGED -> String.format(Locale.ROOT, "converged (%s <= %.2g)", gradient, settings.tolerance());
            case MAX_ITERATIONS -> "NOT converged: iteration limit reached (" + gradient + ")";
            case SEPARATION -> "stopped: the classes are separated (" + gradient + ")";
            case NO_PROGRESS -> "NOT converged: no further progress possible (" + gradient + ")";
        };
    }

    /** @return the JSON document */
    ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("model", "binomial");
        root.put("link", "logit");
        root.put("formula", design.formula());
        root.put("target", design.target());
        root.put("event", design.event());
        ArrayNode classes = root.putArray("classes");
        design.classes().forEach(classes::add);
        root.put("solver", solverName(fit.method()));
        root.put("standardized", settings.standardize());
        root.put("l2", settings.l2());
        root.put("tolerance", settings.tolerance());
        root.put("converged", fit.converged());
        root.put("termination", fit.termination().name());
        root.put("iterations", fit.iterations());
        root.put("nObs", design.observations());
        root.put("rowsDropped", design.rowsDropped());
        if (design.weightColumn() == null) {
            root.putNull("weights");
        } else {
            root.put("weights", design.weightColumn());
        }
        List<String> terms = design.terms();
        ArrayNode termArray = root.putArray("terms");
        terms.forEach(termArray::add);
        double[] theta = estimatesWithNa();
        ObjectNode coefficients = root.putObject("coefficients");
        ObjectNode oddsRatios = root.putObject("oddsRatios");
        for (int j = 0; j < terms.size(); j++) {
            putNumber(coefficients, terms.get(j), theta[j]);
            putNumber(oddsRatios, terms.get(j), Math.exp(theta[j]));
        }
        ArrayNode aliased = root.putArray("aliased");
        fit.aliased().forEach(aliased::add);
        root.put("separation", fit.separation());
        ArrayNode diverging = root.putArray("divergingTerms");
        fit.divergingTerms().forEach(diverging::add);
        root.put("loss", fit.loss());
        root.put("maxAbsGradient", fit.maxAbsGradient());
        inferenceJson(root, terms);
        ArrayNode warnings = root.putArray("warnings");
        warnings().forEach(warnings::add);
        return root;
    }

    private void inferenceJson(ObjectNode root, List<String> terms) {
        Inference inf = inference;
        root.put("confidenceLevel", inf.level());
        if (inf.hasWald()) {
            root.putNull("inferenceNote");
            keyed(root.putObject("standardErrors"), terms, inf.standardErrors());
            keyed(root.putObject("z"), terms, inf.z());
            keyed(root.putObject("p"), terms, inf.p());
            intervals(root.putObject("confidenceIntervals"), terms, inf.lower(), inf.upper());
            intervals(root.putObject("oddsRatioIntervals"), terms, inf.oddsRatioLower(), inf.oddsRatioUpper());
        } else {
            root.put("inferenceNote", inf.reason());
            for (String field : List.of("standardErrors", "z", "p", "confidenceIntervals", "oddsRatioIntervals")) {
                root.putNull(field);
            }
        }
        root.put("logLikelihood", inf.logLikelihood());
        root.put("nullLogLikelihood", inf.nullLogLikelihood());
        root.put("deviance", inf.deviance());
        root.put("nullDeviance", inf.nullDeviance());
        root.put("dfResidual", inf.dfResidual());
        root.put("dfNull", inf.dfNull());
        root.put("pseudoR2", inf.pseudoR2());
        if (inf.penalized()) {
            root.putNull("aic");
            root.putNull("bic");
            root.putNull("likelihoodRatio");
        } else {
            root.put("aic", inf.aic());
            root.put("bic", inf.bic());
            ObjectNode lr = root.putObject("likelihoodRatio");
            lr.put("statistic", inf.likelihoodRatio());
            lr.put("df", inf.likelihoodRatioDf());
            lr.put("p", inf.likelihoodRatioP());
        }
    }

    private static void keyed(ObjectNode node, List<String> terms, double[] values) {
        for (int j = 0; j < terms.size(); j++) {
            putNumber(node, terms.get(j), values[j]);
        }
    }

    private static void intervals(ObjectNode node, List<String> terms, double[] lower, double[] upper) {
        for (int j = 0; j < terms.size(); j++) {
            ArrayNode pair = node.putArray(terms.get(j));
            if (Double.isFinite(lower[j])) {
                pair.add(lower[j]);
            } else {
                pair.addNull();
            }
            if (Double.isFinite(upper[j])) {
                pair.add(upper[j]);
            } else {
                pair.addNull();
            }
        }
    }

    private static double[] exp(double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = Math.exp(v[j]);
        }
        return out;
    }

    /**
     * JSON has no infinities or NaN: an odds ratio beyond 1.8e308, or an aliased parameter's NA, is
     * written as null.
     */
    static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /** @return the JSON document as indented text with a final newline */
    String jsonText() {
        try {
            return JSON.writeValueAsString(json()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
