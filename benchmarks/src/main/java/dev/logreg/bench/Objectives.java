package dev.logreg.bench;

import dev.logreg.objective.Objective;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.objective.LoopBinaryObjective;
import dev.logreg.objective.VectorizedBinaryObjective;

/** The objective implementations under test, by the names used in {@code @Param impl}. */
final class Objectives {

    /** {@link VectorizedBinaryObjective}: EJML matrix operations. */
    static final String EJML = "ejml";
    /** {@link LoopBinaryObjective}: the plain-loop reference. */
    static final String LOOP = "loop";
    /** {@link FusedBinaryObjective}: one fused, multi-threaded pass (threads = available processors). */
    static final String FUSED = "fused";

    private Objectives() {
    }

    static Objective create(String impl, BinaryProblem problem) {
        switch (impl) {
            case EJML:
                return new VectorizedBinaryObjective(problem);
            case LOOP:
                return new LoopBinaryObjective(problem);
            case FUSED:
                return fused(problem);
            default:
                throw new IllegalArgumentException("impl must be ejml, loop or fused, got " + impl);
        }
    }

    /** The fast objective every solver benchmark runs on: one thread per available processor. */
    static Objective fused(BinaryProblem problem) {
        return new FusedBinaryObjective(problem);
    }
}
