package dev.logreg.data;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * One variable of a model formula, as R's {@code attr(terms(f), "variables")} lists them: a
 * column, {@code factor(column)}, {@code I(expression)}, a function of an expression
 * ({@code log(x)}) or {@code offset(expression)}. A term of the formula is a product of
 * variables.
 *
 * @param kind what the variable is
 * @param expression the expression it computes: the column itself for {@link Kind#COLUMN} and
 *        {@link Kind#FACTOR}, the argument of {@code I()} or {@code offset()}, or the
 *        {@link Expression.Call} for {@link Kind#FUNCTION}
 */
public record Variable(Kind kind, Expression expression) {

    /** What a variable is. */
    public enum Kind {
        /** A column as it is: numeric, or categorical as the data say. */
        COLUMN,
        /** {@code factor(column)}: the column made categorical. */
        FACTOR,
        /** {@code I(expression)}: an arithmetic expression. */
        IDENTITY,
        /** A function such as {@code log(expression)} written directly as a factor. */
        FUNCTION,
        /** {@code offset(expression)}: a known part of the linear predictor, not a term. */
        OFFSET
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a null kind or expression, a {@link Kind#COLUMN} or
     *         {@link Kind#FACTOR} whose expression is not a column, or a {@link Kind#FUNCTION}
     *         whose expression is not a call
     */
    public Variable {
        if (kind == null) {
            throw new IllegalArgumentException("kind is null");
        }
        if (expression == null) {
            throw new IllegalArgumentException("expression is null");
        }
        if ((kind == Kind.COLUMN || kind == Kind.FACTOR) && !(expression instanceof Expression.Column)) {
            throw new IllegalArgumentException("expression " + expression.label() + " of a " + kind
                    + " variable is not a column");
        }
        if (kind == Kind.FUNCTION && !(expression instanceof Expression.Call)) {
            throw new IllegalArgumentException("expression " + expression.label() + " of a FUNCTION variable is "
                    + "not a function call");
        }
    }

    /**
     * @return the variable as R labels it: {@code x}, {@code `my col`}, {@code factor(rank)},
     *         {@code I(gpa^2)}, {@code log(w + 1)}, {@code offset(o)}
     */
    public String label() {
        return switch (kind) {
            case COLUMN, FUNCTION -> expression.label();
            case FACTOR -> "factor(" + expression.label() + ")";
            case IDENTITY -> "I(" + expression.label() + ")";
            case OFFSET -> "offset(" + expression.label() + ")";
        };
    }

    /**
     * @return the columns the variable reads, in the order they first appear
     */
    public List<String> columns() {
        return expression.columns();
    }

    /**
     * Whether the variable is categorical: {@code factor(c)}, or a column the data hold as
     * categorical. Anything computed is numeric.
     *
     * @param categoricalColumn whether a column, by name, is categorical
     * @return whether the variable is categorical
     */
    public boolean isCategorical(Predicate<String> categoricalColumn) {
        if (categoricalColumn == null) {
            throw new IllegalArgumentException("categoricalColumn is null");
        }
        return kind == Kind.FACTOR
                || kind == Kind.COLUMN && categoricalColumn.test(((Expression.Column) expression).name());
    }

    /**
     * The value of a numeric variable for one row.
     *
     * @param column the value of a column, by name
     * @return the value
     * @throws IllegalStateException for {@code factor(c)}, which has levels, not a value
     */
    public double evaluate(ToDoubleFunction<String> column) {
        if (column == null) {
            throw new IllegalArgumentException("column is null");
        }
        if (kind == Kind.FACTOR) {
            throw new IllegalStateException(label() + " is categorical: it has levels, not a value");
        }
        return expression.evaluate(column);
    }

    @Override
    public String toString() {
        return label();
    }
}
