package dev.logreg.objective;

/**
 * The data of a multinomial (softmax) logistic regression problem: a model matrix X (m&times;n,
 * row-major), class labels y<sub>i</sub> &isin; {0, &hellip;, K&minus;1}, non-negative weights
 * w (default 1), an L2 penalty &lambda; and the parametrization of the K class logits.
 *
 * <p>The parameters form a flat vector &theta; of C blocks of n coefficients, block c holding
 * the coefficients of class {@link #blockClass(int) blockClass(c)}: &theta;[c&middot;n + j]. The
 * logit of class k for row i is z<sub>ik</sub> = x<sub>i</sub>&middot;&theta;<sub>block(k)</sub>,
 * and the loss is
 *
 * <pre>
 *     J(&theta;) = (1/W) &Sigma; w_i [ logsumexp(z_i) &minus; z_{i,y_i} ] + (&lambda;/2)&Vert;B&Vert;&sup2;
 * </pre>
 *
 * with B every coefficient but the intercepts. Two parametrizations:
 * <ul>
 *   <li><em>reference</em> (C = K&minus;1): the reference class's logit is fixed at 0 and has no
 *       block, which makes the unpenalized problem identifiable (statsmodels' {@code MNLogit}, R's
 *       {@code nnet::multinom});</li>
 *   <li><em>symmetric</em> (C = K): every class has a block (scikit-learn, glmnet). Adding one
 *       vector to every block leaves the probabilities unchanged, so it is identifiable only with
 *       &lambda; &gt; 0, and even then the intercepts only up to a common shift; the fit centres
 *       them to sum to zero.</li>
 * </ul>
 *
 * <p>The arrays are referenced, not copied; the constructor validates every value.
 */
public final class MultinomialProblem extends ProblemData {

    final int[] y;
    final int classes;
    final int reference;
    final int[] blockClass;
    final int[] classBlock;
    /** The unpenalized binary problem on the same X and weights, labels 0 (see {@link #gramProblem()}), made once asked. */
    private BinaryProblem gram;

    /**
     * Describes a problem.
     *
     * @param x the model matrix, row-major, length rows&times;cols, finite
     * @param rows m &ge; 1
     * @param cols n &ge; 1
     * @param y class labels in [0, classes), length m
     * @param weights prior weights, finite and &ge; 0 with a positive sum, or {@code null} for all 1
     * @param l2 the penalty &lambda; &ge; 0 on every coefficient but the intercepts
     * @param interceptColumn the column of X that is the intercept (unpenalized), or &minus;1
     * @param classes K &ge; 2
     * @param reference the reference class in [0, K), or &minus;1 for the symmetric parametrization
     * @throws IllegalArgumentException naming the first invalid value
     */
    public MultinomialProblem(double[] x, int rows, int cols, int[] y, double[] weights, double l2,
                              int interceptColumn, int classes, int reference) {
        this(x, rows, cols, y, weights, l2, interceptColumn, classes, reference, null);
    }

    /**
     * Describes a problem whose penalty is (&lambda;/2) &Sigma; f<sub>j</sub> &beta;<sub>cj</sub>&sup2;.
     *
     * @param x the model matrix, row-major, length rows&times;cols, finite
     * @param rows m &ge; 1
     * @param cols n &ge; 1
     * @param y class labels in [0, classes), length m
     * @param weights prior weights, finite and &ge; 0 with a positive sum, or {@code null} for all 1
     * @param l2 the penalty &lambda; &ge; 0 on every coefficient but the intercepts
     * @param interceptColumn the column of X that is the intercept (unpenalized), or &minus;1
     * @param classes K &ge; 2
     * @param reference the reference class in [0, K), or &minus;1 for the symmetric parametrization
     * @param penaltyFactors f<sub>j</sub> per column, finite and &ge; 0, or {@code null} for ones; copied
     * @throws IllegalArgumentException naming the first invalid value
     */
    public MultinomialProblem(double[] x, int rows, int cols, int[] y, double[] weights, double l2,
                              int interceptColumn, int classes, int reference, double[] penaltyFactors) {
        this(DesignMatrix.wrap(x, rows, cols), y, weights, l2, interceptColumn, classes, reference, penaltyFactors);
    }

