package org.rmtlab.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rmtlab.knime.osgi.OsgiRuntime.CORE;
import static org.rmtlab.knime.osgi.OsgiRuntime.KNIME_CORE;
import static org.rmtlab.knime.osgi.OsgiRuntime.NODES;
import static org.rmtlab.knime.osgi.OsgiRuntime.bundle;
import static org.rmtlab.knime.osgi.OsgiRuntime.classEntries;
import static org.rmtlab.knime.osgi.OsgiRuntime.context;
import static org.rmtlab.knime.osgi.OsgiRuntime.declaredProviders;
import static org.rmtlab.knime.osgi.OsgiRuntime.declaredWires;
import static org.rmtlab.knime.osgi.OsgiRuntime.header;
import static org.rmtlab.knime.osgi.OsgiRuntime.isSystemBundle;
import static org.rmtlab.knime.osgi.OsgiRuntime.names;
import static org.rmtlab.knime.osgi.OsgiRuntime.packageName;
import static org.rmtlab.knime.osgi.OsgiRuntime.references;
import static org.rmtlab.knime.osgi.OsgiRuntime.wiring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.osgi.util.ManifestElement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Our two bundles as Equinox resolves them beside the KNIME API bundle (here the compile stub
 * org.knime.core 5.5.0): everything resolves and starts, the MANIFESTs ask only for what a KNIME
 * installation with our feature provides, and every class the bundles' own code links against is
 * visible through those MANIFESTs (checked from the class files, so branches the node runs of
 * {@link NodeExecutionIT} do not reach are covered too).
 */
@Tag("osgi")
class BundleWiringIT {
    /** The KNIME version the nodes are compiled against (the stub's Bundle-Version). */
    private static final Version KNIME_VERSION = new Version(5, 5, 0);
    /** The one EJML package the core's API exposes (DMatrixRMaj and friends from ejml-core). */
    private static final String EJML_API = "org.ejml.data";

