package dev.logreg.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One term of a model as the user writes it: a column name, or a function of a numeric column —
 * {@code log(c)}, {@code log1p(c)}, {@code sqrt(c)}, {@code sq(c)} (c²) or {@code pow(c,k)}
 * (c<sup>k</sup>). The term is named as written ({@code log1p(A15)}).
 *
 * @param label the expression as written (trimmed): the term's name
 * @param column the column it reads
 * @param function what is applied to the column
 * @param power k for {@link Function#POW}, otherwise 1
 */
public record Feature(String label, String column, Function function, double power) {

    /** What a feature applies to its column's value x. */
    public enum Function {
        /** x itself (a numeric column) or its treatment-contrast dummies (a categorical column). */
        IDENTITY,
        /** ln x. */
        LOG,
        /** ln(1 + x), accurate for small x. */
        LOG1P,
        /** &radic;x. */
        SQRT,
        /** x². */
        SQ,
        /** x<sup>k</sup>. */
        POW
    }

    private static final Pattern CALL = Pattern.compile("([A-Za-z][A-Za-z0-9]*)\\s*\\((.*)\\)", Pattern.DOTALL);
    private static final String FORMS = "a column name, log(c), log1p(c), sqrt(c), sq(c) or pow(c,k)";

    /**
     * A feature of one column as it is.
     *
     * @param column the column's name
     * @return the identity feature, labelled by the name
     */
    public static Feature column(String column) {
        if (column == null) {
            throw new IllegalArgumentException("column is null");
        }
        return new Feature(column, column, Function.IDENTITY, 1);
    }

    /**
     * Parses an expression. A string that is exactly a column name (even one with parentheses)
     * is that column.
     *
     * @param expression the expression
     * @param table the table whose columns it may name
     * @return the feature
     * @throws IllegalArgumentException for an unknown column, an unknown function or a malformed
     *         expression
     */
    public static Feature parse(String expression, Table table) {
        if (expression == null) {
            throw new IllegalArgumentException("expression is null");
        }
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        String text = expression.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty feature expression: expected " + FORMS);
        }
        if (table.has(text)) {
            return column(text);
        }
        Matcher call = CALL.matcher(text);
        if (!call.matches()) {
            if (text.indexOf('(') >= 0 || text.indexOf(')') >= 0) {
                throw new IllegalArgumentException("cannot parse feature '" + text + "': expected " + FORMS);
            }
            table.column(text); // throws, naming the columns there are
            throw new AssertionError();
        }
        String name = call.group(1).toLowerCase(Locale.ROOT);
        String argument = call.group(2).trim();
        Function function;
        double power = 1;
        switch (name) {
            case "log" -> function = Function.LOG;
            case "log1p" -> function = Function.LOG1P;
            case "sqrt" -> function = Function.SQRT;
            case "sq" -> function = Function.SQ;
            case "pow" -> {
                function = Function.POW;
                int comma = argument.lastIndexOf(',');
                if (comma < 0) {
                    throw new IllegalArgumentException("cannot parse feature '" + text
                            + "': pow takes a column and an exponent, as in pow(x,2)");
                }
                String exponent = argument.substring(comma + 1).trim();
                argument = argument.substring(0, comma).trim();
                try {
                    power = Double.parseDouble(exponent);
                } catch (NumberFormatException e) {
                    power = Double.NaN;
                }
                if (!Double.isFinite(power) || exponent.matches(".*[dDfFxX].*")) {
                    throw new IllegalArgumentException("cannot parse feature '" + text + "': the exponent '"
                            + exponent + "' is not a finite number");
                }
            }
            default -> throw new IllegalArgumentException("cannot parse feature '" + text + "': unknown function '"
                    + call.group(1) + "'; expected " + FORMS);
        }
        if (argument.isEmpty()) {
            throw new IllegalArgumentException("cannot parse feature '" + text + "': no column inside the parentheses");
        }
        if (!table.has(argument)) {
            throw new IllegalArgumentException("unknown column '" + argument + "' in feature '" + text + "'; "
                    + table.source() + " has columns " + String.join(", ", table.names()));
        }
        if (!table.column(argument).isNumeric()) {
            throw new IllegalArgumentException("feature '" + text + "': column '" + argument
                    + "' is categorical; functions apply to numeric columns only");
        }
        return new Feature(text, argument, function, power);
    }

    /**
     * Splits a comma-separated list of expressions, keeping commas inside parentheses
     * ({@code "a, pow(b,2)"} is two expressions).
     *
     * @param list the list
     * @return the trimmed expressions
     * @throws IllegalArgumentException for unbalanced parentheses or an empty item
     */
    public static List<String> split(String list) {
        if (list == null) {
            throw new IllegalArgumentException("list is null");
        }
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("unbalanced ')' in features '" + list + "'");
                }
            } else if (c == ',' && depth == 0) {
                String item = list.substring(start, i).trim();
                if (item.isEmpty()) {
                    throw new IllegalArgumentException("empty item in features '" + list + "'");
                }
                items.add(item);
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '(' in features '" + list + "'");
        }
        return items;
    }

    /**
     * @param x the column's value
     * @return the feature's value (possibly not finite, which the caller reports)
     */
    public double apply(double x) {
        return switch (function) {
            case IDENTITY -> x;
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case SQRT -> Math.sqrt(x);
            case SQ -> x * x;
            case POW -> Math.pow(x, power);
        };
    }
}
