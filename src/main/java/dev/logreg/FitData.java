package dev.logreg;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.DesignMatrix;
import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.objective.FusedMultinomialObjective;
import dev.logreg.objective.MultinomialProblem;
import dev.logreg.objective.Objective;

/**
 * One fit's data as the pipeline sees it, for two classes or K: a row-major model matrix (owned by the
 * pipeline, possibly rescaled in place), labels, normalized prior weights, the penalty, and the fused
 * kernel that computes the loss, gradient and Hessian. Every step after the caller's checks (aliasing,
 * standardization, the solve, the separation check, the inference) reads the data through this class,
 * so that none of them exists twice. The binary model is the one-block case of the multinomial one,
 * with class 0 as the reference; it keeps its own, faster, kernel.
 */
abstract sealed class FitData permits FitData.Binary, FitData.Multinomial {

    /** The model matrix, checked finite when the pipeline copied it. */
    final DesignMatrix matrix;
    /** Its array. */
    final double[] design;
    final int rows;
    final int cols;
    final boolean intercept;
    final double l2;
    /** Prior weights divided by 2<sup>{@link #weightExponent}</sup>, or null for ones. */
    final double[] weights;
    /** The power of two the caller's weights were divided by (exactly); 0 without weights. */
    final int weightExponent;
    /** Per-column penalty factors, or null for ones. */
    final double[] factors;
    /** W, as the problem summed it. */
    private double totalWeight;

    private FitData(DesignMatrix matrix, boolean intercept, double l2, double[] weights, int weightExponent,
                    double[] factors) {
        this.matrix = matrix;
        this.design = matrix.data();
        this.rows = matrix.rows();
        this.cols = matrix.cols();
        this.intercept = intercept;
        this.l2 = l2;
        this.weights = weights;
        this.weightExponent = weightExponent;
        this.factors = factors;
    }

    /** Records W once the subclass's problem has validated the weights and summed them. */
    final void setTotalWeight(double value) {
        this.totalWeight = value;
    }

    /** @return C, the coefficient blocks: 1 for the binary model */
    abstract int blocks();

    /** @return K, the classes */
    abstract int classes();

    /** @return the number of parameters, C&middot;n */
    final int dimension() {
        return blocks() * cols;
    }

    /** @return the class of row i, in [0, K) */
    abstract int label(int i);

    /** @return the normalized weight of row i */
    final double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    /** @return the sum of the normalized weights, W */
    final double totalWeight() {
        return totalWeight;
    }

    /** @return element (i, j) of the model matrix */
    final double x(int i, int j) {
        return design[i * cols + j];
    }

    /** Writes the K logits of row i at &theta; into z (the reference class's is 0). */
    abstract void logits(int i, double[] theta, double[] z);

    /**
     * @param theta parameters, length C&middot;n
     * @return the largest range (max minus min) of a row's K logits over the rows of positive weight:
     *         how close some fitted probability comes to 0 or 1. From the {@link #kernel()}'s pass when its
     *         last one was at &theta; (as after a solve), else by one pass of the loss.
     */
    abstract double largestLogitRange(double[] theta);

    /**
     * @return the fused kernel the fit solves with, made once for these data; not thread-safe, so only
     *         the fit's own thread uses it (the inference makes its own with {@link #objective()})
     */
    abstract Objective kernel();

    /** @return the fused kernel on these data (a new instance: it is not thread-safe) */
    abstract Objective objective();

    /** @return the same labels and weights on other columns (a model matrix the caller hands over) */
    abstract FitData withColumns(DesignMatrix matrix, double[] factors);

    /** @return the loss below which the data are proved completely separated (0 with a penalty) */
    abstract double separationLevel();

    /** @return whether the log-likelihood counts round(w) trials per row, as R's binomial family does */
    abstract boolean binomial();

    /** @return the reference class, whose logit is 0, or &minus;1 for the symmetric parametrization */
    abstract int reference();

