package org.knime.core.node.defaultnodesettings;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.util.Arrays;
import java.util.List;

import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * Two lists, excluded and included columns of the input table, with buttons that move the
 * selected columns across, and a check box for what happens to columns that appear later.
 */
public class DialogComponentColumnFilter2 extends DialogComponent {
    private final int inputIndex;
    private final DefaultListModel<String> excluded = new DefaultListModel<>();
    private final DefaultListModel<String> included = new DefaultListModel<>();
    private final JList<String> excludedList = new JList<>(excluded);
    private final JList<String> includedList = new JList<>(included);
    private final JButton add = new JButton("add >>");
    private final JButton remove = new JButton("<< remove");
    private final JCheckBox includeNew = new JCheckBox("Include columns that appear later", true);
    /** True while the widgets show the model, so that the change is not written back. */
    private boolean showingModel;

    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inputIndex) {
        super(model);
        this.inputIndex = inputIndex;
        model.setInputPortIndex(inputIndex);
        add.addActionListener(e -> move(excludedList.getSelectedValuesList(), true));
        remove.addActionListener(e -> move(includedList.getSelectedValuesList(), false));
        includeNew.addItemListener(e -> {
            if (!showingModel) {
                writeModel();
            }
        });
        final JPanel buttons = new JPanel(new GridLayout(2, 1));
        buttons.add(add);
        buttons.add(remove);
        final JPanel lists = new JPanel(new BorderLayout());
        lists.add(new JScrollPane(excludedList), BorderLayout.WEST);
        lists.add(buttons, BorderLayout.CENTER);
        lists.add(new JScrollPane(includedList), BorderLayout.EAST);
        lists.add(includeNew, BorderLayout.SOUTH);
        getComponentPanel().add(lists);
    }

    private SettingsModelColumnFilter2 filterModel() {
        return (SettingsModelColumnFilter2) getModel();
    }

    private void move(final List<String> names, final boolean include) {
        for (final String name : names) {
            (include ? excluded : included).removeElement(name);
            (include ? included : excluded).addElement(name);
        }
        writeModel();
    }

    private void writeModel() {
        filterModel().setLists(toArray(included), toArray(excluded), !includeNew.isSelected());
    }

    private static String[] toArray(final DefaultListModel<String> list) {
        final String[] names = new String[list.size()];
        list.copyInto(names);
        return names;
    }

    @Override
    protected void updateComponent() {
        if (!(getLastTableSpec(inputIndex) instanceof DataTableSpec spec)) {
            return;
        }
        final FilterResult result = filterModel().applyTo(spec);
        showingModel = true;
        try {
            if (!Arrays.equals(result.getIncludes(), toArray(included))) {
                included.clear();
                included.addAll(Arrays.asList(result.getIncludes()));
            }
            if (!Arrays.equals(result.getExcludes(), toArray(excluded))) {
                excluded.clear();
                excluded.addAll(Arrays.asList(result.getExcludes()));
            }
            includeNew.setSelected(!filterModel().isEnforceInclusion());
        } finally {
            showingModel = false;
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        writeModel();
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (inputIndex >= specs.length || !(specs[inputIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException("No input table at port " + inputIndex + " to choose columns from");
        }
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        for (final JComponent c : List.of(excludedList, includedList, add, remove, includeNew)) {
            c.setEnabled(enabled);
        }
    }

    @Override
    public void setToolTipText(final String text) {
        excludedList.setToolTipText(text);
        includedList.setToolTipText(text);
    }
}
