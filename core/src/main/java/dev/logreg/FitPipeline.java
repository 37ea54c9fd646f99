package dev.logreg;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.InterceptShiftCurvature;
import dev.logreg.objective.Objective;
import dev.logreg.objective.RowSource;
import dev.logreg.solve.GradientDescentSolver;
import dev.logreg.solve.NewtonSolver;
import dev.logreg.solve.Solution;
import dev.logreg.solve.Solver;
import dev.logreg.solve.Warning;
import java.util.ArrayList;
import java.util.List;

/**
 * The one fit pipeline, for two classes and for K: check the inputs, equilibrate extreme columns,
 * find aliased columns, standardize, solve, check for separation, and map the estimates back to the
 * caller's scale. The binary model is the one-block case; {@link FitData} hides which kernel runs.
 *
 * <p>Offsets (two classes) belong to the rows: the data built on changed columns or rescaled weights
 * keep them, unchanged, and every linear predictor the fit forms includes them, except the aliasing
 * check (X<sup>T</sup>WX at &theta; = 0 without them) and the separation check's directions (Xv).
 *
 * <p>Where each decision lives: aliasing in {@link Aliasing} (threshold {@link Aliasing#TOLERANCE}),
 * extreme scales and standardization in {@link ColumnScaling}, separation in {@link SeparationCheck},
 * the words of the warnings in {@link Warnings}, the result's termination in
 * {@link Fit#separationTermination}, the covariance in {@link Inference} ({@link Inference#MIN_PIVOT}).
 */
final class FitPipeline {

    private FitPipeline() {
    }

    /** Builds a fit's data on the rows: binary or multinomial. */
    interface DataFactory {
        /**
         * @param rows the rows, with the labels and the normalized weights
         * @param exponent the power of two the weights were divided by
         * @param factors penalty factors, or null
         * @return the data, validated
         */
        FitData create(RowSource rows, int exponent, double[] factors);
    }

    /**
     * What a fit computed, on the caller's scale.
     *
     * @param settings the options of the fit
     * @param classes all class names
     * @param terms the term names of each coefficient row
     * @param coefficients one row per coefficient class, 0 at aliased terms
     * @param solution the solver's result, on its own scale
     * @param aliased the aliased terms, increasing
     * @param diverging (coefficient class, term) pairs of the diverging coefficients
     * @param warnings the fit's warnings, in order
     * @param context what the inference needs
     */
    record Outcome(LogisticRegression settings, List<String> classes, List<String> terms, double[][] coefficients,
                   Solution solution, int[] aliased, int[][] diverging, List<Warning> warnings,
                   Inference.Context context) {
    }

