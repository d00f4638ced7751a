package org.rmtlab.knime.generator;

import org.knime.core.node.NodeDialogPane;
import org.rmtlab.knime.common.DialogNodeFactory;

/** Factory of the Data Generator node (registered in plugin.xml, described in DataGeneratorNodeFactory.xml). */
public final class DataGeneratorNodeFactory extends DialogNodeFactory<DataGeneratorNodeModel> {

    public DataGeneratorNodeFactory() {
        super("Data Generator");
    }

    @Override
    public DataGeneratorNodeModel createNodeModel() {
        return new DataGeneratorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DataGeneratorNodeDialog();
    }
}