    /** The binary model: labels 0 and 1, class 1 the event. */
    static final class Binary extends FitData {
        final BinaryProblem problem;
        private FusedBinaryObjective kernel;

        Binary(DesignMatrix matrix, boolean intercept, double[] labels, double l2, double[] weights,
               int weightExponent, double[] factors) {
            super(matrix, intercept, l2, weights, weightExponent, factors);
            this.problem = new BinaryProblem(matrix, labels, weights, l2, intercept ? 0 : -1, factors);
            setTotalWeight(problem.totalWeight());
        }

        private Binary(Binary base, DesignMatrix matrix, double[] factors) {
            super(matrix, base.intercept, base.l2, base.weights, base.weightExponent, factors);
            double[] labels = new double[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = base.problem.label(i);
            }
            this.problem = new BinaryProblem(matrix, labels, weights, l2, intercept ? 0 : -1, factors);
            setTotalWeight(problem.totalWeight());
        }

        @Override
        int blocks() {
            return 1;
        }

        @Override
        int classes() {
            return 2;
        }

        @Override
        int label(int i) {
            return (int) problem.label(i);
        }

        @Override
        void logits(int i, double[] theta, double[] z) {
            z[0] = 0;
            z[1] = dot(i, theta);
        }

        @Override
        double largestLogitRange(double[] theta) {
            return kernel().largestLogitRange(theta);
        }

        @Override
        FusedBinaryObjective kernel() {
            if (kernel == null) {
                kernel = new FusedBinaryObjective(problem);
            }
            return kernel;
        }

        private double dot(int i, double[] theta) {
            double s = 0;
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                s += design[base + j] * theta[j];
            }
            return s;
        }

        @Override
        Objective objective() {
            return new FusedBinaryObjective(problem);
        }

        @Override
        FitData withColumns(DesignMatrix matrix, double[] factors) {
            return new Binary(this, matrix, factors);
        }

        @Override
        boolean binomial() {
            return true;
        }

        @Override
        int reference() {
            return 0;
        }

        @Override
        double separationLevel() {
            return problem.separationLevel();
        }
    }

    /** The multinomial model: K classes, C = K &minus; 1 blocks against a reference, or K symmetric ones. */
    static final class Multinomial extends FitData {
        final MultinomialProblem problem;
        private FusedMultinomialObjective kernel;
        private final int[] labels;
        private final int reference;

        Multinomial(DesignMatrix matrix, boolean intercept, int[] labels, int classes, int reference,
                    double l2, double[] weights, int weightExponent, double[] factors) {
            super(matrix, intercept, l2, weights, weightExponent, factors);
            this.labels = labels;
            this.reference = reference;
            this.problem = new MultinomialProblem(matrix, labels, weights, l2, intercept ? 0 : -1, classes,
                    reference, factors);
            setTotalWeight(problem.totalWeight());
        }

        @Override
        int blocks() {
            return problem.blocks();
        }

        @Override
        int classes() {
            return problem.classes();
        }

        @Override
        int label(int i) {
            return problem.label(i);
        }

        @Override
        void logits(int i, double[] theta, double[] z) {
            problem.logits(i, theta, z);
        }

        @Override
        Objective objective() {
            return new FusedMultinomialObjective(problem);
        }

        @Override
        double largestLogitRange(double[] theta) {
            return kernel().largestLogitRange(theta);
        }

        @Override
        FusedMultinomialObjective kernel() {
            if (kernel == null) {
                kernel = new FusedMultinomialObjective(problem);
            }
            return kernel;
        }

        @Override
        FitData withColumns(DesignMatrix matrix, double[] factors) {
            return new Multinomial(matrix, intercept, labels, problem.classes(), reference, l2, weights,
                    weightExponent, factors);
        }

        @Override
        boolean binomial() {
            return false;
        }

        @Override
        int reference() {
            return reference;
        }

        @Override
        double separationLevel() {
            return problem.separationLevel();
        }
    }
}
