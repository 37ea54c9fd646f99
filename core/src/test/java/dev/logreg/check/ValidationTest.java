package dev.logreg.check;

import static dev.logreg.testing.Close.assertClose;
import static dev.logreg.testing.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logreg.LogisticRegression;
import dev.logreg.data.Design;
import dev.logreg.data.ModelSpec;
import dev.logreg.data.Table;
import dev.logreg.objective.BinaryProblem;
import dev.logreg.testing.Data;
import dev.logreg.testing.Tolerances;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Validation#run}: the three methods agree at 1e-6 on the reference data and each matches
 * R; the Commons Math IRLS copes with Hessians that Commons Math's default Cholesky rejects; a
 * disagreement is reported; bad arguments are exceptions naming the value.
 */
class ValidationTest {

    /** The agreement tolerance the issue asks for. */
    private static final double AGREEMENT = 1e-6;

    private static final List<String> NAMES = List.of(Validation.NEWTON, Validation.IRLS,
            Validation.CONJUGATE_GRADIENT);

    /** R's term names for fits a and b, in the order of {@link Data#ucla()}'s columns after the intercept. */
    private static final List<String> UCLA_TERMS = List.of("Intercept", "gre", "gpa", "factorrank2", "factorrank3",
            "factorrank4");

    private static void assertAgree(ValidationReport report) {
        assertEquals(NAMES, report.methods().stream().map(ValidationReport.Method::name).toList());
        for (ValidationReport.Method m : report.methods()) {
            assertTrue(m.converged(), () -> m.name() + " did not converge:\n" + report);
        }
        assertTrue(report.maxCoefficientDifference() <= AGREEMENT, report::toString);
        assertTrue(report.maxLossDifference() <= AGREEMENT, report::toString);
        assertTrue(report.agree(), report::toString);
    }

    /** Every method's &theta; against R's coefficients {@code prefix.coef.term}, relative. */
    private static void assertMatchesR(ValidationReport report, String prefix, List<String> terms) {
        for (ValidationReport.Method m : report.methods()) {
            double[] theta = m.theta();
            assertEquals(terms.size(), theta.length, m.name());
            for (int j = 0; j < terms.size(); j++) {
                assertRelative(Data.r(prefix + ".coef." + terms.get(j)), theta[j], Tolerances.R_REFERENCE,
                        m.name() + " " + terms.get(j));
            }
        }
    }

    @Test
    void uclaAgreesAndMatchesR() {
        Data.Dataset d = Data.ucla();
        ValidationReport report = Validation.run(d.x(), d.y(), null, 0.0, AGREEMENT);
        assertAgree(report);
        assertMatchesR(report, "a", UCLA_TERMS);
        // J = deviance / 2m with unit weights
        for (ValidationReport.Method m : report.methods()) {
            assertRelative(Data.r("a.deviance") / (2 * d.y().length), m.loss(), Tolerances.R_REFERENCE, m.name());
        }
        assertEquals(AGREEMENT, report.tolerance());
    }

    @Test
    void weightedUclaAgreesAndMatchesR() {
        Data.Dataset d = Data.ucla();
        double[] w = Data.uclaWeights(d.y().length);
        double total = 0;
        for (double wi : w) {
            total += wi;
        }
        ValidationReport report = Validation.run(d.x(), d.y(), w, 0.0, AGREEMENT);
        assertAgree(report);
        assertMatchesR(report, "b", UCLA_TERMS);
        // J = deviance / 2W with prior weights
        for (ValidationReport.Method m : report.methods()) {
            assertRelative(Data.r("b.deviance") / (2 * total), m.loss(), Tolerances.R_REFERENCE, m.name());
        }
    }

    @Test
    void penalizedUclaAgreesAndMovesAwayFromTheMaximumLikelihood() {
        Data.Dataset d = Data.ucla();
        ValidationReport report = Validation.run(d.x(), d.y(), null, 0.1, AGREEMENT);
        assertAgree(report);
        // lambda = 0.1 shrinks gpa's 0.80 by far more than the tolerance: the penalty was applied
        double gpa = report.methods().get(0).theta()[2];
        assertTrue(gpa < 0.5 * Data.r("a.coef.gpa"), () -> "gpa = " + gpa);
    }

