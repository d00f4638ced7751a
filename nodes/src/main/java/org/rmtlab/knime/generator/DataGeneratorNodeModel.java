package org.rmtlab.knime.generator;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.ExecProgress;
import org.rmtlab.knime.common.OptionsNodeModel;
import org.rmtlab.knime.common.SampleTables;

/** Data Generator: draws the training and test tables and pushes the law's parameters as flow variables. */
final class DataGeneratorNodeModel extends OptionsNodeModel<DataGeneratorSettings> {
    DataGeneratorNodeModel() {
        super(0, 2, DataGeneratorSettings::new);
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final DataSpec spec = settings.toSpec();
        CoreCall.settings(() -> {
            spec.checkMemory();
            return null;
        });
        pushVariables(spec);
        final DataTableSpec out = SampleTables.spec(spec.p());
        return new DataTableSpec[] {out, out};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final DataSpec spec = settings.toSpec();
        final GeneratedData data =
            CoreCall.execute(() -> DataGenerator.generate(spec, new ExecProgress(exec.createSubProgress(0.3))));
        final double share = spec.n() / (double) (spec.n() + spec.nTest());
        final BufferedDataTable train = SampleTables.write(data.train(), exec.createSubExecutionContext(0.7 * share));
        final BufferedDataTable test = SampleTables.write(data.test(), exec.createSubExecutionContext(0.7 * (1 - share)));
        pushVariables(spec);
        return new BufferedDataTable[] {train, test};
    }

    /**
     * The law for the theory nodes downstream. The original six (p, n, c, rho, noise, scale) keep their
     * names; the others describe the extended laws. All are pushed whatever the law, with the settings'
     * values, so that a workflow's variables do not appear and vanish with the model choice.
     */
    private void pushVariables(final DataSpec spec) {
        pushFlowVariableInt("p", spec.p());
        pushFlowVariableInt("n", spec.n());
        pushFlowVariableDouble("c", spec.ratio());
        pushFlowVariableDouble("rho", spec.rho());
        pushFlowVariableDouble("noise", spec.noise());
        pushFlowVariableString("scale", spec.scale().id());
        pushFlowVariableString("data_model", spec.model().id());
        pushFlowVariableInt("n_test", spec.nTest());
        pushFlowVariableInt("classes", spec.classes());
        pushFlowVariableString("activation", spec.activation());
        pushFlowVariableString("covariance", spec.covariance().model().id());
        pushFlowVariableDouble("exponent", spec.covariance().exponent());
        pushFlowVariableInt("spikes", spec.covariance().spikes());
        pushFlowVariableDouble("spike_strength", spec.covariance().spikeStrength());
    }
}
