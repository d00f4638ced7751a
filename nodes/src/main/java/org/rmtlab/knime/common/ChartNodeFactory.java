package org.rmtlab.knime.common;

import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * Factory of a node with a dialog and one view, its chart ({@link ChartNodeView}).
 *
 * @param <M> the node model
 */
public abstract class ChartNodeFactory<M extends NodeModel & ChartSource> extends DialogNodeFactory<M> {

    /** @param nodeName the node's name as analysts see it, for messages */
    protected ChartNodeFactory(final String nodeName) {
        super(nodeName);
    }

    @Override
    protected final int getNrNodeViews() {
        return 1;
    }

    @Override
    public final NodeView<M> createNodeView(final int viewIndex, final M model) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("The " + nodeName() + " has one view, asked for view " + viewIndex);
        }
        return new ChartNodeView<>(model);
    }
}
