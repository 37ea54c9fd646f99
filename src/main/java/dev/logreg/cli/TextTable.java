package dev.logreg.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of numbers printed the way R prints a coefficient matrix: row names left-aligned, each
 * column right-aligned with one format for the whole column, chosen so that every entry shows at
 * least the requested significant digits, in fixed notation unless scientific is narrower.
 */
final class TextTable {

    private final List<String> rowNames;
    private final List<String> headers = new ArrayList<>();
    private final List<String[]> cells = new ArrayList<>();

    TextTable(List<String> rowNames) {
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
    TextTable column(String header, double[] values, int digits) {
        return column(header, format(values, digits));
    }

    /**
     * Adds a column of ready-made cells.
     *
     * @param header the column's title
     * @param values one per row
     * @return this
     */
    TextTable column(String header, String[] values) {
        if (values.length != rowNames.size()) {
            throw new IllegalStateException(values.length + " cells for " + rowNames.size() + " rows");
        }
        headers.add(header);
        cells.add(values.clone());
        return this;
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
    static String[] format(double[] values, int digits) {
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
    String render() {
        int nameWidth = width(rowNames.toArray(new String[0]));
        int[] widths = new int[headers.size()];
        for (int j = 0; j < widths.length; j++) {
            widths[j] = Math.max(headers.get(j).length(), width(cells.get(j)));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(" ".repeat(nameWidth));
        for (int j = 0; j < widths.length; j++) {
            sb.append(' ').append(pad(headers.get(j), widths[j]));
        }
        sb.append('\n');
        for (int i = 0; i < rowNames.size(); i++) {
            sb.append(rowNames.get(i)).append(" ".repeat(nameWidth - rowNames.get(i).length()));
            for (int j = 0; j < widths.length; j++) {
                sb.append(' ').append(pad(cells.get(j)[i], widths[j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
