package org.rmtlab.stub.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.ConfigBaseRO;

/** Settings to and from KNIME's settings XML, as strings and files. */
public final class SettingsXml {

    private SettingsXml() {
    }

    public static String toXml(final ConfigBaseRO settings) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            settings.saveToXML(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static NodeSettings fromXml(final String xml) throws IOException {
        return (NodeSettings) NodeSettings.loadFromXML(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The settings written to XML and read back: equal to the argument if nothing was lost. */
    public static NodeSettings roundTrip(final ConfigBaseRO settings) throws IOException {
        return fromXml(toXml(settings));
    }

    public static void write(final ConfigBaseRO settings, final Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            settings.saveToXML(out);
        }
    }

    public static NodeSettings read(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (NodeSettings) NodeSettings.loadFromXML(in);
        }
    }
}
