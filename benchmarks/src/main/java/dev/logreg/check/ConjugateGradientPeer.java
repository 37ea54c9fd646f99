package dev.logreg.check;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.Objective;

/**
 * The benchmarks' door to the validation's Commons Math conjugate gradient, which the library keeps
 * package-private: this class lives in the same package, in the benchmarks' own jar.
 */
public final class ConjugateGradientPeer {

    /**
     * One run.
     *
     * @param theta the last iterate
     * @param iterations iterations over all rounds
     * @param evaluations evaluations of the loss and gradient
     * @param converged whether max|g| reached the tolerance
     */
    public record Run(double[] theta, int iterations, int evaluations, boolean converged) {
    }

    private ConjugateGradientPeer() {
    }

    /**
     * @param problem the data
     * @param objective the library's objective on them, whose gradient the stopping rule reads
     * @param tolerance the tolerance on max|g|
     * @return the run
     */
    public static Run minimize(BinaryProblem problem, Objective objective, double tolerance) {
        CommonsMathConjugateGradient.Result r = new CommonsMathConjugateGradient(problem, objective, tolerance).minimize();
        return new Run(r.theta(), r.iterations(), r.evaluations(), r.converged());
    }
}
