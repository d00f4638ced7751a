package org.rmtlab.knime.generator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Scale;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.SettingsGroup;

/**
 * Settings of the Data Generator node <-> {@link DataSpec}. The keys are part of saved workflows:
 * never rename one; a key added later loads its default when absent.
 */
final class DataGeneratorSettings {
    static final String KEY_MODEL = "model";
    static final String KEY_N = "n";
    static final String KEY_N_TEST = "n_test";
    static final String KEY_P = "p";
    static final String KEY_RHO = "rho";
    static final String KEY_NOISE = "noise";
    static final String KEY_SCALE = "scale";
    static final String KEY_SEED = "seed";

    private final SettingsGroup group = new SettingsGroup();

    // Defaults: the two-class mixture of Louart, Liao, Couillet (2018) at c = p/n = 1/2.
    final SettingsModelString model = group.string(KEY_MODEL, DataModel.MIXTURE.id());
    final SettingsModelIntegerBounded n = group.integer(KEY_N, 512, 1, DataSpec.MAX_SIZE);
    final SettingsModelIntegerBounded nTest = group.integer(KEY_N_TEST, 512, 0, DataSpec.MAX_SIZE);
    final SettingsModelIntegerBounded p = group.integer(KEY_P, 256, 1, DataSpec.MAX_SIZE);
    final SettingsModelDoubleBounded rho = group.real(KEY_RHO, 4.0, 0.0, 1e6);
    final SettingsModelDoubleBounded noise = group.real(KEY_NOISE, 0.1, 0.0, 1e6);
    final SettingsModelString scale = group.string(KEY_SCALE, Scale.NORMALISED.id());
    final SettingsModelInteger seed = group.integer(KEY_SEED, 42);

    void saveTo(final NodeSettingsWO settings) {
        group.saveTo(settings);
    }

    void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        group.loadFrom(settings);
    }

    /** Checks settings without changing this instance. */
    static void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        final DataGeneratorSettings tmp = new DataGeneratorSettings();
        tmp.loadFrom(settings);
        tmp.toSpec();
    }

    /** The core parameters; bad values give a message saying how to fix them. */
    DataSpec toSpec() throws InvalidSettingsException {
        return CoreCall.settings(() -> new DataSpec(DataModel.fromId(model.getStringValue()), n.getIntValue(),
            nTest.getIntValue(), p.getIntValue(), rho.getDoubleValue(), noise.getDoubleValue(),
            Scale.fromId(scale.getStringValue()), seed.getIntValue()));
    }
}
