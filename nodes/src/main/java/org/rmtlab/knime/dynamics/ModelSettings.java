package org.rmtlab.knime.dynamics;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.dynamics.DynamicsFigures;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.LearningCurves;

/**
 * One model of the Dynamics Simulator: its settings, its dialog tab, how settings and the optional input
 * table become a core {@link DynamicsModel}, and how its curves are presented. The settings live in a
 * {@link org.rmtlab.knime.common.SettingsGroup#child child group} named after the model id, so every model
 * keeps its own values (and its own defaults, those of its reference figure) while another is selected.
 *
 * <p>To add a model: extend {@link BaseModelSettings} in a small class ({@link GmmSettings} is the example for
 * models trained by gradient flow or descent, which extend {@link GradientModelSettings};
 * {@link OneStepSettings} one without training and test curves), add one instance to {@link DynamicsSimulatorSettings}, and
 * describe it in the node description.
 */
interface ModelSettings {

    /** The core model's id ({@link DynamicsModel#id()}), the value of the "model" setting. */
    String id();

    /** Title of the model's dialog tab, for example "gmm: Gaussian mixture". */
    String title();

    /** Which curves are the training and test curves, the other curves, axis label and optimum scalars. */
    CurveRoles roles();

    /** Name of the time column, the model's {@link org.rmtlab.core.dynamics.LearningCurves#timeName()}. */
    String timeName();

    /** The time grid. */
    double[] times() throws InvalidSettingsException;

    /**
     * Gradient descent, whose times are whole steps (the table then gets a {@code step} column), or
     * {@code null} for gradient flow and models without steps.
     */
    GradientMethod.Descent descent() throws InvalidSettingsException;

    /** Whether the model reads class labels from the input table (a class column is then required). */
    boolean readsClasses();

    /**
     * Checks what does not depend on the input data (time grid, method), with messages naming the setting.
     * Parameters that the data may replace are checked by {@link #create}.
     */
    void check() throws InvalidSettingsException;

    /**
     * Builds the model from the settings, with what the input table provides.
     *
     * @param data the input table's summary, or {@code null} without an input table
     * @throws IllegalArgumentException (from the core) for parameters out of range or an unstable descent step
     */
    DynamicsModel create(DataSummary data) throws InvalidSettingsException;

    /**
     * The parameters actually used, one line for the chart's subtitle: those of the core model
     * ({@link DynamicsFigures#describe}), and what the input table provided.
     */
    default String describe(final DataSummary data) throws InvalidSettingsException {
        final String model = DynamicsFigures.describe(create(data));
        if (data == null) {
            return model;
        }
        return model + " (sizes from the input table" + (data.mixture() == null ? ")"
            : ", \u03C1 estimated from its class means, standard error "
                + DynamicsFigures.number(data.mixture().rhoStandardError()) + ")");
    }

    /**
     * Warnings about the settings or the input data for this model (a time grid finer than the model can
     * resolve, assumptions the data break); none by default.
     */
    default List<String> warnings(final DataSummary data) throws InvalidSettingsException {
        return List.of();
    }

    /**
     * The node's chart: the core's figure of the model's curves ({@link DynamicsFigures#figure}), the one
     * {@code rmtlab demo} draws.
     *
     * @param sim the simulated curves, or {@code null}
     * @param trials the number of trials behind {@code sim}
     */
    default Figure figure(final DataSummary data, final LearningCurves theory, final LearningCurves sim,
        final int trials) throws InvalidSettingsException {
        return DynamicsFigures.figure(id(), describe(data), theory, sim, trials);
    }

    /** Adds the model's tab to the dialog. */
    void addTab(DefaultNodeSettingsPane pane);
}
