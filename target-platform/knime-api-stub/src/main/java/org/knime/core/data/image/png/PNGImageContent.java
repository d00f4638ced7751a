package org.knime.core.data.image.png;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;
import org.knime.core.node.util.CheckUtils;

/** A PNG image held as its encoded bytes; decoded when it is painted or measured. */
public class PNGImageContent implements ImageContent {

    /** The type of the cells made by {@link #toImageCell()}; use it for image port specs. */
    public static final DataType TYPE = DataType.getType(ImageCell.class);

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final byte[] bytes;
    private transient BufferedImage image;

    /** @param pngBytes an encoded PNG image (copied) */
    public PNGImageContent(final byte[] pngBytes) {
        CheckUtils.checkArgumentNotNull(pngBytes, "PNG bytes are null");
        CheckUtils.checkArgument(pngBytes.length >= SIGNATURE.length
            && Arrays.equals(Arrays.copyOf(pngBytes, SIGNATURE.length), SIGNATURE),
            "the %d bytes given are not a PNG image (no PNG signature)", pngBytes.length);
        this.bytes = pngBytes.clone();
    }

    /** A copy of the encoded bytes. */
    public byte[] getByteArray() {
        return bytes.clone();
    }

    /** The decoded image. */
    public Image getImage() {
        return decoded();
    }

    private synchronized BufferedImage decoded() {
        if (image == null) {
            try {
                image = ImageIO.read(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot decode the PNG image", e);
            }
            CheckUtils.checkState(image != null, "Cannot decode the PNG image: no PNG reader available");
        }
        return image;
    }

    @Override
    public void paint(final Graphics2D g, final int width, final int height) {
        g.drawImage(decoded(), 0, 0, width, height, null);
    }

    @Override
    public Dimension getPreferredSize() {
        final BufferedImage img = decoded();
        return new Dimension(img.getWidth(), img.getHeight());
    }

    @Override
    public DataCell toImageCell() {
        return new ImageCell(this);
    }

    @Override
    public void save(final OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public String getSummary() {
        final Dimension size = getPreferredSize();
        return "PNG image " + size.width + " x " + size.height;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof PNGImageContent other && Arrays.equals(bytes, other.bytes);
    }

    /** A table cell holding a PNG image. */
    private static final class ImageCell extends DataCell {
        private static final long serialVersionUID = 1L;
        private final byte[] png;

        ImageCell(final PNGImageContent content) {
            this.png = content.bytes;
        }

        @Override
        public String toString() {
            return "PNG image (" + png.length + " bytes)";
        }

        @Override
        protected boolean equalsDataCell(final DataCell dc) {
            return Arrays.equals(png, ((ImageCell) dc).png);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(png);
        }
    }
}
