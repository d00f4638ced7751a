package org.rmtlab.knime.common;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * Factory of a node with a dialog and one view, its chart ({@link ChartNodeView}). A concrete factory creates
 * the model and the dialog; it keeps a public no-argument constructor (KNIME instantiates it by its class name in
 * plugin.xml and reads the node description from the XML file beside it).
 *
 * @param <M> the node model
 */
public abstract class ChartNodeFactory<M extends NodeModel & ChartSource> extends NodeFactory<M> {
    private final String nodeName;

    /** @param nodeName the node's name as analysts see it, for messages */
    protected ChartNodeFactory(final String nodeName) {
        this.nodeName = nodeName;
    }

    @Override
    protected final int getNrNodeViews() {
        return 1;
    }

    @Override
    public final NodeView<M> createNodeView(final int viewIndex, final M model) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("The " + nodeName + " has one view, asked for view " + viewIndex);
        }
        return new ChartNodeView<>(model);
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }
}
