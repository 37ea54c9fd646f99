package dev.logreg.objective;

/** The EJML implementation against the loop reference. */
class VectorizedAgainstReferenceTest extends AbstractAgainstReferenceTest {

    @Override
    BinaryObjective create(BinaryProblem problem) {
        return new VectorizedBinaryObjective(problem);
    }
}
