package org.knime.core.node.port;

import javax.swing.JComponent;

/** What is known about a port's content before execution (for data ports: the table spec). */
public interface PortObjectSpec {

    JComponent[] getViews();
}
