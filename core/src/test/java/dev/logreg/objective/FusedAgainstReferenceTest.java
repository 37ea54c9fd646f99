package dev.logreg.objective;

/** The fused kernel, as configured by default, against the loop reference. */
class FusedAgainstReferenceTest extends AbstractAgainstReferenceTest {

    @Override
    BinaryObjective create(BinaryProblem problem) {
        return new FusedBinaryObjective(problem);
    }
}
