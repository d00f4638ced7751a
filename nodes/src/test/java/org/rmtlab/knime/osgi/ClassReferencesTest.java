package org.rmtlab.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Point;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.border.Border;

import org.junit.jupiter.api.Test;

/** The class-file reader that the OSGi integration tests use to find what a bundle's classes link against. */
class ClassReferencesTest {

    /**
     * Each referenced type reaches the class file by one route; the long and double constants come
     * first so that a reader that mis-counts their two pool slots loses the entries after them.
     */
    @SuppressWarnings("unused")
    static final class Fixture {
        static volatile long big = 0x1234_5678_9ABCL;
        static volatile double wide = 1.5e300;
        /** Only in the descriptor of an unused field. */
        ConcurrentHashMap<String, String> map;

        /** Only in the descriptor of a method. */
        static void take(final JLabel label) {
            // the parameter type is the point
        }

        /** Border only in the descriptor of a called method (name-and-type entry). */
        static Object border(final JComponent c) {
            return c.getBorder();
        }

        /** A class entry of an array type, and a lambda (invokedynamic, method types). */
        static Object points() {
            final Supplier<Point[][]> s = () -> new Point[2][3];
            return s.get();
        }

        /** Looks like a descriptor but is a string: not a reference. */
        static String text() {
            return "Lorg/example/NotLinked;";
        }
    }

    private static Set<String> referencesOf(final Class<?> c) throws IOException {
        final String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = c.getResourceAsStream(file)) {
            return ClassReferences.of(in);
        }
    }

    @Test
    void findsTypesInThePoolAndInEveryKindOfDescriptor() throws IOException {
        Set<String> refs = referencesOf(Fixture.class);
        assertTrue(refs.contains(ConcurrentHashMap.class.getName()), refs::toString);
        assertTrue(refs.contains(JLabel.class.getName()), refs::toString);
        assertTrue(refs.contains(Border.class.getName()), refs::toString);
        assertTrue(refs.contains(Point.class.getName()), refs::toString);
        assertTrue(refs.contains(Supplier.class.getName()), refs::toString);
        assertTrue(refs.contains(Fixture.class.getName()), refs::toString);
        assertFalse(refs.contains("org.example.NotLinked"), refs::toString);
        assertFalse(refs.stream().anyMatch(r -> r.startsWith("[") || r.contains("/")), refs::toString);
    }

    @Test
    void packageOfNestedAndUnnamed() {
        assertEquals("org.rmtlab.knime.osgi", ClassReferences.packageOf(Fixture.class.getName()));
        assertEquals("", ClassReferences.packageOf("Main"));
    }

    @Test
    void refusesWhatIsNotAClassFile() {
        assertThrows(IOException.class, () -> ClassReferences.of(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})));
    }
}
