package dev.logreg.objective;

/** The contract, for the fused kernel on three threads even for small problems (uneven row ranges). */
class FusedParallelBinaryObjectiveTest extends AbstractBinaryObjectiveTest {

    @Override
    BinaryObjective create(BinaryProblem problem) {
        return new FusedBinaryObjective(problem, 3, true);
    }
}
