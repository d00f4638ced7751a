package org.rmtlab.knime.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.GaussianMixtureDynamics;
import org.rmtlab.knime.common.GroupOptions;
import org.rmtlab.knime.common.SampleTables;

/**
 * Settings of the Dynamics Simulator: the model, the Monte-Carlo simulation, how the optional input table is
 * read, and every model's own settings ({@link ModelSettings}, keys prefixed by the model id). The keys are
 * part of saved workflows: never rename one; a key added later loads its default when absent.
 */
final class DynamicsSimulatorSettings extends GroupOptions {
    static final String KEY_MODEL = "model";
    static final String KEY_SIMULATE = "simulate";
    static final String KEY_TRIALS = "trials";
    static final String KEY_SEED = "seed";
    static final String KEY_CLASS_COLUMN = "class_column";
    static final String KEY_IGNORE_COLUMNS = "ignore_columns";
    static final String KEY_SKIP_MISSING = "skip_missing";

    // Defaults: the overfitting example of Liao and Couillet (2018), the command line's defaults.
    final SettingsModelString model = group.string(KEY_MODEL, GaussianMixtureDynamics.ID);
    final SettingsModelBoolean simulate = group.bool(KEY_SIMULATE, true);
    final SettingsModelInteger trials = group.integer(KEY_TRIALS, DynamicsDefaults.TRIALS);
    final SettingsModelInteger seed = group.integer(KEY_SEED, DynamicsDefaults.SEED);
    // The Data Generator's columns: class labels in "class", the mixture's target y (equal to the label) ignored.
    final SettingsModelString classColumn = group.string(KEY_CLASS_COLUMN, SampleTables.COL_CLASS);
    final SettingsModelString ignoreColumns = group.string(KEY_IGNORE_COLUMNS, SampleTables.COL_Y);
    final SettingsModelBoolean skipMissing = group.bool(KEY_SKIP_MISSING, false);

    /** Every model the node offers, in the order of the dialog. To add a model, add its settings here. */
    final List<ModelSettings> models = List.of(
        new GmmSettings(group),
        new RidgeSettings(group),
        new DeepLinearSettings(group),
        new OneStepSettings(group),
        new RandomFeaturesSettings(group));

    /** Model ids in dialog order. */
    List<String> ids() {
        final List<String> ids = new ArrayList<>();
        for (ModelSettings m : models) {
            ids.add(m.id());
        }
        return ids;
    }

    /** The selected model's settings. */
    ModelSettings selected() throws InvalidSettingsException {
        for (ModelSettings m : models) {
            if (m.id().equals(model.getStringValue())) {
                return m;
            }
        }
        throw new InvalidSettingsException("Unknown model '" + model.getStringValue() + "'. Choose one of: "
            + String.join(", ", ids()) + ".");
    }

    /** Checks what does not depend on the input table: the model, its time grid and method, the trials. */
    @Override
    public void check() throws InvalidSettingsException {
        selected().check();
        trials();
    }

    /**
     * Monte-Carlo trials, or 0 when the simulation is switched off.
     *
     * @throws InvalidSettingsException when simulating with fewer than one trial
     */
    int trials() throws InvalidSettingsException {
        if (!simulate.getBooleanValue()) {
            return 0;
        }
        final int t = trials.getIntValue();
        if (t < 1) {
            throw new InvalidSettingsException("'Trials' is " + t + ", but simulating needs at least 1 trial. Enter 1 "
                + "or more (5 to 20 give error bars), or untick 'Simulate' to see the theory only.");
        }
        return t;
    }

    /** The columns the user asked to leave out, trimmed; the class column is left out too. */
    Set<String> excludedColumns() {
        final Set<String> out = new LinkedHashSet<>();
        for (String name : ignoreColumns.getStringValue().split(",")) {
            if (!name.isBlank()) {
                out.add(name.trim());
            }
        }
        out.add(classColumn.getStringValue());
        return out;
    }
}
