package org.knime.core.node.port;

import javax.swing.JComponent;

/** The content of a port after execution. */
public interface PortObject {

    String getSummary();

    PortObjectSpec getSpec();

    JComponent[] getViews();
}
