package dev.logreg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logreg.FitResult;
import dev.logreg.LogisticRegression;
import dev.logreg.data.Design;
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

    FitReport(Design design, LogisticRegression settings, FitResult fit) {
        this.design = design;
        this.settings = settings;
        this.fit = fit;
    }

    static String solverName(LogisticRegression.Method method) {
        return method == LogisticRegression.Method.NEWTON ? "newton" : "gd";
    }

    private static String solverTitle(LogisticRegression.Method method) {
        return method == LogisticRegression.Method.NEWTON ? "Newton" : "gradient descent";
    }

    /** @return the text report, lines ending in newlines */
    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Logistic regression (binomial family, logit link)\n\n");
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
        sb.append("\nCoefficients:\n");
        double[] theta = fit.theta();
        double[] odds = new double[theta.length];
        for (int j = 0; j < theta.length; j++) {
            odds[j] = Math.exp(theta[j]);
        }
        sb.append(new TextTable(design.terms())
                .column("Estimate", theta, 4)
                .column("Odds ratio", odds, 4)
                .render());
        sb.append(String.format(Locale.ROOT, "%nLoss J(theta) = %.10g, max|gradient| = %.3g%n",
                fit.loss(), fit.maxAbsGradient()));
        if (!fit.warnings().isEmpty()) {
            sb.append("\nWarnings:\n");
            for (String w : fit.warnings()) {
                sb.append("  ").append(w).append('\n');
            }
        }
        return sb.toString();
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
        double[] theta = fit.theta();
        ObjectNode coefficients = root.putObject("coefficients");
        ObjectNode oddsRatios = root.putObject("oddsRatios");
        for (int j = 0; j < terms.size(); j++) {
            coefficients.put(terms.get(j), theta[j]);
            putNumber(oddsRatios, terms.get(j), Math.exp(theta[j]));
        }
        root.put("loss", fit.loss());
        root.put("maxAbsGradient", fit.maxAbsGradient());
        ArrayNode warnings = root.putArray("warnings");
        fit.warnings().forEach(warnings::add);
        return root;
    }

    /** JSON has no infinities: one (an odds ratio beyond 1.8e308) is written as null. */
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
