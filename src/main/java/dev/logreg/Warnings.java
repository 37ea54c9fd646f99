package dev.logreg;

import dev.logreg.solve.Termination;
import java.util.List;

/**
 * The words of the fits' warnings about aliasing and separation, shared by the binary and the
 * multinomial results, and the rule that decides a result's termination under separation.
 */
final class Warnings {

    /** A warning names at most this many terms, then says how many more there are (the results list all). */
    static final int NAMED = 5;

    private Warnings() {
    }

    /**
     * @param names term names
     * @return the first {@link #NAMED} of them, comma-separated, then "and N more" if there are more
     */
    static String terms(List<String> names) {
        if (names.size() <= NAMED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }

    /**
     * A result's termination: the solver's, except that a solver that met its tolerance on data shown to
     * be separated did not find an optimum (there is none) and the result says {@link Termination#SEPARATION}.
     * A solver that ran out of iterations or made no progress says so, also when the data are separated:
     * that is why it stopped, and separation is reported beside it.
     *
     * @param solver why the solver stopped
     * @param separated whether separation was certified after the solve
     * @return the result's termination
     */
    static Termination termination(Termination solver, boolean separated) {
        return separated && solver == Termination.CONVERGED ? Termination.SEPARATION : solver;
    }

    /**
     * @param solver why the solver stopped
     * @param iterations its iterations
     * @param diverging the diverging coefficients, in words (already shortened)
     * @param count how many coefficients diverge
     * @return the warning that states the separation and what the result is
     */
    static String separation(Termination solver, int iterations, String diverging, int count) {
        boolean complete = solver == Termination.SEPARATION;
        String what = (complete ? "complete" : "quasi-complete") + " separation: fitted probabilities of 0 or 1"
                + " occur along a direction no observation contradicts (verified row by row), so the"
                + " maximum-likelihood estimate does not exist; the " + (count == 1 ? "coefficient of " : count
                + " coefficients of ") + diverging + (count == 1 ? " diverges." : " diverge.");
        String stop = switch (solver) {
            case CONVERGED, SEPARATION -> " Stopped with finite coefficients after " + iterations + " iterations;"
                    + " the others are estimated given these.";
            default -> " The solver stopped for another reason first (" + solver + " after " + iterations
                    + " iterations): its coefficients are its last iterate, perhaps far from where the fit would"
                    + " stop on the separation.";
        };
        return what + stop + " An L2 penalty gives a finite fit.";
    }
}
