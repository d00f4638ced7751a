package org.rmtlab.knime.spectrum;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DoubleValue;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.port.PortObjectSpec;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.spectrum.PopulationSpectrum;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.knime.common.NumericMatrixReader;

/**
 * Dialog of the Spectrum Plot, in the order of the description: input, matrix, theory, chart. Settings the
 * chosen input and overlay do not read are greyed out ({@link SpectrumPlotSettings#updateEnabled()}).
 */
final class SpectrumPlotNodeDialog extends DefaultNodeSettingsPane {
    private final SpectrumPlotSettings s = new SpectrumPlotSettings();

    SpectrumPlotNodeDialog() {
        final List<String> modes = new ArrayList<>();
        for (InputMode m : InputMode.values()) {
            modes.add(m.id());
        }
        final List<String> sides = new ArrayList<>();
        for (SampleMatrix m : SampleMatrix.values()) {
            sides.add(m.id());
        }
        setDefaultTabTitle("Input");
        createNewGroup("Input");
        addDialogComponent(new DialogComponentStringSelection(s.input, "Input", modes));
        addDialogComponent(new DialogComponentColumnFilter2(s.columns, 0));
        addDialogComponent(new DialogComponentColumnNameSelection(s.eigenvalueColumn, "Eigenvalue column", 0, false,
            DoubleValue.class));
        addDialogComponent(new DialogComponentNumber(s.p, "Dimension p (0: number of eigenvalues)", 1));
        addDialogComponent(new DialogComponentNumber(s.n, "Samples n (0: number of eigenvalues)", 1));
        addDialogComponent(new DialogComponentBoolean(s.skipMissing, NumericMatrixReader.SKIP_OPTION));
        closeCurrentGroup();
        createNewGroup("Matrix");
        addDialogComponent(new DialogComponentStringSelection(s.side, "Matrix", sides));
        addDialogComponent(new DialogComponentBoolean(s.subtractMeans, "Subtract column means"));
        addDialogComponent(new DialogComponentBoolean(s.randomFeatures, "Random features sigma(W X)"));
        addDialogComponent(new DialogComponentNumber(s.featureCount, "Number of features N", 64));
        addDialogComponent(new DialogComponentStringSelection(s.activation, "Activation sigma", Activations.ids()));
        addDialogComponent(new DialogComponentNumber(s.seed, "Random seed", 1));
        closeCurrentGroup();
        createNewTab("Theory and chart");
        createNewGroup("Theory");
        addDialogComponent(new DialogComponentStringSelection(s.overlay, "Overlay", Overlay.ids()));
        final DialogComponentString population = new DialogComponentString(s.population, "Population covariance");
        population.setToolTipText(PopulationSpectrum.FORMATS);
        addDialogComponent(population);
        addDialogComponent(new DialogComponentBoolean(s.estimateVariance, "Estimate the variance from the data"));
        addDialogComponent(new DialogComponentNumberEdit(s.variance, "Variance sigma^2"));
        addDialogComponent(new DialogComponentNumber(s.margin, "Outlier margin (Tracy-Widom scales)", 0.5));
        closeCurrentGroup();
        createNewGroup("Chart");
        addDialogComponent(new DialogComponentNumber(s.bins, "Histogram bins (0: automatic)", 10));
        addDialogComponent(new DialogComponentBoolean(s.logX, "Logarithmic x axis"));
        addDialogComponent(new DialogComponentBoolean(s.logY, "Logarithmic y axis"));
        closeCurrentGroup();
    }

    /** After all components have loaded (each with its saved enabled state), enable by the chosen options. */
    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        s.updateEnabled();
    }
}
