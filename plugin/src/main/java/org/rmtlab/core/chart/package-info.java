/**
 * Charts shared by the KNIME nodes and the CLI: one clean JFreeChart theme, theory as lines and
 * simulation as points with error bars, rendered to PNG headlessly.
 */
package org.rmtlab.core.chart;
