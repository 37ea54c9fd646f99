package dev.logreg.objective;

/** The contract, for the fused kernel on one thread. */
class FusedBinaryObjectiveTest extends AbstractBinaryObjectiveTest {

    @Override
    BinaryObjective create(BinaryProblem problem) {
        return new FusedBinaryObjective(problem, 1);
    }
}
