package org.rmtlab.knime.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.dynamics.DynamicsDefaults;
import org.rmtlab.core.dynamics.DynamicsModel;
import org.rmtlab.core.dynamics.DynamicsFigures;
import org.rmtlab.core.dynamics.GradientMethod;
import org.rmtlab.core.dynamics.LearningCurves;
import org.rmtlab.knime.common.CoreCall;
import org.rmtlab.knime.common.SettingsGroup;

/**
 * A linear model trained by gradient flow or gradient descent on a quadratic loss ({@code gmm}, {@code ridge}):
 * size p x n, time grid of tau = alpha t, and the method with its step alpha, with the command line's names
 * and defaults ({@link DynamicsDefaults}). With an input table, p and n are the table's.
 */
abstract class GradientModelSettings extends BaseModelSettings {
    static final String KEY_P = "p";
    static final String KEY_N = "n";
    static final String KEY_METHOD = "method";
    static final String KEY_ALPHA = "alpha";
    static final String FLOW = "flow";
    static final String DESCENT = "descent";

    final SettingsModelIntegerBounded p;
    final SettingsModelIntegerBounded n;
    final SettingsModelString method;
    final SettingsModelDouble alpha;

    GradientModelSettings(final SettingsGroup parent, final String id) {
        super(parent, id, LearningCurves.TAU, "time \u03C4", DynamicsDefaults.TIME_FROM, DynamicsDefaults.TIME_TO,
            DynamicsDefaults.TIME_COUNT);
        p = group.integer(KEY_P, DynamicsDefaults.P, 1, DataSpec.MAX_SIZE);
        n = group.integer(KEY_N, DynamicsDefaults.N, 1, DataSpec.MAX_SIZE);
        method = group.string(KEY_METHOD, FLOW);
        alpha = group.real(KEY_ALPHA, DynamicsDefaults.ALPHA);
    }

    /** Builds the core model of this class. */
    protected abstract DynamicsModel create(int p, int n, GradientMethod method, DataSummary data);

    /** Adds the group of the model's own parameters to its tab. */
    protected abstract void addParameters(DefaultNodeSettingsPane pane);

    /** Gradient flow or descent with step alpha. */
    final GradientMethod gradientMethod() throws InvalidSettingsException {
        final String m = method.getStringValue();
        if (FLOW.equals(m)) {
            return GradientMethod.flow();
        }
        if (DESCENT.equals(m)) {
            return CoreCall.settings(() -> GradientMethod.descent(alpha.getDoubleValue()));
        }
        throw new InvalidSettingsException(
            "Unknown training method '" + m + "': choose " + FLOW + " or " + DESCENT + ".");
    }

    @Override
    public final GradientMethod.Descent descent() throws InvalidSettingsException {
        return gradientMethod() instanceof GradientMethod.Descent d ? d : null;
    }

    @Override
    public final void check() throws InvalidSettingsException {
        super.check();
        gradientMethod();
    }

    @Override
    public final DynamicsModel create(final DataSummary data) throws InvalidSettingsException {
        final GradientMethod m = gradientMethod();
        return CoreCall.settings(() -> create(features(data, p), rows(data, n), m, data));
    }

    /** Gradient descent only reaches whole steps: times below one step repeat the rows of step 0 or 1. */
    @Override
    public List<String> warnings(final DataSummary data) throws InvalidSettingsException {
        final List<String> out = new ArrayList<>();
        final GradientMethod.Descent d = descent();
        if (d != null) {
            final double[] t = times();
            int repeated = 0;
            for (int i = 1; i < t.length; i++) {
                repeated += d.steps(t[i]) == d.steps(t[i - 1]) ? 1 : 0;
            }
            if (repeated > 0) {
                out.add(String.format(Locale.ROOT, "%d of the %d times round to the same whole step of gradient "
                    + "descent as the time before (step \u03B1 = %s), so the table repeats those rows. Start the time "
                    + "grid at \u03B1 or later, or use fewer points.", repeated, t.length,
                    DynamicsFigures.number(d.alpha())));
            }
        }
        return out;
    }

    @Override
    protected final void addGroups(final DefaultNodeSettingsPane pane) {
        pane.createNewGroup("Size (replaced by the input table's shape when one is connected)");
        pane.addDialogComponent(new DialogComponentNumber(p, "Dimension p", 16));
        pane.addDialogComponent(new DialogComponentNumber(n, "Training samples n", 16));
        pane.closeCurrentGroup();
        addParameters(pane);
        pane.createNewGroup("Training");
        pane.addDialogComponent(new DialogComponentStringSelection(method, "Method", FLOW, DESCENT));
        pane.addDialogComponent(new DialogComponentNumberEdit(alpha, "Descent step \u03B1", 10));
        pane.closeCurrentGroup();
    }
}
