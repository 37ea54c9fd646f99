package dev.logreg.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * An arithmetic expression of a model formula, as written inside {@code I()}, {@code offset()} or
 * a function such as {@code log()}: numbers, columns, unary minus and plus, the binary operators
 * {@code + - * / ^} and the functions {@code log}, {@code log1p}, {@code exp}, {@code sqrt} and
 * {@code abs} of one argument. Its {@link #label()} is the expression as R deparses it
 * ({@code x^2}, {@code -x^2 + 2 * z}, {@code (x + z)/w}).
 */
public sealed interface Expression
        permits Expression.Number, Expression.Column, Expression.Unary, Expression.Binary, Expression.Call,
        Expression.Parens {

    /**
     * The value for one row.
     *
     * @param column the value of a column, by name
     * @return the expression's value (possibly not finite, as R's arithmetic gives it)
     */
    double evaluate(ToDoubleFunction<String> column);

    /**
     * @return the expression as R deparses it
     */
    String label();

    /**
     * @return the columns the expression reads, in the order they first appear
     */
    default List<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        collect(this, out);
        return List.copyOf(out);
    }

    private static void collect(Expression e, Set<String> out) {
        if (e instanceof Column c) {
            out.add(c.name());
        } else if (e instanceof Unary u) {
            collect(u.operand(), out);
        } else if (e instanceof Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Call c) {
            collect(c.argument(), out);
        } else if (e instanceof Parens p) {
            collect(p.inner(), out);
        }
    }

    /**
     * A number.
     *
     * @param value the number as written (finite, not negative: a minus sign is a {@link Unary})
     */
    record Number(double value) implements Expression {

        /**
         * Validates.
         *
         * @throws IllegalArgumentException if the value is not finite
         */
        public Number {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value " + value + " is not finite");
            }
        }

        @Override
        public double evaluate(ToDoubleFunction<String> column) {
            return value;
        }

        /** @return the number as R deparses it: up to 15 significant digits, {@code 1e+05}, {@code 0.001} */
        @Override
        public String label() {
            return format(value);
        }

        /**
         * R's rendering of a number: 15 significant digits at most, trailing zeros dropped, in
         * fixed notation unless the scientific one is shorter.
         *
         * @param value a finite number
         * @return its text
         */
        static String format(double value) {
            if (value == 0) {
                return "0";
            }
            BigDecimal d = new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros();
            String fixed = d.toPlainString();
            String digits = d.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - d.scale();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.format("%02d", Math.abs(exponent));
            String sci = (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + e;
            return fixed.length() <= sci.length() ? fixed : sci;
        }
    }

    /**
     * A column's value.
     *
     * @param name the column's name
     * @param position where it is written in the formula (0-based character index), or -1
     */
    record Column(String name, int position) implements Expression {

        /**
         * Validates.
         *
         * @throws IllegalArgumentException if the name is null or empty
         */
        public Column {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("name is " + (name == null ? "null" : "empty"));
            }
        }

        @Override
        public double evaluate(ToDoubleFunction<String> column) {
            if (column == null) {
                throw new IllegalArgumentException("column is null");
            }
            return column.applyAsDouble(name);
        }

        /** @return the name, in backticks unless it is syntactic in R */
        @Override
        public String label() {
            return FormulaParser.quote(name);
        }
    }

    /**
     * Unary minus or plus. As in R, it binds less tightly than {@code ^}: {@code -x^2} is
     * &minus;(x²).
     *
     * @param operator {@code '-'} or {@code '+'}
     * @param operand what it applies to
     */
    record Unary(char operator, Expression operand) implements Expression {

        /**
         * Validates.
         *
         * @throws IllegalArgumentException for a null operand or another operator
         */
        public Unary {
            if (operand == null) {
                throw new IllegalArgumentException("operand is null");
            }
            if (operator != '-' && operator != '+') {
                throw new IllegalArgumentException("operator '" + operator + "' is not unary: expected - or +");
            }
        }

        @Override
        public double evaluate(ToDoubleFunction<String> column) {
            double v = operand.evaluate(column);
            return operator == '-' ? -v : v;
        }

        @Override
        public String label() {
            return operator + operand.label();
        }
    }

    /**
     * A binary operator.
     *
     * @param operator one of {@code + - * / ^}
     * @param left the left operand
     * @param right the right operand
     */
    record Binary(char operator, Expression left, Expression right) implements Expression {

        /**
         * Validates.
         *
         * @throws IllegalArgumentException for a null operand or another operator
         */
        public Binary {
            if (left == null) {
                throw new IllegalArgumentException("left is null");
            }
            if (right == null) {
                throw new IllegalArgumentException("right is null");
            }
            if ("+-*/^".indexOf(operator) < 0) {
                throw new IllegalArgumentException("operator '" + operator + "' is not one of + - * / ^");
            }
        }

        @Override
        public double evaluate(ToDoubleFunction<String> column) {
            double a = left.evaluate(column);
            double b = right.evaluate(column);
            return switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> a / b;
                default -> Math.pow(a, b);
            };
        }

        /** @return R's deparse: spaces around {@code + - *}, none around {@code / ^} */
        @Override
        public String label() {
            String op = operator == '/' || operator == '^' ? String.valueOf(operator) : " " + operator + " ";
            return left.label() + op + right.label();
        }
    }

    /**
     * A function of one argument.
     *
     * @param function one of {@link #FUNCTIONS}
     * @param argument its argument
     * @param position where the function's name is written in the formula (0-based), or -1
     */
    record Call(String function, Expression argument, int position) implements Expression {

        /** The functions an expression may call. */
        public static final List<String> FUNCTIONS = List.of("log", "log1p", "exp", "sqrt", "abs");

        /**
         * Validates.
         *
         * @throws IllegalArgumentException for a null or unknown function or a null argument
         */
        public Call {
            if (function == null) {
                throw new IllegalArgumentException("function is null");
            }
            if (argument == null) {
                throw new IllegalArgumentException("argument is null");
            }
            if (!FUNCTIONS.contains(function)) {
                throw new IllegalArgumentException("function '" + function + "' is not one of "
                        + String.join(", ", FUNCTIONS));
            }
        }

        @Override
        public double evaluate(ToDoubleFunction<String> column) {
            double x = argument.evaluate(column);
            return switch (function) {
                case "log" -> Math.log(x);
                case "log1p" -> Math.log1p(x);
                case "exp" -> Math.exp(x);
                case "sqrt" -> Math.sqrt(x);
                default -> Math.abs(x);
            };
        }

        @Override
        public String label() {
            return function + "(" + argument.label() + ")";
        }
    }

    /**
     * Parentheses as written; R keeps them in a label ({@code I((x + z)/w)}).
     *
     * @param inner the expression inside
     */
    record Parens(Expression inner) implements Expression {

        /**
         * Validates.
         *
         * @throws IllegalArgumentException if inner is null
         */
        public Parens {
            if (inner == null) {
                throw new IllegalArgumentException("inner is null");
            }
        }

        @Override
        public double evaluate(ToDoubleFunction<String> column) {
            return inner.evaluate(column);
        }

        @Override
        public String label() {
            return "(" + inner.label() + ")";
        }
    }
}
