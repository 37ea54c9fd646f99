package dev.logreg.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The cell rules of a {@link Table} on characters, without a {@link String} per cell: which trimmed
 * cells are missing, which are decimal numbers ({@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?},
 * so not {@code 1f}, {@code 0x10} or {@code Inf}), which are infinite, the value of a number (as
 * {@link Double#parseDouble} gives it: fastdoubleparser is correctly rounded, as the JDK is), and
 * the canonical text of a value.
 *
 * <p>Each check is a hand-written scan of {@code chars[from, to)}: a cell is scanned once to
 * classify it and once more to parse it.
 */
final class Numbers {

    /** Integral values up to this magnitude are written without a fraction: every such value is exact. */
    static final double LARGEST_EXACT_INTEGER = 0x1p53;

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
        int i = from;
        if (i < to && (chars[i] == '+' || chars[i] == '-')) {
            i++;
        }
        int digits = i;
        while (i < to && isDigit(chars[i])) {
            i++;
        }
        boolean mantissa = i > digits;
        if (i < to && chars[i] == '.') {
            i++;
            int fraction = i;
            while (i < to && isDigit(chars[i])) {
                i++;
            }
            mantissa |= i > fraction;
        }
        if (!mantissa) {
            return false;
        }
        if (i < to && (chars[i] == 'e' || chars[i] == 'E')) {
            i++;
            if (i < to && (chars[i] == '+' || chars[i] == '-')) {
                i++;
            }
            int exponent = i;
            while (i < to && isDigit(chars[i])) {
                i++;
            }
            if (i == exponent) {
                return false;
            }
        }
        return i == to;
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
     * @param chars text
     * @param from the first character of a cell that {@link #isNumber(char[], int, int)} accepts
     * @param to one past its last
     * @return its value, exactly as {@link Double#parseDouble} gives it (infinite if too large for a double)
     */
    static double parse(char[] chars, int from, int to) {
        return JavaDoubleParser.parseDouble(chars, from, to - from);
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

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
