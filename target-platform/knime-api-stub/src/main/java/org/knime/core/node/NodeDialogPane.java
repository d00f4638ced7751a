package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/** A node's settings dialog: a panel of named tabs that loads and saves node settings. */
public abstract class NodeDialogPane {
    private final JPanel panel = new JPanel(new BorderLayout());
    private final JTabbedPane tabs = new JTabbedPane();

    protected NodeDialogPane() {
        panel.add(tabs, BorderLayout.CENTER);
    }

    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    public final JPanel getPanel() {
        return panel;
    }

    /**
     * Loads settings into the dialog. The default passes table specs to
     * {@link #loadSettingsFrom(NodeSettingsRO, DataTableSpec[])} and refuses other port specs.
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException(getClass().getName() + ": input " + i
                    + " is not a table; override loadSettingsFrom(NodeSettingsRO, PortObjectSpec[])");
            }
            tableSpecs[i] = (DataTableSpec) specs[i];
        }
        loadSettingsFrom(settings, tableSpecs);
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException(getClass().getName() + " overrides no loadSettingsFrom method");
    }

    public void onOpen() {
        // dialogs override to refresh their state when shown
    }

    public void onClose() {
        // dialogs override to release resources when closed
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    /** What the OK button does: commit pending edits, then save. */
    public final void finishEditingAndSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsTo(settings);
    }

    protected final void addTab(final String title, final Component component) {
        if (getTabIndex(title) >= 0) {
            throw new IllegalArgumentException("the dialog already has a tab \"" + title + "\"");
        }
        tabs.addTab(title, component);
    }

    protected final void renameTab(final String oldTitle, final String newTitle) {
        final int index = getTabIndex(oldTitle);
        if (index >= 0) {
            tabs.setTitleAt(index, newTitle);
        }
    }

    protected final boolean setSelected(final String title) {
        final int index = getTabIndex(title);
        if (index >= 0) {
            tabs.setSelectedIndex(index);
        }
        return index >= 0;
    }

    /** @return the tab's component, or null */
    protected final Component getTab(final String title) {
        final int index = getTabIndex(title);
        return index < 0 ? null : tabs.getComponentAt(index);
    }

    protected final void removeTab(final String title) {
        final int index = getTabIndex(title);
        if (index >= 0) {
            tabs.removeTabAt(index);
        }
    }

    protected final int getTabIndex(final String title) {
        return tabs.indexOfTab(title);
    }

    protected final List<String> getTabTitles() {
        final List<String> titles = new ArrayList<>();
        for (int i = 0; i < tabs.getTabCount(); i++) {
            titles.add(tabs.getTitleAt(i));
        }
        return titles;
    }
}
