package dev.logreg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fit with K classes and softmax probabilities: C = K &minus; 1 coefficient classes, each the log odds
 * of its class against the {@linkplain #referenceClass() reference}, in the reference parametrization;
 * all K classes, with intercepts centred to sum to zero, in the symmetric one. Besides what every
 * {@link Fit} has: the parametrization, one class's coefficients by name, and the
 * {@link MultinomialModel} for predictions.
 */
public final class MultinomialFit extends Fit {

    private final Parametrization parametrization;
    private final int reference;
    private final double[][] full;
    private MultinomialModel model;

    MultinomialFit(FitPipeline.Outcome outcome, Parametrization parametrization, int reference) {
        super(outcome);
        this.parametrization = parametrization;
        this.reference = reference;
        this.full = MultinomialModel.expand(outcome.coefficients(), outcome.classes().size(), reference,
                outcome.terms().size());
    }

    private int block(int k) {
        if (reference < 0) {
            return k;
        }
        return k == reference ? -1 : (k < reference ? k : k - 1);
    }

    @Override
    public boolean binomial() {
        return false;
    }

    /** @return the parametrization of the coefficients */
    public Parametrization parametrization() {
        return parametrization;
    }

    /** @return the reference class's name, or {@code null} for the symmetric parametrization */
    public String referenceClass() {
        return reference < 0 ? null : classes().get(reference);
    }

    /** @return the reference class's label, or &minus;1 for the symmetric parametrization */
    public int referenceIndex() {
        return reference;
    }

    @Override
    public List<String> coefficientClasses() {
        return MultinomialModel.coefficientClasses(classes(), reference);
    }

    /**
     * One class's coefficients.
     *
     * @param className a class name
     * @return a copy of its row, the intercept first; all zeros for the reference class
     * @throws IllegalArgumentException for an unknown class
     */
    public double[] coefficientsWithIntercept(String className) {
        if (className == null) {
            throw new IllegalArgumentException("className is null");
        }
        int k = classes().indexOf(className);
        if (k < 0) {
            throw new IllegalArgumentException("no class '" + className + "': the classes are " + classes());
        }
        int block = block(k);
        return block < 0 ? new double[terms().size()] : coefficientsWithIntercept()[block];
    }

    /**
     * @return under separation, the diverging coefficients: coefficient class &rarr; term names, in label
     *         and term order; empty if none
     */
    public Map<String, List<String>> divergingCoefficients() {
        List<String> owners = coefficientClasses();
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int[] d : diverging()) {
            map.computeIfAbsent(owners.get(d[0]), key -> new ArrayList<>()).add(terms().get(d[1]));
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        map.forEach((key, value) -> frozen.put(key, List.copyOf(value)));
        return Collections.unmodifiableMap(frozen);
    }

    @Override
    public synchronized MultinomialModel model() {
        if (model == null) {
            model = new MultinomialModel(full, parametrization, reference, modelHeader());
        }
        return model;
    }
}
