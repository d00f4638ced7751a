/**
 * Adapters shared by the RMT Lab nodes: KNIME's execution monitor as the core's
 * {@link org.rmtlab.core.util.Progress}, core errors as KNIME exceptions, tables to matrices
 * ({@link org.rmtlab.knime.common.NumericMatrixReader}, the one table reader of every node: numeric columns
 * as the core's p x n matrix X with samples as columns, plus an optional numeric target and label column, read
 * into a {@link org.rmtlab.knime.common.TableMatrix}) and matrices to tables.
 * The node boilerplate lives here once: {@link org.rmtlab.knime.common.OptionsNodeModel} saves, validates and
 * loads a node's {@link org.rmtlab.knime.common.NodeOptions} (usually a
 * {@link org.rmtlab.knime.common.GroupOptions}), {@link org.rmtlab.knime.common.ChartingNodeModel} also keeps the
 * chart for the view and the saved workflow, and {@link org.rmtlab.knime.common.DialogNodeFactory} and
 * {@link org.rmtlab.knime.common.ChartNodeFactory} are the factories of nodes without and with the chart view.
 * No mathematics lives here.
 */
package org.rmtlab.knime.common;
