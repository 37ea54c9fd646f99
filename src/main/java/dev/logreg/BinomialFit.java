package dev.logreg;

import java.util.List;

/**
 * A fit with two classes: one coefficient class, the event (label 1, or the second class name), whose
 * log-odds against the other class are &theta;&middot;(1, x). Besides what every {@link Fit} has: the
 * intercept and the feature coefficients apart, and the {@link LogisticModel} for predictions.
 */
public final class BinomialFit extends Fit {

    private final LogisticModel model;

    BinomialFit(FitPipeline.Outcome outcome) {
        super(outcome);
        double[] theta = outcome.coefficients()[0];
        boolean intercept = outcome.settings().intercept();
        this.model = LogisticModel.of(intercept ? theta[0] : 0.0,
                java.util.Arrays.copyOfRange(theta, intercept ? 1 : 0, theta.length));
    }

    @Override
    public boolean binomial() {
        return true;
    }

    /** @return the class whose probability the model gives: the second of {@link #classes()} */
    public String eventClass() {
        return classes().get(1);
    }

    @Override
    public List<String> coefficientClasses() {
        return List.of(eventClass());
    }

    /** @return &beta;<sub>0</sub>, or 0 for a model without intercept */
    public double intercept() {
        return model.intercept();
    }

    /** @return &beta;, one coefficient per feature, without the intercept (a copy) */
    public double[] featureCoefficients() {
        return model.featureCoefficients();
    }

    /** @return the fitted model, for predictions */
    public LogisticModel model() {
        return model;
    }
}
