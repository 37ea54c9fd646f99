package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of malformed files and bad option combinations, each run through the command line: every
 * one is exit code 2, nothing on stdout, exactly one line on stderr that starts with {@code logreg: }
 * and names the problem, no stack trace, and no file in the folder changed, added or removed (a
 * {@code p.csv} and a {@code plot.png} are there before each run, as earlier outputs would be).
 */
class CallerMistakesTest {

    /** The UCLA admissions data, the default data file of a case. */
    private static final String UCLA = uclaText();
    private static final String IRIS = irisText();

    @TempDir
    Path dir;

    /**
     * One case.
     *
     * @param name what it is
     * @param files the files the folder holds besides p.csv and plot.png (name to content)
     * @param args the command line; {@code @name} is replaced by the path of that file in the folder
     * @param words what the one stderr line must contain
     */
    record Case(String name, Map<String, byte[]> files, List<String> args, List<String> words) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final class Cases {
        private final List<Case> all = new ArrayList<>();

        /** A case on the UCLA data file (@data). */
        void ucla(String name, List<String> args, String... words) {
            data(name, UCLA, args, words);
        }

        /** A case on a data file with the given text (@data). */
        void data(String name, String text, List<String> args, String... words) {
            bytes(name, text.getBytes(StandardCharsets.UTF_8), args, words);
        }

        /** A case of predict: a model file (@model.json) and new data (@data.csv). */
        void model(String name, String model, String data, List<String> args, String... words) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("model.json", model.getBytes(StandardCharsets.UTF_8));
            files.put("data.csv", data.getBytes(StandardCharsets.UTF_8));
            all.add(new Case(name, files, args, List.of(words)));
        }

