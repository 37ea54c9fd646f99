package dev.logreg.spark;

import dev.logreg.objective.Objective;

/**
 * An objective restricted to the parameters of the columns a fit keeps, the others (aliased columns' in
 * every class's block) held at 0: the restricted &theta;, gradient and Hessian are the full ones'
 * entries at the kept parameters. With every column kept it is the objective itself.
 */
final class KeptParameters {

    private final Objective full;
    private final int[] index;
    private final Objective restricted;

    /**
     * @param full the objective on every parameter (blocks &times; n)
     * @param blocks the coefficient blocks C
     * @param n the columns
     * @param kept the columns kept, increasing
     */
    KeptParameters(Objective full, int blocks, int n, int[] kept) {
        this.full = full;
        this.index = new int[blocks * kept.length];
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < kept.length; j++) {
                index[b * kept.length + j] = b * n + kept[j];
            }
        }
        this.restricted = index.length == full.dimension() ? full : new Restricted();
    }

    /** @return the objective on the kept parameters */
    Objective objective() {
        return restricted;
    }

    /** @return the index into the full &theta; of each kept parameter (a copy) */
    int[] index() {
        return index.clone();
    }

    /** @param theta kept parameters @return the full &theta;, 0 at the others */
    double[] expand(double[] theta) {
        double[] out = new double[full.dimension()];
        for (int a = 0; a < index.length; a++) {
            out[index[a]] = theta[a];
        }
        return out;
    }

    /** @param theta the full parameters @return their kept entries */
    double[] select(double[] theta) {
        double[] out = new double[index.length];
        for (int a = 0; a < index.length; a++) {
            out[a] = theta[index[a]];
        }
        return out;
    }

    /** The restriction, when some parameter is held at 0. */
    private final class Restricted implements Objective {

        @Override
        public int dimension() {
            return index.length;
        }

        @Override
        public double value(double[] theta) {
            return full.value(expand(theta));
        }

        @Override
        public double valueAndGradient(double[] theta, double[] gradient) {
            double[] g = new double[full.dimension()];
            double loss = full.valueAndGradient(expand(theta), g);
            System.arraycopy(select(g), 0, gradient, 0, index.length);
            return loss;
        }

        @Override
        public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
            int d = full.dimension();
            double[] g = new double[d];
            double[] h = new double[d * d];
            double loss = full.valueGradientHessian(expand(theta), g, h);
            System.arraycopy(select(g), 0, gradient, 0, index.length);
            for (int a = 0; a < index.length; a++) {
                for (int b = 0; b < index.length; b++) {
                    hessian[a * index.length + b] = h[index[a] * d + index[b]];
                }
            }
            return loss;
        }

        @Override
        public double lipschitzBound() {
            return full.lipschitzBound();
        }
    }
}