    @Test
    void randomWeightedProblemAgrees() {
        BinaryProblem p = Data.randomProblem(20240611L, 500, 8, true, 0.0);
        double[][] x = new double[p.rows()][p.columns() - 1];
        double[] y = new double[p.rows()];
        double[] w = new double[p.rows()];
        for (int i = 0; i < p.rows(); i++) {
            for (int j = 1; j < p.columns(); j++) {
                x[i][j - 1] = p.x(i, j);
            }
            y[i] = p.label(i);
            w[i] = p.weight(i);
        }
        assertAgree(Validation.run(x, y, w, 0.0, AGREEMENT));
    }

    @Test
    void creditApprovalAgreesAndMatchesR() throws IOException {
        List<String> header = new ArrayList<>();
        for (int k = 1; k <= 16; k++) {
            header.add("A" + k);
        }
        Table table;
        try (InputStream in = ValidationTest.class.getResourceAsStream("/dev/logreg/data/crx.data");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            table = Table.read(reader, "crx.data", ',', header, Set.of());
        }
        Design design = Design.build(table, ModelSpec.of("A16", "A2", "A3", "A8", "A11", "A14", "log1p(A15)", "A9",
                "A10").withPositive("+"));
        assertEquals((int) Data.r("e.nobs"), design.observations());
        ValidationReport report = Validation.run(design.x(), design.y(), design.weights(), 0.0, AGREEMENT);
        assertAgree(report);
        // R's keys are the term names without parentheses: (Intercept) -> Intercept, log1p(A15) -> log1pA15
        List<String> terms = design.terms().stream().map(t -> t.replace("(", "").replace(")", "")).toList();
        assertMatchesR(report, "e", terms);
    }

