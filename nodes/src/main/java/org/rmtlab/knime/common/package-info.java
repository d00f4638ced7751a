/**
 * Adapters shared by the RMT Lab nodes: KNIME's execution monitor as the core's
 * {@link org.rmtlab.core.util.Progress}, core errors as KNIME exceptions, tables to matrices
 * ({@link org.rmtlab.knime.common.NumericMatrixReader}, the one table reader of every node: numeric columns
 * as the core's p x n matrix X with samples as columns, plus an optional numeric target and label column, read
 * into a {@link org.rmtlab.knime.common.TableMatrix}) and matrices to tables.
 * No mathematics lives here.
 */
package org.rmtlab.knime.common;