    /**
     * Describes a problem on a model matrix already checked; validates the rest.
     *
     * @param x the model matrix; its array is referenced, not copied
     * @param y class labels in [0, classes), length m
     * @param weights prior weights, finite and &ge; 0 with a positive sum, or {@code null} for all 1
     * @param l2 the penalty &lambda; &ge; 0 on every coefficient but the intercepts
     * @param interceptColumn the column of X that is the intercept (unpenalized), or &minus;1
     * @param classes K &ge; 2
     * @param reference the reference class in [0, K), or &minus;1 for the symmetric parametrization
     * @param penaltyFactors f<sub>j</sub> per column, finite and &ge; 0, or {@code null} for ones; copied
     * @throws IllegalArgumentException naming the first invalid value
     */
    public MultinomialProblem(DesignMatrix x, int[] y, double[] weights, double l2, int interceptColumn,
                              int classes, int reference, double[] penaltyFactors) {
        super(x, asDoubles(y), weights, l2, interceptColumn, penaltyFactors);
        checkClasses(classes, reference);
        if (y.length != rows) {
            throw new IllegalArgumentException("y has length " + y.length + ", expected " + rows);
        }
        for (int i = 0; i < rows; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not a class: labels must be in [0, "
                        + classes + ")");
            }
        }
        this.y = y;
        this.classes = classes;
        this.reference = reference;
        this.blockClass = new int[reference < 0 ? classes : classes - 1];
        this.classBlock = new int[classes];
        mapBlocks();
    }

    /**
     * A multinomial problem on rows read from a source: their labels (class indices in [0, K)) and
     * weights are checked in one pass, which also sums W.
     *
     * @param source the rows; each label a class index in [0, classes)
     * @param l2 the penalty &lambda; &ge; 0 on every coefficient but the intercepts
     * @param interceptColumn the column of X that is the intercept (unpenalized), or &minus;1
     * @param classes K &ge; 2
     * @param reference the reference class in [0, K), or &minus;1 for the symmetric parametrization
     * @param penaltyFactors f<sub>j</sub> per column, finite and &ge; 0, or {@code null} for ones; copied
     * @throws IllegalArgumentException naming the first invalid value
     */
    public MultinomialProblem(RowSource source, double l2, int interceptColumn, int classes, int reference,
                              double[] penaltyFactors) {
        super(source, l2, interceptColumn, penaltyFactors);
        checkClasses(classes, reference);
        source.scanLabels(block -> {
            for (int i = block.from(); i < block.to(); i++) {
                double yi = block.y(i);
                if (!(yi >= 0 && yi < classes && yi == Math.rint(yi))) {
                    throw new IllegalArgumentException("y[" + i + "] = " + yi + " is not a class: labels must be in [0, "
                            + classes + ")");
                }
            }
        });
        this.y = null;
        this.classes = classes;
        this.reference = reference;
        this.blockClass = new int[reference < 0 ? classes : classes - 1];
        this.classBlock = new int[classes];
        mapBlocks();
    }

    /**
     * @param y class labels, or null
     * @return them as a {@link RowSource} holds labels (doubles), or null
     */
    public static double[] asDoubles(int[] y) {
        if (y == null) {
            return null;
        }
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            d[i] = y[i];
        }
        return d;
    }

    private static void checkClasses(int classes, int reference) {
        if (classes < 2) {
            throw new IllegalArgumentException("a multinomial model needs at least 2 classes, got " + classes);
        }
        if (reference < -1 || reference >= classes) {
            throw new IllegalArgumentException("the reference class must be -1 (symmetric) or in [0, " + classes
                    + "), got " + reference);
        }
    }

    /** Fills the maps between classes and coefficient blocks. */
    private void mapBlocks() {
        int c = 0;
        for (int k = 0; k < classes; k++) {
            if (k == reference) {
                classBlock[k] = -1;
            } else {
                classBlock[k] = c;
                blockClass[c++] = k;
            }
        }
    }



    /** @return K, the number of classes */
    public int classes() {
        return classes;
    }

    /** @return C, the number of coefficient blocks: K&minus;1 (reference) or K (symmetric) */
    public int blocks() {
        return blockClass.length;
    }

    /** @return the length of &theta;: C&middot;n */
    public int dimension() {
        return blockClass.length * cols;
    }

    /** @return the reference class, or &minus;1 for the symmetric parametrization */
    public int reference() {
        return reference;
    }

    /** @return whether every class has a coefficient block */
    public boolean symmetric() {
        return reference < 0;
    }

    /**
     * The class whose coefficients block c holds.
     *
     * @param block c in [0, C)
     * @return the class k
     */
    public int blockClass(int block) {
        return blockClass[block];
    }

    /**
     * The block holding class k's coefficients.
     *
     * @param k a class
     * @return its block, or &minus;1 for the reference class
     */
    public int classBlock(int k) {
        return classBlock[k];
    }






    /**
     * One label.
     *
     * @param i row
     * @return y<sub>i</sub>, a class in [0, K)
     */
    public int label(int i) {
        array();
        return y[i];
    }


    /**
     * The logits of row i: z<sub>ik</sub> = x<sub>i</sub>&middot;&theta;<sub>block(k)</sub>, 0 for
     * the reference class.
     *
     * @param i row
     * @param theta parameters, length C&middot;n
     * @param z output, length K
     */
    public void logits(int i, double[] theta, double[] z) {
        logits(array(), i * cols, theta, z);
    }

    /**
     * The logits of a row given as the n values of an array from an offset (a row of a {@link RowBlock}).
     *
     * @param x the array
     * @param base where the row starts
     * @param theta parameters, length C&middot;n
     * @param z output, length K
     */
    public void logits(double[] x, int base, double[] theta, double[] z) {
        Buffers.checkLength("theta", theta, dimension());
        Buffers.checkLength("z", z, classes);
        for (int k = 0; k < classes; k++) {
            int c = classBlock[k];
            double s = 0;
            if (c >= 0) {
                int t = c * cols;
                for (int j = 0; j < cols; j++) {
                    s += x[base + j] * theta[t + j];
                }
            }
            z[k] = s;
        }
    }

    /**
     * The problem's binary sibling on the same X and weights (labels 0), whose Hessian at 0 is
     * X&#7488;WX/(4W): used for the Gram matrix and its largest eigenvalue.
     *
     * @return a binary problem sharing X and the weights, unpenalized
     */
    synchronized BinaryProblem gramProblem() {
        if (gram == null) {
            gram = matrix != null ? new BinaryProblem(matrix, new double[rows], w, 0.0, interceptColumn, penaltyFactors)
                    : new BinaryProblem(new ZeroLabels(source), 0.0, interceptColumn, penaltyFactors);
        }
        return gram;
    }
}
