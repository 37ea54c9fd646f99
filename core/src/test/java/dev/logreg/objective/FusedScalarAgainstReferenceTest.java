package dev.logreg.objective;

/** The fused kernel with plain loops (no Vector API), on three threads for every shape, against the loop reference. */
class FusedScalarAgainstReferenceTest extends AbstractAgainstReferenceTest {

    @Override
    BinaryObjective create(BinaryProblem problem) {
        return new FusedBinaryObjective(problem, 3, true, null);
    }
}
