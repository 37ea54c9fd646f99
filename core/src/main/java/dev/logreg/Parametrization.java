package dev.logreg;

/** How the K class logits of a multinomial model are made identifiable. */
public enum Parametrization {
    /**
     * K&minus;1 coefficient vectors; the reference class's logit is fixed at 0, so each vector is the log
     * of a class's odds against the reference (statsmodels {@code MNLogit}, R's {@code nnet::multinom}).
     * The default without a penalty, and the only choice without one. With two classes and class 0 as
     * the reference, it is the binomial model.
     */
    REFERENCE,
    /**
     * K coefficient vectors, one per class (scikit-learn, glmnet); identifiable only with an L2 penalty
     * &lambda; &gt; 0, which makes the coefficients of each feature sum to zero across classes. The
     * intercepts are centred to sum to zero.
     */
    SYMMETRIC
}
