package dev.logreg;

import dev.logreg.objective.BinaryProblem;
import dev.logreg.objective.FusedBinaryObjective;
import dev.logreg.objective.FusedMultinomialObjective;
import dev.logreg.objective.MultinomialProblem;
import dev.logreg.objective.Objective;
import dev.logreg.objective.RowBlock;
import dev.logreg.objective.RowSource;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * One fit's data as the pipeline sees it, for two classes or K: the rows (a {@link RowSource}: the model
 * matrix as the pipeline changed it, the labels and the normalized prior weights), the penalty, and the
 * fused kernel that computes the loss, gradient and Hessian. Every step after the caller's checks (aliasing,
 * standardization, the solve, the separation check, the inference) reads the data through this class,
 * so that none of them exists twice. The binary model is the one-block case of the multinomial one,
 * with class 0 as the reference; it keeps its own, faster, kernel.
 */
abstract sealed class FitData permits FitData.Binary, FitData.Multinomial {

    /** The rows, labels and normalized weights, as the kernels read them. */
    final RowSource source;
    final int rows;
    final int cols;
    final boolean intercept;
    final double l2;
    /** The power of two the caller's weights were divided by (exactly); 0 without weights. */
    final int weightExponent;
    /** Per-column penalty factors, or null for ones. */
    final double[] factors;
    /** W, as the problem summed it. */
    private double totalWeight;

    private FitData(RowSource source, boolean intercept, double l2, int weightExponent, double[] factors) {
        this.source = source;
        this.rows = source.rows();
        this.cols = source.cols();
        this.intercept = intercept;
        this.l2 = l2;
        this.weightExponent = weightExponent;
        this.factors = factors;
    }

    /** Records W once the subclass's problem has validated the weights and summed them. */
    final void setTotalWeight(double value) {
        this.totalWeight = value;
    }

    /** @return C, the coefficient blocks: 1 for the binary model */
    abstract int blocks();

    /** @return K, the classes */
    abstract int classes();

    /** @return the number of parameters, C&middot;n */
    final int dimension() {
        return blocks() * cols;
    }

    /** @return the sum of the normalized weights, W */
    final double totalWeight() {
        return totalWeight;
    }

    /**
     * Reads every row in order (see {@link RowSource#scan}).
     *
     * @param visit told of each range of rows: their model-matrix rows, labels (class indices) and
     *        normalized weights
     */
    final void scan(Consumer<RowBlock> visit) {
        source.scan(visit);
    }

