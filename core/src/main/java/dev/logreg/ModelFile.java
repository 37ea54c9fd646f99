package dev.logreg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.logreg.data.Encoder;
import dev.logreg.data.Feature;
import dev.logreg.data.Formula;
import dev.logreg.solve.Termination;
import dev.logreg.solve.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The model file, {@value Model#SCHEMA}: JSON, written field by field in a fixed order and read back
 * with every field checked. Doubles are written by {@link Double#toString(double)}, which reads back
 * as the same double, and read by {@link Double#parseDouble(String)}; every coefficient must be finite.
 * The README describes every field.
 */
final class ModelFile {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> TOP = Set.of("schema", "library", "kind", "parametrization", "classes",
            "referenceClass", "terms", "intercept", "coefficients", "encoder", "fit");
    private static final String BINOMIAL = "binomial";
    private static final String MULTINOMIAL = "multinomial";

    private ModelFile() {
    }

    /** @return the library's version, from the build */
    static String libraryVersion() {
        try (InputStream in = ModelFile.class.getResourceAsStream("version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version");
            return v == null || v.startsWith("$") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void write(Model model, Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temporary = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                write(model, out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void write(Model model, Writer out) throws IOException {
        if (out == null) {
            throw new IllegalArgumentException("out is null");
        }
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("schema", Model.SCHEMA);
        g.writeObjectFieldStart("library");
        g.writeStringField("name", "logreg");
        g.writeStringField("version", libraryVersion());
        g.writeEndObject();
        g.writeStringField("kind", model.binomial() ? BINOMIAL : MULTINOMIAL);
        if (model instanceof MultinomialModel m) {
            g.writeStringField("parametrization", m.parametrization().name().toLowerCase(Locale.ROOT));
            if (m.referenceClass() == null) {
                g.writeNullField("referenceClass");
            } else {
                g.writeStringField("referenceClass", m.referenceClass());
            }
        } else {
            g.writeStringField("referenceClass", model.classes().get(0));
        }
        strings(g, "classes", model.classes());
        g.writeBooleanField("intercept", model.hasIntercept());
        strings(g, "terms", model.terms());
        g.writeArrayFieldStart("coefficients");
        double[][] rows = model.coefficientsWithIntercept();
        List<String> owners = model.coefficientClasses();
        for (int c = 0; c < rows.length; c++) {
            g.writeStartObject();
            g.writeStringField("class", owners.get(c));
            g.writeArrayFieldStart("values");
            for (double v : rows[c]) {
                g.writeNumber(v);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (model.encoder().isPresent()) {
            writeEncoder(g, model.encoder().get());
        } else {
            g.writeNullField("encoder");
        }
        if (model.fitSummary().isPresent()) {
            writeFit(g, model.fitSummary().get());
        } else {
            g.writeNullField("fit");
        }
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static void writeEncoder(JsonGenerator g, Encoder encoder) throws IOException {
        g.writeObjectFieldStart("encoder");
        g.writeStringField("target", encoder.target());
        if (encoder.formula().isPresent()) {
            // The encoder of a formula: the formula, '.' expanded, and each categorical variable's levels.
            g.writeStringField("formula", encoder.formula().get().toString());
            g.writeObjectFieldStart("levels");
            for (Map.Entry<String, List<String>> e : encoder.formulaLevels().entrySet()) {
                strings(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            return;
        }
        g.writeArrayFieldStart("inputs");
        for (Encoder.Input input : encoder.inputs()) {
            g.writeStartObject();
            Feature f = input.feature();
            g.writeStringField("column", f.column());
            if (input.categorical()) {
                g.writeStringField("type", "categorical");
                g.writeStringField("contrasts", "treatment");
                strings(g, "levels", input.levels());
            } else {
                g.writeStringField("type", "numeric");
                g.writeStringField("term", f.label());
                g.writeStringField("function", f.function().name().toLowerCase(Locale.ROOT));
                if (f.function() == Feature.Function.POW) {
                    g.writeNumberField("power", f.power());
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeFit(JsonGenerator g, FitSummary fit) throws IOException {
        g.writeObjectFieldStart("fit");
        g.writeStringField("method", fit.method() == Method.NEWTON ? "newton" : "gradient-descent");
        g.writeNumberField("l2", fit.l2());
        g.writeBooleanField("standardized", fit.standardized());
        g.writeNumberField("tolerance", fit.tolerance());
        g.writeNumberField("observations", fit.observations());
        g.writeNumberField("deviance", fit.deviance());
        g.writeBooleanField("converged", fit.converged());
        g.writeStringField("termination", fit.termination().name());
        g.writeNumberField("iterations", fit.iterations());
        strings(g, "aliased", fit.aliased());
        g.writeBooleanField("separation", fit.separation());
        if (fit.offset()) {
            // Written only when set: files of fits without an offset are as before.
            g.writeBooleanField("offset", true);
        }
        g.writeArrayFieldStart("warnings");
        for (Warning w : fit.warnings()) {
            g.writeStartObject();
            g.writeStringField("kind", w.kind().name());
            g.writeStringField("message", w.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static Model read(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not a model file (not UTF-8 text)", e);
        }
    }

    static Model read(Reader in) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("in is null");
        }
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not a model file: malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")", e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not a model file: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a model file: the text is not a JSON object");
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new IllegalArgumentException("not a model file: no \"schema\" field (expected \"" + Model.SCHEMA + "\")");
        }
        if (!schema.asText().equals(Model.SCHEMA)) {
            throw new IllegalArgumentException("the schema is \"" + schema.asText() + "\"; this version reads \""
                    + Model.SCHEMA + "\"");
        }
        onlyFields(root, TOP, "the model");
        String kind = text(root, "kind");
        if (!kind.equals(BINOMIAL) && !kind.equals(MULTINOMIAL)) {
            throw new IllegalArgumentException("\"kind\" is \"" + kind + "\": expected \"binomial\" or \"multinomial\"");
        }
        List<String> classes = texts(root, "classes");
        boolean intercept = bool(root, "intercept");
        List<String> terms = texts(root, "terms");
        Encoder encoder = root.get("encoder") == null || root.get("encoder").isNull() ? null
                : readEncoder(root.get("encoder"), classes);
        FitSummary fit = root.get("fit") == null || root.get("fit").isNull() ? null : readFit(root.get("fit"));
        ModelHeader header = new ModelHeader(terms, intercept, classes, encoder, fit);
        JsonNode coefficients = required(root, "coefficients");
        if (!coefficients.isArray()) {
            throw new IllegalArgumentException("\"coefficients\" is not an array");
        }
        if (kind.equals(BINOMIAL)) {
            if (root.has("parametrization")) {
                throw new IllegalArgumentException("a binomial model has no \"parametrization\"");
            }
            if (classes.size() != 2) {
                throw new IllegalArgumentException("a binomial model has two classes, the file lists " + classes.size());
            }
            if (!text(root, "referenceClass").equals(classes.get(0))) {
                throw new IllegalArgumentException("\"referenceClass\" of a binomial model is its first class, \""
                        + classes.get(0) + "\"");
            }
            double[][] rows = coefficientRows(coefficients, List.of(classes.get(1)), terms);
            double[] row = rows[0];
            int offset = intercept ? 1 : 0;
            return new LogisticModel(intercept ? row[0] : 0.0, java.util.Arrays.copyOfRange(row, offset, row.length),
                    header);
        }
        String p = text(root, "parametrization");
        Parametrization parametrization;
        if (p.equals("reference")) {
            parametrization = Parametrization.REFERENCE;
        } else if (p.equals("symmetric")) {
            parametrization = Parametrization.SYMMETRIC;
        } else {
            throw new IllegalArgumentException("\"parametrization\" is \"" + p + "\": expected \"reference\" or \"symmetric\"");
        }
        JsonNode referenceNode = required(root, "referenceClass");
        int reference = -1;
        if (parametrization == Parametrization.REFERENCE) {
            if (!referenceNode.isTextual()) {
                throw new IllegalArgumentException("\"referenceClass\" must name a class in the reference parametrization");
            }
            reference = classes.indexOf(referenceNode.asText());
            if (reference < 0) {
                throw new IllegalArgumentException("\"referenceClass\" \"" + referenceNode.asText() + "\" is not one of the"
                        + " classes " + classes);
            }
        } else if (!referenceNode.isNull()) {
            throw new IllegalArgumentException("\"referenceClass\" must be null in the symmetric parametrization");
        }
        double[][] rows = coefficientRows(coefficients, MultinomialModel.coefficientClasses(classes, reference), terms);
        return new MultinomialModel(MultinomialModel.expand(rows, classes.size(), reference, terms.size()),
                parametrization, reference, header);
    }

    private static double[][] coefficientRows(JsonNode coefficients, List<String> owners, List<String> terms) {
        if (coefficients.size() != owners.size()) {
            throw new IllegalArgumentException("\"coefficients\" has " + coefficients.size() + " rows; the model has "
                    + owners.size() + " coefficient classes " + owners);
        }
        double[][] rows = new double[owners.size()][];
        for (int c = 0; c < owners.size(); c++) {
            JsonNode row = coefficients.get(c);
            String where = "coefficients[" + c + "]";
            if (!row.isObject()) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            onlyFields(row, Set.of("class", "values"), where);
            String owner = text(row, "class");
            if (!owner.equals(owners.get(c))) {
                throw new IllegalArgumentException(where + " is for class \"" + owner + "\"; expected \"" + owners.get(c)
                        + "\" (the coefficient classes in order: " + owners + ")");
            }
            JsonNode values = required(row, "values");
            if (!values.isArray() || values.size() != terms.size()) {
                throw new IllegalArgumentException(where + ".values has " + (values.isArray() ? values.size() + " values"
                        : "no array") + "; the model has " + terms.size() + " terms " + terms);
            }
            rows[c] = new double[terms.size()];
            for (int j = 0; j < terms.size(); j++) {
                JsonNode v = values.get(j);
                if (!v.isNumber()) {
                    throw new IllegalArgumentException(where + ".values[" + j + "] (" + terms.get(j) + ") is " + v
                            + ", not a number");
                }
                double d = v.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException(where + ".values[" + j + "] (" + terms.get(j) + ") is " + v.asText()
                            + ": coefficients must be finite");
                }
                rows[c][j] = d;
            }
        }
        return rows;
    }

    /** The encoder of a formula: {@code target}, {@code formula} and {@code levels}. */
    private static Encoder readFormulaEncoder(JsonNode node, List<String> classes) {
        onlyFields(node, Set.of("target", "formula", "levels"), "encoder");
        String target = text(node, "target");
        JsonNode formulaNode = required(node, "formula");
        if (!formulaNode.isTextual()) {
            throw new IllegalArgumentException("encoder.formula is not a string");
        }
        Formula formula;
        try {
            formula = Formula.parse(formulaNode.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encoder.formula \"" + formulaNode.asText() + "\" does not parse: "
                    + e.getMessage(), e);
        }
        if (formula.hasDot()) {
            throw new IllegalArgumentException("encoder.formula \"" + formulaNode.asText() + "\" has '.'; a model"
                    + " file keeps the formula with '.' expanded");
        }
        JsonNode levelsNode = required(node, "levels");
        if (!levelsNode.isObject()) {
            throw new IllegalArgumentException("encoder.levels is not an object");
        }
        Map<String, List<String>> levels = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = levelsNode.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            try {
                levels.put(e.getKey(), texts(levelsNode, e.getKey()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("encoder.levels: " + ex.getMessage(), ex);
            }
        }
        Encoder encoder;
        try {
            encoder = Encoder.ofFormula(formula, classes, levels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encoder.levels of the formula \"" + formula + "\": "
                    + e.getMessage(), e);
        }
        if (!encoder.target().equals(target)) {
            throw new IllegalArgumentException("encoder.target is '" + target + "' but the response of encoder.formula"
                    + " is '" + encoder.target() + "'");
        }
        return encoder;
    }

    static Encoder readEncoder(JsonNode node, List<String> classes) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"encoder\" is not an object");
        }
        if (node.has("formula")) {
            return readFormulaEncoder(node, classes);
        }
        onlyFields(node, Set.of("target", "inputs"), "encoder");
        String target = text(node, "target");
        JsonNode inputs = required(node, "inputs");
        if (!inputs.isArray()) {
            throw new IllegalArgumentException("encoder.inputs is not an array");
        }
        List<Encoder.Input> list = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode in = inputs.get(i);
            String where = "encoder.inputs[" + i + "]";
            if (!in.isObject()) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            String type = text(in, "type");
            String column = text(in, "column");
            try {
                if (type.equals("categorical")) {
                    onlyFields(in, Set.of("column", "type", "contrasts", "levels"), where);
                    if (!text(in, "contrasts").equals("treatment")) {
                        throw new IllegalArgumentException("\"contrasts\" must be \"treatment\"");
                    }
                    list.add(Encoder.Input.categorical(column, texts(in, "levels")));
                } else if (type.equals("numeric")) {
                    onlyFields(in, Set.of("column", "type", "term", "function", "power"), where);
                    String function = text(in, "function");
                    Feature.Function f;
                    try {
                        f = Feature.Function.valueOf(function.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("unknown function \"" + function + "\"", e);
                    }
                    double power = 1;
                    if (f == Feature.Function.POW) {
                        JsonNode pw = required(in, "power");
                        if (!pw.isNumber() || !Double.isFinite(pw.doubleValue())) {
                            throw new IllegalArgumentException("\"power\" must be a finite number");
                        }
                        power = pw.doubleValue();
                    } else if (in.has("power")) {
                        throw new IllegalArgumentException("\"power\" belongs to the function pow only");
                    }
                    list.add(Encoder.Input.numeric(new Feature(text(in, "term"), column, f, power)));
                } else {
                    throw new IllegalArgumentException("\"type\" is \"" + type + "\": expected \"numeric\" or \"categorical\"");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        try {
            return Encoder.of(target, classes, list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encoder: " + e.getMessage(), e);
        }
    }

    private static FitSummary readFit(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"fit\" is not an object");
        }
        onlyFields(node, Set.of("method", "l2", "standardized", "tolerance", "observations", "deviance", "converged",
                "termination", "iterations", "aliased", "separation", "warnings", "offset"), "fit");
        try {
            String m = text(node, "method");
            Method method = switch (m) {
                case "newton" -> Method.NEWTON;
                case "gradient-descent" -> Method.GRADIENT_DESCENT;
                default -> throw new IllegalArgumentException("\"method\" is \"" + m
                        + "\": expected \"newton\" or \"gradient-descent\"");
            };
            Termination termination;
            String t = text(node, "termination");
            try {
                termination = Termination.valueOf(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown termination \"" + t + "\"", e);
            }
            List<Warning> warnings = new ArrayList<>();
            JsonNode ws = required(node, "warnings");
            if (!ws.isArray()) {
                throw new IllegalArgumentException("\"warnings\" is not an array");
            }
            for (JsonNode w : ws) {
                onlyFields(w, Set.of("kind", "message"), "a warning");
                String k = text(w, "kind");
                Warning.Kind kind;
                try {
                    kind = Warning.Kind.valueOf(k);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown warning kind \"" + k + "\"", e);
                }
                warnings.add(new Warning(kind, text(w, "message")));
            }
            return new FitSummary(method, number(node, "l2"), bool(node, "standardized"), number(node, "tolerance"),
                    integer(node, "observations"), number(node, "deviance"), bool(node, "converged"), termination,
                    integer(node, "iterations"), texts(node, "aliased"), bool(node, "separation"), warnings,
                    node.has("offset") && bool(node, "offset"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fit: " + e.getMessage(), e);
        }
    }

    static void onlyFields(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " is not an object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + " has the unknown field \"" + name + "\"");
            }
        }
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new IllegalArgumentException("the field \"" + field + "\" is missing");
        }
        return v;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is " + v + ", not a string");
        }
        return v.asText();
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("\"" + field + "\" is " + v + ", not true or false");
        }
        return v.booleanValue();
    }

    static double number(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" is " + v + ", not a number");
        }
        return v.doubleValue();
    }

    static int integer(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + field + "\" is " + v + ", not an integer");
        }
        return v.intValue();
    }

    static List<String> texts(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" is not an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException("\"" + field + "\" holds " + e + ", not a string");
            }
            out.add(e.asText());
        }
        return out;
    }
}
