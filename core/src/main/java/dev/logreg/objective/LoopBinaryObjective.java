package dev.logreg.objective;

import dev.logreg.math.Logistic;

/**
 * The reference implementation of {@link BinaryObjective}: the formulas written as plain loops
 * over {@code double[]}, one row at a time, with no library calls and no cleverness. It is the
 * oracle that every faster implementation is tested against; it is not meant to be fast.
 */
public final class LoopBinaryObjective extends BinaryObjective {

    /**
     * @param problem the data
     */
    public LoopBinaryObjective(BinaryProblem problem) {
        super(problem);
        problem.array(); // this implementation reads one array in memory, not a source
    }

    @Override
    double dataLoss(double[] theta) {
        BinaryProblem p = problem;
        double sum = 0;
        for (int i = 0; i < p.rows; i++) {
            double z = linearPredictor(i, theta);
            sum += p.w[i] * Logistic.crossEntropy(z, p.y[i]);
        }
        return sum / p.totalWeight;
    }

    @Override
    double dataLossGradient(double[] theta, double[] gradient) {
        BinaryProblem p = problem;
        int n = p.cols;
        java.util.Arrays.fill(gradient, 0.0);
        double sum = 0;
        for (int i = 0; i < p.rows; i++) {
            double z = linearPredictor(i, theta);
            sum += p.w[i] * Logistic.crossEntropy(z, p.y[i]);
            double r = p.w[i] * (Logistic.sigmoid(z) - p.y[i]);
            for (int j = 0; j < n; j++) {
                gradient[j] += p.x[i * n + j] * r;
            }
        }
        for (int j = 0; j < n; j++) {
            gradient[j] /= p.totalWeight;
        }
        return sum / p.totalWeight;
    }

    @Override
    double dataLossGradientHessian(double[] theta, double[] gradient, double[] hessian) {
        BinaryProblem p = problem;
        int n = p.cols;
        java.util.Arrays.fill(gradient, 0.0);
        java.util.Arrays.fill(hessian, 0.0);
        double sum = 0;
        for (int i = 0; i < p.rows; i++) {
            double z = linearPredictor(i, theta);
            sum += p.w[i] * Logistic.crossEntropy(z, p.y[i]);
            double r = p.w[i] * (Logistic.sigmoid(z) - p.y[i]);
            double d = p.w[i] * Logistic.sigmoidDerivative(z);
            for (int j = 0; j < n; j++) {
                double xij = p.x[i * n + j];
                gradient[j] += xij * r;
                for (int k = 0; k < n; k++) {
                    hessian[j * n + k] += xij * d * p.x[i * n + k];
                }
            }
        }
        for (int j = 0; j < n; j++) {
            gradient[j] /= p.totalWeight;
        }
        for (int jk = 0; jk < n * n; jk++) {
            hessian[jk] /= p.totalWeight;
        }
        return sum / p.totalWeight;
    }

    /** z<sub>i</sub> = x<sub>i</sub><sup>T</sup>&theta; + o<sub>i</sub> (o<sub>i</sub> = 0 without offsets) */
    private double linearPredictor(int i, double[] theta) {
        int n = problem.cols;
        double z = 0;
        for (int j = 0; j < n; j++) {
            z += problem.x[i * n + j] * theta[j];
        }
        if (problem.offsets != null) {
            z += problem.offsets[i];
        }
        return z;
    }
}
