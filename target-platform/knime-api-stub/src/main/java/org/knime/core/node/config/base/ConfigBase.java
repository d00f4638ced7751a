package org.knime.core.node.config.base;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.swing.tree.TreeNode;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.util.CheckUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A settings tree node: an ordered map from keys to typed values and nested configs.
 *
 * <p>Values are stored as the strings KNIME's settings XML holds, tagged with its type names
 * ({@code xint}, {@code xlong}, {@code xdouble}, {@code xboolean}, {@code xstring}); entries of
 * other types read from a file are kept as they are and written back unchanged. An array is a
 * nested config with an {@code array-size} entry and the elements under the keys "0", "1", ...;
 * a null array is a nested config without {@code array-size}.
 *
 * <p>XML format (KNIME's XMLConfig): a {@code config} root element in the namespace
 * {@value #NAMESPACE} with a {@code key} attribute, nested {@code config} elements and
 * {@code entry} elements with {@code key}, {@code type}, {@code value} (a null string has
 * {@code isnull="true"} and an empty value). Characters that XML attributes cannot carry
 * (control characters such as line breaks) are written as {@code %%} followed by their five-digit
 * decimal code, as KNIME does; such sequences are decoded on reading.
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {
    private static final long serialVersionUID = 1L;

    private static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";
    private static final String ROOT_ATTRIBUTES = "xmlns=\"" + NAMESPACE + "\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:schemaLocation=\"" + NAMESPACE + " http://www.knime.org/XMLConfig_2008_09.xsd\"";
    private static final String INDENT = "    ";

    private static final String INT = "xint";
    private static final String LONG = "xlong";
    private static final String DOUBLE = "xdouble";
    private static final String BOOLEAN = "xboolean";
    private static final String STRING = "xstring";
    private static final String ARRAY_SIZE = "array-size";

    private final LinkedHashMap<String, AbstractConfigEntry> entries = new LinkedHashMap<>();

    public ConfigBase(final String key) {
        super(key);
    }

    /** A new empty config of this kind, used for nested configs. */
    public abstract ConfigBase getInstance(String key);

    /** Adds the entry, replacing one with the same key. */
    protected void put(final AbstractConfigEntry entry) {
        CheckUtils.checkArgumentNotNull(entry, "cannot add a null entry to \"%s\"", path());
        entry.setParent(this);
        entries.put(entry.getKey(), entry);
    }

    /** @return the entry with this key, or null */
    protected AbstractConfigEntry get(final String key) {
        return entries.get(key);
    }

    @Override
    public final ConfigBase addConfigBase(final String key) {
        final ConfigBase config = getInstance(key);
        put(config);
        return config;
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        if (entries.get(key) instanceof ConfigBase config) {
            return config;
        }
        throw notFound(key, "config");
    }

    // ---- scalars ------------------------------------------------------------------------------

    @Override
    public void addInt(final String key, final int value) {
        putValue(key, INT, Integer.toString(value));
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        final String text = value(key, INT);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw unreadable(key, INT, text);
        }
    }

    @Override
    public int getInt(final String key, final int def) {
        try {
            return getInt(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addLong(final String key, final long value) {
        putValue(key, LONG, Long.toString(value));
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        final String text = value(key, LONG);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw unreadable(key, LONG, text);
        }
    }

    @Override
    public long getLong(final String key, final long def) {
        try {
            return getLong(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDouble(final String key, final double value) {
        putValue(key, DOUBLE, Double.toString(value));
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        final String text = value(key, DOUBLE);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw unreadable(key, DOUBLE, text);
        }
    }

    @Override
    public double getDouble(final String key, final double def) {
        try {
            return getDouble(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        putValue(key, BOOLEAN, Boolean.toString(value));
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        final String text = value(key, BOOLEAN);
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        throw unreadable(key, BOOLEAN, text);
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        try {
            return getBoolean(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    /** Adds a string; null is allowed and read back as null. */
    @Override
    public void addString(final String key, final String value) {
        putValue(key, STRING, value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        if (entries.get(key) instanceof Value v && STRING.equals(v.type)) {
            return v.text;
        }
        throw notFound(key, STRING);
    }

    @Override
    public String getString(final String key, final String def) {
        try {
            return getString(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ---- arrays -------------------------------------------------------------------------------

    @Override
    public void addIntArray(final String key, final int... values) {
        final ConfigBase array = addConfigBase(key);
        if (values != null) {
            array.addInt(ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                array.addInt(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        final List<Integer> list = readArray(key, ConfigBase::getInt);
        return list == null ? null : list.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        try {
            return getIntArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        final ConfigBase array = addConfigBase(key);
        if (values != null) {
            array.addInt(ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                array.addDouble(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        final List<Double> list = readArray(key, ConfigBase::getDouble);
        return list == null ? null : list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        try {
            return getDoubleArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        final ConfigBase array = addConfigBase(key);
        if (values != null) {
            array.addInt(ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                array.addString(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        final List<String> list = readArray(key, ConfigBase::getString);
        return list == null ? null : list.toArray(new String[0]);
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    private interface ElementReader<T> {
        T read(ConfigBase array, String index) throws InvalidSettingsException;
    }

    private <T> List<T> readArray(final String key, final ElementReader<T> reader) throws InvalidSettingsException {
        final ConfigBase array = getConfigBase(key);
        if (!array.containsKey(ARRAY_SIZE)) {
            return null;
        }
        final int size = array.getInt(ARRAY_SIZE);
        if (size < 0) {
            throw new InvalidSettingsException("Negative array size " + size + " at \"" + array.path() + "\"");
        }
        final List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(reader.read(array, Integer.toString(i)));
        }
        return list;
    }

    // ---- structure ----------------------------------------------------------------------------

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    @Override
    public boolean containsKey(final String key) {
        return entries.containsKey(key);
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    /** Same keys mapped to identical values (order does not matter). */
    @Override
    public boolean hasIdenticalValue(final AbstractConfigEntry other) {
        return other instanceof ConfigBase config && entries.equals(config.entries);
    }

    @Override
    int valueHash() {
        return entries.hashCode();
    }

    /** A config's value is its key; use {@link #toString()} for the content. */
    @Override
    public final String toStringValue() {
        return getKey();
    }

    /** The tree, one entry per line, nested entries indented. */
    @Override
    public String toString() {
        final StringBuilder out = new StringBuilder();
        appendTree(out, "");
        return out.toString();
    }

    private void appendTree(final StringBuilder out, final String indent) {
        out.append(indent).append(getKey()).append('\n');
        for (final AbstractConfigEntry e : entries.values()) {
            if (e instanceof ConfigBase config) {
                config.appendTree(out, indent + "  ");
            } else {
                final Value v = (Value) e;
                out.append(indent).append("  ").append(v.getKey()).append(" (").append(v.type).append(") = ")
                    .append(v.text).append('\n');
            }
        }
    }

    @Override
    public TreeNode getChildAt(final int index) {
        return new ArrayList<>(entries.values()).get(index);
    }

    @Override
    public int getChildCount() {
        return entries.size();
    }

    @Override
    public int getIndex(final TreeNode node) {
        return new ArrayList<TreeNode>(entries.values()).indexOf(node);
    }

    @Override
    public final boolean isLeaf() {
        return false;
    }

    @Override
    public final Enumeration<TreeNode> children() {
        return Collections.enumeration(new ArrayList<TreeNode>(entries.values()));
    }

    // ---- XML ----------------------------------------------------------------------------------

    /** Writes this config as a settings XML document; the stream is flushed, not closed. */
    @Override
    public final void saveToXML(final OutputStream out) throws IOException {
        final Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writeConfig(writer, this, "", ROOT_ATTRIBUTES + " ");
        writer.flush();
    }

    private static void writeConfig(final Writer w, final ConfigBase config, final String indent,
        final String extraAttributes) throws IOException {
        w.write(indent + "<config " + extraAttributes + "key=\"" + attribute(config.getKey()) + "\"");
        if (config.entries.isEmpty()) {
            w.write("/>\n");
            return;
        }
        w.write(">\n");
        for (final AbstractConfigEntry e : config.entries.values()) {
            if (e instanceof ConfigBase nested) {
                writeConfig(w, nested, indent + INDENT, "");
            } else {
                final Value v = (Value) e;
                w.write(indent + INDENT + "<entry key=\"" + attribute(v.getKey()) + "\" type=\"" + attribute(v.type)
                    + "\"" + (v.text == null ? " isnull=\"true\" value=\"\"" : " value=\"" + attribute(v.text) + "\"")
                    + "/>\n");
            }
        }
        w.write(indent + "</config>\n");
    }

    /**
     * Reads a settings XML document. The result is a new config made by {@code factory.getInstance}
     * with the key of the document's root element; the stream is not closed.
     */
    protected static ConfigBase loadFromXML(final ConfigBase factory, final InputStream in) throws IOException {
        final Element root = parse(in).getDocumentElement();
        if (!"config".equals(root.getLocalName())) {
            throw new IOException("Not a KNIME settings document: the root element is <" + root.getTagName()
                + ">, expected <config>");
        }
        final ConfigBase config = factory.getInstance(requiredAttribute(root, "key"));
        readChildren(root, config);
        return config;
    }

    private static Document parse(final InputStream in) throws IOException {
        try {
            final DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            dbf.setXIncludeAware(false);
            dbf.setExpandEntityReferences(false);
            final DocumentBuilder builder = dbf.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(final SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot read settings XML: " + e.getMessage(), e);
        }
    }

    private static void readChildren(final Element element, final ConfigBase target) throws IOException {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element child)) {
                continue;
            }
            final String key = requiredAttribute(child, "key");
            switch (child.getLocalName()) {
                case "config" -> readChildren(child, target.addConfigBase(key));
                case "entry" -> {
                    final boolean isNull = "true".equals(child.getAttribute("isnull"));
                    target.put(new Value(key, requiredAttribute(child, "type"),
                        isNull ? null : decode(child.getAttribute("value"))));
                }
                default -> throw new IOException("Unexpected element <" + child.getTagName() + "> in config \""
                    + target.path() + "\"");
            }
        }
    }

    private static String requiredAttribute(final Element e, final String name) throws IOException {
        if (!e.hasAttribute(name)) {
            throw new IOException("<" + e.getTagName() + "> without \"" + name + "\" attribute");
        }
        return decode(e.getAttribute(name));
    }

    private static String attribute(final String text) {
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || isLoneSurrogate(text, i)) {
                        out.append("%%").append(String.format("%05d", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isLoneSurrogate(final String text, final int i) {
        final char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static String decode(final String text) {
        if (!text.contains("%%")) {
            return text;
        }
        final StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("%%", i) && i + 7 <= text.length() && isDigits(text, i + 2, i + 7)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 7)));
                i += 7;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isDigits(final String text, final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void putValue(final String key, final String type, final String text) {
        put(new Value(key, type, text));
    }

    /** The non-null text of a value of the given type. */
    private String value(final String key, final String type) throws InvalidSettingsException {
        if (entries.get(key) instanceof Value v && type.equals(v.type) && v.text != null) {
            return v.text;
        }
        throw notFound(key, type);
    }

    private InvalidSettingsException notFound(final String key, final String type) {
        final AbstractConfigEntry found = entries.get(key);
        if (found == null) {
            return new InvalidSettingsException("No " + type + " for key \"" + key + "\" in \"" + path() + "\"");
        }
        final String actual = found instanceof Value v ? v.type : "config";
        return new InvalidSettingsException("Key \"" + key + "\" in \"" + path() + "\" holds a " + actual
            + ", not a " + type);
    }

    private InvalidSettingsException unreadable(final String key, final String type, final String text) {
        return new InvalidSettingsException("Cannot read \"" + text + "\" as " + type + " (key \"" + key + "\" in \""
            + path() + "\")");
    }

    /** A leaf: the value as stored in the XML, tagged with its type name; null only for strings. */
    private static final class Value extends AbstractConfigEntry {
        private static final long serialVersionUID = 1L;

        private final String type;
        private final String text;

        Value(final String key, final String type, final String text) {
            super(key);
            this.type = type;
            this.text = text;
        }

        @Override
        public String toStringValue() {
            return text;
        }

        @Override
        boolean hasIdenticalValue(final AbstractConfigEntry other) {
            return other instanceof Value v && type.equals(v.type) && Objects.equals(text, v.text);
        }

        @Override
        int valueHash() {
            return 31 * type.hashCode() + Objects.hashCode(text);
        }
    }
}
