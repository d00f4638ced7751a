/**
 * In-memory runtime for unit tests of KNIME nodes, built on the KNIME API compile stub.
 *
 * <p>It plays the part of KNIME's framework around one node: {@link org.rmtlab.stub.testing.NodeHarness}
 * creates the model from its factory and drives settings, configure, execute, reset, views and
 * dialogs; {@link org.rmtlab.stub.testing.TestExecution} is an execution context that records
 * progress and can be cancelled; {@link org.rmtlab.stub.testing.Tables} builds input tables and
 * reads output tables; {@link org.rmtlab.stub.testing.SettingsXml} converts settings to and from
 * KNIME's settings XML.
 *
 * <p>This package does not exist in KNIME: node code ({@code src/main}) must never use it. It
 * reaches protected and package-private members of the stub's {@code org.knime} classes by
 * reflection, so those classes carry no extra public API.
 */
package org.rmtlab.stub.testing;
