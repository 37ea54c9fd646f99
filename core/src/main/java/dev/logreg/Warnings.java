package dev.logreg;

import dev.logreg.solve.Termination;
import java.util.List;

/** The words of the fits' warnings about aliasing and separation, for two classes and for K. */
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
     * @param names the aliased terms
     * @param perClass whether the model has several coefficient classes
     * @return the warning that says they were dropped
     */
    static String aliased(List<String> names, boolean perClass) {
        int count = names.size();
        boolean one = count == 1;
        String what = perClass ? (one ? " column" : " columns") : (one ? " coefficient" : " coefficients");
        return count + what + " not defined because of singularities: " + terms(names)
                + (one ? " is a linear combination" : " are linear combinations") + " of earlier columns and "
                + (one ? "was" : "were") + (perClass ? " dropped from every class" : " dropped from the fit")
                + (perClass ? " (coefficients reported as 0; predictions do not depend on them)"
                        : " (coefficient reported as 0; predictions do not depend on it)");
    }

    /**
     * @param owners the coefficient classes, in block order
     * @param terms the term names
     * @param diverging (block, term) pairs
     * @return "class: term, term; class: term", at most {@link #NAMED} terms in all, then how many more
     */
    static String byClass(List<String> owners, List<String> terms, int[][] diverging) {
        java.util.Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int[] d : diverging) {
            map.computeIfAbsent(owners.get(d[0]), key -> new java.util.ArrayList<>()).add(terms.get(d[1]));
        }
        List<String> parts = new java.util.ArrayList<>();
        int named = 0;
        int total = 0;
        for (java.util.Map.Entry<String, List<String>> e : map.entrySet()) {
            total += e.getValue().size();
            int room = Math.min(e.getValue().size(), NAMED - named);
            if (room > 0) {
                parts.add(e.getKey() + ": " + String.join(", ", e.getValue().subList(0, room)));
                named += room;
            }
        }
        return String.join("; ", parts) + (total > named ? " and " + (total - named) + " more" : "");
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
