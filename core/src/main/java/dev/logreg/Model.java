package dev.logreg;

import dev.logreg.data.Encoder;
import dev.logreg.data.Table;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A fitted model that travels: its coefficients by term, its classes, and, when it was fitted from a
 * table, the {@link Encoder} that builds the model matrix of new data by column name. It is saved as a
 * versioned JSON file ({@value #SCHEMA}, described in the README) whose doubles read back bit for bit,
 * and read back with every part validated. Immutable and safe to share between threads.
 *
 * <p>A {@link LogisticModel} (two classes) or a {@link MultinomialModel} (K classes).
 */
public abstract sealed class Model permits LogisticModel, MultinomialModel {

    /** The schema of the model file this version writes and reads. */
    public static final String SCHEMA = "logreg.model/1";

    private final ModelHeader header;

    Model(ModelHeader header) {
        this.header = header;
    }

    ModelHeader header() {
        return header;
    }

    /** @return the same coefficients under another header (same features and number of classes) */
    abstract Model withHeader(ModelHeader value);

    /**
     * The same coefficients reading a table's columns through an encoder, so that the model scores tables
     * ({@link #score(Table)}, {@code logreg predict}): the encoder's column names become the model's terms
     * and its classes the model's classes. For a model made from coefficients by position, such as one
     * fitted elsewhere on numeric features: {@code Encoder.of(target, classes, inputs)}, one
     * {@code Encoder.Input.numeric} per feature, in order.
     *
     * @param encoder the encoder; it must make as many columns as the model has features, and name as many
     *        classes as it has
     * @return the model with the encoder (and its fit summary, if any)
     * @throws IllegalArgumentException for a null encoder or one that does not fit the model
     */
    public final Model withEncoder(Encoder encoder) {
        if (encoder == null) {
            throw new IllegalArgumentException("encoder is null");
        }
        if (encoder.columnNames().size() != features()) {
            throw new IllegalArgumentException("the encoder makes " + encoder.columnNames().size() + " columns "
                    + encoder.columnNames() + "; the model has " + features() + " features");
        }
        if (encoder.classes().size() != classes().size()) {
            throw new IllegalArgumentException("the encoder has the classes " + encoder.classes() + "; the model has "
                    + classes().size());
        }
        List<String> terms = new java.util.ArrayList<>();
        if (hasIntercept()) {
            terms.add(ModelMatrix.INTERCEPT);
        }
        terms.addAll(encoder.columnNames());
        return withHeader(new ModelHeader(terms, hasIntercept(), encoder.classes(), encoder, header.summary()));
    }

    /** @return true for two classes (a {@link LogisticModel}) */
    public abstract boolean binomial();

    /** @return the class names: for a binomial model the non-event first, then the event */
    public final List<String> classes() {
        return header.classes();
    }

    /** @return the classes that have coefficients, one per row of {@link #coefficientsWithIntercept()} */
    public abstract List<String> coefficientClasses();

    /** @return the term names, {@code (Intercept)} first when the model has one */
    public final List<String> terms() {
        return header.terms();
    }

    /** @return whether the first term is the intercept */
    public final boolean hasIntercept() {
        return header.intercept();
    }

    /** @return the number of features a row of x must have (the terms but the intercept) */
    public final int features() {
        return header.features();
    }

    /** @return one row per coefficient class, one coefficient per term (a copy) */
    public abstract double[][] coefficientsWithIntercept();

    /** @return the encoder of the table the model was fitted on, if it was fitted from one */
    public final Optional<Encoder> encoder() {
        return Optional.ofNullable(header.encoder());
    }

    /** @return what the fit that made the model reported, if the model comes from a fit */
    public final Optional<FitSummary> fitSummary() {
        return Optional.ofNullable(header.summary());
    }

    /**
     * @param x one row per observation, {@link #features()} finite values each
     * @return one row of class probabilities per observation, in {@link #classes()} order
     * @throws IllegalArgumentException on a wrong length or a non-finite value, naming the row
     */
    public abstract double[][] probabilities(double[][] x);

    /**
     * Scores the rows of a table, encoding them by column name ({@link Encoder#encode(Table)}).
     *
     * @param table new data: the columns the model reads, in any order, others ignored
     * @return one row of results per table row
     * @throws IllegalArgumentException if the model has no encoder, or for a column the table lacks, an
     *         unseen level or a cell that cannot be read, naming the row and column
     */
    public Scores score(Table table) {
        return score(table, Encoder.UnseenLevel.REJECT);
    }

    /**
     * Scores the rows of a table.
     *
     * @param table new data
     * @param unseen whether an unseen level is an error or makes its row not scored
     * @return one row of results per table row
     * @throws IllegalArgumentException as {@link #score(Table)}
     */
    public abstract Scores score(Table table, Encoder.UnseenLevel unseen);

    /**
     * Writes the model file.
     *
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public final void write(Writer out) throws IOException {
        ModelFile.write(this, out);
    }

    /**
     * Writes the model file, replacing the file only once it is complete.
     *
     * @param file the file
     * @throws IOException if writing fails (the file is then unchanged)
     */
    public final void write(Path file) throws IOException {
        ModelFile.write(this, file);
    }

    /**
     * Reads a model file.
     *
     * @param in the file's text
     * @return the model
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the text is not a valid {@value #SCHEMA} model, saying what is wrong
     */
    public static Model read(Reader in) throws IOException {
        return ModelFile.read(in);
    }

    /**
     * Reads a model file.
     *
     * @param file the file
     * @return the model
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a valid {@value #SCHEMA} model, naming the file
     */
    public static Model read(Path file) throws IOException {
        return ModelFile.read(file);
    }
}