    /**
     * Reads the rows in fixed ranges of {@link RowSource#SCAN_ROWS}, several ranges at once, and gives what
     * {@code visit} makes of each range in row order: sums that the caller adds in that order do not depend
     * on the number of threads.
     *
     * @param visit told of one range of rows (its view is the thread's, reused); thread-safe
     * @param <T> what a range gives
     * @return one result per range, in order
     */
    final <T> List<T> mapRanges(Function<RowBlock, T> visit) {
        int m = source.rows();
        int ranges = (m + RowSource.SCAN_ROWS - 1) / RowSource.SCAN_ROWS;
        ThreadLocal<RowBlock> views = ThreadLocal.withInitial(RowBlock::new);
        Object[] results = new Object[ranges];
        IntStream.range(0, ranges).parallel().forEach(k -> {
            RowBlock view = views.get();
            int from = k * RowSource.SCAN_ROWS;
            source.read(from, Math.min(m, from + RowSource.SCAN_ROWS), view);
            results[k] = visit.apply(view);
        });
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) java.util.Arrays.asList(results);
        return list;
    }

    /**
     * Writes the K logits of row r of a range at &theta; into z (the reference class's is 0): the linear
     * predictor, the row's offset included (two classes).
     *
     * @param block a range of rows of {@link #source}
     * @param r a row of it
     */
    abstract void logits(RowBlock block, int r, double[] theta, double[] z);

    /**
     * Writes the K logits of row r along a direction V into z: x<sub>r</sub>V alone, without the row's
     * offset (how the logits change along V), for the separation check.
     *
     * @param block a range of rows of {@link #source}
     * @param r a row of it
     */
    abstract void logitsAlong(RowBlock block, int r, double[] v, double[] z);

    /** @return whether the rows' linear predictors have offsets (two classes only) */
    boolean hasOffsets() {
        return false;
    }

    /**
     * @return the kernel of these data without their offsets, for the aliasing check at &theta; = 0 (whose
     *         Hessian is then X<sup>T</sup>WX/(4W), whatever the offsets): {@link #kernel()} when there are none
     */
    Objective kernelWithoutOffsets() {
        return kernel();
    }

    /**
     * @param theta parameters, length C&middot;n
     * @return the largest range (max minus min) of a row's K logits over the rows of positive weight:
     *         how close some fitted probability comes to 0 or 1. From the {@link #kernel()}'s pass when its
     *         last one was at &theta; (as after a solve), else by one pass of the loss.
     */
    abstract double largestLogitRange(double[] theta);

    /**
     * @return the fused kernel the fit solves with, made once for these data; not thread-safe, so only
     *         the fit's own thread uses it (the inference makes its own with {@link #objective()})
     */
    abstract Objective kernel();

    /** @return the fused kernel on these data (a new instance: it is not thread-safe) */
    abstract Objective objective();

    /** @return the same kind of data on other rows (the same labels and weights, changed columns) */
    abstract FitData withColumns(RowSource source, double[] factors);

    /** @return the loss below which the data are proved completely separated (0 with a penalty) */
    abstract double separationLevel();

    /** @return whether the log-likelihood counts round(w) trials per row, as R's binomial family does */
    abstract boolean binomial();

    /** @return the reference class, whose logit is 0, or &minus;1 for the symmetric parametrization */
    abstract int reference();

    /** The binary model: labels 0 and 1, class 1 the event. */
    static final class Binary extends FitData {
        final BinaryProblem problem;
        /** The offsets o, one per row (checked finite), or null for none. */
        final double[] offsets;
        private FusedBinaryObjective kernel;

        /**
         * @param source the rows; labels 0 or 1, normalized weights
         * @param weightExponent the power of two the weights were divided by
         */
        Binary(RowSource source, boolean intercept, double l2, int weightExponent, double[] factors) {
            this(source, intercept, l2, weightExponent, factors, null);
        }

        /**
         * @param source the rows; labels 0 or 1, normalized weights
         * @param weightExponent the power of two the weights were divided by
         * @param offsets o, one per row of the source, finite, or null for none; referenced, not copied (never
         *        modified here: a change of columns or weights keeps the same rows and so the same offsets)
         */
        Binary(RowSource source, boolean intercept, double l2, int weightExponent, double[] factors,
               double[] offsets) {
            super(source, intercept, l2, weightExponent, factors);
            this.offsets = offsets;
            this.problem = new BinaryProblem(source, l2, intercept ? 0 : -1, factors, offsets);
            setTotalWeight(problem.totalWeight());
        }

        @Override
        boolean hasOffsets() {
            return offsets != null;
        }

        @Override
        Objective kernelWithoutOffsets() {
            return offsets == null ? kernel() : new FusedBinaryObjective(problem.withoutOffsets());
        }

        @Override
        int blocks() {
            return 1;
        }

        @Override
        int classes() {
            return 2;
        }

        @Override
        void logits(RowBlock block, int r, double[] theta, double[] z) {
            logitsAlong(block, r, theta, z);
            if (offsets != null) {
                z[1] += offsets[r];
            }
        }

        @Override
        void logitsAlong(RowBlock block, int r, double[] v, double[] z) {
            double[] x = block.array();
            int base = block.offset(r);
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += x[base + j] * v[j];
            }
            z[0] = 0;
            z[1] = s;
        }

        @Override
        double largestLogitRange(double[] theta) {
            return kernel().largestLogitRange(theta);
        }

        @Override
        FusedBinaryObjective kernel() {
            if (kernel == null) {
                kernel = new FusedBinaryObjective(problem);
            }
            return kernel;
        }

        @Override
        Objective objective() {
            return new FusedBinaryObjective(problem);
        }

        @Override
        FitData withColumns(RowSource source, double[] factors) {
            return new Binary(source, intercept, l2, weightExponent, factors, offsets);
        }

        @Override
        boolean binomial() {
            return true;
        }

        @Override
        int reference() {
            return 0;
        }

        @Override
        double separationLevel() {
            return problem.separationLevel();
        }
    }

    /** The multinomial model: K classes, C = K &minus; 1 blocks against a reference, or K symmetric ones. */
    static final class Multinomial extends FitData {
        final MultinomialProblem problem;
        private FusedMultinomialObjective kernel;
        private final int reference;

        /**
         * @param source the rows; labels class indices in [0, classes), normalized weights
         * @param weightExponent the power of two the weights were divided by
         */
        Multinomial(RowSource source, boolean intercept, int classes, int reference, double l2, int weightExponent,
                    double[] factors) {
            super(source, intercept, l2, weightExponent, factors);
            this.reference = reference;
            this.problem = new MultinomialProblem(source, l2, intercept ? 0 : -1, classes, reference, factors);
            setTotalWeight(problem.totalWeight());
        }

        @Override
        int blocks() {
            return problem.blocks();
        }

        @Override
        int classes() {
            return problem.classes();
        }

        @Override
        void logits(RowBlock block, int r, double[] theta, double[] z) {
            problem.logits(block.array(), block.offset(r), theta, z);
        }

        @Override
        void logitsAlong(RowBlock block, int r, double[] v, double[] z) {
            logits(block, r, v, z);
        }


        @Override
        Objective objective() {
            return new FusedMultinomialObjective(problem);
        }

        @Override
        double largestLogitRange(double[] theta) {
            return kernel().largestLogitRange(theta);
        }

        @Override
        FusedMultinomialObjective kernel() {
            if (kernel == null) {
                kernel = new FusedMultinomialObjective(problem);
            }
            return kernel;
        }

        @Override
        FitData withColumns(RowSource source, double[] factors) {
            return new Multinomial(source, intercept, problem.classes(), reference, l2, weightExponent, factors);
        }

        @Override
        boolean binomial() {
            return false;
        }

        @Override
        int reference() {
            return reference;
        }

        @Override
        double separationLevel() {
            return problem.separationLevel();
        }
    }
}
