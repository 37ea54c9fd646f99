package dev.logreg;

import java.util.List;

/**
 * A fit with two classes: one coefficient class, the event (label 1, or the second class name), whose
 * log-odds against the other class are &theta;&middot;(1, x). Besides what every {@link Fit} has: the
 * intercept and the feature coefficients apart, and the {@link LogisticModel} for predictions.
 */
public final class BinomialFit extends Fit {

    private final double intercept;
    private final double[] features;
    private LogisticModel model;

    BinomialFit(FitPipeline.Outcome outcome) {
        super(outcome);
        double[] theta = outcome.coefficients()[0];
        boolean hasIntercept = outcome.settings().intercept();
        this.intercept = hasIntercept ? theta[0] : 0.0;
        this.features = java.util.Arrays.copyOfRange(theta, hasIntercept ? 1 : 0, theta.length);
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
        return intercept;
    }

    /** @return &beta;, one coefficient per feature, without the intercept (a copy) */
    public double[] featureCoefficients() {
        return features.clone();
    }

    /**
     * @return the fitted model, P(y = 1 | x) = &sigma;(&beta;<sub>0</sub> + x&middot;&beta;): for a fit with an
     *         offset, {@code model().probability(x)} excludes it (the offset is data, not a parameter)
     */
    @Override
    public synchronized LogisticModel model() {
        if (model == null) {
            model = new LogisticModel(intercept, features, modelHeader());
        }
        return model;
    }
}
