package org.rmtlab.knime.features;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.kernel.Activation;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.kernel.InputScaling;
import org.rmtlab.core.kernel.WeightLaw;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.GroupOptions;
import org.rmtlab.knime.common.SampleTables;

/**
 * Settings of the Random Feature Map node. The keys are part of saved workflows: never rename one;
 * a key added later loads its default when absent.
 *
 * <p>Defaults reproduce the setting of Louart, Liao and Couillet (2018), "A random matrix approach to
 * neural networks", Ann. Appl. Probab. 28(2), Sec. 2 and its figures: ReLU, N = 512 random features,
 * W with iid N(0, 1) entries, data of length ||x|| about 1 used as they are (the Data Generator's
 * default normalised scale), so that N/n = 1 for its default n = 512 training samples.
 */
final class RandomFeatureSettings extends GroupOptions {
    static final String KEY_COLUMNS = "feature_columns";
    static final String KEY_N = "n_features";
    static final String KEY_ACTIVATION = "activation";
    static final String KEY_WEIGHTS = "weight_law";
    static final String KEY_SCALING = "input_scaling";
    static final String KEY_SEED = "seed";
    static final String KEY_SKIP = "skip_missing";
    static final String KEY_KEEP_INPUTS = "keep_inputs";

    /** Numeric columns; the Data Generator's target and class label start excluded. */
    final SettingsModelColumnFilter2 columns =
        group.columnFilter(KEY_COLUMNS, DoubleValue.class, SampleTables.COL_Y, SampleTables.COL_CLASS);
    final SettingsModelIntegerBounded bigN = group.integer(KEY_N, 512, 1, DataSpec.MAX_SIZE);
    final SettingsModelString activation = group.string(KEY_ACTIVATION, "relu");
    final SettingsModelString weights = group.string(KEY_WEIGHTS, WeightLaw.GAUSSIAN.id());
    final SettingsModelString scaling = group.string(KEY_SCALING, InputScaling.NONE.id());
    final SettingsModelInteger seed = group.integer(KEY_SEED, 42);
    final SettingsModelBoolean skipMissing = group.bool(KEY_SKIP, false);
    /** Whether the columns mapped are also passed through, after the features (for nodes that need X and F). */
    final SettingsModelBoolean keepInputs = group.bool(KEY_KEEP_INPUTS, false);

    /** Every check that needs no input table. */
    @Override
    public void check() throws InvalidSettingsException {
        activation();
        weightLaw();
        inputScaling();
    }

    /** The activation; a bad id gives the core's message listing the valid ones. */
    Activation activation() throws InvalidSettingsException {
        return CoreCall.settings(() -> Activations.byId(activation.getStringValue()));
    }

    WeightLaw weightLaw() throws InvalidSettingsException {
        return CoreCall.settings(() -> WeightLaw.fromId(weights.getStringValue()));
    }

    InputScaling inputScaling() throws InvalidSettingsException {
        return CoreCall.settings(() -> InputScaling.fromId(scaling.getStringValue()));
    }

    /** The feature columns the filter selects from the spec, in table order. */
    List<String> featureColumns(final DataTableSpec spec) {
        return List.of(columns.applyTo(spec).getIncludes());
    }
}
