package dev.logreg.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logreg.MultinomialFitResult;
import dev.logreg.MultinomialRegression;
import dev.logreg.data.Design;
import dev.logreg.stats.MultinomialInference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code fit} prints for a target with more than two classes: one coefficient block per
 * coefficient class (each against the reference class, or every class in the symmetric
 * parametrization) in the manner of {@link FitReport}, then the likelihoods, information criteria
 * and likelihood-ratio test as statsmodels' {@code MNLogit} reports them; or the JSON document of
 * schema {@value FitReport#SCHEMA} with {@code "model": "multinomial"} (README, "JSON output").
 */
final class MultinomialReport {

    private final Design design;
    private final MultinomialRegression settings;
    private final MultinomialFitResult fit;
    private final MultinomialInference inference;

    MultinomialReport(Design design, MultinomialRegression settings, MultinomialFitResult fit,
                      MultinomialInference inference) {
        this.design = design;
        this.settings = settings;
        this.fit = fit;
        this.inference = inference;
    }

    private boolean symmetric() {
        return fit.parametrization() == MultinomialRegression.Parametrization.SYMMETRIC;
    }

    /** @return the fit's warnings, then the inference's */
    List<String> warnings() {
        List<String> all = new ArrayList<>(fit.warnings());
        all.addAll(inference.warnings());
        return all;
    }

    /** @return the estimates, one row per coefficient class, NaN (NA) for aliased terms */
    private double[][] estimatesWithNa() {
        double[][] b = fit.coefficients();
        for (double[] row : b) {
            for (int j : fit.aliasedIndices()) {
                row[j] = Double.NaN;
            }
        }
        return b;
    }

    /** @return the heading of a coefficient class's block, without the colon */
    private String heading(String coefficientClass) {
        return symmetric() ? coefficientClass : coefficientClass + " (vs " + fit.referenceClass() + ")";
    }

    /** @return the text report, lines ending in newlines */
    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Multinomial logistic regression (softmax link, ")
                .append(symmetric() ? "symmetric parametrization" : "reference class " + fit.referenceClass())
                .append(")\n\n");
        FitReport.appendData(sb, design);
        FitReport.appendSolver(sb, fit.method(), settings.standardize(), fit.iterations(), fit.termination(),
                fit.maxAbsGradient(), settings.tolerance());
        FitReport.appendPenalty(sb, fit.l2(), settings.penaltyScale(), "the intercepts");
        int aliased = fit.aliasedIndices().length;
        if (aliased > 0) {
            sb.append("\nCoefficients: (").append(aliased).append(" not defined because of singularities,"
                    + " in every class)\n");
        }
        double[][] theta = estimatesWithNa();
        List<String> classes = fit.coefficientClasses();
        List<String> terms = fit.terms();
        double[][] se = inference.hasWald() ? inference.standardErrors() : null;
        double[][] z = inference.hasWald() ? inference.z() : null;
        double[][] p = inference.hasWald() ? inference.p() : null;
        for (int c = 0; c < classes.size(); c++) {
            sb.append('\n').append(heading(classes.get(c))).append(":\n");
            sb.append(inference.hasWald()
                    ? FitReport.waldTable(terms, theta[c], se[c], z[c], p[c])
                    : new TextTable(terms).column("Estimate", theta[c], 4).render());
        }
        if (inference.hasWald()) {
            sb.append(FitReport.SIGNIF_CODES);
        } else {
            sb.append("(").append(inference.reason()).append(")\n");
        }
        MultinomialInference inf = inference;
        int nullParameters = inf.parameters() - inf.likelihoodRatioDf();
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "Log-likelihood: %s (df = %d)   Null log-likelihood: %s (df = %d)%n",
                FitReport.significant(inf.logLikelihood(), 7), inf.parameters(),
                FitReport.significant(inf.nullLogLikelihood(), 7), nullParameters));
        sb.append(String.format(Locale.ROOT, "Residual deviance: %s   Null deviance: %s%n",
                FitReport.significant(inf.deviance(), 5), FitReport.significant(inf.nullDeviance(), 5)));
        if (!inf.penalized()) {
            sb.append("AIC: ").append(FitReport.significant(inf.aic(), 5))
                    .append("   BIC: ").append(FitReport.significant(inf.bic(), 5)).append("   ");
        }
        sb.append("McFadden pseudo-R2: ").append(FitReport.significant(inf.pseudoR2(), 4)).append('\n');
        if (!inf.penalized()) {
            sb.append(FitReport.likelihoodRatioLine(inf.likelihoodRatio(), inf.likelihoodRatioDf(),
                    inf.likelihoodRatioP()));
        }
        FitReport.appendLossAndWarnings(sb, fit.loss(), fit.maxAbsGradient(), warnings());
        return sb.toString();
    }

    /** @return the JSON document */
    ObjectNode json() {
        ObjectNode root = FitReport.jsonHead("multinomial", "softmax", design);
        root.putNull("event");
        FitReport.putStrings(root, "classes", fit.classes());
        root.put("parametrization", fit.parametrization().name().toLowerCase(Locale.ROOT));
        if (symmetric()) {
            root.putNull("reference");
        } else {
            root.put("reference", fit.referenceClass());
        }
        FitReport.putSolver(root, fit.method(), settings.standardize(), fit.l2(), settings.penaltyScale(),
                settings.tolerance(),
                fit.termination(), fit.iterations(), design);
        List<String> classes = fit.coefficientClasses();
        List<String> terms = fit.terms();
        double[][] theta = estimatesWithNa();
        byClass(root.putObject("coefficients"), classes, terms, theta);
        if (symmetric()) {
            root.putNull("relativeRiskRatios");
        } else {
            double[][] rrr = new double[theta.length][];
            for (int c = 0; c < theta.length; c++) {
                rrr[c] = FitReport.exp(theta[c]);
            }
            byClass(root.putObject("relativeRiskRatios"), classes, terms, rrr);
        }
        FitReport.putStrings(root, "aliased", fit.aliased());
        root.put("separation", fit.separation());
        ObjectNode diverging = root.putObject("divergingTerms");
        for (Map.Entry<String, List<String>> e : fit.divergingTerms().entrySet()) {
            FitReport.putStrings(diverging, e.getKey(), e.getValue());
        }
        root.put("loss", fit.loss());
        root.put("maxAbsGradient", fit.maxAbsGradient());
        inferenceJson(root, classes, terms);
        FitReport.putStrings(root, "warnings", warnings());
        return root;
    }

    private void inferenceJson(ObjectNode root, List<String> classes, List<String> terms) {
        MultinomialInference inf = inference;
        root.put("confidenceLevel", inf.level());
        if (inf.hasWald()) {
            root.putNull("inferenceNote");
            byClass(root.putObject("standardErrors"), classes, terms, inf.standardErrors());
            byClass(root.putObject("z"), classes, terms, inf.z());
            byClass(root.putObject("p"), classes, terms, inf.p());
            double[][] lower = inf.lower();
            double[][] upper = inf.upper();
            ObjectNode intervals = root.putObject("confidenceIntervals");
            ObjectNode rrrIntervals = root.putObject("relativeRiskRatioIntervals");
            for (int c = 0; c < classes.size(); c++) {
                FitReport.intervals(intervals.putObject(classes.get(c)), terms, lower[c], upper[c]);
                FitReport.intervals(rrrIntervals.putObject(classes.get(c)), terms, FitReport.exp(lower[c]),
                        FitReport.exp(upper[c]));
            }
        } else {
            root.put("inferenceNote", inf.reason());
            for (String field : List.of("standardErrors", "z", "p", "confidenceIntervals",
                    "relativeRiskRatioIntervals")) {
                root.putNull(field);
            }
        }
        root.put("logLikelihood", inf.logLikelihood());
        root.put("nullLogLikelihood", inf.nullLogLikelihood());
        root.put("deviance", inf.deviance());
        root.put("nullDeviance", inf.nullDeviance());
        root.put("parameters", inf.parameters());
        root.put("pseudoR2", inf.pseudoR2());
        FitReport.putModelTests(root, inf.penalized(), inf::aic, inf::bic, inf::likelihoodRatio,
                inf::likelihoodRatioDf, inf::likelihoodRatioP);
    }

    /** Fills {@code node} with {class: {term: value}}, non-finite values as null. */
    private static void byClass(ObjectNode node, List<String> classes, List<String> terms, double[][] values) {
        for (int c = 0; c < classes.size(); c++) {
            FitReport.keyed(node.putObject(classes.get(c)), terms, values[c]);
        }
    }

    /** @return the JSON document as indented text with a final newline */
    String jsonText() {
        return FitReport.jsonText(json());
    }
}
