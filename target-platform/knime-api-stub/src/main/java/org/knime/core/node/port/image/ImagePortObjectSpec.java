package org.knime.core.node.port.image;

import javax.swing.JComponent;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.knime.core.node.util.CheckUtils;

/** The spec of an image port: the cell type of its image, for example {@code PNGImageContent.TYPE}. */
public final class ImagePortObjectSpec extends AbstractSimplePortObjectSpec {
    private static final String CELL_CLASS = "cell_class";

    private DataType dataType;

    public ImagePortObjectSpec(final DataType dataType) {
        this.dataType = CheckUtils.checkArgumentNotNull(dataType, "an image spec needs the image's cell type");
    }

    /** For loading; the type is set by {@link #load}. */
    public ImagePortObjectSpec() {
        this.dataType = null;
    }

    public DataType getDataType() {
        return dataType;
    }

    /** No views: the stub is not used to display specs. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        final String name = model.getString(CELL_CLASS);
        try {
            dataType = DataType.getType(Class.forName(name, false, getClass().getClassLoader())
                .asSubclass(DataCell.class));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new InvalidSettingsException("Unknown image cell class \"" + name + "\"", e);
        }
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString(CELL_CLASS, dataType == null ? null : dataType.getCellClass().getName());
    }
}
