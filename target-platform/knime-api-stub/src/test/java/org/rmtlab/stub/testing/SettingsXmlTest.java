package org.rmtlab.stub.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;

class SettingsXmlTest {

    private static NodeSettings sample() {
        final NodeSettings s = new NodeSettings("settings.xml");
        s.addInt("i", -7);
        s.addLong("l", Long.MIN_VALUE);
        s.addDouble("d", 0.1);
        s.addDouble("nan", Double.NaN);
        s.addDouble("inf", Double.NEGATIVE_INFINITY);
        s.addBoolean("b", true);
        s.addString("s", "tab\there, \"quotes\" <tags> & 50% of\nlines, \u00e9\u4e2d\ud83d\ude00");
        s.addString("null", null);
        s.addIntArray("ints", 1, 2, 3);
        s.addDoubleArray("doubles");
        s.addStringArray("strings", "a", null, "");
        s.addStringArray("nullArray", (String[]) null);
        s.addNodeSettings("model").addNodeSettings("nested").addInt("deep", 42);
        s.addNodeSettings("empty");
        return s;
    }

    @Test
    void typedValuesComeBack() throws InvalidSettingsException {
        final NodeSettings s = sample();
        assertEquals(-7, s.getInt("i"));
        assertEquals(Long.MIN_VALUE, s.getLong("l"));
        assertEquals(0.1, s.getDouble("d"), 0.0);
        assertTrue(s.getBoolean("b"));
        assertNull(s.getString("null"));
        assertArrayEquals(new int[] {1, 2, 3}, s.getIntArray("ints"));
        assertArrayEquals(new double[0], s.getDoubleArray("doubles"), 0.0);
        assertArrayEquals(new String[] {"a", null, ""}, s.getStringArray("strings"));
        assertNull(s.getStringArray("nullArray"));
        assertEquals(42, s.getNodeSettings("model").getNodeSettings("nested").getInt("deep"));
        assertEquals(List.of("i", "l", "d", "nan", "inf", "b", "s", "null", "ints", "doubles", "strings", "nullArray",
            "model", "empty"), List.copyOf(s.keySet()));
    }

    @Test
    void absentOrMistypedKeysFailWithThePath() throws InvalidSettingsException {
        final NodeSettings s = sample();
        final InvalidSettingsException absent = assertThrows(InvalidSettingsException.class,
            () -> s.getNodeSettings("model").getDouble("alpha"));
        assertTrue(absent.getMessage().contains("\"alpha\"") && absent.getMessage().contains("settings.xml/model"),
            absent.getMessage());
        final InvalidSettingsException mistyped = assertThrows(InvalidSettingsException.class, () -> s.getInt("d"));
        assertTrue(mistyped.getMessage().contains("xdouble"), mistyped.getMessage());
        assertThrows(InvalidSettingsException.class, () -> s.getString("model"));
        assertThrows(InvalidSettingsException.class, () -> s.getNodeSettings("i"));
        assertEquals(5, s.getInt("d", 5));
        assertEquals("x", s.getString("absent", "x"));
        assertNull(s.getString("null", "x"), "a stored null is a value, not an absence");
        assertArrayEquals(new int[] {9}, s.getIntArray("absent", 9));
    }

    @Test
    void xmlRoundTripIsLossless() throws IOException {
        final NodeSettings s = sample();
        final NodeSettings back = SettingsXml.roundTrip(s);
        assertEquals(s, back);
        assertEquals(s.getKey(), back.getKey());
        final NodeSettings changed = sample();
        changed.addString("s", "other");
        assertNotEquals(s, changed, "equality must see a changed value");
    }

    @Test
    void xmlHasKnimesShape() {
        final String xml = SettingsXml.toXml(sample());
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config xmlns=\"http://www.knime.org/2008/09/XMLConfig\" "),
            xml);
        assertTrue(xml.contains(" key=\"settings.xml\">"), xml);
        assertTrue(xml.contains("<entry key=\"i\" type=\"xint\" value=\"-7\"/>"), xml);
        assertTrue(xml.contains("<entry key=\"null\" type=\"xstring\" isnull=\"true\" value=\"\"/>"), xml);
        assertTrue(xml.contains("<config key=\"ints\">\n        <entry key=\"array-size\" type=\"xint\" value=\"3\"/>"),
            xml);
        assertTrue(xml.contains("tab%%00009here, &quot;quotes&quot; &lt;tags&gt; &amp; 50% of%%00010lines"), xml);
        assertTrue(xml.contains("<config key=\"empty\"/>"), xml);
    }

    /** A fragment as KNIME writes it, with entry types the stub has no accessor for. */
    @Test
    void knimeWrittenSettingsAreReadAndKept() throws IOException, InvalidSettingsException {
        final String knime = """
            <?xml version="1.0" encoding="UTF-8"?>
            <config xmlns="http://www.knime.org/2008/09/XMLConfig" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd" key="settings.xml">
                <entry key="node_file" type="xstring" value="settings.xml"/>
                <config key="flow_stack"/>
                <config key="model">
                    <entry key="typeMatch" type="xbyte" value="0"/>
                    <entry key="script" type="xstring" value="a%%00010b"/>
                </config>
            </config>
            """;
        final NodeSettings s = SettingsXml.fromXml(knime);
        final NodeSettingsRO model = s.getNodeSettings("model");
        assertEquals("a\nb", model.getString("script"));
        assertFalse(model.containsKey("absent"));
        assertThrows(InvalidSettingsException.class, () -> model.getInt("typeMatch"));
        assertTrue(SettingsXml.toXml(s).contains("<entry key=\"typeMatch\" type=\"xbyte\" value=\"0\"/>"));
    }

    @Test
    void malformedDocumentsAreRefused() {
        assertThrows(IOException.class, () -> SettingsXml.fromXml("<settings/>"));
        assertThrows(IOException.class, () -> SettingsXml.fromXml("<config key=\"k\"><entry type=\"xint\" value=\"1\"/></config>"));
        assertThrows(IOException.class, () -> SettingsXml.fromXml(
            "<!DOCTYPE config [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><config key=\"k\">&e;</config>"));
    }

    @Test
    void filesRoundTrip(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("settings.xml");
        SettingsXml.write(sample(), file);
        assertEquals(sample(), SettingsXml.read(file));
    }
}
