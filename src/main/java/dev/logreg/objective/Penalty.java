package dev.logreg.objective;

/**
 * The ridge penalty (&lambda;/2)&Vert;B&Vert;&sup2; of the objectives, B every parameter but the
 * intercepts, and its derivatives. The parameters form blocks of {@code cols} (one block for the
 * binary model, one per coefficient class for the multinomial one); position {@code interceptColumn}
 * of each block is an intercept.
 */
final class Penalty {

    private final double l2;
    private final int cols;
    private final int interceptColumn;

    /**
     * @param l2 &lambda; &ge; 0
     * @param cols the block length n
     * @param interceptColumn the intercept's position in each block, or &minus;1 for none
     */
    Penalty(double l2, int cols, int interceptColumn) {
        this.l2 = l2;
        this.cols = cols;
        this.interceptColumn = interceptColumn;
    }

    /**
     * @param p an index into &theta;
     * @return whether p is an intercept, which is not penalized
     */
    boolean isIntercept(int p) {
        return interceptColumn >= 0 && p % cols == interceptColumn;
    }

    /** @return (&lambda;/2)&Vert;B&Vert;&sup2; at &theta; */
    double value(double[] theta) {
        if (l2 == 0) {
            return 0.0;
        }
        double s = 0;
        for (int p = 0; p < theta.length; p++) {
            if (!isIntercept(p)) {
                s += theta[p] * theta[p];
            }
        }
        return 0.5 * l2 * s;
    }

    /** g += &lambda;B (0 at the intercepts) */
    void addGradient(double[] theta, double[] gradient) {
        if (l2 == 0) {
            return;
        }
        for (int p = 0; p < theta.length; p++) {
            if (!isIntercept(p)) {
                gradient[p] += l2 * theta[p];
            }
        }
    }

    /** H += &lambda;I&prime;, I&prime; the identity with 0 at the intercepts; H is d&times;d row-major */
    void addHessian(double[] hessian, int d) {
        if (l2 == 0) {
            return;
        }
        for (int p = 0; p < d; p++) {
            if (!isIntercept(p)) {
                hessian[p * d + p] += l2;
            }
        }
    }
}
