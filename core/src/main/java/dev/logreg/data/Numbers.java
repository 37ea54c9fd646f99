package dev.logreg.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The cell rules of a {@link Table} on characters, without a {@link String} per cell: which trimmed
 * cells are missing, which are decimal numbers ({@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?},
 * so not {@code 1f}, {@code 0x10} or {@code Inf}), which are infinite, the value of a number (as
 * {@link Double#parseDouble} gives it: fastdoubleparser is correctly rounded, as the JDK is), and
 * the canonical text of a value.
 *
 * <p>Each check is a hand-written scan of {@code chars[from, to)}; a number is classified and its digits
 * gathered in one scan.
 */
final class Numbers {

    /** Integral values up to this magnitude are written without a fraction: every such value is exact. */
    static final double LARGEST_EXACT_INTEGER = 0x1p53;

    /** The number of decimal digits. */
    private static final int DECIMAL = 10;
    /** The digits gathered in a {@code long}: up to 18 always fit (more overflow, and are parsed otherwise). */
    private static final int MAX_DIGITS = 18;
    /** A significand up to this (2<sup>53</sup> &minus; 1) is an exact double. */
    private static final long LARGEST_EXACT_SIGNIFICAND = (1L << 53) - 1;
    /** Powers of ten up to this are exact doubles. */
    private static final int MAX_EXACT_POWER = 22;
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** An exponent is gathered up to this; beyond, every significand overflows or underflows alike. */
    private static final int MAX_EXPONENT = 100_000;

    /** The infinite words, lower case; {@code inf} is a prefix of {@code infinity}. */
    private static final String INFINITY = "infinity";
    private static final int INF_LENGTH = 3;
    /** ASCII letters differ from their upper case in this bit only. */
    private static final int ASCII_CASE_BIT = 0x20;

    private Numbers() {
    }

    /**
     * @param chars text
     * @param from the cell's first character
     * @param to one past its last
     * @return whether the trimmed cell is missing: empty, {@code ?}, {@code NA} or {@code NaN}
     */
    static boolean isMissing(char[] chars, int from, int to) {
        switch (to - from) {
            case 0:
                return true;
            case 1:
                return chars[from] == '?';
            case 2:
                return chars[from] == 'N' && chars[from + 1] == 'A';
            case 3:
                return chars[from] == 'N' && chars[from + 1] == 'a' && chars[from + 2] == 'N';
            default:
                return false;
        }
    }

    /**
     * @param chars text
     * @param from the cell's first character
     * @param to one past its last
     * @return whether the trimmed cell is a decimal number by the table's rules
     */
    static boolean isNumber(char[] chars, int from, int to) {
        return !Double.isNaN(value(chars, from, to));
    }

    /**
     * The value of a cell if it is a decimal number: one scan checks the pattern, and for up to 18 digits with
     * a significand below 2<sup>53</sup> and a power of ten within &plusmn;22, the value is one correctly rounded
     * operation on exact doubles (Clinger's fast path, the one fastdoubleparser takes first); any other number is
     * parsed by fastdoubleparser. Either way the value is the one {@link Double#parseDouble} gives.
     *
     * @param chars text
     * @param from the trimmed cell's first character
     * @param to one past its last
     * @return its value (infinite if too large for a double), or NaN if it is not a decimal number
     */
    static double value(char[] chars, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (chars[i] == '+' || chars[i] == '-')) {
            negative = chars[i] == '-';
            i++;
        }
        long significand = 0;
        int integer = i;
        for (int d; i < to && (d = digit(chars[i])) < DECIMAL; i++) {
            significand = DECIMAL * significand + d;
        }
        int digits = i - integer;
        int fractionDigits = 0;
        if (i < to && chars[i] == '.') {
            int fraction = ++i;
            for (int d; i < to && (d = digit(chars[i])) < DECIMAL; i++) {
                significand = DECIMAL * significand + d;
            }
            fractionDigits = i - fraction;
        }
        if (digits + fractionDigits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to && (chars[i] == 'e' || chars[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (chars[i] == '+' || chars[i] == '-')) {
                negativeExponent = chars[i] == '-';
                i++;
            }
            int exponentDigits = i;
            for (int d; i < to && (d = digit(chars[i])) < DECIMAL; i++) {
                exponent = Math.min(MAX_EXPONENT, DECIMAL * exponent + d);
            }
            if (i == exponentDigits) {
                return Double.NaN;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != to) {
            return Double.NaN;
        }
        int power = exponent - fractionDigits;
        if (digits + fractionDigits <= MAX_DIGITS && significand <= LARGEST_EXACT_SIGNIFICAND
                && power >= -MAX_EXACT_POWER && power <= MAX_EXACT_POWER) {
            double value = significand;
            value = power < 0 ? value / POWERS_OF_TEN[-power] : value * POWERS_OF_TEN[power];
            return negative ? -value : value;
        }
        return JavaDoubleParser.parseDouble(chars, from, to - from);
    }

    /** @return the value of a decimal digit, or {@link #DECIMAL} or more for any other character */
    private static int digit(char c) {
        return (char) (c - '0');
    }

    /**
     * @param cell a trimmed cell
     * @return whether it is a decimal number by the table's rules
     */
    static boolean isNumber(String cell) {
        return isNumber(cell.toCharArray(), 0, cell.length());
    }

    /**
     * @param chars text
     * @param from the cell's first character
     * @param to one past its last
     * @return whether the trimmed cell is {@code inf} or {@code infinity} in any ASCII case, with an optional sign
     */
    static boolean isInfinite(char[] chars, int from, int to) {
        int i = from;
        if (i < to && (chars[i] == '+' || chars[i] == '-')) {
            i++;
        }
        int length = to - i;
        if (length != INF_LENGTH && length != INFINITY.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if ((chars[i + k] | ASCII_CASE_BIT) != INFINITY.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The canonical text of a number: an integral value of magnitude up to 2<sup>53</sup> without a fraction
     * ({@code -3}, {@code 202}, {@code -0}), any other value as {@link Double#toString(double)} writes it
     * ({@code 0.5}, {@code 1.0E20}). {@link Double#parseDouble} reads the text back to the same value, bit for
     * bit.
     *
     * @param value a finite number
     * @return its text
     */
    static String text(double value) {
        if (value == Math.rint(value) && Math.abs(value) <= LARGEST_EXACT_INTEGER) {
            long integral = (long) value;
            return integral == 0 && 1 / value < 0 ? "-0" : Long.toString(integral);
        }
        return Double.toString(value);
    }
}
