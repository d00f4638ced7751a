package org.rmtlab.stub.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.knime.core.data.def.DoubleCell;

class PortObjectsTest {

    private static byte[] png(final int width, final int height) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void portTypesKnowTheirSpecs() {
        assertEquals(DataTableSpec.class, BufferedDataTable.TYPE.getPortObjectSpecClass());
        assertEquals(ImagePortObjectSpec.class, ImagePortObject.TYPE.getPortObjectSpecClass());
        assertTrue(BufferedDataTable.TYPE_OPTIONAL.isOptional());
        assertNotEquals(BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL);
        assertFalse(BufferedDataTable.TYPE.acceptsPortObject(null));
        assertTrue(BufferedDataTable.TYPE_OPTIONAL.acceptsPortObject(null));
        assertFalse(ImagePortObject.TYPE.acceptsPortObjectSpec(new DataTableSpec()));
        assertEquals("Image", ImagePortObject.TYPE.getName());
    }

    @Test
    void pngImagesAtPorts() throws Exception {
        final byte[] bytes = png(3, 2);
        final PNGImageContent content = new PNGImageContent(bytes);
        assertEquals(new Dimension(3, 2), content.getPreferredSize());
        assertArrayEquals(bytes, content.getByteArray());
        final ImagePortObject port = new ImagePortObject(content, new ImagePortObjectSpec(PNGImageContent.TYPE));
        assertEquals("PNG image 3 x 2", port.getSummary());
        assertTrue(ImagePortObject.TYPE.acceptsPortObject(port));
        assertEquals(PNGImageContent.TYPE, port.getSpec().getDataType());
        assertEquals(PNGImageContent.TYPE, port.toDataCell().getType());
        assertThrows(IllegalArgumentException.class, () -> new PNGImageContent(new byte[] {1, 2, 3}));
    }

    @Test
    void imageSpecsCompareBySavedContent() {
        assertEquals(new ImagePortObjectSpec(PNGImageContent.TYPE), new ImagePortObjectSpec(PNGImageContent.TYPE));
        assertNotEquals(new ImagePortObjectSpec(PNGImageContent.TYPE), new ImagePortObjectSpec(DoubleCell.TYPE));
    }

    /** The zip streams have package-private constructors in KNIME as here: the framework makes them. */
    @Test
    void imagePortObjectsSaveAndLoad() throws Exception {
        final PNGImageContent content = new PNGImageContent(png(4, 4));
        final ImagePortObjectSpec spec = new ImagePortObjectSpec(PNGImageContent.TYPE);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream zip = construct(PortObjectZipOutputStream.class, OutputStream.class, bytes)) {
            Hooks.call(new ImagePortObject(content, spec), ImagePortObject.class, "save",
                Hooks.types(PortObjectZipOutputStream.class, ExecutionMonitor.class), zip, new ExecutionMonitor());
        }
        final ImagePortObject loaded = new ImagePortObject();
        try (PortObjectZipInputStream zip = construct(PortObjectZipInputStream.class, InputStream.class,
            new ByteArrayInputStream(bytes.toByteArray()))) {
            Hooks.call(loaded, ImagePortObject.class, "load",
                Hooks.types(PortObjectZipInputStream.class, PortObjectSpec.class, ExecutionMonitor.class), zip, spec,
                new ExecutionMonitor());
        }
        assertEquals(content.getSummary(), loaded.getSummary());
        assertEquals(spec, loaded.getSpec());
    }

    private static <T> T construct(final Class<T> type, final Class<?> arg, final Object value) throws Exception {
        final Constructor<T> c = type.getDeclaredConstructor(arg);
        c.setAccessible(true);
        return c.newInstance(value);
    }
}
