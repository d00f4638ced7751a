package org.rmtlab.knime.generator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.rmtlab.core.data.CovarianceModel;
import org.rmtlab.core.data.CovarianceSpec;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Scale;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.GroupOptions;

/**
 * Settings of the Data Generator node <-> {@link DataSpec}. The keys are part of saved workflows:
 * never rename one; a key added later loads its default when absent (the defaults of the keys added with
 * the K-class mixture, the single-index teacher and the structured covariance give the original laws).
 *
 * <p>Settings that the chosen law does not read are disabled (the dialog greys them out): the class count
 * and rho belong to the mixture, the activation and the label noise to the teacher, the exponent to the
 * power-law covariance, the spike count and strength to the spiked one.
 */
final class DataGeneratorSettings extends GroupOptions {
    static final String KEY_MODEL = "model";
    static final String KEY_N = "n";
    static final String KEY_N_TEST = "n_test";
    static final String KEY_P = "p";
    static final String KEY_RHO = "rho";
    static final String KEY_NOISE = "noise";
    static final String KEY_SCALE = "scale";
    static final String KEY_SEED = "seed";
    static final String KEY_CLASSES = "classes";
    static final String KEY_ACTIVATION = "activation";
    static final String KEY_COVARIANCE = "covariance";
    static final String KEY_EXPONENT = "exponent";
    static final String KEY_SPIKES = "spikes";
    static final String KEY_SPIKE_STRENGTH = "spike_strength";

    // Defaults: the two-class mixture of Louart, Liao, Couillet (2018) at c = p/n = 1/2, white noise.
    final SettingsModelString model = group.string(KEY_MODEL, DataModel.MIXTURE.id());
    final SettingsModelIntegerBounded n = group.integer(KEY_N, 512, 1, DataSpec.MAX_SIZE);
    final SettingsModelIntegerBounded nTest = group.integer(KEY_N_TEST, 512, 0, DataSpec.MAX_SIZE);
    final SettingsModelIntegerBounded p = group.integer(KEY_P, 256, 1, DataSpec.MAX_SIZE);
    final SettingsModelDoubleBounded rho = group.real(KEY_RHO, 4.0, 0.0, 1e6);
    final SettingsModelDoubleBounded noise = group.real(KEY_NOISE, 0.1, 0.0, 1e6);
    final SettingsModelString scale = group.string(KEY_SCALE, Scale.NORMALISED.id());
    final SettingsModelInteger seed = group.integer(KEY_SEED, 42);
    final SettingsModelIntegerBounded classes = group.integer(KEY_CLASSES, 2, 2, DataSpec.MAX_SIZE);
    final SettingsModelString activation = group.string(KEY_ACTIVATION, DataSpec.LINEAR);
    final SettingsModelString covariance = group.string(KEY_COVARIANCE, CovarianceModel.IDENTITY.id());
    final SettingsModelDoubleBounded exponent = group.real(KEY_EXPONENT, 1.0, 0.0, CovarianceSpec.MAX_EXPONENT);
    final SettingsModelIntegerBounded spikes = group.integer(KEY_SPIKES, 1, 1, DataSpec.MAX_SIZE);
    final SettingsModelDoubleBounded spikeStrength = group.real(KEY_SPIKE_STRENGTH, 2.0, 0.0, 1e6);

    DataGeneratorSettings() {
        model.addChangeListener(e -> updateEnabled());
        covariance.addChangeListener(e -> updateEnabled());
        updateEnabled();
    }

    /** Enables exactly the settings that the chosen law and covariance read. */
    void updateEnabled() {
        final boolean mixture = chosen(model, DataModel.MIXTURE.id());
        final boolean teacher = chosen(model, DataModel.TEACHER.id());
        classes.setEnabled(mixture);
        rho.setEnabled(mixture);
        activation.setEnabled(teacher);
        noise.setEnabled(teacher);
        exponent.setEnabled(chosen(covariance, CovarianceModel.POWER_LAW.id()));
        final boolean spiked = chosen(covariance, CovarianceModel.SPIKED.id());
        spikes.setEnabled(spiked);
        spikeStrength.setEnabled(spiked);
    }

    @Override
    protected void loaded() {
        updateEnabled();
    }

    /** Every check that needs no input table. */
    @Override
    public void check() throws InvalidSettingsException {
        toSpec();
    }

    /** The core parameters; bad values give a message saying how to fix them. */
    DataSpec toSpec() throws InvalidSettingsException {
        return CoreCall.settings(() -> new DataSpec(DataModel.fromId(model.getStringValue()), n.getIntValue(),
            nTest.getIntValue(), p.getIntValue(), rho.getDoubleValue(), noise.getDoubleValue(),
            Scale.fromId(scale.getStringValue()), seed.getIntValue(), classes.getIntValue(),
            activation.getStringValue(), new CovarianceSpec(CovarianceModel.fromId(covariance.getStringValue()),
                exponent.getDoubleValue(), spikes.getIntValue(), spikeStrength.getDoubleValue())));
    }
}
