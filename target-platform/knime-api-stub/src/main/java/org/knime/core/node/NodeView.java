package org.knime.core.node;

import java.awt.Component;

import javax.swing.JLabel;

/**
 * A Swing view of a node model. This stub opens no window: {@code callOpenView} runs
 * {@link #onOpen()} and {@link #modelChanged()} so that a headless test can inspect the component.
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T>
    implements NodeModelWarningListener {

    private Component component = new JLabel("No data to display");
    private boolean showNoDataLabel;
    private boolean open;

    protected NodeView(final T model) {
        super(model);
    }

    protected T getNodeModel() {
        return getViewableModel();
    }

    /** Whether to show a "no data" label instead of the component while the model is not executed. */
    protected final void setShowNODATALabel(final boolean show) {
        showNoDataLabel = show;
    }

    protected abstract void onClose();

    protected abstract void onOpen();

    @Override
    protected void callOpenView(final String title) {
        open = true;
        onOpen();
        modelChanged();
    }

    @Override
    public final void callCloseView() {
        if (open) {
            open = false;
            onClose();
        }
        detach();
    }

    public final void closeView() {
        callCloseView();
    }

    protected final boolean isOpen() {
        return open;
    }

    protected final Component getComponent() {
        return component;
    }

    protected final void setComponent(final Component component) {
        this.component = component;
    }

    /** What the view shows now: the component, or the "no data" label (see {@link #setShowNODATALabel}). */
    final Component displayedComponent() {
        return showNoDataLabel && !getNodeModel().isExecuted() ? new JLabel("No data to display") : component;
    }
}
