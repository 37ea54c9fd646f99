package dev.logreg.objective;

/** The contract, for the loop reference. */
class LoopBinaryObjectiveTest extends AbstractBinaryObjectiveTest {

    @Override
    BinaryObjective create(BinaryProblem problem) {
        return new LoopBinaryObjective(problem);
    }
}