    /**
     * Runs the pipeline.
     *
     * @param settings the options
     * @param raw the rows: the model matrix (checked finite), the labels and the caller's prior weights (not yet
     *        checked); never modified: a change of columns or weights makes new rows (copied when in memory)
     * @param classes the class names (two for the binary model)
     * @param factory builds the data on the columns, validating the labels
     * @param symmetric whether the parametrization is the symmetric one
     * @param extra warnings about the settings, placed after the aliasing warning
     * @return the outcome
     */
    static Outcome run(LogisticRegression settings, RowSource raw, List<String> classes,
                       DataFactory factory, boolean symmetric, List<Warning> extra) {
        boolean intercept = settings.intercept();
        double l2 = settings.l2();
        int cols = raw.cols();
        // Weights rescaled by a power of two (exact, no estimate changes): W and 1/W stay finite.
        int exponent = BinaryProblem.weightExponent(raw);
        // Columns whose magnitude would overflow or underflow X'DX are rescaled exactly (by powers of two);
        // the penalty keeps the original scale through the factors.
        ColumnScaling equilibration = ColumnScaling.equilibrate(cols, intercept, l2 > 0, raw.largest());
        RowSource rows = equilibration.isIdentity() && exponent == 0 ? raw
                : raw.mapColumns(ModelMatrix.all(cols), null, equilibration.isIdentity() ? null : equilibration.scale(),
                        exponent);
        double[] factors = equilibration.penaltyFactors(l2, PenaltyScale.ORIGINAL, null);
        // Validates the labels and weights before anything else uses them.
        FitData data = factory.create(rows, exponent, factors);
        requireEveryClass(data, classes);
        int blocks = data.blocks();
        double[] start = startingPoint(settings, blocks, cols, equilibration);

        // Aliased columns (exactly collinear with earlier ones) are dropped from every class, as R's glm
        // does; a penalized problem is identifiable and keeps them. The check reads X'WX from the first
        // diagonal block of the Hessian at theta = 0, whose pass is also the solver's first when it
        // starts there.
        int dimension = blocks * cols;
        double[] g0 = null;
        double[] h0 = null;
        double j0 = 0;
        int[] aliased = new int[0];
        if (l2 == 0) {
            g0 = new double[dimension];
            h0 = new double[dimension * dimension];
            // With offsets, the gram comes from the same rows without them (X'WX/4W, the columns' own
            // collinearity, not reweighted by sigma'(o)); that pass is not the solver's, so it is not cached.
            j0 = data.kernelWithoutOffsets().valueGradientHessian(new double[dimension], g0, h0);
            double[] gram = new double[cols * cols];
            for (int a = 0; a < cols; a++) {
                System.arraycopy(h0, a * dimension, gram, a * cols, cols);
            }
            aliased = Aliasing.find(gram, cols);
        }
        int[] kept = Aliasing.kept(aliased, cols);
        int n = kept.length;
        FitData working = data;
        if (aliased.length > 0) {
            working = data.withColumns(data.source.mapColumns(kept, null, null, 0),
                    factors == null ? null : ModelMatrix.select(factors, kept));
            start = selectPerBlock(start, blocks, cols, kept);
        }
        ColumnScaling standardizer = null;
        if (settings.standardize()) {
            // New rows of the standardized columns. The penalty stays on the original coefficients (factors 1/s^2),
            // or moves to the standardized ones.
            standardizer = ColumnScaling.standardize(working,
                    l2 > 0 && settings.penaltyScale() == PenaltyScale.ORIGINAL);
            double[] standardized = standardizer.penaltyFactors(l2, settings.penaltyScale(), working.factors);
            working = working.withColumns(working.source.mapColumns(ModelMatrix.all(n), standardizer.center(),
                    standardizer.scale(), 0), standardized);
            start = mapPerBlock(start, blocks, standardizer::toScaled);
        }
        // The fused kernel: loss, gradient and Hessian in one multi-threaded pass over the data.
        Objective fused = working.kernel();
        Objective objective = fused;
        if (h0 != null && standardizer == null && isZero(start) && !data.hasOffsets()) {
            int[] keptParameters = keptPerBlock(blocks, cols, kept);
            int d = keptParameters.length;
            double[] h = new double[d * d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    h[a * d + b] = h0[keptParameters[a] * dimension + keptParameters[b]];
                }
            }
            objective = new StartCache(objective, start, j0, ModelMatrix.select(g0, keptParameters), h);
        }
        if (symmetric && intercept && settings.method() == Method.NEWTON) {
            objective = new InterceptShiftCurvature(objective, blocks, n);
        }
        Solver solver = settings.method() == Method.NEWTON
                ? new NewtonSolver(settings.newtonOptions(), settings.iterationListener())
                : new GradientDescentSolver(settings.gradientDescentOptions(), settings.iterationListener());
        Solution solution = solver.minimize(objective, start, working.separationLevel());
        int[] diverging = SeparationCheck.diverging(working, fused, solution,
                settings.method() == Method.GRADIENT_DESCENT);

