package dev.logreg.testing;

/** Every tolerance the tests use, in one place, with what it stands for. */
public final class Tolerances {

    /** Two implementations of the same formula, differing only in summation order: relative. */
    public static final double SAME_MATH = 1e-12;
    /** Central finite differences against analytic derivatives (h ~ 1e-5): relative. */
    public static final double FINITE_DIFFERENCE = 1e-6;
    /** Agreement with R's glm, as the issues ask: relative. */
    public static final double R_REFERENCE = 1e-6;
    /**
     * Agreement with R's glm to its last digits: the reference optimum is converged to about 3e-15
     * relative (three more Newton steps in R move it by at most 1.1e-14 absolute), so a fully
     * converged fit here must agree to 1e-13.
     */
    public static final double R_LAST_DIGITS = 1e-13;
    /**
     * The floor below which p-values against R are compared absolutely (to R_REFERENCE &times; this).
     * summary.glm's standard errors come from its penultimate IRLS iterate, about 2e-8 relative from
     * those at the optimum; a p-value's relative error is about z&sup2; times that, so tiny p-values
     * (z = 12, p = 4e-34) differ relatively by more than 1e-6 while agreeing to 1e-40 absolutely.
     */
    public static final double P_VALUE_FLOOR = 1e-3;
    /** Two solvers (or two parametrizations) run to max|g| &le; 1e-10 on the same problem: relative. */
    public static final double SAME_OPTIMUM = 1e-7;
    /**
     * Predictions on new data against R's (reference/r-predict.properties), relative. R's fits are converged
     * to a gradient of about 1e-13, this library's to its default tolerance max|g| &le; 1e-8 (in practice far
     * below: Newton's last step is quadratic); the coefficients then agree to about 1e-11 and the
     * predictions to about 2e-10.
     */
    public static final double R_PREDICTION = 1e-9;
    /** Log-odds below this size are compared to R's absolutely (|difference| &le; R_PREDICTION times it). */
    public static final double R_PREDICTION_LINK_FLOOR = 1.0;
    /**
     * Coefficients fitted with an offset against R's (reference/r-offset.properties), relative. R's fits
     * are converged to a gradient of about 1e-12 (three more Newton steps move no coefficient by more
     * than 5.4e-14 relative), this library's to max|g| &le; {@link #NEWTON_OFFSET_GRADIENT}.
     */
    public static final double R_OFFSET_COEFFICIENTS = 1e-9;
    /** Deviances fitted with an offset against R's: relative (the deviance is flat at the optimum). */
    public static final double R_OFFSET_DEVIANCE = 1e-10;
    /** The gradient tolerance of the Newton fits compared with R's fits with an offset (max|g|, g = &nabla;J). */
    public static final double NEWTON_OFFSET_GRADIENT = 1e-11;
    /**
     * Standard errors of fits with an offset against R's, relative: both at the estimate itself (R's from the QR
     * of D<sup>1/2</sup>X at its coefficients), so they differ by the coefficients' own difference.
     */
    public static final double R_OFFSET_STANDARD_ERRORS = 1e-8;
    /** Gradient descent's tolerance (max|g| on standardized features) in the fits compared with Newton's optimum. */
    public static final double GRADIENT_DESCENT_OFFSET_GRADIENT = 1e-10;
    /**
     * Gradient descent's coefficients with an offset against R's, relative: it stops at a gradient of
     * {@link #GRADIENT_DESCENT_OFFSET_GRADIENT} on standardized features, coarser than Newton's.
     */
    public static final double GRADIENT_DESCENT_OFFSET_COEFFICIENTS = 1e-7;
    /** Scalar functions against an independent formula: relative, a few ulps. */
    public static final double SCALAR = 1e-14;

    private Tolerances() {
    }
}
