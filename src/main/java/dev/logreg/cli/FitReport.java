package dev.logreg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logreg.FitResult;
import dev.logreg.LogisticRegression;
import dev.logreg.PenaltyScale;
import dev.logreg.data.Design;
import dev.logreg.solve.Iteration;
import dev.logreg.solve.Termination;
import dev.logreg.stats.Inference;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/**
 * What {@code fit} prints for a binary target: as text in the manner of R's {@code summary.glm}, or
 * as JSON with a stable schema (documented in README, section "JSON output"). The static helpers
 * (header, solver line, coefficient table, tests, warnings, JSON fields) are shared with
 * {@link MultinomialReport}, {@code compare} and the demo.
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

    /** R's legend of the significance stars, after the separator line. */
    static final String SIGNIF_CODES = "---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n";

    static String solverName(LogisticRegression.Method method) {
        return method == LogisticRegression.Method.NEWTON ? "newton" : "gd";
    }

    private static String solverTitle(LogisticRegression.Method method) {
        return method == LogisticRegression.Method.NEWTON ? "Newton" : "gradient descent";
    }

    /**
     * Appends the lines that every report about a design starts with: Model, then Event (binary) or
     * Target (multinomial: the classes), then Data.
     */
    static void appendData(StringBuilder sb, Design design) {
        sb.append("Model:  ").append(design.formula()).append('\n');
        if (design.multinomial()) {
            sb.append("Target: ").append(design.target()).append(", ").append(design.classes().size())
                    .append(" classes: ").append(String.join(", ", design.classes())).append('\n');
        } else {
            sb.append("Event:  ").append(design.target()).append(" = ").append(design.event())
                    .append("  (against ").append(design.classes().get(0)).append(")\n");
        }
        sb.append("Data:   ").append(design.source()).append(": ").append(design.observations())
                .append(" observations used, ").append(design.rowsDropped())
                .append(design.rowsDropped() == 1 ? " row" : " rows").append(" dropped for missing values");
        if (design.weightColumn() != null) {
            sb.append(", prior weights ").append(design.weightColumn());
            int zero = design.rowsWithZeroWeight();
            if (zero > 0) {
                sb.append(" (").append(zero).append(zero == 1 ? " row" : " rows").append(" of weight 0 not counted)");
            }
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
        return summary(fit.iterations(), fit.trace(), fit.loss(), fit.maxAbsGradient(), fit.termination(), nanos);
    }

    /**
     * @param iterations the solver's iterations
     * @param trace its trace
     * @param loss the final loss
     * @param maxAbsGradient the final max|g|
     * @param termination why it stopped
     * @param nanos how long it took
     * @return the cells for {@link #SUMMARY_ROWS}
     */
    static String[] summary(int iterations, List<Iteration> trace, double loss, double maxAbsGradient,
                            Termination termination, long nanos) {
        return new String[] {
            Integer.toString(iterations),
            Integer.toString(passes(trace)),
            String.format(Locale.ROOT, "%.1f", nanos / 1e6),
            String.format(Locale.ROOT, "%.12f", loss),
            String.format(Locale.ROOT, "%.2e", maxAbsGradient),
            termination.name()
        };
    }

    /** @return the passes over the data a solver made (the trace's last count) */
    static int passes(List<Iteration> trace) {
        return trace.get(trace.size() - 1).evaluations();
    }

    /**
     * Appends the Solver line: which optimizer, on which scale, how many iterations and how it ended.
     *
     * @param sb where to append
     * @param method the optimizer
     * @param standardize whether it saw standardized features
     * @param iterations its iterations
     * @param termination why it stopped
     * @param maxAbsGradient the final max|g|
     * @param tolerance the tolerance on max|g|
     */
    static void appendSolver(StringBuilder sb, LogisticRegression.Method method, boolean standardize, int iterations,
                             Termination termination, double maxAbsGradient, double tolerance) {
        sb.append("Solver: ").append(solverTitle(method));
        if (standardize) {
            sb.append(" on standardized features");
        }
        sb.append(", ").append(iterations).append(iterations == 1 ? " iteration" : " iterations")
                .append(", ").append(status(termination, maxAbsGradient, tolerance)).append('\n');
    }

    /**
     * Appends the Penalty line when there is a penalty.
     *
     * @param sb where to append
     * @param l2 the penalty &lambda;
     * @param scale on which scale it is measured
     * @param exempt what it does not apply to ("the intercept")
     */
    static void appendPenalty(StringBuilder sb, double l2, PenaltyScale scale, String exempt) {
        if (l2 > 0) {
            sb.append(String.format(Locale.ROOT, "Penalty: L2, lambda = %s, on the coefficients of the %s (not"
                    + " applied to %s)%n", l2, scale == PenaltyScale.STANDARDIZED
                            ? "standardized features (glmnet's convention)" : "features as given", exempt));
        }
    }

    /**
     * @param terms the row names
     * @param theta the estimates, NaN (NA) for aliased terms
     * @param se their standard errors
     * @param z their z values
     * @param p their two-sided p-values
     * @return R's coefficient table: Estimate, Std. Error, z value, Pr(&gt;|z|) and the stars
     */
    static String waldTable(List<String> terms, double[] theta, double[] se, double[] z, double[] p) {
        String[] zCells = new String[z.length];
        for (int j = 0; j < z.length; j++) {
            zCells[j] = Double.isNaN(z[j]) ? "NA" : String.format(Locale.ROOT, "%.3f", z[j]);
        }
        String[] stars = new String[p.length];
        for (int j = 0; j < p.length; j++) {
            stars[j] = TextTable.stars(p[j]);
        }
        return new TextTable(terms).columns("Estimate", theta, "Std. Error", se, 4)
                .column("z value", zCells)
                .column("Pr(>|z|)", TextTable.pValues(p, 3))
                .leftColumn("", stars)
                .render();
    }

    /**
     * @param statistic the likelihood-ratio statistic
     * @param df its degrees of freedom
     * @param p its p-value
     * @return the line reporting the test against the intercept-only model
     */
    static String likelihoodRatioLine(double statistic, int df, double p) {
        return String.format(Locale.ROOT, "Likelihood-ratio test against the intercept-only model: %s on %d df,"
                + " p = %s%n", significant(statistic, 5), df, TextTable.pValues(new double[] {p}, 4)[0]);
    }

    /**
     * Appends the final loss line and, if there are any, the warnings.
     *
     * @param sb where to append
     * @param loss the final loss
     * @param maxAbsGradient the final max|g|
     * @param warnings the warnings, in order
     */
    static void appendLossAndWarnings(StringBuilder sb, double loss, double maxAbsGradient, List<String> warnings) {
        sb.append(String.format(Locale.ROOT, "%nLoss J(theta) = %.10g, max|gradient| = %.3g%n", loss, maxAbsGradient));
        if (!warnings.isEmpty()) {
            sb.append("\nWarnings:\n");
            for (String w : warnings) {
                sb.append("  ").append(w).append('\n');
            }
        }
    }

    /** @return the text report, lines ending in newlines */
    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Logistic regression (binomial family, logit link)\n\n");
        appendData(sb, design);
        appendSolver(sb, fit.method(), settings.standardize(), fit.iterations(), fit.termination(),
                fit.maxAbsGradient(), settings.tolerance());
        appendPenalty(sb, settings.l2(), settings.penaltyScale(), "the intercept");
        int aliased = fit.aliasedIndices().length;
        sb.append("\nCoefficients:").append(aliased == 0 ? "" : " (" + aliased + " not defined because of singularities)")
                .append('\n');
        sb.append(coefficientTable());
        Inference inf = inference;
        if (inf.hasWald()) {
            sb.append(SIGNIF_CODES);
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
            sb.append(likelihoodRatioLine(inf.likelihoodRatio(), inf.likelihoodRatioDf(), inf.likelihoodRatioP()));
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
        appendLossAndWarnings(sb, fit.loss(), fit.maxAbsGradient(), warnings());
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
        if (!inference.hasWald()) {
            return new TextTable(design.terms()).column("Estimate", theta, 4).column("Odds ratio", exp(theta), 4)
                    .render();
        }
        return waldTable(design.terms(), theta, inference.standardErrors(), inference.z(), inference.p());
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

    private static String status(Termination termination, double maxAbsGradient, double tolerance) {
        String gradient = String.format(Locale.ROOT, "max|g| = %.2g", maxAbsGradient);
        return switch (termination) {
            case CONVERGED -> String.format(Locale.ROOT, "converged (%s <= %.2g)", gradient, tolerance);
            case MAX_ITERATIONS -> "NOT converged: iteration limit reached (" + gradient + ")";
            case SEPARATION -> "stopped: the classes are separated (" + gradient + ")";
            case NO_PROGRESS -> "NOT converged: no further progress possible (" + gradient + ")";
            case TIME_LIMIT -> "NOT converged: time limit reached (" + gradient + ")";
        };
    }

    /**
     * @param model the family: {@code binomial} or {@code multinomial}
     * @param link the link: {@code logit} or {@code softmax}
     * @param design the design
     * @return a new document with its first fields: schema, model, link, formula, target
     */
    static ObjectNode jsonHead(String model, String link, Design design) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("model", model);
        root.put("link", link);
        root.put("formula", design.formula());
        root.put("target", design.target());
        return root;
    }

    /**
     * Puts the solver's settings and outcome and the data's counts: solver, standardized, l2,
     * tolerance, converged, termination, iterations, nObs, rowsDropped, weights, terms.
     *
     * @param root the document
     * @param method the optimizer
     * @param standardize whether it saw standardized features
     * @param l2 the penalty
     * @param scale the penalty's scale
     * @param tolerance the tolerance on max|g|
     * @param termination why it stopped
     * @param iterations its iterations
     * @param design the design
     */
    static void putSolver(ObjectNode root, LogisticRegression.Method method, boolean standardize, double l2,
                          PenaltyScale scale, double tolerance, Termination termination, int iterations,
                          Design design) {
        root.put("solver", solverName(method));
        root.put("standardized", standardize);
        root.put("l2", l2);
        root.put("penaltyScale", scale.name().toLowerCase(Locale.ROOT));
        root.put("tolerance", tolerance);
        root.put("converged", termination == Termination.CONVERGED);
        root.put("termination", termination.name());
        root.put("iterations", iterations);
        root.put("nObs", design.observations());
        root.put("rowsDropped", design.rowsDropped());
        root.put("rowsZeroWeight", design.rowsWithZeroWeight());
        if (design.weightColumn() == null) {
            root.putNull("weights");
        } else {
            root.put("weights", design.weightColumn());
        }
        putStrings(root, "terms", design.terms());
    }

    /**
     * @param node an object
     * @param field a field to set
     * @param values its value, an array of strings
     */
    static void putStrings(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    /**
     * Puts AIC, BIC and the likelihood-ratio test, or nulls for a penalized fit.
     *
     * @param root the document
     * @param penalized whether the fit was penalized (then the other values are not read)
     * @param aic AIC
     * @param bic BIC
     * @param statistic the likelihood-ratio statistic
     * @param df its degrees of freedom
     * @param p its p-value
     */
    static void putModelTests(ObjectNode root, boolean penalized, DoubleSupplier aic, DoubleSupplier bic,
                              DoubleSupplier statistic, IntSupplier df, DoubleSupplier p) {
        if (penalized) {
            root.putNull("aic");
            root.putNull("bic");
            root.putNull("likelihoodRatio");
        } else {
            root.put("aic", aic.getAsDouble());
            root.put("bic", bic.getAsDouble());
            ObjectNode lr = root.putObject("likelihoodRatio");
            lr.put("statistic", statistic.getAsDouble());
            lr.put("df", df.getAsInt());
            lr.put("p", p.getAsDouble());
        }
    }

    /** @return the JSON document */
    ObjectNode json() {
        ObjectNode root = jsonHead("binomial", "logit", design);
        root.put("event", design.event());
        putStrings(root, "classes", design.classes());
        putSolver(root, fit.method(), settings.standardize(), settings.l2(), settings.penaltyScale(),
                settings.tolerance(), fit.termination(),
                fit.iterations(), design);
        List<String> terms = design.terms();
        double[] theta = estimatesWithNa();
        ObjectNode coefficients = root.putObject("coefficients");
        ObjectNode oddsRatios = root.putObject("oddsRatios");
        for (int j = 0; j < terms.size(); j++) {
            putNumber(coefficients, terms.get(j), theta[j]);
            putNumber(oddsRatios, terms.get(j), Math.exp(theta[j]));
        }
        putStrings(root, "aliased", fit.aliased());
        root.put("separation", fit.separation());
        putStrings(root, "divergingTerms", fit.divergingTerms());
        root.put("loss", fit.loss());
        root.put("maxAbsGradient", fit.maxAbsGradient());
        inferenceJson(root, terms);
        putStrings(root, "warnings", warnings());
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
        putModelTests(root, inf.penalized(), inf::aic, inf::bic, inf::likelihoodRatio, inf::likelihoodRatioDf,
                inf::likelihoodRatioP);
    }

    /**
     * @param node an object to fill
     * @param terms its fields
     * @param values their values; non-finite ones become null
     */
    static void keyed(ObjectNode node, List<String> terms, double[] values) {
        for (int j = 0; j < terms.size(); j++) {
            putNumber(node, terms.get(j), values[j]);
        }
    }

    /**
     * @param node an object to fill
     * @param terms its fields
     * @param lower the lower limits; non-finite ones become null
     * @param upper the upper limits; likewise
     */
    static void intervals(ObjectNode node, List<String> terms, double[] lower, double[] upper) {
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

    /**
     * @param v numbers
     * @return their exponentials
     */
    static double[] exp(double[] v) {
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
        return jsonText(json());
    }

    /**
     * @param root a document
     * @return it as indented text with a final newline
     */
    static String jsonText(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
