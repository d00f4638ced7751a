package org.rmtlab.knime.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.osgi.util.ManifestElement;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Equinox runtime of the integration tests, as the tests see it.
 *
 * <p>tycho-surefire runs the tests in a generated fragment of the nodes bundle. The fragment adds
 * optional imports of every package the test classes use and {@code DynamicImport-Package: *} to
 * the host, so class loading through the nodes bundle is more forgiving than in KNIME. Checks of
 * the nodes bundle's own wiring therefore use only the wires of requirements its MANIFEST declares
 * ({@link #declaredProviders}), never the fragment's.
 */
final class OsgiRuntime {
    static final String NODES = "org.rmtlab.knime";
    static final String CORE = "org.rmtlab.core";
    /** The KNIME bundle our nodes are built against; here it is the compile stub of that name. */
    static final String KNIME_CORE = "org.knime.core";
    /** System property with the path of feature/feature.xml (set in nodes/pom.xml). */
    static final String FEATURE_PROPERTY = "rmtlab.feature.xml";

    private OsgiRuntime() {
    }

    static BundleContext context() {
        final Bundle self = FrameworkUtil.getBundle(OsgiRuntime.class);
        if (self == null) {
            throw new IllegalStateException("Not running inside OSGi: *IT classes run with tycho-surefire's "
                + "plugin-test goal (./mvnw verify), not with maven-surefire");
        }
        return self.getBundleContext();
    }

    /** The one bundle with this symbolic name. */
    static Bundle bundle(final String symbolicName) {
        final List<Bundle> found = new ArrayList<>();
        for (final Bundle b : context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                found.add(b);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " bundles named " + symbolicName + " in the test runtime");
        }
        return found.get(0);
    }

    static BundleWiring wiring(final Bundle b) {
        final BundleWiring wiring = b.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new IllegalStateException(b.getSymbolicName() + " is not resolved");
        }
        return wiring;
    }

    /** The parsed clauses of a MANIFEST header of the bundle itself (not of attached fragments); none if absent. */
    static ManifestElement[] header(final Bundle b, final String name) throws BundleException {
        final ManifestElement[] clauses = ManifestElement.parseHeader(name, b.getHeaders("").get(name));
        return clauses == null ? new ManifestElement[0] : clauses;
    }

    /** The names of a header's clauses (package or bundle names), in MANIFEST order. */
    static Set<String> names(final ManifestElement[] clauses) {
        final Set<String> names = new LinkedHashSet<>();
        for (final ManifestElement clause : clauses) {
            Collections.addAll(names, clause.getValueComponents());
        }
        return names;
    }

    /**
     * Package name to providing bundle, through the wires of the requirements the bundle declares
     * itself: its Import-Package, and the exports of its Require-Bundle bundles. Requirements that
     * attached fragments add are left out.
     */
    static Map<String, Bundle> declaredProviders(final Bundle b) {
        final BundleRevision own = b.adapt(BundleRevision.class);
        final Map<String, Bundle> providers = new TreeMap<>();
        for (final BundleWire wire : wiring(b).getRequiredWires(null)) {
            if (wire.getRequirement().getRevision() != own) {
                continue;
            }
            final String namespace = wire.getCapability().getNamespace();
            if (PackageNamespace.PACKAGE_NAMESPACE.equals(namespace)) {
                providers.put(packageName(wire.getCapability()), wire.getProvider().getBundle());
            } else if (BundleNamespace.BUNDLE_NAMESPACE.equals(namespace)) {
                final BundleWiring required = wire.getProviderWiring();
                for (final BundleCapability export : required.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                    // Import-Package takes precedence over Require-Bundle, as in the class loader
                    providers.putIfAbsent(packageName(export), required.getBundle());
                }
            }
        }
        return providers;
    }

    /** The wires of the requirements the bundle declares itself (not those of attached fragments). */
    static List<BundleWire> declaredWires(final Bundle b) {
        final BundleRevision own = b.adapt(BundleRevision.class);
        final List<BundleWire> wires = new ArrayList<>();
        for (final BundleWire wire : wiring(b).getRequiredWires(null)) {
            if (wire.getRequirement().getRevision() == own) {
                wires.add(wire);
            }
        }
        return wires;
    }

    static String packageName(final BundleCapability export) {
        return (String) export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
    }

    static boolean isSystemBundle(final Bundle b) {
        return b != null && b.getBundleId() == 0;
    }

    /**
     * The class files under {@code folder} in the bundle's own content (the jar as built; neither
     * fragments nor development class folders are searched).
     */
    static List<String> classEntries(final Bundle b, final String folder) {
        final List<String> classes = new ArrayList<>();
        final Enumeration<String> paths = b.getEntryPaths(folder);
        while (paths != null && paths.hasMoreElements()) {
            final String path = paths.nextElement();
            if (path.endsWith("/")) {
                classes.addAll(classEntries(b, path));
            } else if (path.endsWith(".class")) {
                classes.add(path);
            }
        }
        return classes;
    }

    /** Referenced class name to the classes (entry paths) of the bundle that reference it. */
    static Map<String, Set<String>> references(final Bundle b, final List<String> classEntries) throws IOException {
        final Map<String, Set<String>> users = new TreeMap<>();
        for (final String entry : classEntries) {
            try (InputStream in = b.getEntry(entry).openStream()) {
                for (final String ref : ClassReferences.of(in)) {
                    users.computeIfAbsent(ref, k -> new LinkedHashSet<>()).add(entry);
                }
            }
        }
        return users;
    }

    /** A bundle entry's XML, parsed namespace-aware without DTDs. */
    static Document xml(final URL entry) throws Exception {
        try (InputStream in = entry.openStream()) {
            return parser().parse(in);
        }
    }

    /** Plugin ids listed by feature/feature.xml (what the update site ships). */
    static Set<String> featurePlugins() throws Exception {
        final String path = System.getProperty(FEATURE_PROPERTY);
        if (path == null) {
            throw new IllegalStateException("System property " + FEATURE_PROPERTY + " (path of feature.xml) not set; "
                + "nodes/pom.xml sets it for tycho-surefire");
        }
        final Document feature;
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            feature = parser().parse(in);
        }
        final Set<String> ids = new LinkedHashSet<>();
        final NodeList plugins = feature.getDocumentElement().getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            ids.add(((Element) plugins.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static javax.xml.parsers.DocumentBuilder parser() throws Exception {
        final DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder();
    }
}
