/**
 * The table layer: from a delimited text file to the arrays a fit takes. {@link dev.logreg.data.Table}
 * reads CSV (UTF-8, or gzip-compressed UTF-8) into named {@link dev.logreg.data.Column}s, numeric or
 * categorical, with missing cells, typed as it parses (a {@code double} per numeric cell, a level code per
 * categorical one) and on all processors for a plain file, or streams a file larger than memory as tables
 * of consecutive rows; {@link dev.logreg.data.Feature} parses a term as written (a column, or
 * {@code log}, {@code log1p}, {@code sqrt}, {@code sq}, {@code pow} of one); a
 * {@link dev.logreg.data.ModelSpec} names the target, features, event level and weight column;
 * {@link dev.logreg.data.Formula} parses an R model formula ({@code y ~ a * b + I(x^2) + offset(o)}) into
 * R's terms, with R's coding of each categorical factor by contrasts or indicators; and
 * {@link dev.logreg.data.Design} builds from a table and a model spec a model matrix the way R's
 * {@code model.matrix} does with treatment contrasts, with the labels (0/1, or class indices for a
 * multinomial target), the weights, the term names and the rows dropped for missing values. Mistakes in a file throw
 * {@link IllegalArgumentException} naming the file, row and column.
 *
 * <p>A design's {@link dev.logreg.data.Encoder} ({@code Design.encoder()}) keeps how it read the table — each
 * feature, each categorical column's levels as the fit saw them, the target and classes — and encodes new
 * data the same way into an {@link dev.logreg.data.Encoded} matrix: columns found by name in any order,
 * dummies by the fit's levels (not the new rows'), a level the fit did not see an error or a missing value,
 * and a row with a missing cell kept as an incomplete row of NaN rather than dropped.
 *
 * <p>A design's {@code x()}, {@code y()} or {@code classLabels()} and {@code weights()} go to
 * {@link dev.logreg.LogisticRegression}'s {@code fit} methods; the command line joins the two. This
 * package uses FastCSV (its callback parser) and fastdoubleparser and no other package of the library
 * (layered above the root package, it may use it, but needs nothing from it); it must not import
 * {@link dev.logreg.check} or
 * {@link dev.logreg.cli}, and the root package and the engine below it never import this one.
 */
package dev.logreg.data;
