/**
 * Numerically stable scalar and vector functions of the logistic and softmax models:
 * {@link dev.logreg.math.Logistic} (sigmoid, softplus, cross-entropy, logit, odds, log-odds), finite and
 * accurate for arguments of any magnitude, and {@link dev.logreg.math.Softmax} (log-sum-exp and
 * softmax, the largest logit subtracted first, so nothing overflows).
 *
 * <p>This is the bottom layer of the engine under {@link dev.logreg}'s API. Its types are public
 * because the objective layer, the root package and the validation use them, with no promise of
 * stability beyond the root package's. It depends on the JDK alone and must not import any other
 * package of the library.
 */
package dev.logreg.math;
