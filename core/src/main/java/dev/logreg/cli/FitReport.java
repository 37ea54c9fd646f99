package dev.logreg.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logreg.BinomialFit;
import dev.logreg.Fit;
import dev.logreg.Inference;
import dev.logreg.Method;
import dev.logreg.MultinomialFit;
import dev.logreg.Parametrization;
import dev.logreg.TextTable;
import dev.logreg.data.Design;
import dev.logreg.solve.Iteration;
import dev.logreg.solve.Termination;
import dev.logreg.solve.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code fit} prints, for two classes or K: the library's {@link Fit#summary()} with the lines
 * about the data after its title, or a JSON document with a stable schema (README, section "JSON
 * output"). The static helpers (data lines, solver summary rows, JSON fields) are shared with
 * {@code compare}, {@code validate} and the demo.
 */
final class FitReport {

    /** The JSON schema's name and version, the first field of every document. */
    static final String SCHEMA = "logreg.fit/1";

    private final Design design;
    private final Fit fit;
    private final Inference inference;

    /**
     * @param design the data the fit was made on
     * @param fit the fit
     * @param level the confidence level of the intervals
     */
    FitReport(Design design, Fit fit, double level) {
        this.design = design;
        this.fit = fit;
        this.inference = fit.inference(level);
    }

    static String solverName(Method method) {
        return method == Method.NEWTON ? "newton" : "gd";
    }

    /**
     * Appends the lines that every report about a design has after its title: Model, then Event (binary)
     * or Target (multinomial: the classes), then Data.
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
    static String[] summary(Fit fit, long nanos) {
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

    /** @return the text report: the fit's summary with the data lines after its title */
    String text() {
        String summary = fit.summary(inference.level());
        int cut = summary.indexOf("\n\n") + 2;
        StringBuilder sb = new StringBuilder(summary.substring(0, cut));
        appendData(sb, design);
        return sb.append(summary.substring(cut)).toString();
    }

    /** @return the fit's warnings, then the inference's, as sentences */
    List<String> warnings() {
        List<String> all = new ArrayList<>();
        for (Warning w : fit.warnings()) {
            all.add(w.message());
        }
        for (Warning w : inference.warnings()) {
            all.add(w.message());
        }
        return all;
    }

    /**
     * @param warnings warnings
     * @return their messages
     */
    static List<String> messages(List<Warning> warnings) {
        List<String> out = new ArrayList<>();
        for (Warning w : warnings) {
            out.add(w.message());
        }
        return out;
    }

    /** A number with {@code digits} significant digits, as R's signif then format. */
    static String significant(double value, int digits) {
        return TextTable.significant(value, digits);
    }

    /** @return the JSON document */
    ObjectNode json() {
        boolean binomial = fit instanceof BinomialFit;
        MultinomialFit multinomial = binomial ? null : (MultinomialFit) fit;
        boolean symmetric = !binomial && multinomial.parametrization() == Parametrization.SYMMETRIC;
        ObjectNode root = JsonOutput.object();
        root.put("schema", SCHEMA);
        root.put("model", binomial ? "binomial" : "multinomial");
        root.put("link", binomial ? "logit" : "softmax");
        root.put("formula", design.formula());
        root.put("target", design.target());
        if (binomial) {
            root.put("event", design.event());
            putStrings(root, "classes", design.classes());
        } else {
            root.putNull("event");
            putStrings(root, "classes", fit.classes());
            root.put("parametrization", multinomial.parametrization().name().toLowerCase(Locale.ROOT));
            if (symmetric) {
                root.putNull("reference");
            } else {
                root.put("reference", multinomial.referenceClass());
            }
        }
        root.put("solver", solverName(fit.method()));
        root.put("standardized", fit.settings().standardize());
        root.put("l2", fit.l2());
        root.put("penaltyScale", fit.settings().penaltyScale().name().toLowerCase(Locale.ROOT));
        root.put("tolerance", fit.settings().tolerance());
        root.put("converged", fit.converged());
        root.put("termination", fit.termination().name());
        root.put("iterations", fit.iterations());
        root.put("nObs", design.observations());
        root.put("rowsDropped", design.rowsDropped());
        root.put("rowsZeroWeight", design.rowsWithZeroWeight());
        if (design.weightColumn() == null) {
            root.putNull("weights");
        } else {
            root.put("weights", design.weightColumn());
        }
        List<String> terms = fit.terms();
        putStrings(root, "terms", terms);
        List<String> classes = fit.coefficientClasses();
        double[][] theta = fit.coefficientsWithNa();
        double[][] exponentiated = new double[theta.length][];
        for (int c = 0; c < theta.length; c++) {
            exponentiated[c] = exp(theta[c]);
        }
        String ratios = binomial ? "oddsRatios" : "relativeRiskRatios";
        perClass(root.putObject("coefficients"), binomial, classes, terms, theta);
        if (symmetric) {
            root.putNull(ratios);
        } else {
            perClass(root.putObject(ratios), binomial, classes, terms, exponentiated);
        }
        putStrings(root, "aliased", fit.aliased());
        root.put("separation", fit.separation());
        if (binomial) {
            putStrings(root, "divergingTerms", fit.divergingTerms());
        } else {
            ObjectNode diverging = root.putObject("divergingTerms");
            for (Map.Entry<String, List<String>> e : multinomial.divergingCoefficients().entrySet()) {
                putStrings(diverging, e.getKey(), e.getValue());
            }
        }
        root.put("loss", fit.loss());
        root.put("maxAbsGradient", fit.maxAbsGradient());
        inferenceJson(root, binomial, classes, terms, binomial ? "oddsRatioIntervals" : "relativeRiskRatioIntervals");
        putStrings(root, "warnings", warnings());
        return root;
    }

    private void inferenceJson(ObjectNode root, boolean binomial, List<String> classes, List<String> terms,
                               String ratioIntervals) {
        Inference inf = inference;
        root.put("confidenceLevel", inf.level());
        if (inf.hasWald()) {
            root.putNull("inferenceNote");
            perClass(root.putObject("standardErrors"), binomial, classes, terms, blocks(inf.standardErrors()));
            perClass(root.putObject("z"), binomial, classes, terms, blocks(inf.z()));
            perClass(root.putObject("p"), binomial, classes, terms, blocks(inf.p()));
            double[][] lower = blocks(inf.lower());
            double[][] upper = blocks(inf.upper());
            ObjectNode intervals = root.putObject("confidenceIntervals");
            ObjectNode ratios = root.putObject(ratioIntervals);
            for (int c = 0; c < classes.size(); c++) {
                intervals(binomial ? intervals : intervals.putObject(classes.get(c)), terms, lower[c], upper[c]);
                intervals(binomial ? ratios : ratios.putObject(classes.get(c)), terms, exp(lower[c]), exp(upper[c]));
            }
        } else {
            root.put("inferenceNote", inf.reason());
            for (String field : List.of("standardErrors", "z", "p", "confidenceIntervals", ratioIntervals)) {
                root.putNull(field);
            }
        }
        root.put("logLikelihood", inf.logLikelihood());
        root.put("nullLogLikelihood", inf.nullLogLikelihood());
        root.put("deviance", inf.deviance());
        root.put("nullDeviance", inf.nullDeviance());
        if (binomial) {
            root.put("dfResidual", inf.dfResidual());
            root.put("dfNull", inf.dfNull());
        } else {
            root.put("parameters", inf.parameters());
        }
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

    /** The flat per-parameter values of the inference, one row per coefficient class. */
    private double[][] blocks(double[] values) {
        int p = fit.terms().size();
        double[][] out = new double[values.length / p][];
        for (int c = 0; c < out.length; c++) {
            out[c] = java.util.Arrays.copyOfRange(values, c * p, (c + 1) * p);
        }
        return out;
    }

    /** {term: value} for a binomial fit, {class: {term: value}} for a multinomial one; non-finite as null. */
    private static void perClass(ObjectNode node, boolean binomial, List<String> classes, List<String> terms,
                                 double[][] values) {
        for (int c = 0; c < classes.size(); c++) {
            keyed(binomial ? node : node.putObject(classes.get(c)), terms, values[c]);
        }
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
        return JsonOutput.text(json());
    }
}