    /** Two features on a scale of 1e-9, so that their Hessian entries are near 1e-19. */
    private static Data.Dataset tinyScale() {
        Random random = new Random(7);
        int m = 300;
        double[][] x = new double[m][2];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i][0] = 1e-9 * random.nextGaussian();
            x[i][1] = 1e-9 * random.nextGaussian();
            double z = 0.3 + 1.2e9 * x[i][0] - 0.8e9 * x[i][1];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return new Data.Dataset(x, y);
    }

    private static double[][] withIntercept(double[][] x) {
        double[][] design = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            design[i] = new double[x[i].length + 1];
            design[i][0] = 1.0;
            System.arraycopy(x[i], 0, design[i], 1, x[i].length);
        }
        return design;
    }

    @Test
    void irlsHandlesHessiansThatTheDefaultCholeskyRejects() {
        Data.Dataset d = tinyScale();
        double[] ones = new double[d.y().length];
        java.util.Arrays.fill(ones, 1.0);
        CommonsMathIrls irls = new CommonsMathIrls(withIntercept(d.x()), d.y(), ones, 0.0);

        // The Hessian at the start has diagonal entries far below Commons Math's default 1e-10
        RealMatrix h = irls.hessian(irls.probabilities(new ArrayRealVector(3)));
        assertTrue(h.getEntry(1, 1) < 1e-18 && h.getEntry(2, 2) < 1e-18, () -> "H = " + h);
        assertThrows(NonPositiveDefiniteMatrixException.class, () -> new CholeskyDecomposition(h));

        Run run = irls.minimize();
        assertTrue(run.converged(), () -> "IRLS did not converge: " + run);
        double[] newton = LogisticRegression.newton().withTolerance(Validation.NEWTON_TOLERANCE)
                .fit(d.x(), d.y()).theta();
        double[] theta = run.theta();
        for (int j = 0; j < theta.length; j++) {
            assertRelative(newton[j], theta[j], Tolerances.SAME_OPTIMUM, "theta[" + j + "]");
        }
        // the coefficients are on the scale of 1e9: the features were really fitted
        assertTrue(Math.abs(theta[1]) > 1e8 && Math.abs(theta[2]) > 1e8, () -> java.util.Arrays.toString(theta));
    }

    @Test
    void irlsDampsASingularHessian() {
        RealMatrix singular = new Array2DRowRealMatrix(new double[][] {{1, 1}, {1, 1}});
        RealVector g = new ArrayRealVector(new double[] {1, -1});
        RealVector d = CommonsMathIrls.newtonDirection(singular, g);
        assertTrue(d != null && Double.isFinite(d.getNorm()), () -> "d = " + d);
        assertTrue(d.dotProduct(g) < 0, () -> "not a descent direction: " + d);
    }

    @Test
    void theConjugateGradientPreconditionerSolvesWithTheStartHessianOrItsDiagonal() {
        // H = [[4, 2], [2, 3]]: H^-1 r for r = (1, 1) is (1/8, 1/4)
        double[] s = CommonsMathConjugateGradient.startHessian(new double[] {4, 2, 2, 3}, 2)
                .precondition(new double[2], new double[] {1, 1});
        assertArrayEquals(new double[] {0.125, 0.25}, s, 1e-15);
        // a singular H does not factor: diag(H)^-1 r
        double[] jacobi = CommonsMathConjugateGradient.startHessian(new double[] {4, 6, 6, 9}, 2)
                .precondition(new double[2], new double[] {1, 1});
        assertArrayEquals(new double[] {0.25, 1.0 / 9}, jacobi, 1e-15);
    }

    @Test
    void separatedClassesAreReportedAsADisagreement() {
        // No finite optimum: this library stops on separation, the others wherever max|g| gets small
        Data.Dataset d = Data.separableSeedExample(42);
        ValidationReport report = Validation.run(d.x(), d.y(), null, 0.0, AGREEMENT);
        assertFalse(report.methods().get(0).converged(), report::toString);
        assertFalse(report.agree(), report::toString);
        assertFalse(report.diverging().isEmpty(), report::toString);
        assertEquals("stopped on separation", report.methods().get(0).stopped());
        assertTrue(report.reason().startsWith("DISAGREE: the classes are separated, so no finite maximum-likelihood"
                + " estimate exists"), report::reason);
        // Completely separated: every coefficient diverges and the losses all go to 0, each at its own pace.
        assertTrue(report.reason().contains("losses differ by"), report::reason);
    }

    @Test
    void quasiSeparatedClassesAgreeOnEverythingThatHasAFiniteValue() {
        // x = 0 holds both classes, x < 0 only 0s, x > 0 only 1s: the slope diverges, the intercept's limit is 0
        double[][] x = {{-2}, {-1.5}, {-1}, {0}, {0}, {0}, {0}, {1}, {1.5}, {2}};
        double[] y = {0, 0, 0, 0, 1, 0, 1, 1, 1, 1};
        ValidationReport report = Validation.run(x, y, null, 0.0, AGREEMENT).withTerms(List.of("(Intercept)", "dose"));
        assertEquals(List.of("dose"), report.diverging());
        assertEquals("stopped on separation", report.methods().get(0).stopped());
        assertTrue(report.agree(), report::toString);
        assertTrue(report.reason().startsWith("AGREE: coefficients within "), report::reason);
        assertTrue(report.reason().endsWith("the classes are separated, so no finite maximum-likelihood estimate"
                + " exists: the coefficient of dose diverges in every method and is not compared (an L2 penalty gives"
                + " a finite optimum)"), report::reason);
    }

    /** Two informative features and a third column: the two combined by {@code third}, or noise. */
    private static Data.Dataset withThirdColumn(long seed, int m, java.util.function.DoubleBinaryOperator third,
                                                double noiseScale) {
        Random random = new Random(seed);
        double[][] x = new double[m][3];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = random.nextGaussian();
            x[i][2] = third == null ? noiseScale * random.nextGaussian() : third.applyAsDouble(x[i][0], x[i][1]);
            double z = 0.5 + 1.5 * x[i][0] - x[i][1];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return new Data.Dataset(x, y);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum", "duplicate"})
    void anAliasedColumnIsLeftOutOfEveryMethodAndTheMethodsAgree(String kind) {
        Data.Dataset d = withThirdColumn(5, 400, kind.equals("sum") ? Double::sum : (a, b) -> a, 0);
        ValidationReport report = Validation.run(d.x(), d.y(), null, 0.0, AGREEMENT)
                .withTerms(List.of("(Intercept)", "a", "b", "c"));
        assertAgree(report);
        assertEquals(List.of("c"), report.aliased());
        assertArrayEquals(new int[] {3}, report.aliasedIndices());
        for (ValidationReport.Method m : report.methods()) {
            assertEquals(0.0, m.theta()[3], m.name());
        }
        // the kept coefficients are those of the fit without the aliased column
        double[][] kept = new double[d.x().length][];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = java.util.Arrays.copyOf(d.x()[i], 2);
        }
        double[] reference = LogisticRegression.newton().withTolerance(Validation.NEWTON_TOLERANCE)
                .fit(kept, d.y()).theta();
        for (ValidationReport.Method m : report.methods()) {
            for (int j = 0; j < 3; j++) {
                assertRelative(reference[j], m.theta()[j], Tolerances.SAME_OPTIMUM, m.name() + " theta[" + j + "]");
            }
        }
        assertTrue(report.reason().startsWith("AGREE: "), report::reason);
        assertTrue(report.toString().contains("aliased, left out of every method: c"), report::toString);
    }

    @Test
    void aPenalizedCoefficientNearZeroAgrees() {
        // A column of values near 1e-12: with lambda = 1e-3 its coefficient is about 3e-12, which each method
        // reaches only to its own gradient tolerance (a relative error far above 1e-6), while every coefficient
        // agrees to 1e-8 of the largest
        Data.Dataset d = withThirdColumn(11, 400, null, 1e-12);
        ValidationReport report = Validation.run(d.x(), d.y(), null, 1e-3, AGREEMENT);
        assertAgree(report);
        assertEquals(ValidationReport.Scale.LARGEST_COEFFICIENT, report.scale());
        assertEquals(null, report.standardErrors());
        double largestRelative = 0;
        double largestCoefficient = 0;
        for (ValidationReport.Method a : report.methods()) {
            for (ValidationReport.Method b : report.methods()) {
                double ta = a.theta()[3];
                double tb = b.theta()[3];
                largestRelative = Math.max(largestRelative, Math.abs(ta - tb) / Math.max(Math.abs(ta), Math.abs(tb)));
                largestCoefficient = Math.max(largestCoefficient, Math.abs(a.theta()[1]));
            }
        }
        double relative = largestRelative;
        assertTrue(relative > 100 * AGREEMENT, () -> "the near-zero coefficient agrees relatively too: " + relative);
        assertTrue(report.maxCoefficientDifference() <= 1e-8, report::toString);
        double theta1 = largestCoefficient;
        assertTrue(theta1 > 1, () -> "theta_1 = " + theta1);
        assertTrue(report.reason().contains("(relative to the largest coefficient)"), report::reason);
    }

    @Test
    void anUnpenalizedFitIsComparedFlooredAtTheStandardErrors() {
        Data.Dataset d = Data.ucla();
        ValidationReport report = Validation.run(d.x(), d.y(), null, 0.0, AGREEMENT);
        assertEquals(ValidationReport.Scale.STANDARD_ERROR, report.scale());
        // R's standard error of gre, 0.001094
        assertRelative(Data.r("a.se.gre"), report.standardErrors()[1], Tolerances.R_REFERENCE, "se(gre)");
        assertTrue(report.reason().matches("AGREE: coefficients within \\S+ \\(relative, floored at the standard"
                + " error\\), losses within \\S+"), report::reason);
    }

    @Test
    void aTimeLimitTooShortForTheCommonsMathMethodsIsADisagreementThatSaysSo() {
        Data.Dataset d = Data.ucla();
        ValidationReport report = Validation.run(d.x(), d.y(), null, 0.0, AGREEMENT, Duration.ofNanos(1), null);
        assertFalse(report.agree(), report::toString);
        assertTrue(report.methods().get(0).converged(), report::toString);
        for (ValidationReport.Method m : report.methods().subList(1, 3)) {
            assertFalse(m.converged(), m::toString);
            assertEquals("stopped at the time limit of 1e-9 s", m.stopped());
        }
        String reason = report.reason();
        assertTrue(reason.startsWith("DISAGREE: commons-math-irls did not converge (stopped at the time limit of"
                + " 1e-9 s, max|g| = "), reason);
        assertTrue(reason.contains("; commons-math-nlcg did not converge (stopped at the time limit of 1e-9 s, max|g| = "),
                reason);
    }

    @Test
    void progressIsReportedForEachCommonsMathIteration() {
        Data.Dataset d = Data.ucla();
        List<Validation.Progress> seen = new ArrayList<>();
        ValidationReport report = Validation.run(d.x(), d.y(), null, 0.0, AGREEMENT, Validation.DEFAULT_TIME_LIMIT,
                seen::add);
        assertAgree(report);
        for (ValidationReport.Method m : report.methods().subList(1, 3)) {
            List<Validation.Progress> mine = seen.stream().filter(p -> p.method().equals(m.name())).toList();
            assertFalse(mine.isEmpty(), m.name());
            for (int k = 0; k < mine.size(); k++) {
                assertTrue(mine.get(k).iterations() > (k == 0 ? 0 : mine.get(k - 1).iterations()), mine::toString);
                assertTrue(mine.get(k).maxAbsGradient() >= 0 && !mine.get(k).elapsed().isNegative(), mine::toString);
            }
        }
        Validation.Progress p = new Validation.Progress("commons-math-nlcg", 1200, 2.1e-7, Duration.ofMillis(10_400));
        assertEquals("commons-math-nlcg: 1200 iterations, max|g| = 2.1e-7 (10 s)", p.toString());
    }

    @Test
    void aBadTimeLimitThrowsNamingTheValue() {
        Data.Dataset d = Data.ucla();
        for (Duration limit : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Validation.run(d.x(), d.y(), null, 0.0, AGREEMENT, limit, null));
            assertTrue(e.getMessage().contains("time limit") && e.getMessage().contains(String.valueOf(limit)),
                    e::getMessage);
        }
    }

    @Test
    void theReasonsNameTheCause() {
        List<String> terms = List.of("(Intercept)", "gre");
        ValidationReport agree = new ValidationReport(List.of(
                method("a", new double[] {1.0, 2.0}, 0.5, true),
                method("b", new double[] {1.0, 2.0 + 1e-9}, 0.5 + 4 * Math.ulp(0.5), true)), AGREEMENT, new int[0], null,
                new int[0], terms);
        assertEquals("AGREE: coefficients within 5e-10 (relative to the largest coefficient), losses within 8.9e-16",
                agree.reason());

        ValidationReport.Method stopped = new ValidationReport.Method("c", new double[] {1.0, 2.0}, 0.5, 3.14e-6, 7,
                false, 0L, "stopped at the time limit of 60 s");
        ValidationReport notConverged = new ValidationReport(List.of(method("a", new double[] {1.0, 2.0}, 0.5, true),
                stopped), AGREEMENT);
        assertEquals("DISAGREE: c did not converge (stopped at the time limit of 60 s, max|g| = 3.1e-6)",
                notConverged.reason());

        ValidationReport losses = new ValidationReport(List.of(
                method("a", new double[] {1.0, 2.0}, 0.5, true),
                method("b", new double[] {1.0, 2.0}, 0.6, true)), AGREEMENT).withTerms(terms);
        assertEquals("DISAGREE: losses differ by 0.17 (relative) between a and b, tolerance 1e-6", losses.reason());

        ValidationReport separated = new ValidationReport(List.of(
                method("a", new double[] {1.0, -20.0}, 1e-9, false),
                method("b", new double[] {1.0, -30.0}, 1e-13, true)), AGREEMENT, new int[0], null, new int[] {1},
                terms);
        assertEquals(List.of("gre"), separated.diverging());
        assertEquals("DISAGREE: the classes are separated, so no finite maximum-likelihood estimate exists: the"
                + " coefficient of gre diverges in every method and is not compared (an L2 penalty gives a finite"
                + " optimum); a did not converge (stopped before its tolerance, max|g| = 0); losses differ by 1"
                + " (relative) between a and b, tolerance 1e-6", separated.reason());

        ValidationReport nan = new ValidationReport(List.of(
                method("a", new double[] {1.0, 2.0}, 0.5, true),
                method("b", new double[] {1.0, Double.NaN}, 0.5, true)), AGREEMENT).withTerms(terms);
        assertTrue(nan.reason().contains("coefficient gre is NaN in b"), nan::reason);
        assertThrows(IllegalArgumentException.class, () -> nan.withTerms(List.of("only one")));
    }

    @Test
    void numbersInTheReasonHaveTwoSignificantDigits() {
        assertEquals("6.8e-10", ValidationReport.number(6.8e-10));
        assertEquals("2.3e-4", ValidationReport.number(2.3e-4));
        assertEquals("1e-6", ValidationReport.number(1e-6));
        assertEquals("0.12", ValidationReport.number(0.123));
        assertEquals("1", ValidationReport.number(1.0));
        assertEquals("620", ValidationReport.number(617.0));
        assertEquals("-0.72", ValidationReport.number(-0.7249));
        assertEquals("0", ValidationReport.number(0.0));
        assertEquals("1.2e4", ValidationReport.number(12345));
        assertEquals("NaN", ValidationReport.number(Double.NaN));
    }

    private static ValidationReport.Method method(String name, double[] theta, double loss, boolean converged) {
        return new ValidationReport.Method(name, theta, loss, 0.0, 1, converged, 0L);
    }

    @Test
    void aDisagreementIsReported() {
        ValidationReport same = new ValidationReport(List.of(
                method("a", new double[] {1.0, 2.0}, 0.5, true),
                method("b", new double[] {1.0, 2.0}, 0.5, true)), AGREEMENT);
        assertTrue(same.agree(), same::toString);

        ValidationReport coefficients = new ValidationReport(List.of(
                method("a", new double[] {1.0, 2.0}, 0.5, true),
                method("b", new double[] {1.0, 2.0}, 0.5, true),
                method("c", new double[] {1.0, 2.2}, 0.5, true)), AGREEMENT);
        assertFalse(coefficients.agree(), coefficients::toString);
        assertClose(0.2 / 2.2, coefficients.maxCoefficientDifference(), Tolerances.SAME_MATH, 0, "coefficients");
        assertEquals(0.0, coefficients.maxLossDifference());

        ValidationReport losses = new ValidationReport(List.of(
                method("a", new double[] {1.0, 2.0}, 0.5, true),
                method("b", new double[] {1.0, 2.0}, 0.6, true)), AGREEMENT);
        assertFalse(losses.agree(), losses::toString);
        assertClose(0.1 / 0.6, losses.maxLossDifference(), Tolerances.SAME_MATH, 0, "losses");

        ValidationReport notConverged = new ValidationReport(List.of(
                method("a", new double[] {1.0, 2.0}, 0.5, true),
                method("b", new double[] {1.0, 2.0}, 0.5, false)), AGREEMENT);
        assertEquals(0.0, notConverged.maxCoefficientDifference());
        assertFalse(notConverged.agree(), notConverged::toString);

        ValidationReport nan = new ValidationReport(List.of(
                method("a", new double[] {1.0, 2.0}, 0.5, true),
                method("b", new double[] {1.0, Double.NaN}, 0.5, true)), AGREEMENT);
        assertFalse(nan.agree(), nan::toString);
    }

    @Test
    void withoutStandardErrorsTheDifferenceIsNormwise() {
        // -4e-17 against -2.5e-7 beside a coefficient of 3: 2.5e-7 / 3, not 1 (a penalized fit's ~0 coefficient)
        ValidationReport report = new ValidationReport(List.of(
                method("a", new double[] {3.0, -4e-17}, 0.5, true),
                method("b", new double[] {3.0, -2.5e-7}, 0.5, true)), AGREEMENT);
        assertEquals(ValidationReport.Scale.LARGEST_COEFFICIENT, report.scale());
        assertClose((2.5e-7 - 4e-17) / 3.0, report.maxCoefficientDifference(), Tolerances.SAME_MATH, 0, "normwise");
        assertTrue(report.agree(), report::toString);
        // the largest coefficient of the pair is the scale, whichever method has it
        ValidationReport other = new ValidationReport(List.of(
                method("a", new double[] {1.0, 2e-3}, 0.5, true),
                method("b", new double[] {1.5, 1e-3}, 0.5, true)), AGREEMENT);
        assertClose(0.5 / 1.5, other.maxCoefficientDifference(), Tolerances.SAME_MATH, 0, "normwise");
    }

    @Test
    void withStandardErrorsTheDifferenceIsRelativeFlooredAtTheStandardError() {
        double[] se = {0.1, 0.5, 2e-3};
        // theta_0: 1 vs 1.001 (relative 1e-3 / 1.001); theta_1: 1e-9 vs 2e-9 (1e-9 / 0.5 = 2e-9 standard errors);
        // theta_2: 0.2 vs 0.2 + 2e-8 (relative, 1e-7)
        ValidationReport report = new ValidationReport(List.of(
                method("a", new double[] {1.0, 1e-9, 0.2}, 0.5, true),
                method("b", new double[] {1.001, 2e-9, 0.2 + 2e-8}, 0.5, true)), AGREEMENT, new int[0], se,
                new int[0], List.of("(Intercept)", "near0", "big"));
        assertEquals(ValidationReport.Scale.STANDARD_ERROR, report.scale());
        assertArrayEquals(se, report.standardErrors());
        assertClose(1e-3 / 1.001, report.maxCoefficientDifference(), 1e-12, 0, "relative");
        assertEquals("DISAGREE: coefficient (Intercept) differs by 1e-3 (relative) between a and b, tolerance 1e-6",
                report.reason());

        ValidationReport small = new ValidationReport(List.of(
                method("a", new double[] {1.0, 1e-9, 0.2}, 0.5, true),
                method("b", new double[] {1.0, 1e-4, 0.2}, 0.5, true)), AGREEMENT, new int[0], se, new int[0],
                List.of("(Intercept)", "near0", "big"));
        assertClose((1e-4 - 1e-9) / 0.5, small.maxCoefficientDifference(), 1e-12, 0, "in standard errors");
        assertEquals("DISAGREE: coefficient near0 differs by 2e-4 (in standard errors) between a and b, tolerance 1e-6",
                small.reason());
    }

    @Test
    void methodsCopyTheirParameters() {
        double[] theta = {1.0, 2.0};
        ValidationReport.Method m = method("a", theta, 0.5, true);
        theta[0] = 99;
        assertArrayEquals(new double[] {1.0, 2.0}, m.theta());
        m.theta()[1] = 99;
        assertArrayEquals(new double[] {1.0, 2.0}, m.theta());
        assertEquals(m, method("a", new double[] {1.0, 2.0}, 0.5, true));
        assertEquals(m.hashCode(), method("a", new double[] {1.0, 2.0}, 0.5, true).hashCode());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1e-6, Double.NaN, Double.POSITIVE_INFINITY})
    void aBadToleranceThrowsNamingTheValue(double tolerance) {
        Data.Dataset d = Data.ucla();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Validation.run(d.x(), d.y(), null, 0.0, tolerance));
        assertTrue(e.getMessage().contains("tolerance") && e.getMessage().contains(String.valueOf(tolerance)),
                e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void aBadPenaltyThrowsNamingTheValue(double l2) {
        Data.Dataset d = Data.ucla();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Validation.run(d.x(), d.y(), null, l2, AGREEMENT));
        assertTrue(e.getMessage().contains(String.valueOf(l2)), e::getMessage);
    }

    @Test
    void badDataIsRejectedAsLogisticRegressionRejectsIt() {
        double[][] x = {{0.5}, {Double.NaN}, {1.5}, {2.5}};
        double[] y = {0, 1, 0, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Validation.run(x, y, null, 0.0, AGREEMENT));
        assertTrue(e.getMessage().contains("x[1][0]"), e::getMessage);

        double[][] fine = {{0.5}, {1.0}, {1.5}, {2.5}};
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> Validation.run(fine, y, new double[] {1, -2, 1, 1}, 0.0, AGREEMENT));
        assertTrue(weights.getMessage().contains("weights[1]"), weights::getMessage);

        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> Validation.run(fine, new double[] {0, 2, 0, 1}, null, 0.0, AGREEMENT));
        assertTrue(labels.getMessage().contains("y[1]"), labels::getMessage);
    }

    @Test
    void inputsAreNotModified() {
        Data.Dataset d = Data.ucla();
        double[][] x = d.x();
        double[] y = d.y();
        double[] w = Data.uclaWeights(y.length);
        Data.Dataset copy = Data.ucla();
        Validation.run(x, y, w, 0.0, AGREEMENT);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(copy.x()[i], x[i]);
        }
        assertArrayEquals(copy.y(), y);
        assertArrayEquals(Data.uclaWeights(y.length), w);
    }
}
