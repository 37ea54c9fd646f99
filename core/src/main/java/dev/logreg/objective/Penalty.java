package dev.logreg.objective;

/**
 * The ridge penalty (&lambda;/2) &Sigma; f<sub>j</sub> &theta;<sub>p</sub>&sup2; of the objectives over
 * every parameter p but the intercepts, f<sub>j</sub> the penalty factor of p's column j (1 unless
 * the problem says otherwise: a fit on rescaled columns keeps the penalty of the original scale by
 * factors 1/s<sub>j</sub>&sup2;), and its derivatives. The parameters form blocks of {@code cols}
 * (one block for the binary model, one per coefficient class for the multinomial one); position
 * {@code interceptColumn} of each block is an intercept.
 */
final class Penalty {

    private final double l2;
    private final double[] factors;
    private final int cols;
    private final int interceptColumn;

    /**
     * @param l2 &lambda; &ge; 0
     * @param factors f<sub>j</sub> &ge; 0 per column (length cols), or null for ones; not copied
     * @param cols the block length n
     * @param interceptColumn the intercept's position in each block, or &minus;1 for none
     */
    Penalty(double l2, double[] factors, int cols, int interceptColumn) {
        this.l2 = l2;
        this.factors = factors;
        this.cols = cols;
        this.interceptColumn = interceptColumn;
    }

    /** &lambda; f<sub>j</sub> for parameter p, 0 at an intercept. */
    private double weight(int p) {
        if (isIntercept(p)) {
            return 0.0;
        }
        return factors == null ? l2 : l2 * factors[p % cols];
    }

    /**
     * @param p an index into &theta;
     * @return whether p is an intercept, which is not penalized
     */
    boolean isIntercept(int p) {
        return interceptColumn >= 0 && p % cols == interceptColumn;
    }

    /** @return (&lambda;/2) &Sigma; f<sub>j</sub> &theta;<sub>p</sub>&sup2; at &theta;, the intercepts left out */
    double value(double[] theta) {
        if (l2 == 0) {
            return 0.0;
        }
        if (factors == null) {
            double s = 0;
            for (int p = 0; p < theta.length; p++) {
                if (!isIntercept(p)) {
                    s += theta[p] * theta[p];
                }
            }
            return 0.5 * l2 * s;
        }
        double s = 0;
        for (int p = 0; p < theta.length; p++) {
            s += weight(p) * theta[p] * theta[p];
        }
        return 0.5 * s;
    }

    /** g += &lambda; f &#8728; &theta; (0 at the intercepts) */
    void addGradient(double[] theta, double[] gradient) {
        if (l2 == 0) {
            return;
        }
        for (int p = 0; p < theta.length; p++) {
            gradient[p] += weight(p) * theta[p];
        }
    }

    /** H += &lambda; diag(f), 0 at the intercepts; H is d&times;d row-major */
    void addHessian(double[] hessian, int d) {
        if (l2 == 0) {
            return;
        }
        for (int p = 0; p < d; p++) {
            hessian[p * d + p] += weight(p);
        }
    }

    /** @return &lambda; max f<sub>j</sub>, the penalty's largest curvature */
    double largestCurvature() {
        if (factors == null) {
            return l2;
        }
        double largest = 0;
        for (int j = 0; j < cols; j++) {
            if (j != interceptColumn) {
                largest = Math.max(largest, factors[j]);
            }
        }
        return l2 * largest;
    }
}