    @Test
    void everyBundleResolvesAndStarts() {
        final Bundle system = context().getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        system.adapt(FrameworkWiring.class).resolveBundles(null);
        final List<String> problems = new ArrayList<>();
        for (final Bundle b : context().getBundles()) {
            final boolean fragment = (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (b.getState() == Bundle.INSTALLED) {
                problems.add(b.getSymbolicName() + " is not resolved: " + resolutionError(b));
            } else if (!fragment) {
                try {
                    b.start();
                } catch (BundleException | RuntimeException e) {
                    problems.add(b.getSymbolicName() + " does not start: " + e);
                }
                if (b.getState() != Bundle.ACTIVE) {
                    problems.add(b.getSymbolicName() + " is in state " + b.getState() + " after start, not ACTIVE");
                }
            }
        }
        for (final String name : List.of(CORE, NODES, KNIME_CORE)) {
            problems.addAll(unwiredRequirements(bundle(name)));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Requirements (optional ones included) that the resolver left without a provider. */
    private static List<String> unwiredRequirements(final Bundle b) {
        final BundleRevision own = b.adapt(BundleRevision.class);
        final Set<BundleRequirement> wired = new HashSet<>();
        for (final BundleWire wire : declaredWires(b)) {
            wired.add(wire.getRequirement());
        }
        final List<String> missing = new ArrayList<>();
        for (final BundleRequirement r : own.getDeclaredRequirements(null)) {
            final boolean dynamic = PackageNamespace.RESOLUTION_DYNAMIC
                .equals(r.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            if (!dynamic && !wired.contains(r)) {
                missing.add(b.getSymbolicName() + ": unresolved requirement " + r);
            }
        }
        return missing;
    }

    private static String resolutionError(final Bundle b) {
        try {
            b.start();
            return "(start succeeded after all)";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }

    /**
     * In KNIME the nodes bundle finds org.knime.core, the bundles of our feature and the JRE, nothing
     * else: every Require-Bundle is one of those, every Import-Package is a JRE package, and there is no
     * DynamicImport-Package that could hide a missing import.
     */
    @Test
    void nodesBundleNeedsOnlyKnimeCoreOurFeatureAndTheJre() throws Exception {
        final Bundle nodes = bundle(NODES);
        final Set<String> feature = OsgiRuntime.featurePlugins();
        assertTrue(feature.contains(NODES) && feature.contains(CORE), "feature.xml lists " + feature);
        final Set<String> allowed = new TreeSet<>(feature);
        allowed.add(KNIME_CORE);

        final List<String> problems = new ArrayList<>();
        final ManifestElement[] required = header(nodes, Constants.REQUIRE_BUNDLE);
        for (final ManifestElement r : required) {
            if (!allowed.contains(r.getValue())) {
                problems.add("Require-Bundle " + r.getValue() + " is neither " + KNIME_CORE + " nor in feature.xml");
            }
            if (KNIME_CORE.equals(r.getValue())) {
                final String range = r.getAttribute(Constants.BUNDLE_VERSION_ATTRIBUTE);
                if (range == null || !new VersionRange(range).includes(KNIME_VERSION)) {
                    problems.add("Require-Bundle " + KNIME_CORE + " range " + range + " excludes " + KNIME_VERSION);
                }
            }
        }
        if (!names(required).contains(KNIME_CORE)) {
            problems.add("Require-Bundle lacks " + KNIME_CORE);
        }
        final Map<String, Bundle> providers = declaredProviders(nodes);
        for (final String imported : names(header(nodes, Constants.IMPORT_PACKAGE))) {
            if (!isSystemBundle(providers.get(imported))) {
                problems.add("Import-Package " + imported + " is not a JRE package (provided by "
                    + providers.get(imported) + ")");
            }
        }
        for (final BundleWire wire : declaredWires(nodes)) {
            final Bundle provider = wire.getProvider().getBundle();
            if (!isSystemBundle(provider) && !allowed.contains(provider.getSymbolicName())) {
                problems.add("wired to " + provider.getSymbolicName() + " for " + wire.getRequirement());
            }
        }
        assertNull(nodes.getHeaders("").get(Constants.DYNAMICIMPORT_PACKAGE), "DynamicImport-Package");
        assertNull(nodes.getHeaders("").get(Constants.FRAGMENT_HOST), "Fragment-Host");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The core exports its own packages and org.ejml.data (the EJML types of its API), nothing else of
     * the embedded jars: other EJML packages are split across EJML's jars, and JFreeChart stays inside.
     * It needs nothing but the JRE.
     */
    @Test
    void coreExportsOnlyItsApiAndEjmlData() throws Exception {
        final Bundle core = bundle(CORE);
        final Set<String> exported = names(header(core, Constants.EXPORT_PACKAGE));
        final List<String> problems = new ArrayList<>();
        for (final String p : exported) {
            if (p.equals(EJML_API)) {
                continue;
            }
            if (!p.startsWith(CORE + ".")) {
                problems.add("Export-Package " + p + " is neither org.rmtlab.core.* nor " + EJML_API);
            } else if (classEntries(core, p.replace('.', '/') + "/").isEmpty()) {
                problems.add("Export-Package " + p + " has no classes in the bundle");
            }
        }
        if (!exported.contains(EJML_API)) {
            problems.add("Export-Package lacks " + EJML_API + ", which the core's API exposes");
        }
        final Set<String> resolvedExports = new TreeSet<>();
        for (final BundleCapability c : wiring(core).getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            resolvedExports.add(packageName(c));
        }
        assertEquals(new TreeSet<>(exported), resolvedExports, "packages the resolver sees exported");

        final Class<?> matrix = wiring(core).getClassLoader().loadClass(EJML_API + ".DMatrixRMaj");
        assertEquals(core, FrameworkUtil.getBundle(matrix), "DMatrixRMaj comes from the core's embedded ejml-core");

        assertEquals(0, header(core, Constants.REQUIRE_BUNDLE).length, "the core requires no bundle");
        for (final BundleWire wire : declaredWires(core)) {
            if (!isSystemBundle(wire.getProvider().getBundle())) {
                problems.add("core wired to " + wire.getProvider().getBundle().getSymbolicName() + " for "
                    + wire.getRequirement());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Every class the nodes' class files link against is visible through the nodes MANIFEST alone
     * (Import-Package, Require-Bundle; the test fragment's imports do not count) and loads from the
     * bundle that should provide it: EJML only as org.ejml.data from the core, no JFreeChart, nothing
     * of the stub's test runtime.
     */
    @Test
    void nodesLinkOnlyAgainstWhatTheirManifestProvides() throws Exception {
        final Bundle nodes = bundle(NODES);
        final Bundle core = bundle(CORE);
        final List<String> classes = classEntries(nodes, "org/");
        assertTrue(classes.size() > 10, "class files in the nodes jar: " + classes);
        final Map<String, Set<String>> refs = references(nodes, classes);
        final Map<String, Bundle> providers = declaredProviders(nodes);
        final ClassLoader loader = wiring(nodes).getClassLoader();
        final Set<String> problems = new LinkedHashSet<>();
        for (final Map.Entry<String, Set<String>> ref : refs.entrySet()) {
            final String name = ref.getKey();
            final String pkg = ClassReferences.packageOf(name);
            final String usedBy = " (used by " + ref.getValue().iterator().next() + ")";
            if (pkg.startsWith("java.")) {
                continue;
            }
            final Bundle expected;
            if (pkg.startsWith(NODES + ".") || pkg.equals(NODES)) {
                expected = nodes;
            } else if ((pkg.startsWith("org.ejml.") && !pkg.equals(EJML_API)) || pkg.startsWith("org.jfree.")
                || pkg.startsWith("org.rmtlab.stub.")) {
                problems.add(name + usedBy + ": the nodes must not use package " + pkg);
                continue;
            } else {
                expected = providers.get(pkg);
                if (expected == null) {
                    problems.add(name + usedBy + ": package " + pkg
                        + " is provided by neither Import-Package nor Require-Bundle of " + NODES);
                    continue;
                }
            }
            if (pkg.equals(EJML_API) && expected != core) {
                problems.add(name + usedBy + " comes from " + expected + ", not from " + CORE);
            }
            try {
                final Bundle actual = FrameworkUtil.getBundle(loader.loadClass(name));
                final boolean ok = isSystemBundle(expected) ? actual == null || isSystemBundle(actual) : actual == expected;
                if (!ok) {
                    problems.add(name + usedBy + " loads from " + actual + ", expected " + expected);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(name + usedBy + " does not load: " + e);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Every class the core's own class files link against is in the core (its classes, the embedded
     * EJML and JFreeChart jars) or in a JRE package the core imports: the embedded jars are complete.
     */
    @Test
    void coreLinksOnlyAgainstItselfItsEmbeddedJarsAndImportedJrePackages() throws Exception {
        final Bundle core = bundle(CORE);
        final List<String> classes = classEntries(core, "org/rmtlab/");
        assertTrue(classes.size() > 10, "class files of the core: " + classes);
        final Map<String, Set<String>> refs = references(core, classes);
        final Map<String, Bundle> providers = declaredProviders(core);
        final ClassLoader loader = wiring(core).getClassLoader();
        final Set<String> problems = new LinkedHashSet<>();
        for (final Map.Entry<String, Set<String>> ref : refs.entrySet()) {
            final String name = ref.getKey();
            final String pkg = ClassReferences.packageOf(name);
            final String usedBy = " (used by " + ref.getValue().iterator().next() + ")";
            if (pkg.startsWith("java.")) {
                continue;
            }
            try {
                final Bundle actual = FrameworkUtil.getBundle(loader.loadClass(name));
                if (actual != core && !(isSystemBundle(providers.get(pkg)) && (actual == null || isSystemBundle(actual)))) {
                    problems.add(name + usedBy + " is neither in the core nor in an imported JRE package (loads from "
                        + actual + ")");
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(name + usedBy + " does not load: " + e);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
