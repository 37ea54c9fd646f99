package dev.logreg.objective;

/**
 * What every implementation of the binary and the multinomial loss shares: the checks of the
 * caller's buffers and the penalty, added to the data part that each implementation computes in its
 * own way, so that all of them agree on both. The data part is asked for in one of three forms (loss;
 * loss and gradient; loss, gradient and Hessian), which the one-pass kernels serve from one method.
 */
abstract class PenalizedObjective implements Objective {

    // The public methods are not final: javac then gives each public subclass bridges to them, so that
    // they can also be called by reflection from other packages.

    final Penalty penalty;
    private final int dimension;

    /**
     * @param problem the data
     * @param blocks the coefficient blocks of &theta; (1 for the binary model), each of n parameters
     */
    PenalizedObjective(ProblemData problem, int blocks) {
        Buffers.requireArgument(problem, "problem");
        this.penalty = new Penalty(problem.l2, problem.penaltyFactors, problem.cols, problem.interceptColumn);
        this.dimension = blocks * problem.cols;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double value(double[] theta) {
        Buffers.checkLength("theta", theta, dimension());
        return dataLoss(theta) + penalty.value(theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        int d = dimension();
        Buffers.checkLength("theta", theta, d);
        Buffers.checkLength("gradient", gradient, d);
        Buffers.checkDistinct(theta, gradient);
        double loss = dataLossGradient(theta, gradient);
        penalty.addGradient(theta, gradient);
        return loss + penalty.value(theta);
    }

    @Override
    public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
        int d = dimension();
        Buffers.checkLength("theta", theta, d);
        Buffers.checkLength("gradient", gradient, d);
        Buffers.checkLength("hessian", hessian, d * d);
        Buffers.checkDistinct(theta, gradient);
        Buffers.checkDistinct(theta, hessian);
        Buffers.checkDistinct(gradient, hessian);
        double loss = dataLossGradientHessian(theta, gradient, hessian);
        penalty.addGradient(theta, gradient);
        // H += lambda I', the intercepts unpenalized
        penalty.addHessian(hessian, d);
        return loss + penalty.value(theta);
    }

    /** The data loss (1/W) &Sigma; w<sub>i</sub> &#8467;<sub>i</sub>, without the penalty. */
    double dataLoss(double[] theta) {
        return pass(theta, null, null);
    }

    /** The data loss; writes the data part of the gradient. */
    double dataLossGradient(double[] theta, double[] gradient) {
        return pass(theta, gradient, null);
    }

    /** The data loss; writes the data parts of the gradient and of the full Hessian. */
    double dataLossGradientHessian(double[] theta, double[] gradient, double[] hessian) {
        return pass(theta, gradient, hessian);
    }

    /**
     * The data part in one pass over the rows, for the kernels that compute everything at once; the
     * others override the three methods above instead.
     *
     * @param theta the parameters
     * @param gradient where to write the gradient, or null for none
     * @param hessian where to write the Hessian, or null for none (with a gradient)
     * @return the data loss
     */
    double pass(double[] theta, double[] gradient, double[] hessian) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " computes its parts separately");
    }
}
