package dev.logreg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's data layer works with the dependencies a Maven user of the library gets: the POM's
 * optional dependencies (the command line's) and the test libraries are left off the class path,
 * and {@code Table.read} still reads a CSV file, and a model file still writes and reads back.
 */
class LibraryDependenciesTest {

    @TempDir
    Path dir;

    /** The artifactIds the POM marks optional. */
    private static Set<String> optionalArtifacts() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        // The project's dependencies: the first list after the dependency management (the BOM).
        int start = pom.indexOf("<dependencies>", pom.indexOf("</dependencyManagement>"));
        String dependencies = pom.substring(start, pom.indexOf("</dependencies>", start));
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(dependencies);
        Set<String> optional = new java.util.HashSet<>();
        while (m.find()) {
            String d = m.group(1);
            Matcher id = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(d);
            if (id.find() && (d.contains("<optional>true</optional>") || d.contains("<scope>test</scope>"))) {
                optional.add(id.group(1));
            }
        }
        return optional;
    }

    @Test
    void tableReadNeedsOnlyTheLibrarysRuntimeDependencies() throws Exception {
        Set<String> left = optionalArtifacts();
        assertFalse(left.contains("fastcsv"), "FastCSV is what Table tokenizes with: " + left);
        assertFalse(left.contains("fastdoubleparser"), "fastdoubleparser is what Table reads numbers with: " + left);
        assertTrue(left.contains("commons-csv"), "Commons CSV writes the command line's CSV output only: " + left);
        assertTrue(left.contains("picocli"), "the command line's dependencies are optional: " + left);
        assertFalse(left.contains("jackson-databind"), "the model file is read and written with Jackson: " + left);
        // The class path a library user has: the classes, and every jar that is not optional or a test library.
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            boolean excluded = entry.contains("test-classes") || name.startsWith("junit-") || name.startsWith("jqwik")
                    || name.startsWith("opentest4j") || name.startsWith("apiguardian")
                    || left.stream().anyMatch(a -> name.startsWith(a + "-"))
                    || name.startsWith("xchart") || name.startsWith("surefire");
            if (!excluded) {
                urls.add(p.toUri().toURL());
            }
        }
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "y,x\n0,1\n1,2\n", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            Class<?> table = Class.forName("dev.logreg.data.Table", true, loader);
            assertEquals(loader, table.getClassLoader());
            Object t = table.getMethod("read", Path.class, java.util.Collection.class).invoke(null, csv, List.of());
            assertEquals(2, table.getMethod("rows").invoke(t));
            // A model file reads back on that class path too.
            Class<?> model = Class.forName("dev.logreg.LogisticModel", true, loader);
            Object m = model.getMethod("of", double.class, double[].class).invoke(null, 0.5, new double[] {1.5});
            java.io.StringWriter out = new java.io.StringWriter();
            model.getMethod("write", java.io.Writer.class).invoke(m, out);
            Object back = Class.forName("dev.logreg.Model", true, loader).getMethod("read", java.io.Reader.class)
                    .invoke(null, new java.io.StringReader(out.toString()));
            assertEquals(m.toString(), back.toString());
            // picocli is not there, so the class path is the one a library user has; nor is Commons CSV.
            assertThrowsClassNotFound(loader, "picocli.CommandLine");
            assertThrowsClassNotFound(loader, "org.apache.commons.csv.CSVFormat");
        }
    }

    private static void assertThrowsClassNotFound(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            throw new AssertionError(name + " is on the library user's class path");
        } catch (ClassNotFoundException expected) {
            // as it should be
        }
    }
}
