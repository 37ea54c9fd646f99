package dev.logreg.solve;

/**
 * One entry of a convergence trace: the state after {@code index} iterations and the step that
 * led there. Entry 0 is the starting point, with a zero step.
 *
 * @param index the iteration count k
 * @param loss J(&theta;<sub>k</sub>)
 * @param maxAbsGradient max<sub>j</sub>|g<sub>j</sub>(&theta;<sub>k</sub>)|
 * @param stepLength Newton: the line-search factor &alpha; taken on the direction (1 for a full
 *        step); gradient descent: the learning rate &eta; used
 * @param stepNorm &Vert;&theta;<sub>k</sub> &minus; &theta;<sub>k&minus;1</sub>&Vert;<sub>2</sub>
 * @param damping Newton: the damping &mu; added to the Hessian's diagonal (0 when the plain
 *        Newton direction was used); gradient descent: 0
 * @param evaluations objective evaluations (passes over the data) since the start
 * @param elapsedNanos time since the solver started, in nanoseconds
 */
public record Iteration(int index, double loss, double maxAbsGradient, double stepLength, double stepNorm,
                        double damping, int evaluations, long elapsedNanos) implements java.io.Serializable {
}
