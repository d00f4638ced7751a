package org.rmtlab.stub.testing.bad;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.rmtlab.stub.testing.NodeHarnessTest;

/** A factory whose description lists the wrong ports (see BrokenDescriptionFactory.xml). */
public final class BrokenDescriptionFactory extends NodeFactory<NodeHarnessTest.BrokenModel> {

    @Override
    public NodeHarnessTest.BrokenModel createNodeModel() {
        return new NodeHarnessTest.BrokenModel(false);
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<NodeHarnessTest.BrokenModel> createNodeView(final int viewIndex,
        final NodeHarnessTest.BrokenModel nodeModel) {
        throw new IllegalArgumentException("no views");
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        throw new IllegalStateException("no dialog");
    }
}
