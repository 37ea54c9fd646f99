package dev.logreg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of numbers printed the way R prints a coefficient matrix: row names left-aligned, each
 * column right-aligned with one format for the whole column, chosen so that every entry shows at
 * least the requested significant digits, in fixed notation unless scientific is narrower. It prints
 * the coefficient tables of {@link Fit#summary()}, and is offered for tables in the same style.
 */
public final class TextTable {

    private final List<String> rowNames;
    private final List<String> headers = new ArrayList<>();
    private final List<String[]> cells = new ArrayList<>();
    private final List<Boolean> leftAligned = new ArrayList<>();

    /**
     * @param rowNames the row names, in order
     */
    public TextTable(List<String> rowNames) {
        require(rowNames, "rowNames");
        for (String name : rowNames) {
            require(name, "a row name");
        }
        this.rowNames = List.copyOf(rowNames);
    }

    /**
     * Adds a numeric column.
     *
     * @param header the column's title
     * @param values one per row; NaN prints as {@code NA}
     * @param digits the significant digits every entry shows at least
     * @return this
     */
    public TextTable column(String header, double[] values, int digits) {
        require(values, "values");
        return column(header, format(values, digits));
    }

    /**
     * Adds a column of ready-made cells.
     *
     * @param header the column's title
     * @param values one per row
     * @return this
     */
    public TextTable column(String header, String[] values) {
        require(header, "header");
        require(values, "values");
        if (values.length != rowNames.size()) {
            throw new IllegalArgumentException(values.length + " cells for " + rowNames.size() + " rows");
        }
        headers.add(header);
        cells.add(values.clone());
        leftAligned.add(false);
        return this;
    }

    /**
     * Adds a column of cells aligned to the left (R's significance stars).
     *
     * @param header the column's title
     * @param values one per row
     * @return this
     */
    public TextTable leftColumn(String header, String[] values) {
        require(values, "values");
        column(header, values);
        leftAligned.set(leftAligned.size() - 1, true);
        return this;
    }

    /**
     * Adds two numeric columns formatted together (one format for both), as R prints estimates
     * beside their standard errors.
     *
     * @param header1 the first column's title
     * @param values1 its values
     * @param header2 the second column's title
     * @param values2 its values
     * @param digits the significant digits every entry shows at least
     * @return this
     */
    public TextTable columns(String header1, double[] values1, String header2, double[] values2, int digits) {
        require(values1, "values1");
        require(values2, "values2");
        double[] both = new double[values1.length + values2.length];
        System.arraycopy(values1, 0, both, 0, values1.length);
        System.arraycopy(values2, 0, both, values1.length, values2.length);
        String[] cells = format(both, digits);
        column(header1, java.util.Arrays.copyOfRange(cells, 0, values1.length));
        return column(header2, java.util.Arrays.copyOfRange(cells, values1.length, cells.length));
    }

    /**
     * Formats p-values as R's {@code format.pval}: values below the machine epsilon as
     * {@code <2e-16}, the others with one format showing at least {@code digits} significant digits.
     *
     * @param p the p-values
     * @param digits significant digits
     * @return the formatted p-values
     */
    public static String[] pValues(double[] p, int digits) {
        require(p, "p");
        double eps = Math.ulp(1.0);
        String[] out = new String[p.length];
        int large = 0;
        for (double v : p) {
            if (!(v < eps)) {
                large++;
            }
        }
        double[] kept = new double[large];
        int next = 0;
        for (double v : p) {
            if (!(v < eps)) {
                kept[next++] = v;
            }
        }
        String[] formatted = format(kept, digits);
        next = 0;
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] < eps ? "<2e-16" : formatted[next++];
        }
        return out;
    }

    /**
     * @param p a p-value
     * @return R's significance code: {@code ***} below 0.001, {@code **} below 0.01, {@code *} below
     *         0.05, {@code .} below 0.1, else blank
     */
    public static String stars(double p) {
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
    }

    /**
     * Formats numbers with one format for all, as R's {@code format} does: the fewest decimals
     * that give every entry at least {@code digits} significant digits, or scientific notation
     * when that is narrower.
     *
     * @param values the numbers; NaN prints as {@code NA}, infinities as {@code Inf}/{@code -Inf}
     * @param digits significant digits, at least 1
     * @return the formatted numbers
     */
    public static String[] format(double[] values, int digits) {
        require(values, "values");
        int decimals = 0;
        boolean any = false;
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
                decimals = Math.max(decimals, digits - 1 - exponent);
                any = true;
            }
        }
        decimals = Math.min(decimals, 15);
        String[] fixed = apply(values, "%." + decimals + "f");
        if (!any) {
            return fixed;
        }
        String[] scientific = apply(values, "%." + (digits - 1) + "e");
        return width(fixed) <= width(scientific) ? fixed : scientific;
    }

    private static String[] apply(double[] values, String pattern) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                out[i] = "NA";
            } else if (Double.isInfinite(v)) {
                out[i] = v > 0 ? "Inf" : "-Inf";
            } else {
                out[i] = String.format(Locale.ROOT, pattern, v);
            }
        }
        return out;
    }

    private static int width(String[] cells) {
        int w = 0;
        for (String c : cells) {
            w = Math.max(w, c.length());
        }
        return w;
    }

    /** @return the table, one line per row after a header line, each ending in a newline */
    public String render() {
        int nameWidth = width(rowNames.toArray(new String[0]));
        int[] widths = new int[headers.size()];
        for (int j = 0; j < widths.length; j++) {
            widths[j] = Math.max(headers.get(j).length(), width(cells.get(j)));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(" ".repeat(nameWidth));
        for (int j = 0; j < widths.length; j++) {
            sb.append(' ').append(align(headers.get(j), widths[j], leftAligned.get(j)));
        }
        sb.append('\n');
        for (int i = 0; i < rowNames.size(); i++) {
            sb.append(rowNames.get(i)).append(" ".repeat(nameWidth - rowNames.get(i).length()));
            for (int j = 0; j < widths.length; j++) {
                sb.append(' ').append(align(cells.get(j)[i], widths[j], leftAligned.get(j)));
            }
            sb.append('\n');
        }
        StringBuilder trimmed = new StringBuilder();
        sb.toString().lines().forEach(line -> trimmed.append(line.stripTrailing()).append('\n'));
        return trimmed.toString();
    }

    private static String align(String s, int width, boolean left) {
        String padding = " ".repeat(Math.max(0, width - s.length()));
        return left ? s + padding : padding + s;
    }

    /**
     * A number with {@code digits} significant digits, without trailing zeros, as R's {@code signif}
     * then {@code format}: in fixed notation unless scientific is more than two characters shorter.
     *
     * @param value the number
     * @param digits significant digits, &ge; 1
     * @return its text
     */
    public static String significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(value)
                .round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        String plain = rounded.stripTrailingZeros().toPlainString();
        String scientific = String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
        return plain.length() <= scientific.length() + 2 ? plain : scientific;
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }
}
