/**
 * The command line, {@code java -jar target/logreg.jar}, built on picocli: {@link dev.logreg.cli.Main}
 * and its subcommands {@code demo} (the embedded Credit Approval data, gradient descent against
 * Newton), {@code fit} (a CSV file fitted and reported as text, the fit's summary with lines about the
 * data after its title, or as JSON of schema {@code logreg.fit/1}, optionally with predictions),
 * {@code validate} (the three-way comparison with Commons Math) and {@code compare} (both optimizers
 * side by side with a PNG convergence plot, drawn with XChart). A caller's mistake is one line on
 * stderr and exit code 2; warnings about a fit go to stderr with exit code 0.
 *
 * <p>This is the top layer: it uses {@link dev.logreg.data} to read and encode the file,
 * {@link dev.logreg} to fit and report, {@link dev.logreg.solve}'s trace, termination and warning types,
 * and {@link dev.logreg.check} for {@code validate}. No other package imports it, and its
 * dependencies (picocli, Jackson, XChart) are optional ones of the library, bundled only into the
 * executable jar.
 */
package dev.logreg.cli;
