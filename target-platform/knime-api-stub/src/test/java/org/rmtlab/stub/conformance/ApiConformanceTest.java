package org.rmtlab.stub.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;

/**
 * The stub must not promise anything real KNIME does not have: every class compiled from the stub
 * under {@code org/knime} is disassembled with {@code javap -protected} and compared with the
 * published signatures (the shared facts file plus the project's supplement). Headers must be
 * identical; every public or protected member javap prints, bridge methods included, must be
 * listed for that class. Members may be missing from the stub (it is a subset), never different.
 */
class ApiConformanceTest {

    /** Both files hold far more classes than this; fewer means the parser lost its way. */
    private static final int MIN_FACT_CLASSES = 60;

    private static ApiListing facts;
    private static ApiListing stub;
    private static int classFileCount;

    @BeforeAll
    static void disassembleStub() throws IOException, URISyntaxException {
        facts = readFacts();
        final Path classes = Path.of(InvalidSettingsException.class.getProtectionDomain()
            .getCodeSource().getLocation().toURI());
        final List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes.resolve("org/knime"))) {
            walk.filter(p -> p.toString().endsWith(".class")).sorted().forEach(p -> files.add(p.toString()));
        }
        classFileCount = files.size();
        stub = ApiListing.parse(javap(files), "javap output");
    }

    private static ApiListing readFacts() throws IOException {
        final String shared = System.getProperty("rmtlab.shared");
        assertTrue(shared != null, "system property rmtlab.shared (the folder holding knime-api-facts.md) is not set");
        final Path factsFile = Path.of(shared, "knime-api-facts.md");
        final Path supplement = Path.of(System.getProperty("basedir", "."), "..", "knime-api-supplement.txt");
        final ApiListing listing = ApiListing.parse(Files.readString(factsFile, StandardCharsets.UTF_8),
            factsFile.toString());
        listing.add(Files.readString(supplement, StandardCharsets.UTF_8), supplement.toString());
        return listing;
    }

    private static String javap(final List<String> classFiles) {
        final ToolProvider tool = ToolProvider.findFirst("javap")
            .orElseThrow(() -> new IllegalStateException("javap is not available: run the tests on a JDK"));
        final List<String> args = new ArrayList<>();
        args.add("-protected");
        args.addAll(classFiles);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int status = tool.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, status, () -> "javap failed: " + err);
        return out.toString();
    }

    @Test
    void factsAndStubWereReadCompletely() {
        assertTrue(facts.classes().size() >= MIN_FACT_CLASSES,
            () -> "only " + facts.classes().size() + " classes parsed from the facts");
        assertEquals(classFileCount, stub.classes().size(), "javap printed a different number of classes");
        assertTrue(stub.classes().containsKey("org.knime.core.node.NodeModel"), "NodeModel not compiled");
    }

    @Test
    void everyStubClassIsPublishedWithTheSameHeader() {
        final List<String> problems = new ArrayList<>();
        for (final ApiListing.ClassBlock cls : stub.classes().values()) {
            if (!cls.isPublic()) {
                // private nested helpers are invisible to code compiled against the stub
                if (!cls.name().contains("$")) {
                    problems.add(cls.name() + ": top-level class that is not public: " + cls.header());
                }
                continue;
            }
            final ApiListing.ClassBlock published = facts.classes().get(cls.name());
            if (published == null) {
                problems.add(cls.name() + ": public class not in the facts or the supplement");
            } else if (!published.header().equals(cls.header())) {
                problems.add(cls.name() + ": header differs\n    stub:  " + cls.header()
                    + "\n    facts: " + published.header());
            }
        }
        report(problems);
    }

    @Test
    void everyVisibleMemberIsPublished() {
        final List<String> problems = new ArrayList<>();
        for (final ApiListing.ClassBlock cls : stub.classes().values()) {
            final ApiListing.ClassBlock published = facts.classes().get(cls.name());
            if (!cls.isPublic() || published == null) {
                continue; // reported by the header test
            }
            for (final String member : cls.members()) {
                if (!published.members().contains(member)) {
                    problems.add(cls.name() + ": member not published: " + member);
                }
            }
        }
        report(problems);
    }

    /** The checks above rely on the parser seeing a changed signature as a different line. */
    @Test
    void parserTellsSignaturesApart() {
        final ApiListing listing = ApiListing.parse(String.join("\n",
            "Compiled from \"A.java\"",
            "public class p.A implements p.I, p.J {",
            "  public void f(java.util.Map<java.lang.String, p.A>) throws java.io.IOException;",
            "}"), "sample");
        final ApiListing.ClassBlock a = listing.classes().get("p.A");
        assertEquals("public class p.A implements p.I,p.J", a.header());
        assertTrue(a.members().contains("public void f(java.util.Map<java.lang.String,p.A>) throws java.io.IOException"));
        assertFalse(a.members().contains("public void f(java.util.Map<java.lang.String,p.A>)"));
        assertThrows(IllegalArgumentException.class,
            () -> ApiListing.parse("public class p.B {\n  not a member\n}", "broken"));
    }

    private static void report(final List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " difference(s) from the published KNIME API:\n  " + String.join("\n  ", problems));
        }
    }
}
