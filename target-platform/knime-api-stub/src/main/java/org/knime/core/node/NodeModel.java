package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.util.CheckUtils;

/**
 * The logic of a node: settings, configure (output specs from input specs) and execute (output
 * objects from input objects).
 *
 * <p>In KNIME the framework drives the life cycle; in tests the runtime in
 * {@code org.rmtlab.stub.testing} does it through the package-private methods at the end of this
 * class, which check what KNIME checks: input and output counts and port types.
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {
    private final PortType[] inTypes;
    private final PortType[] outTypes;
    private final Map<String, Object> pushedVariables = new LinkedHashMap<>();
    private final Map<String, Object> inputVariables = new LinkedHashMap<>();
    private final List<AbstractNodeView<?>> views = new CopyOnWriteArrayList<>();
    private String warning;
    private boolean executed;

    /** A model with the given numbers of data table inputs and outputs. */
    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tablePorts(nrInDataPorts), tablePorts(nrOutDataPorts));
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        CheckUtils.checkArgumentNotNull(inPortTypes, "input port types");
        CheckUtils.checkArgumentNotNull(outPortTypes, "output port types");
        this.inTypes = inPortTypes.clone();
        this.outTypes = outPortTypes.clone();
        for (final PortType t : inTypes) {
            CheckUtils.checkArgumentNotNull(t, "an input port type is null");
        }
        for (final PortType t : outTypes) {
            CheckUtils.checkArgumentNotNull(t, "an output port type is null");
        }
    }

    private static PortType[] tablePorts(final int count) {
        CheckUtils.checkArgument(count >= 0, "negative port count %d", count);
        final PortType[] types = new PortType[count];
        Arrays.fill(types, BufferedDataTable.TYPE);
        return types;
    }

    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected final int getNrInPorts() {
        return inTypes.length;
    }

    protected final int getNrOutPorts() {
        return outTypes.length;
    }

    protected final PortType getInPortType(final int index) {
        return inTypes[index];
    }

    protected final PortType getOutPortType(final int index) {
        return outTypes[index];
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    /** The default hands data tables to {@link #execute(BufferedDataTable[], ExecutionContext)}. */
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IllegalStateException(getClass().getName() + ": input " + i + " is a "
                    + inObjects[i].getClass().getSimpleName()
                    + ", not a data table; override execute(PortObject[], ExecutionContext)");
            }
            tables[i] = (BufferedDataTable) inObjects[i];
        }
        return execute(tables, exec);
    }

    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IllegalStateException(getClass().getName()
            + " overrides neither execute(PortObject[], ExecutionContext) nor execute(BufferedDataTable[], ExecutionContext)");
    }

    protected abstract void reset();

    /** Tells the views that the model changed. */
    protected final void stateChanged() {
        for (final AbstractNodeView<?> view : views) {
            view.modelChanged();
        }
    }

    /** Passes the argument to every view's {@code updateModel}. */
    protected final void notifyViews(final Object arg) {
        for (final AbstractNodeView<?> view : views) {
            view.updateModel(arg);
        }
    }

    /** The default hands table specs to {@link #configure(DataTableSpec[])}. */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec[] specs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new IllegalStateException(getClass().getName() + ": input " + i + " has a "
                    + inSpecs[i].getClass().getSimpleName()
                    + ", not a table spec; override configure(PortObjectSpec[])");
            }
            specs[i] = (DataTableSpec) inSpecs[i];
        }
        return configure(specs);
    }

    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException(getClass().getName()
            + " overrides neither configure(PortObjectSpec[]) nor configure(DataTableSpec[])");
    }

    /** Sets the warning shown on the node; null clears it. */
    protected final void setWarningMessage(final String message) {
        warning = message;
    }

    protected final String getWarningMessage() {
        return warning;
    }

    public final String peekFlowVariableString(final String name) {
        return inputVariable(name, String.class);
    }

    public final double peekFlowVariableDouble(final String name) {
        return inputVariable(name, Double.class);
    }

    public final int peekFlowVariableInt(final String name) {
        return inputVariable(name, Integer.class);
    }

    private <V> V inputVariable(final String name, final Class<V> type) {
        final Object value = inputVariables.get(name);
        if (!type.isInstance(value)) {
            throw new NoSuchElementException("No " + type.getSimpleName() + " flow variable \"" + name + "\""
                + (value == null ? "" : " (it holds a " + value.getClass().getSimpleName() + ")"));
        }
        return type.cast(value);
    }

    /** Makes a variable available downstream. */
    protected final void pushFlowVariableDouble(final String name, final double value) {
        pushedVariables.put(name, value);
    }

    protected final void pushFlowVariableInt(final String name, final int value) {
        pushedVariables.put(name, value);
    }

    protected final void pushFlowVariableString(final String name, final String value) {
        pushedVariables.put(name, value);
    }

    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    // ---- life cycle as driven by the test runtime (reached by reflection) -------------------------

    /** Configure with a cleared warning; checks the number of specs in and out and their types. */
    PortObjectSpec[] configureModel(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        checkInputs("spec", inSpecs, inTypes, (t, i) -> t.acceptsPortObjectSpec(inSpecs[i]));
        warning = null;
        final PortObjectSpec[] out = configure(inSpecs.clone());
        checkOutputs("configure", "spec", out, (t, i) -> t.acceptsPortObjectSpec(out[i]));
        return out;
    }

    /** Execute with a cleared warning; checks inputs and that every output is present and of its port's type. */
    PortObject[] executeModel(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        checkInputs("object", inObjects, inTypes, (t, i) -> t.acceptsPortObject(inObjects[i]));
        warning = null;
        final PortObject[] out = execute(inObjects.clone(), exec);
        checkOutputs("execute", "object", out, (t, i) -> out[i] != null && t.acceptsPortObject(out[i]));
        executed = true;
        stateChanged();
        return out;
    }

    void resetModel() {
        reset();
        executed = false;
        warning = null;
        pushedVariables.clear();
        stateChanged();
    }

    boolean isExecuted() {
        return executed;
    }

    Map<String, Object> pushedFlowVariables() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(pushedVariables));
    }

    /** Makes a variable available to the peek methods, as if it came from upstream. */
    void putInputFlowVariable(final String name, final Object value) {
        CheckUtils.checkArgument(value instanceof Double || value instanceof Integer || value instanceof String,
            "flow variable \"%s\" must be a Double, Integer or String, not %s", name, value);
        inputVariables.put(name, value);
    }

    void registerView(final AbstractNodeView<?> view) {
        views.add(view);
    }

    void unregisterView(final AbstractNodeView<?> view) {
        views.remove(view);
    }

    private interface PortCheck {
        boolean accepts(PortType type, int index);
    }

    private void checkInputs(final String what, final Object[] in, final PortType[] types, final PortCheck check) {
        CheckUtils.checkArgumentNotNull(in, "input %ss are null", what);
        CheckUtils.checkArgument(in.length == types.length, "%s has %d input ports but got %d input %ss",
            getClass().getSimpleName(), types.length, in.length, what);
        for (int i = 0; i < in.length; i++) {
            CheckUtils.checkArgument(check.accepts(types[i], i), "input %s %d (%s) does not fit port type %s", what, i,
                in[i] == null ? "missing" : in[i].getClass().getSimpleName(), types[i]);
        }
    }

    private void checkOutputs(final String method, final String what, final Object[] out, final PortCheck check) {
        CheckUtils.checkState(out != null && out.length == outTypes.length,
            "%s.%s returned %s output %ss for %d output ports", getClass().getSimpleName(), method,
            out == null ? "no" : Integer.toString(out.length), what, outTypes.length);
        for (int i = 0; i < out.length; i++) {
            CheckUtils.checkState(check.accepts(outTypes[i], i), "%s.%s: output %s %d (%s) does not fit port type %s",
                getClass().getSimpleName(), method, what, i, out[i] == null ? "null" : out[i].getClass().getSimpleName(),
                outTypes[i]);
        }
    }
}