        ColumnScaling standardization = standardizer;
        java.util.function.UnaryOperator<double[]> toOriginal = reduced -> {
            double[] full = new double[blocks * cols];
            for (int c = 0; c < blocks; c++) {
                double[] block = java.util.Arrays.copyOfRange(reduced, c * n, (c + 1) * n);
                if (standardization != null) {
                    block = standardization.toOriginal(block);
                }
                double[] expanded = new double[cols];
                for (int j = 0; j < n; j++) {
                    expanded[kept[j]] = block[j];
                }
                System.arraycopy(equilibration.toOriginal(expanded), 0, full, c * cols, cols);
            }
            return full;
        };
        double[] theta = toOriginal.apply(solution.theta());
        double[][] coefficients = new double[blocks][];
        for (int c = 0; c < blocks; c++) {
            coefficients[c] = java.util.Arrays.copyOfRange(theta, c * cols, (c + 1) * cols);
        }
        if (symmetric && intercept) {
            centreIntercepts(coefficients);
        }
        int[][] divergingFull = new int[diverging.length][];
        for (int d = 0; d < diverging.length; d++) {
            divergingFull[d] = new int[] {diverging[d] / n, kept[diverging[d] % n]};
        }
        List<String> terms = ModelMatrix.terms(settings.featureNames(), cols - (intercept ? 1 : 0), intercept);
        List<Warning> warnings = new ArrayList<>();
        if (aliased.length > 0) {
            warnings.add(new Warning(Warning.Kind.ALIASED, Warnings.aliased(names(terms, aliased), blocks > 1)));
        }
        warnings.addAll(extra);
        boolean separated = diverging.length > 0;
        if (separated) {
            List<String> owners = new ArrayList<>();
            for (int k = 0; k < classes.size(); k++) {
                if (blocks == classes.size() || k != data.reference()) {
                    owners.add(classes.get(k));
                }
            }
            String words = blocks == 1 ? Warnings.terms(divergingNames(terms, divergingFull))
                    : Warnings.byClass(owners, terms, divergingFull);
            warnings.add(new Warning(Warning.Kind.SEPARATION, Warnings.separation(solution.termination(),
                    solution.iterations(), words, diverging.length)));
        }
        for (Warning warning : solution.warnings()) {
            // The solver's own complete-separation warning says less than the one above.
            if (!(separated && warning.kind() == Warning.Kind.SEPARATION)) {
                warnings.add(warning);
            }
        }
        boolean[] keptMask = new boolean[blocks * cols];
        for (int c = 0; c < blocks; c++) {
            for (int j : kept) {
                keptMask[c * cols + j] = true;
            }
        }
        Inference.Context context = new Inference.Context(working, solution.theta(), toOriginal, theta, keptMask,
                separated || solution.termination() == dev.logreg.solve.Termination.SEPARATION);
        return new Outcome(settings, classes, terms, coefficients, solution, aliased, divergingFull, warnings,
                context);
    }

    private static double[] startingPoint(LogisticRegression settings, int blocks, int cols, ColumnScaling scaling) {
        double[] warm = settings.warmStart();
        int dimension = blocks * cols;
        if (warm == null) {
            return new double[dimension];
        }
        if (warm.length != dimension) {
            throw new IllegalArgumentException("the warm start has " + warm.length + " parameters, the model has "
                    + dimension + (blocks > 1 ? " (" + blocks + " blocks of " + cols + ")" : "")
                    + (settings.intercept() ? " (intercept first)" : ""));
        }
        return mapPerBlock(warm, blocks, scaling::toScaled);
    }

    private static double[] mapPerBlock(double[] theta, int blocks, java.util.function.UnaryOperator<double[]> map) {
        int n = theta.length / blocks;
        double[] out = new double[theta.length];
        for (int c = 0; c < blocks; c++) {
            System.arraycopy(map.apply(java.util.Arrays.copyOfRange(theta, c * n, (c + 1) * n)), 0, out, c * n, n);
        }
        return out;
    }

    private static double[] selectPerBlock(double[] theta, int blocks, int cols, int[] kept) {
        return ModelMatrix.select(theta, keptPerBlock(blocks, cols, kept));
    }

    /** The indices into a full &theta; of the kept columns of every block. */
    private static int[] keptPerBlock(int blocks, int cols, int[] kept) {
        int[] out = new int[blocks * kept.length];
        for (int c = 0; c < blocks; c++) {
            for (int j = 0; j < kept.length; j++) {
                out[c * kept.length + j] = c * cols + kept[j];
            }
        }
        return out;
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0.0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> names(List<String> terms, int[] indices) {
        List<String> names = new ArrayList<>();
        for (int j : indices) {
            names.add(terms.get(j));
        }
        return names;
    }

    private static List<String> divergingNames(List<String> terms, int[][] diverging) {
        List<String> names = new ArrayList<>();
        for (int[] d : diverging) {
            names.add(terms.get(d[1]));
        }
        return names;
    }

    /** Shifts the intercepts (column 0) by their mean, which changes no probability. */
    private static void centreIntercepts(double[][] coefficients) {
        double mean = 0;
        for (double[] block : coefficients) {
            mean += block[0];
        }
        mean /= coefficients.length;
        for (double[] block : coefficients) {
            block[0] -= mean;
        }
    }

    private static void requireEveryClass(FitData data, List<String> classes) {
        boolean[] seen = RowChecks.classesSeen(data.source, data.classes());
        if (data.binomial()) {
            if (!seen[0] || !seen[1]) {
                throw new IllegalArgumentException("y has only the label " + (seen[1] ? "1" : "0")
                        + " among rows with positive weight: both classes 0 and 1 are needed");
            }
            return;
        }
        for (int k = 0; k < seen.length; k++) {
            if (!seen[k]) {
                throw new IllegalArgumentException("class " + classes.get(k) + " (label " + k + ") has no rows with"
                        + " positive weight: every class needs observations");
            }
        }
    }
}
