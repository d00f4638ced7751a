package org.knime.core.node.port.image;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.data.DataCell;
import org.knime.core.data.image.ImageContent;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.util.CheckUtils;

/** An image at a node port. Saved as one zip entry holding the encoded image. */
public class ImagePortObject extends AbstractPortObject {

    public static final PortType TYPE = new PortType(ImagePortObject.class);

    public static final PortType TYPE_OPTIONAL = new PortType(ImagePortObject.class, true);

    private static final String ENTRY = "image.png";

    private ImageContent content;
    private ImagePortObjectSpec spec;

    /** For loading; content and spec are set by {@link #load}. */
    public ImagePortObject() {
        // filled by load
    }

    public ImagePortObject(final ImageContent content, final ImagePortObjectSpec spec) {
        this.content = CheckUtils.checkArgumentNotNull(content, "an image port object needs an image");
        this.spec = CheckUtils.checkArgumentNotNull(spec, "an image port object needs a spec");
    }

    /** The image as a table cell. */
    public DataCell toDataCell() {
        return content.toImageCell();
    }

    @Override
    public String getSummary() {
        return content.getSummary();
    }

    @Override
    public ImagePortObjectSpec getSpec() {
        return spec;
    }

    /** No views: the stub is not used to display images. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    /** Reads back what {@link #save} wrote; only PNG images are supported by this stub. */
    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec portSpec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        final ZipEntry entry = in.getNextEntry();
        if (entry == null || !ENTRY.equals(entry.getName())) {
            throw new IOException("Expected the zip entry \"" + ENTRY + "\", found "
                + (entry == null ? "none" : "\"" + entry.getName() + "\""));
        }
        exec.checkCanceled();
        content = new PNGImageContent(in.readAllBytes());
        spec = (ImagePortObjectSpec) portSpec;
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        exec.checkCanceled();
        out.putNextEntry(new ZipEntry(ENTRY));
        content.save(out);
        out.closeEntry();
    }
}
