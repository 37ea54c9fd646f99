package dev.logreg;

import dev.logreg.solve.Termination;
import dev.logreg.solve.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@link Fit#summary()}: for two classes in the manner of R's {@code summary.glm}, for K
 * in the manner of statsmodels' {@code MNLogit} summary, one coefficient block per coefficient class.
 * The first line names the model and a blank line follows it, so that a caller (the command line) can
 * put lines about the data there.
 */
final class Summary {

    /** R's legend of the significance stars, after the separator line. */
    static final String SIGNIF_CODES = "---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n";

    private Summary() {
    }

    static String of(Fit fit, Inference inference) {
        return fit instanceof MultinomialFit m ? multinomial(m, inference) : binomial((BinomialFit) fit, inference);
    }

    private static String binomial(BinomialFit fit, Inference inf) {
        StringBuilder sb = new StringBuilder();
        sb.append("Logistic regression (binomial family, logit link)\n\n");
        appendSolver(sb, fit);
        appendPenalty(sb, fit, "the intercept");
        if (fit.settings().hasOffset()) {
            sb.append("Offset: yes (user-supplied), in the linear predictor with coefficient 1; the model's"
                    + " predictions leave it out\n");
        }
        int aliased = fit.aliasedIndices().length;
        sb.append("\nCoefficients:").append(aliased == 0 ? "" : " (" + aliased + " not defined because of singularities)")
                .append('\n');
        List<String> terms = fit.terms();
        double[] theta = fit.coefficientsWithNa()[0];
        if (inf.hasWald()) {
            sb.append(waldTable(terms, theta, inf.standardErrors(), inf.z(), inf.p()));
            sb.append(SIGNIF_CODES);
        } else {
            sb.append(new TextTable(terms).column("Estimate", theta, 4).column("Odds ratio", exp(theta), 4).render());
            sb.append("(").append(inf.reason()).append(")\n");
        }
        sb.append("\n(Dispersion parameter for binomial family taken to be 1)\n\n");
        sb.append(String.format(Locale.ROOT, "    Null deviance: %s  on %d  degrees of freedom%n",
                TextTable.significant(inf.nullDeviance(), 5), inf.dfNull()));
        sb.append(String.format(Locale.ROOT, "Residual deviance: %s  on %d  degrees of freedom%n",
                TextTable.significant(inf.deviance(), 5), inf.dfResidual()));
        if (!inf.penalized()) {
            sb.append("AIC: ").append(TextTable.significant(inf.aic(), 5)).append('\n');
        }
        sb.append("\nNumber of ").append(fit.method() == Method.NEWTON ? "Newton" : "gradient descent")
                .append(" iterations: ").append(fit.iterations()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Log-likelihood: %s (df = %d)", TextTable.significant(inf.logLikelihood(), 7),
                inf.parameters()));
        if (!inf.penalized()) {
            sb.append("   BIC: ").append(TextTable.significant(inf.bic(), 5));
        }
        sb.append("   McFadden pseudo-R2: ").append(TextTable.significant(inf.pseudoR2(), 4)).append('\n');
        if (!inf.penalized()) {
            sb.append(likelihoodRatioLine(fit, inf));
        }
        if (inf.hasWald()) {
            String lo = percent((1 - inf.level()) / 2);
            String hi = percent(1 - (1 - inf.level()) / 2);
            sb.append(String.format(Locale.ROOT, "%nOdds ratios with %s Wald confidence intervals:%n",
                    percent(inf.level())));
            sb.append(new TextTable(terms)
                    .column("Odds ratio", exp(theta), 4)
                    .column(lo, inf.oddsRatioLower(), 4)
                    .column(hi, inf.oddsRatioUpper(), 4)
                    .render());
        }
        appendLossAndWarnings(sb, fit, inf);
        return sb.toString();
    }

    private static String multinomial(MultinomialFit fit, Inference inf) {
        boolean symmetric = fit.parametrization() == Parametrization.SYMMETRIC;
        StringBuilder sb = new StringBuilder();
        sb.append("Multinomial logistic regression (softmax link, ")
                .append(symmetric ? "symmetric parametrization" : "reference class " + fit.referenceClass())
                .append(")\n\n");
        appendSolver(sb, fit);
        appendPenalty(sb, fit, "the intercepts");
        int aliased = fit.aliasedIndices().length;
        if (aliased > 0) {
            sb.append("\nCoefficients: (").append(aliased).append(" not defined because of singularities,"
                    + " in every class)\n");
        }
        double[][] theta = fit.coefficientsWithNa();
        List<String> classes = fit.coefficientClasses();
        List<String> terms = fit.terms();
        int p = terms.size();
        double[] se = inf.hasWald() ? inf.standardErrors() : null;
        double[] z = inf.hasWald() ? inf.z() : null;
        double[] pv = inf.hasWald() ? inf.p() : null;
        for (int c = 0; c < classes.size(); c++) {
            String heading = symmetric ? classes.get(c) : classes.get(c) + " (vs " + fit.referenceClass() + ")";
            sb.append('\n').append(heading).append(":\n");
            sb.append(inf.hasWald()
                    ? waldTable(terms, theta[c], block(se, c, p), block(z, c, p), block(pv, c, p))
                    : new TextTable(terms).column("Estimate", theta[c], 4).render());
        }
        if (inf.hasWald()) {
            sb.append(SIGNIF_CODES);
        } else {
            sb.append("(").append(inf.reason()).append(")\n");
        }
        int nullParameters = inf.parameters() - (inf.dfNull() - inf.dfResidual());
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "Log-likelihood: %s (df = %d)   Null log-likelihood: %s (df = %d)%n",
                TextTable.significant(inf.logLikelihood(), 7), inf.parameters(),
                TextTable.significant(inf.nullLogLikelihood(), 7), nullParameters));
        sb.append(String.format(Locale.ROOT, "Residual deviance: %s   Null deviance: %s%n",
                TextTable.significant(inf.deviance(), 5), TextTable.significant(inf.nullDeviance(), 5)));
        if (!inf.penalized()) {
            sb.append("AIC: ").append(TextTable.significant(inf.aic(), 5))
                    .append("   BIC: ").append(TextTable.significant(inf.bic(), 5)).append("   ");
        }
        sb.append("McFadden pseudo-R2: ").append(TextTable.significant(inf.pseudoR2(), 4)).append('\n');
        if (!inf.penalized()) {
            sb.append(likelihoodRatioLine(fit, inf));
        }
        appendLossAndWarnings(sb, fit, inf);
        return sb.toString();
    }

    private static double[] block(double[] values, int c, int p) {
        return java.util.Arrays.copyOfRange(values, c * p, (c + 1) * p);
    }

    /** The Solver line: which optimizer, on which scale, how many iterations and how it ended. */
    private static void appendSolver(StringBuilder sb, Fit fit) {
        LogisticRegression s = fit.settings();
        sb.append("Solver: ").append(fit.method() == Method.NEWTON ? "Newton" : "gradient descent");
        if (s.standardize()) {
            sb.append(" on standardized features");
        }
        int iterations = fit.iterations();
        sb.append(", ").append(iterations).append(iterations == 1 ? " iteration" : " iterations")
                .append(", ").append(status(fit.termination(), fit.maxAbsGradient(), s.tolerance())).append('\n');
    }

    /** The Penalty line, when there is a penalty. */
    private static void appendPenalty(StringBuilder sb, Fit fit, String exempt) {
        LogisticRegression s = fit.settings();
        if (s.l2() > 0) {
            sb.append(String.format(Locale.ROOT, "Penalty: L2, lambda = %s, on the coefficients of the %s (not"
                    + " applied to %s)%n", s.l2(), s.penaltyScale() == PenaltyScale.STANDARDIZED
                            ? "standardized features (glmnet's convention)" : "features as given", exempt));
        }
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

    /** R's coefficient table: Estimate, Std. Error, z value, Pr(&gt;|z|) and the stars. */
    private static String waldTable(List<String> terms, double[] theta, double[] se, double[] z, double[] p) {
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

    /** The test against the null model: the intercept alone, or for a model without one no term at all. */
    private static String likelihoodRatioLine(Fit fit, Inference inf) {
        return String.format(Locale.ROOT, "Likelihood-ratio test against the %s: %s on %d df,"
                + " p = %s%n", fit.hasIntercept() ? "intercept-only model" : "model without terms",
                TextTable.significant(inf.likelihoodRatio(), 5), inf.likelihoodRatioDf(),
                TextTable.pValues(new double[] {inf.likelihoodRatioP()}, 4)[0]);
    }

    /**
     * @param fit a fit
     * @param inference its inference
     * @return the fit's warnings, then the inference's
     */
    static List<Warning> warnings(Fit fit, Inference inference) {
        List<Warning> all = new ArrayList<>(fit.warnings());
        all.addAll(inference.warnings());
        return all;
    }

    private static void appendLossAndWarnings(StringBuilder sb, Fit fit, Inference inf) {
        sb.append(String.format(Locale.ROOT, "%nLoss J(theta) = %.10g, max|gradient| = %.3g%n", fit.loss(),
                fit.maxAbsGradient()));
        List<Warning> warnings = warnings(fit, inf);
        if (!warnings.isEmpty()) {
            sb.append("\nWarnings:\n");
            for (Warning w : warnings) {
                sb.append("  ").append(w.message()).append('\n');
            }
        }
    }

    private static String percent(double fraction) {
        return TextTable.significant(100 * fraction, 4) + " %";
    }

    private static double[] exp(double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = Math.exp(v[j]);
        }
        return out;
    }
}
