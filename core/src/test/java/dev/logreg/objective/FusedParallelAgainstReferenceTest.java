package dev.logreg.objective;

/** The fused kernel on three threads for every shape (1 row upward) against the loop reference. */
class FusedParallelAgainstReferenceTest extends AbstractAgainstReferenceTest {

    @Override
    BinaryObjective create(BinaryProblem problem) {
        return new FusedBinaryObjective(problem, 3, true);
    }
}
