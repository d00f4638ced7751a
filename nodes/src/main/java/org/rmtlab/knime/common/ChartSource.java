package org.rmtlab.knime.common;

/** A node model that draws a chart; its view shows {@link #chart()}. */
public interface ChartSource {

    /** The chart of the last execution, or {@code null} before the node has run. */
    ChartOutput chart();
}