        /** A case on a data file with the given bytes (@data). */
        void bytes(String name, byte[] content, List<String> args, String... words) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("data.csv", content);
            all.add(new Case(name, files, args, List.of(words)));
        }
    }

    private static List<String> fit(String... more) {
        return fitOn("admit", more);
    }

    private static List<String> fitOn(String target, String... more) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", "@data.csv", "--target", target,
                "--predictions", "@p.csv"));
        args.addAll(List.of(more));
        return args;
    }

    /** A fit of a formula on @data.csv, with predictions to @p.csv, and more options. */
    private static List<String> formula(String formula, String... more) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", "@data.csv", "--formula", formula,
                "--predictions", "@p.csv"));
        args.addAll(List.of(more));
        return args;
    }

    private static List<String> command(String... words) {
        return List.of(words);
    }

    static Stream<Case> cases() throws IOException {
        Cases c = new Cases();
        // ---- the file itself
        c.data("empty file", "", fit(), "is empty");
        c.data("only blank lines", "\n\n\n", fit(), "is empty");
        c.data("a header without rows", "admit,gre\n", fit(), "no data rows");
        c.data("a row with too few cells", "admit,gre,gpa\n0,380,3.6\n1,660\n", fit(), "row 2", "2 cells");
        c.data("a row with too many cells", "admit,gre\n0,380\n1,660,3\n", fit(), "row 2", "3 cells");
        c.data("two columns of one name", "admit,gre,gre\n0,1,2\n1,2,3\n", fit(), "'gre' twice");
        c.data("a header cell without a name", "admit,,gre\n0,1,2\n1,2,3\n", fit(), "column 2", "no name");
        c.data("a trailing delimiter in the header", "admit,gre,\n0,1,\n1,2,\n", fit(), "column 3", "no name");
        c.data("Inf in a numeric column", "admit,gre\n0,380\n1,Inf\n", fit(), "row 2", "infinite");
        c.data("-Infinity in a numeric column", "admit,gre\n0,-Infinity\n1,2\n", fit(), "row 1", "infinite");
        c.data("a number beyond the double range", "admit,gre\n0,1e999\n1,2\n", fit(), "1e999", "infinite");
        c.data("an unterminated quote", "admit,gre\n0,\"380\n1,660\n", fit(), "data.csv");
        c.data("a quote inside an unquoted cell", "admit,gre\n0,\"38\"0\n1,660\n", fit(), "data.csv");
        c.bytes("Latin-1 text", "admit,town\n0,Z\u00fcrich\n1,Bern\n".getBytes(StandardCharsets.ISO_8859_1), fit(),
                "not UTF-8", "0xFC", "line 2");
        c.bytes("a NUL byte", "admit,gre\n0,3\u00008\n1,2\n".getBytes(StandardCharsets.UTF_8), fit(), "NUL byte",
                "line 2");
        c.bytes("UTF-16 text", "\uFEFFadmit,gre\n0,1\n".getBytes(StandardCharsets.UTF_16LE), fit(), "UTF-16");
        c.bytes("random bytes", random(1, 4096), fit(), "data.csv");
        c.bytes("random bytes after a good header", concat("admit,gre\n".getBytes(StandardCharsets.UTF_8),
                random(2, 2000)), fit(), "data.csv");
        c.bytes("a truncated gzip file", truncate(gzip(UCLA), 200), fit(), "cannot decompress");
        c.bytes("a gzip header and nothing else", truncate(gzip(UCLA), 10), fit(), "cannot decompress");
        c.bytes("gzip of Latin-1 text", gzip("admit,town\n0,Gen\u00e8ve\n".getBytes(StandardCharsets.ISO_8859_1)),
                fit(), "not UTF-8", "after decompression");
        // ---- the data against the model
        c.ucla("an unknown target", fitOn("admitted"), "unknown column 'admitted'");
        c.ucla("an unknown feature", fit("--features", "gre,age"), "'age'");
        c.ucla("the target as a feature", fit("--features", "gre,admit"), "target", "feature");
        c.ucla("a feature listed twice", fit("--features", "gre,gpa,gre"), "'gre' is listed twice");
        c.ucla("one feature written two ways", fit("--features", "log(gre),LOG(gre)"), "the same as");
        c.ucla("a function of an unknown column", fit("--features", "log(age)"), "unknown column 'age'");
        c.data("log of zero names the row", "admit,gre\n0,380\n1,0\n0,2\n1,3\n", fit("--features", "log(gre)"),
                "row 2", "log(gre)");
        c.data("sqrt of a negative", "admit,gre\n0,380\n1,-4\n0,2\n1,3\n", fit("--features", "sqrt(gre)"),
                "row 2", "NaN");
        c.data("a power that overflows", "admit,gre\n0,380\n1,1e300\n0,2\n1,3\n", fit("--features", "pow(gre,2)"),
                "row 2", "Infinity");
        c.ucla("an unknown function", fit("--features", "cube(gre)"), "unknown function 'cube'");
        c.ucla("an unbalanced parenthesis", fit("--features", "log(gre"), "unbalanced");
        c.ucla("a closing parenthesis too many", fit("--features", "log(gre))"), "unbalanced");
        c.ucla("an empty item in the features", fit("--features", "gre,,gpa"), "empty item");
        c.ucla("pow without an exponent", fit("--features", "pow(gre)"), "pow takes a column and an exponent");
        c.ucla("pow with a bad exponent", fit("--features", "pow(gre,x)"), "exponent 'x'");
        c.ucla("pow with a hexadecimal exponent", fit("--features", "pow(gre,0x2)"), "exponent '0x2'");
        c.ucla("a function of an empty argument", fit("--features", "log()"), "no column inside");
        c.data("a function of a categorical column", "admit,town\n0,a\n1,b\n0,a\n1,b\n",
                fit("--features", "log(town)"), "categorical");
        c.data("a categorical feature with one level", "admit,town,gre\n0,a,1\n1,a,2\n0,a,3\n1,a,4\n",
                fit("--features", "town,gre"), "single level");
        c.data("a column named like the intercept", "admit,(Intercept)\n0,1\n1,2\n0,3\n1,1\n", fit(),
                "'(Intercept)'", "the intercept");
        c.data("a dummy named like a column", "admit,g,g2\n0,1,5\n1,2,6\n0,1,7\n1,2,8\n",
                fit("--categorical", "g"), "'g2'", "level '2'");
        c.data("a target with a single class", "admit,gre\n1,1\n1,2\n1,3\n", fit(), "single class");
        c.data("a target with one class left after dropping missing rows", "admit,gre\n0,NA\n1,2\n1,3\n", fit(),
                "single class");
        c.data("every row missing a value", "admit,gre\n0,NA\n1,?\nNA,3\n", fit(), "no rows left");
        c.ucla("an event level that does not occur", fit("--positive", "2"), "'2' does not occur");
        c.ucla("a non-number event for a numeric target", fit("--positive", "yes"), "'yes' does not occur");
        c.data("an unknown weight column", UCLA, fit("--weights", "w"), "unknown column 'w'");
        c.data("negative weights", "admit,gre,w\n0,1,1\n1,2,-1\n0,3,1\n1,4,1\n", fit("--weights", "w"), "row 2",
                "negative");
        c.data("weights that are text", "admit,gre,w\n0,1,1\n1,2,heavy\n0,3,1\n1,4,1\n", fit("--weights", "w"),
                "not numeric", "row 2");
        c.data("weights that are all zero", "admit,gre,w\n0,1,0\n1,2,0\n0,3,0\n1,4,0\n", fit("--weights", "w"),
                "at least one must be positive");
        c.ucla("the target as the weights", fit("--weights", "admit"), "cannot also be the weights");
        c.ucla("an unknown categorical column", fit("--categorical", "town"), "unknown column 'town'");
        // ---- options of fit
        c.ucla("a negative penalty", fit("--l2", "-1"), "--l2", "-1");
        c.ucla("a NaN penalty", fit("--l2", "NaN"), "--l2", "NaN");
        c.ucla("an infinite penalty", fit("--l2", "Infinity"), "--l2", "Infinity");
        c.ucla("a penalty beyond the double range", fit("--l2", "1e400"), "--l2", "Infinity");
        c.ucla("a penalty that is not a number", fit("--l2", "abc"), "--l2", "abc");
        c.ucla("a zero tolerance", fit("--tol", "0"), "--tol", "0");
        c.ucla("a negative tolerance", fit("--tol", "-1e-8"), "--tol");
        c.ucla("a NaN tolerance", fit("--tolerance", "NaN"), "--tol", "NaN");
        c.ucla("zero iterations", fit("--max-iter", "0"), "--max-iter", "0");
        c.ucla("negative iterations", fit("--max-iter", "-5"), "--max-iter", "-5");
        c.ucla("iterations that are not a number", fit("--max-iter", "many"), "--max-iter", "many");
        c.ucla("iterations beyond int", fit("--max-iter", "99999999999"), "--max-iter", "99999999999");
        c.ucla("a learning rate for Newton", fit("--learning-rate", "0.1"), "--learning-rate", "--solver gd");
        c.ucla("a line search for Newton", fit("--line-search"), "--line-search", "--solver gd");
        c.ucla("a zero learning rate", fit("--solver", "gd", "--learning-rate", "0"), "--learning-rate", "0");
        c.ucla("a negative learning rate", fit("--solver", "gd", "--learning-rate", "-1"), "--learning-rate");
        c.ucla("an unknown solver", fit("--solver", "lbfgs"), "--solver", "lbfgs");
        c.ucla("a zero time limit", fit("--time-limit", "0"), "--time-limit", "0");
        c.ucla("a negative time limit", fit("--time-limit", "-3"), "--time-limit");
        c.ucla("a time limit that is not a number", fit("--time-limit", "soon"), "--time-limit", "soon");
        c.ucla("a confidence level of 0", fit("--level", "0"), "--level must be in (0, 1), got 0");
        c.ucla("a confidence level of 1", fit("--level", "1"), "--level", "1");
        c.ucla("a confidence level above 1", fit("--level", "95"), "--level", "95");
        c.ucla("a NaN confidence level", fit("--level", "NaN"), "--level", "NaN");
        c.ucla("an unknown format", fit("--format", "xml"), "--format", "xml");
        c.ucla("a delimiter of two characters", fit("--delimiter", ";;"), "--delimiter", ";;");
        c.ucla("an empty delimiter", fit("--delimiter", ""), "--delimiter");
        c.ucla("a standardized penalty scale without a penalty", fit("--penalty-scale", "standardized"),
                "--penalty-scale standardized needs --l2 > 0");
        c.ucla("an unknown penalty scale", fit("--penalty-scale", "glmnet"), "--penalty-scale", "glmnet");
        c.ucla("a reference level for a binary target", fit("--reference", "0"), "--reference",
                "more than two classes");
        c.ucla("a parametrization for a binary target", fit("--parametrization", "symmetric"), "--parametrization",
                "more than two classes");
        c.data("the symmetric parametrization without a penalty", IRIS,
                fitOn("species", "--parametrization", "symmetric"), "needs --l2 > 0");
        c.data("a reference level that does not occur", IRIS, fitOn("species", "--reference", "Iris-rosea"),
                "'Iris-rosea' does not occur");
        c.data("a reference level with the symmetric parametrization", IRIS, fitOn("species", "--l2", "0.1",
                "--parametrization", "symmetric", "--reference", "Iris-setosa"), "--reference",
                "no reference class");
        c.data("an unknown parametrization", IRIS, fitOn("species", "--parametrization", "helmert"),
                "--parametrization", "helmert");
        c.data("an event level that does not occur among three", IRIS, fitOn("species", "--positive", "Iris-rosea"),
                "'Iris-rosea' does not occur");
        // ---- files given to fit
        c.ucla("a data file that does not exist", command("fit", "--data", "@missing.csv", "--target", "admit"),
                "no such file");
        c.ucla("a directory as the data", command("fit", "--data", "@", "--target", "admit"), "is a directory");
        c.ucla("predictions onto the data", command("fit", "--data", "@data.csv", "--target", "admit",
                "--predictions", "@data.csv"), "--predictions", "refusing to overwrite an input");
        c.ucla("predictions in a directory that does not exist", command("fit", "--data", "@data.csv", "--target",
                "admit", "--predictions", "@no/such/p.csv"), "--predictions", "does not exist");
        c.ucla("predictions that are a directory", command("fit", "--data", "@data.csv", "--target", "admit",
                "--predictions", "@"), "--predictions", "is a directory");
        c.ucla("the model and the predictions in one file", command("fit", "--data", "@data.csv", "--target", "admit",
                "--predictions", "@m.json", "--save-model", "@m.json"), "--save-model", "also the --predictions file");
        // ---- the command line itself
        c.ucla("an unknown option", fit("--bogus"), "--bogus");
        c.ucla("an option without its value", command("fit", "--data", "@data.csv", "--target"), "--target");
        c.ucla("no target", command("fit", "--data", "@data.csv"), "--target");
        c.ucla("no data", command("fit", "--target", "admit"), "--data");
        c.ucla("no command", command(), "no command given");
        c.ucla("an unknown command", command("score"), "score");
        // ---- predict
        List<String> predict = command("predict", "--model", "@model.json", "--data", "@data.csv");
        c.model("predict: an unseen level", MODEL, "gre,rank\n500,2\n600,5\n", predict, "row 2", "'rank'",
                "level '5' was not seen");
        c.model("predict: a missing column", MODEL, "gre,gpa\n500,3\n", predict, "no column 'rank'");
        c.model("predict: a cell that is not a number", MODEL, "gre,rank\n500,1\nmany,2\n", predict, "row 2",
                "'many' is not a number");
        c.model("predict: another schema", MODEL.replace("logreg.model/1", "logreg.model/2"), "gre,rank\n500,1\n",
                predict, "logreg.model/2");
        c.model("predict: an edited shape", MODEL.replace("[ -3.5, 0.004, -0.7, -1.3, -1.5 ]", "[ -3.5, 0.004 ]"),
                "gre,rank\n500,1\n", predict, "2 values", "5 terms");
        c.model("predict: a coefficient that is not finite", MODEL.replace("0.004", "1e999"), "gre,rank\n500,1\n",
                predict, "finite");
        c.model("predict: a model file that does not exist", MODEL, "gre,rank\n500,1\n",
                command("predict", "--model", "@none.json", "--data", "@data.csv"), "no such file");
        c.model("predict: output onto the data", MODEL, "gre,rank\n500,1\n",
                command("predict", "--model", "@model.json", "--data", "@data.csv", "--output", "@data.csv"),
                "--output", "refusing to overwrite an input");
        c.model("predict: a threshold above 1", MODEL, "gre,rank\n500,1\n",
                command("predict", "--model", "@model.json", "--data", "@data.csv", "--threshold", "2"),
                "--threshold");
        c.model("predict: not a model file", "admit,gre\n1,2\n", "gre,rank\n500,1\n", predict, "not a model file");
        c.ucla("a stray argument", fit("extra"), "extra");
        // ---- compare
        c.ucla("compare: a plot onto the data", command("compare", "--data", "@data.csv", "--target", "admit",
                "--plot", "@data.csv"), "--plot", "refusing to overwrite an input");
        c.ucla("compare: a plot in a missing directory", command("compare", "--data", "@data.csv", "--target",
                "admit", "--plot", "@none/plot.png"), "--plot", "does not exist");
        c.ucla("compare: a plot that is a directory", command("compare", "--data", "@data.csv", "--target",
                "admit", "--plot", "@"), "--plot", "is a directory");
        c.ucla("compare: a negative penalty", compare("--l2", "-1"), "--l2");
        c.ucla("compare: a zero tolerance", compare("--tol", "0"), "--tol");
        c.ucla("compare: zero iterations", compare("--max-iter", "0"), "--max-iter");
        c.ucla("compare: a zero time limit", compare("--time-limit", "0"), "--time-limit");
        c.ucla("compare: an unknown feature", compare("--features", "age"), "'age'");
        c.ucla("compare: an unknown format", compare("--format", "yaml"), "--format", "yaml");
        c.data("compare: a single class", "admit,gre\n1,1\n1,2\n", compare(), "single class");
        // ---- validate
        c.ucla("validate: a zero tolerance", validate("--tolerance", "0"), "--tolerance");
        c.ucla("validate: a negative tolerance by its alias", validate("--tol", "-1"), "-1");
        c.ucla("validate: a negative penalty", validate("--l2", "-0.5"), "--l2");
        c.ucla("validate: a zero time limit", validate("--time-limit", "0"), "--time-limit");
        c.ucla("validate: an unknown feature", validate("--features", "age"), "'age'");
        c.data("validate: three classes without --positive", IRIS, command("validate", "--data", "@data.csv",
                "--target", "species"), "binary targets", "--positive");
        c.ucla("validate: an unknown format", validate("--format", "csv"), "--format", "csv");
        // ---- demo
        c.ucla("demo: a plot folder that does not exist", command("demo", "--plot-dir", "@nowhere"), "--plot-dir",
                "not a directory");
        c.ucla("demo: a plot folder that is a file", command("demo", "--plot-dir", "@data.csv"), "--plot-dir",
                "not a directory");
        c.ucla("demo: an unknown option", command("demo", "--fast"), "--fast");
        // ---- --formula
        c.ucla("--formula with --target", fit("--formula", "admit ~ gre"), "--formula and --target cannot be combined");
        c.ucla("--formula with --features", formula("admit ~ gre", "--features", "gre"),
                "--formula and --features cannot be combined");
        c.ucla("--formula with --categorical", formula("admit ~ gre", "--categorical", "rank"),
                "--formula and --categorical cannot be combined");
        c.ucla("a formula that does not parse", formula("admit ~ gre +"), "formula \"admit ~ gre +\"", "position");
        c.ucla("a formula without a tilde", formula("admit gre"), "formula", "position");
        c.ucla("an unknown column in a formula", formula("admit ~ gre + nope"), "unknown column nope",
                "position 14");
        c.data("a function of a categorical column in a formula", "y,g,x\n0,a,1\n1,b,2\n0,a,3\n1,b,1\n",
                formula("y ~ x + log(g)"), "column g in log(g) is categorical", "position 12");
        c.ucla("a response that is not a column", formula("log(admit) ~ gre"), "must be a column");
        c.ucla("a formula whose term is not finite", formula("admit ~ log(gre - 380)"), "row 1", "log(gre - 380)",
                "-Infinity");
        c.model("predict: an unseen level of a formula model", FORMULA_MODEL, "gre,rank,gpa\n500,2,3\n600,5,3\n",
                predict, "row 2", "'rank'", "'5'", "not seen");
        c.model("predict: a column a formula model reads is missing", FORMULA_MODEL, "gre,rank\n500,2\n", predict,
                "no column 'gpa'");
        c.model("predict: a model file whose formula does not parse",
                FORMULA_MODEL.replace("admit ~ log(gpa) + gre:rank", "admit ~ log(gpa) +"), "gre,rank,gpa\n500,2,3\n", predict,
                "encoder.formula", "does not parse");
        c.model("predict: a model file whose formula lacks levels of a factor()",
                FORMULA_MODEL.replace("gre:rank\",", "gre:factor(rank)\",")
                        .replace("{ \"rank\" : [ \"1\", \"2\", \"3\" ] }", "{ }"),
                "gre,rank,gpa\n500,2,3\n", predict, "encoder.levels", "factor(rank)");
        c.ucla("--cache with --formula", formula("admit ~ gre", "--cache", "@design.lrc"),
                "--cache cannot hold a --formula design");
        c.data("an offset in a multinomial formula", IRIS, List.of("fit", "--data", "@data.csv", "--formula",
                "species ~ sepal_length + offset(petal_width)"), "offset", "two classes");
        c.ucla("validate of a formula with an offset", List.of("validate", "--data", "@data.csv", "--formula",
                "admit ~ gre + offset(gpa)"), "validate", "an offset()");
        c.ucla("compare of a formula without an intercept", List.of("compare", "--data", "@data.csv", "--plot",
                "@plot.png", "--formula", "admit ~ gre - 1"), "compare", "no intercept");
        return c.all.stream();
    }

    /** A binomial model of admit on gre and rank (levels 1 to 4), as fit --save-model writes one. */
    private static final String MODEL = """
            {
              "schema" : "logreg.model/1",
              "library" : { "name" : "logreg", "version" : "0.1.0" },
              "kind" : "binomial",
              "referenceClass" : "0",
              "classes" : [ "0", "1" ],
              "intercept" : true,
              "terms" : [ "(Intercept)", "gre", "rank2", "rank3", "rank4" ],
              "coefficients" : [ { "class" : "1", "values" : [ -3.5, 0.004, -0.7, -1.3, -1.5 ] } ],
              "encoder" : { "target" : "admit", "inputs" : [
                { "column" : "gre", "type" : "numeric", "term" : "gre", "function" : "identity" },
                { "column" : "rank", "type" : "categorical", "contrasts" : "treatment", "levels" : [ "1", "2", "3", "4" ] }
              ] },
              "fit" : null
            }
            """;

    /** A binomial model of the formula admit ~ gre:rank + log(gpa), as fit --formula --save-model writes one. */
    private static final String FORMULA_MODEL = """
            {
              "schema" : "logreg.model/1",
              "library" : { "name" : "logreg", "version" : "0.1.0" },
              "kind" : "binomial",
              "referenceClass" : "0",
              "classes" : [ "0", "1" ],
              "intercept" : true,
              "terms" : [ "(Intercept)", "log(gpa)", "gre:rank1", "gre:rank2", "gre:rank3" ],
              "coefficients" : [ { "class" : "1", "values" : [ -3.5, 0.5, 0.004, 0.002, 0.001 ] } ],
              "encoder" : { "target" : "admit", "formula" : "admit ~ log(gpa) + gre:rank",
                "levels" : { "rank" : [ "1", "2", "3" ] } },
              "fit" : null
            }
            """;

    private static List<String> compare(String... more) {
        List<String> args = new ArrayList<>(List.of("compare", "--data", "@data.csv", "--target", "admit", "--plot",
                "@plot.png"));
        args.addAll(List.of(more));
        return args;
    }

    private static List<String> validate(String... more) {
        List<String> args = new ArrayList<>(List.of("validate", "--data", "@data.csv", "--target", "admit"));
        args.addAll(List.of(more));
        return args;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aCallerMistakeIsOneLineExitCodeTwoAndChangesNoFile(Case c) throws IOException {
        Files.write(dir.resolve("p.csv"), "earlier predictions\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("plot.png"), "an earlier plot".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        Map<String, String> before = snapshot(dir);
        String[] args = c.args().stream()
                .map(a -> a.startsWith("@") ? dir.resolve(a.substring(1)).toString() : a).toArray(String[]::new);
        Cli.Run r = Cli.run(args);
        assertEquals(2, r.code(), c.name() + ": " + r.err() + r.out());
        assertEquals("", r.out(), c.name());
        assertEquals(1, r.err().lines().count(), c.name() + ": " + r.err());
        assertTrue(r.err().startsWith("logreg: "), r.err());
        for (String word : c.words()) {
            assertTrue(r.err().contains(word), c.name() + ": expected '" + word + "' in: " + r.err());
        }
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("internal error"),
                r.err());
        assertEquals(before, snapshot(dir), c.name() + ": the files in the folder changed");
    }

    /** Every file under the folder, by relative path, with a hash of its bytes and its modification time. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)) + " "
                            + Files.getLastModifiedTime(p).toMillis());
                } else if (!p.equals(root)) {
                    files.put(root.relativize(p) + "/", "directory");
                }
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(String text) throws IOException {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] truncate(byte[] b, int n) {
        return java.util.Arrays.copyOf(b, Math.min(n, b.length));
    }

    private static String uclaText() {
        try {
            return String.join("\n", Cli.resourceLines("/data/ucla_admissions.csv")) + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String irisText() {
        try {
            return String.join("\n", Cli.resourceLines("/data/iris.csv")) + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
