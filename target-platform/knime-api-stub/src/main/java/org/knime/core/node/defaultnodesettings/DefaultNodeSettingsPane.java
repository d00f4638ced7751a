package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A dialog assembled from {@link DialogComponent}s. Components go into the current tab (first
 * "Options"), inside the current group if one is open, one below the other or side by side
 * after {@link #setHorizontalPlacement(boolean)}.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {
    private static final String DEFAULT_TAB = "Options";

    private final List<DialogComponent> components = new ArrayList<>();
    private String defaultTabTitle = DEFAULT_TAB;
    private JPanel tab;
    private JPanel group;
    private Box row;
    private boolean horizontal;

    public DefaultNodeSettingsPane() {
        createNewTab(DEFAULT_TAB);
    }

    public void setDefaultTabTitle(final String title) {
        renameTab(defaultTabTitle, title);
        defaultTabTitle = title;
    }

    /** Starts a new tab; later components go there. */
    public void createNewTab(final String title) {
        tab = new JPanel();
        tab.setLayout(new BoxLayout(tab, BoxLayout.Y_AXIS));
        addTab(title, tab);
        group = null;
        row = null;
    }

    /** Starts a titled group in the current tab, closing the open one. */
    public void createNewGroup(final String title) {
        group = new JPanel();
        group.setLayout(new BoxLayout(group, BoxLayout.Y_AXIS));
        group.setBorder(BorderFactory.createTitledBorder(title));
        tab.add(group);
        row = null;
    }

    public void closeCurrentGroup() {
        group = null;
        row = null;
    }

    /** Places later components side by side (true) or one below the other (false). */
    public void setHorizontalPlacement(final boolean sideBySide) {
        if (horizontal != sideBySide) {
            horizontal = sideBySide;
            row = null;
        }
    }

    public void addDialogComponent(final DialogComponent component) {
        if (row == null) {
            row = horizontal ? Box.createHorizontalBox() : Box.createVerticalBox();
            (group != null ? group : tab).add(row);
        }
        row.add(component.getComponentPanel());
        components.add(component);
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (final DialogComponent c : components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (final DialogComponent c : components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    /**
     * Hook for settings not held by components. The default passes table specs on to
     * {@link #loadAdditionalSettingsFrom(NodeSettingsRO, DataTableSpec[])}; other specs become null there.
     */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] tables = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            tables[i] = specs[i] instanceof DataTableSpec t ? t : null;
        }
        loadAdditionalSettingsFrom(settings, tables);
    }

    /** Hook for settings not held by components; nothing by default. */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        // no additional settings by default
    }

    /** Hook for settings not held by components; nothing by default. */
    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // no additional settings by default
    }
}
