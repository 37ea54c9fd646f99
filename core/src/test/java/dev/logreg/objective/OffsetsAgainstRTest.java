package dev.logreg.objective;

import static dev.logreg.testing.Close.assertClose;
import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.solve.NewtonOptions;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Termination;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fits with an offset, at the objective level, against R's {@code glm(admit ~ gre + gpa + factor(rank),
 * binomial, offset = o)} on the UCLA admissions (reference/r-offset.R and .properties): the coefficients,
 * the deviance 2W&middot;J(&theta;&#770;) and the null deviance (the intercept alone, with the offset), with
 * and without prior weights, by each implementation of the objective.
 */
class OffsetsAgainstRTest {

    /** R's coefficient names, in the order of the columns below. */
    private static final String[] TERMS = {"(Intercept)", "gre", "gpa", "factor(rank)2", "factor(rank)3",
        "factor(rank)4"};

    private static final Data.Dataset UCLA = Data.ucla();
    private static final double[] OFFSETS = Data.uclaOffsets(UCLA);

    static Stream<Arguments> implementations() {
        return Stream.of(
                Arguments.of("loop", (Function<BinaryProblem, Objective>) LoopBinaryObjective::new),
                Arguments.of("vectorized", (Function<BinaryProblem, Objective>) VectorizedBinaryObjective::new),
                Arguments.of("fused", (Function<BinaryProblem, Objective>) FusedBinaryObjective::new),
                Arguments.of("fused, scalar, 3 threads",
                        (Function<BinaryProblem, Objective>) p -> new FusedBinaryObjective(p, 3, true, null)));
    }

    /** The UCLA model matrix: intercept, gre, gpa and the dummies of rank 2, 3, 4 (the first {@code cols}). */
    private static DesignMatrix design(int cols) {
        double[] x = new double[400 * cols];
        for (int i = 0; i < 400; i++) {
            double[] row = UCLA.x()[i];
            x[i * cols] = 1;
            for (int j = 1; j < cols; j++) {
                x[i * cols + j] = row[j - 1];
            }
        }
        return DesignMatrix.wrap(x, 400, cols);
    }

    /** The fit to max|g| &le; {@link Tolerances#NEWTON_OFFSET_GRADIENT}, and its deviance 2W&middot;J. */
    private record Fitted(double[] theta, double deviance) {
    }

    private static Fitted fit(BinaryProblem p, Function<BinaryProblem, Objective> make) {
        Objective f = make.apply(p);
        Solution s = new NewtonSolver(NewtonOptions.defaults().withTolerance(Tolerances.NEWTON_OFFSET_GRADIENT))
                .minimize(f, new double[p.columns()], p.separationLevel());
        assertEquals(Termination.CONVERGED, s.termination(), s.warnings().toString());
        return new Fitted(s.theta(), 2 * p.totalWeight() * f.value(s.theta()));
    }

    @Test
    void theOffsetsAreRsOffsets() {
        assertEquals(400, OFFSETS.length);
        for (int i = 1; i <= 5; i++) {
            assertEquals(Data.rOffset("offset.first[" + i + "]"), OFFSETS[i - 1], 0.0, "o_" + i);
        }
        double sum = 0;
        for (double o : OFFSETS) {
            sum += o;
        }
        // R sums in extended precision: a few ulps of the sum apart.
        assertClose(Data.rOffset("offset.sum"), sum, Tolerances.SCALAR, 0, "sum of o");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void theFitWithAnOffsetIsRs(String name, Function<BinaryProblem, Objective> make) {
        check("offset.plain", fit(new BinaryProblem(design(6), UCLA.y(), null, 0.0, 0, null, OFFSETS), make), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void theWeightedFitWithAnOffsetIsRs(String name, Function<BinaryProblem, Objective> make) {
        BinaryProblem p = new BinaryProblem(design(6), UCLA.y(), Data.uclaWeights(400), 0.0, 0, null, OFFSETS);
        check("offset.weighted", fit(p, make), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void theInterceptAloneWithTheOffsetGivesRsNullDeviance(String name, Function<BinaryProblem, Objective> make) {
        Fitted f = fit(new BinaryProblem(design(1), UCLA.y(), null, 0.0, 0, null, OFFSETS), make);
        assertRelative(Data.rOffset("offset.null.coef[(Intercept)]"), f.theta()[0], Tolerances.R_OFFSET_COEFFICIENTS,
                name + ": intercept");
        assertRelative(Data.rOffset("offset.plain.null.deviance"), f.deviance(), Tolerances.R_OFFSET_DEVIANCE,
                name + ": null deviance");
    }

    private static void check(String tag, Fitted f, String name) {
        for (int j = 0; j < TERMS.length; j++) {
            assertRelative(Data.rOffset(tag + ".coef[" + TERMS[j] + "]"), f.theta()[j],
                    Tolerances.R_OFFSET_COEFFICIENTS, name + ": " + tag + " " + TERMS[j]);
        }
        assertRelative(Data.rOffset(tag + ".deviance"), f.deviance(), Tolerances.R_OFFSET_DEVIANCE,
                name + ": " + tag + " deviance");
        // The offset matters: the fit without it is elsewhere (R's a.coef.gpa is 0.804, here 0.889).
        assertTrue(Math.abs(f.theta()[2] - Data.r("a.coef.gpa")) > 1e3 * Tolerances.R_OFFSET_COEFFICIENTS,
                name + ": gpa moved by the offset");
    }
}
