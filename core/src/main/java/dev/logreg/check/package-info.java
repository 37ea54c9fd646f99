/**
 * Validation against Apache Commons Math: {@link dev.logreg.check.Validation#run} fits one model
 * with this library's Newton solver, with an independent Newton/IRLS on Commons Math's linear
 * algebra, and with Commons Math's nonlinear conjugate gradient optimizer on this library's
 * objective, and reports in a {@link dev.logreg.check.ValidationReport} how far apart the three
 * results are.
 */
package dev.logreg.check;
