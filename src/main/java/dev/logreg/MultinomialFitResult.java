package dev.logreg;

import dev.logreg.solve.Iteration;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Termination;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link MultinomialRegression#fit}: the coefficients of each class, how the solver
 * got there, and any numerical trouble as warnings. Immutable.
 *
 * <p>The coefficient rows belong to the {@link #coefficientClasses() coefficient classes}: every
 * class but the reference in the reference parametrization (each row the log odds of its class
 * against the reference), every class in the symmetric one. Columns follow {@link #terms()}.
 */
public final class MultinomialFitResult {

    private final LogisticRegression.Method method;
    private final MultinomialRegression.Parametrization parametrization;
    private final boolean hasIntercept;
    private final double l2;
    private final List<String> classes;
    private final int reference;
    private final List<String> terms;
    private final double[][] coefficients;
    private final Solution solution;
    private final int[] aliased;
    private final int[][] diverging;
    private final Termination termination;
    private final List<String> warnings;
    private final MultinomialModel model;

    /**
     * @param coefficients one row per coefficient class, 0 at aliased columns
     * @param diverging (block, column) pairs of the coefficients that diverge under separation
     * @param extraWarnings warnings beyond the solver's, first
     */
    MultinomialFitResult(LogisticRegression.Method method, MultinomialRegression.Parametrization parametrization,
                         boolean hasIntercept, double l2, List<String> classes, int reference, List<String> terms,
                         double[][] coefficients, Solution solution, int[] aliased, int[][] diverging,
                         List<String> extraWarnings) {
        this.method = method;
        this.parametrization = parametrization;
        this.hasIntercept = hasIntercept;
        this.l2 = l2;
        this.classes = List.copyOf(classes);
        this.reference = reference;
        this.terms = List.copyOf(terms);
        this.coefficients = copy(coefficients);
        this.solution = solution;
        this.aliased = aliased.clone();
        this.diverging = new int[diverging.length][];
        for (int d = 0; d < diverging.length; d++) {
            this.diverging[d] = diverging[d].clone();
        }
        this.termination = Warnings.termination(solution.termination(), diverging.length > 0);
        List<String> all = new java.util.ArrayList<>(extraWarnings);
        if (diverging.length > 0) {
            boolean complete = solution.termination() == Termination.SEPARATION;
            all.add(Warnings.separation(solution.termination(), solution.iterations(), describe(divergingTerms()),
                    diverging.length));
            all.addAll(complete ? solution.warnings().subList(1, solution.warnings().size()) : solution.warnings());
        } else {
            all.addAll(solution.warnings());
        }
        this.warnings = List.copyOf(all);
        double[][] full = new double[classes.size()][];
        for (int k = 0; k < classes.size(); k++) {
            int block = block(k);
            full[k] = block < 0 ? new double[terms.size()] : coefficients[block];
        }
        this.model = new MultinomialModel(classes, hasIntercept, full);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private int block(int k) {
        if (reference < 0) {
            return k;
        }
        return k == reference ? -1 : (k < reference ? k : k - 1);
    }

    /** "class: term, term; class: term", at most {@link Warnings#NAMED} terms in all, then how many more. */
    private static String describe(Map<String, List<String>> terms) {
        List<String> parts = new java.util.ArrayList<>();
        int named = 0;
        int total = 0;
        for (Map.Entry<String, List<String>> e : terms.entrySet()) {
            total += e.getValue().size();
            int room = Math.min(e.getValue().size(), Warnings.NAMED - named);
            if (room > 0) {
                parts.add(e.getKey() + ": " + String.join(", ", e.getValue().subList(0, room)));
                named += room;
            }
        }
        return String.join("; ", parts) + (total > named ? " and " + (total - named) + " more" : "");
    }

    /** @return the optimizer that produced this fit */
    public LogisticRegression.Method method() {
        return method;
    }

    /** @return the parametrization of the coefficients */
    public MultinomialRegression.Parametrization parametrization() {
        return parametrization;
    }

    /** @return whether each class has an intercept */
    public boolean hasIntercept() {
        return hasIntercept;
    }

    /** @return the L2 penalty &lambda; (0 for maximum likelihood) */
    public double l2() {
        return l2;
    }

    /** @return all K class names, in label order */
    public List<String> classes() {
        return classes;
    }

    /** @return the reference class's name, or {@code null} for the symmetric parametrization */
    public String referenceClass() {
        return reference < 0 ? null : classes.get(reference);
    }

    /** @return the reference class's label, or &minus;1 for the symmetric parametrization */
    public int referenceIndex() {
        return reference;
    }

    /** @return the classes that own a row of {@link #coefficients()}, in label order */
    public List<String> coefficientClasses() {
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            if (k != reference) {
                names.add(classes.get(k));
            }
        }
        return List.copyOf(names);
    }

    /** @return the term names of each coefficient row: {@code (Intercept)} first when there is one */
    public List<String> terms() {
        return terms;
    }

    /** @return a copy of the coefficients, one row per coefficient class, one column per term */
    public double[][] coefficients() {
        return copy(coefficients);
    }

    /**
     * One class's coefficients.
     *
     * @param className a class name
     * @return a copy of its row; all zeros for the reference class
     * @throws IllegalArgumentException for an unknown class
     */
    public double[] coefficients(String className) {
        if (className == null) {
            throw new IllegalArgumentException("className is null");
        }
        int k = classes.indexOf(className);
        if (k < 0) {
            throw new IllegalArgumentException("no class '" + className + "': the classes are " + classes);
        }
        int block = block(k);
        return block < 0 ? new double[terms.size()] : coefficients[block].clone();
    }

    /**
     * @return all parameters as one vector, block after block (row-major {@link #coefficients()})
     */
    public double[] theta() {
        double[] theta = new double[coefficients.length * terms.size()];
        for (int c = 0; c < coefficients.length; c++) {
            System.arraycopy(coefficients[c], 0, theta, c * terms.size(), terms.size());
        }
        return theta;
    }

    /** @return the fitted model, for probabilities and predictions */
    public MultinomialModel model() {
        return model;
    }

    /** @return true when max|g| reached the tolerance at a finite optimum */
    public boolean converged() {
        return termination == Termination.CONVERGED;
    }

    /**
     * @return why the fit stopped: {@link Termination#SEPARATION} when the loss proved complete separation
     *         or the solver met its tolerance on quasi-separated data; otherwise the solver's reason
     */
    public Termination termination() {
        return termination;
    }

    /** @return the names of the aliased columns, dropped from every class; empty when penalized */
    public List<String> aliased() {
        List<String> names = new java.util.ArrayList<>();
        for (int j : aliased) {
            names.add(terms.get(j));
        }
        return List.copyOf(names);
    }

    /** @return the indices of the aliased columns, increasing (a copy) */
    public int[] aliasedIndices() {
        return aliased.clone();
    }

    /**
     * @return true if the classes are separated (completely or quasi-completely), as proved by the loss
     *         or by a direction verified row by row: no finite MLE exists; also when the solver stopped
     *         first for another reason ({@link #termination()} says which)
     */
    public boolean separation() {
        return termination == Termination.SEPARATION || diverging.length > 0;
    }

    /**
     * @return under separation, the diverging coefficients: coefficient class &rarr; term names, in
     *         label and term order; empty if none
     */
    public Map<String, List<String>> divergingTerms() {
        List<String> owners = coefficientClasses();
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int[] d : diverging) {
            map.computeIfAbsent(owners.get(d[0]), key -> new java.util.ArrayList<>()).add(terms.get(d[1]));
        }
        Map<String, List<String>> frozen = new java.util.LinkedHashMap<>();
        map.forEach((key, value) -> frozen.put(key, List.copyOf(value)));
        return java.util.Collections.unmodifiableMap(frozen);
    }

    /** @return iterations taken */
    public int iterations() {
        return solution.iterations();
    }

    /** @return the final value of J (mean cross-entropy plus penalty) */
    public double loss() {
        return solution.loss();
    }

    /** @return max|&nabla;J| at the final parameters */
    public double maxAbsGradient() {
        return solution.maxAbsGradient();
    }

    /** @return the convergence trace, starting point first; unmodifiable */
    public List<Iteration> trace() {
        return solution.trace();
    }

    /** @return warnings, empty for a clean fit; unmodifiable */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "MultinomialFitResult[method=" + method + ", parametrization=" + parametrization + ", termination="
                + termination + ", iterations=" + iterations() + ", loss=" + loss() + ", maxAbsGradient="
                + maxAbsGradient() + ", classes=" + classes + ", coefficients="
                + java.util.Arrays.deepToString(coefficients) + "]";
    }
}
