package dev.logreg.objective;

/** The contract, for the EJML implementation. */
class VectorizedBinaryObjectiveTest extends AbstractBinaryObjectiveTest {

    @Override
    BinaryObjective create(BinaryProblem problem) {
        return new VectorizedBinaryObjective(problem);
    }
}
