/**
 * Charts shared by the KNIME nodes and the CLI: one clean JFreeChart theme, theory as lines and
 * simulation as points with error bars, rendered to PNG headlessly.
 * <p>
 * A {@link org.rmtlab.core.chart.Figure} is plain data (titles, axes, {@link org.rmtlab.core.chart.Series},
 * {@link org.rmtlab.core.chart.Marker}s, {@link org.rmtlab.core.chart.Annotation}s, footnotes) and knows nothing
 * of the charting library. {@link org.rmtlab.core.chart.Figures} assembles the product's standard figures from
 * arrays; {@link org.rmtlab.core.chart.Charts} turns any figure into a {@code JFreeChart} for a Swing
 * {@code ChartPanel} or into PNG bytes for an image port or a file. Series of one colour group share a colour:
 * the theory of a quantity is a solid line, its simulation hollow symbols with error bars in the same colour.
 */
package org.rmtlab.core.chart;
