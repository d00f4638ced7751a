package org.rmtlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.data.CovarianceModel;
import org.rmtlab.core.data.CovarianceSpec;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Dataset;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;
import org.rmtlab.core.kernel.Activations;
import org.rmtlab.core.spectrum.EmpiricalSpectrum;
import org.rmtlab.core.spectrum.Histogram;
import org.rmtlab.core.spectrum.Outliers;
import org.rmtlab.core.spectrum.PopulationSpectrum;
import org.rmtlab.core.spectrum.SampleCovarianceLaw;
import org.rmtlab.core.spectrum.SampleMatrix;
import org.rmtlab.core.spectrum.SilversteinEquation;
import org.rmtlab.core.spectrum.SpectralDistribution;
import org.rmtlab.core.spectrum.SpectrumFigures;
import org.rmtlab.core.util.Progress;

/**
 * {@code rmtlab generate}: one row per sample, columns split, x1..xp, y, class; optionally the law's hidden
 * parameters (population eigenvalues, class means, teacher vector, spike directions) to a second CSV, and with
 * {@code --plot FILE.png} the spectrum of the training data against its law ({@link #figure}).
 */
final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "draw a synthetic data set (gaussian, mixture, teacher; white, power-law or spiked noise) as CSV";
    }

    @Override
    public List<Option> options() {
        return PlotOutput.with(List.of(
            Option.of("data", "mixture", "law: " + DataModel.ids()),
            Option.of("n", "512", "training samples"),
            Option.of("n-test", "0", "test samples"),
            Option.of("p", "256", "dimension"),
            Option.of("rho", "4", "mixture signal strength ||mu_k||^2"),
            Option.of("classes", "2", "mixture classes K (class +-1 for K = 2, 0..K-1 for K > 2; y = class)"),
            Option.of("noise", "0.1", "teacher label-noise standard deviation"),
            Option.of("activation", DataSpec.LINEAR,
                "teacher y = sigma(x.beta/sqrt(p)) + noise eps, sigma: " + String.join(", ", Activations.ids())),
            Option.of("covariance", CovarianceModel.IDENTITY.id(), "noise covariance: " + CovarianceModel.ids()),
            Option.of("exponent", "1", "power-law: eigenvalues ~ i^-exponent, mean 1"),
            Option.of("spikes", "1", "spiked: number k of spikes"),
            Option.of("spike-strength", "2", "spiked: each spike has population eigenvalue 1 + strength"),
            Option.of("scale", Scale.NORMALISED.id(), "normalised (x / sqrt(p)) or raw"),
            Option.of("seed", "42", "random seed"),
            Option.of("out", null, "CSV file (default: standard output)"),
            Option.of("params", null, "also write the hidden parameters, one row per coordinate, to this CSV")));
    }

    @Override
    public int run(final Args a, final PrintStream stdout) throws Exception {
        final PlotOutput plot = PlotOutput.from(a);
        final CovarianceSpec covariance = new CovarianceSpec(CovarianceModel.fromId(a.string("covariance")),
            a.real("exponent"), a.integer("spikes"), a.real("spike-strength"));
        final DataSpec spec = new DataSpec(DataModel.fromId(a.string("data")), a.integer("n"), a.integer("n-test"),
            a.integer("p"), a.real("rho"), a.real("noise"), Scale.fromId(a.string("scale")), a.longValue("seed"),
            a.integer("classes"), a.string("activation"), covariance);
        final GeneratedData d = DataGenerator.generate(spec);
        final String[] header = new String[spec.p() + 3];
        header[0] = "split";
        for (int i = 0; i < spec.p(); i++) {
            header[i + 1] = "x" + (i + 1);
        }
        header[spec.p() + 1] = "y";
        header[spec.p() + 2] = "class";
        try (CsvWriter csv = CsvWriter.open(a.has("out") ? a.string("out") : null, stdout, header)) {
            write(csv, "train", d.train());
            write(csv, "test", d.test());
        }
        if (a.has("params")) {
            writeParameters(a.string("params"), d, stdout);
        }
        plot.write(() -> figure(d));
        return 0;
    }

    /**
     * The spectrum of the training data's sample covariance (1/n) X X^T against the law of its noise: the
     * Marchenko-Pastur law for white noise, else the Silverstein law of the noise covariance (Bai and Silverstein
     * 2010, Thm 4.3), at the scale of the data (1/p per entry normalised, 1 raw); the class means of a mixture show as
     * outliers beyond the bulk. Drawn as {@code rmtlab spectrum} and the Spectrum Plot node draw it
     * ({@link SpectrumCommand#figure}).
     */
    static Figure figure(final GeneratedData d) {
        final DataSpec spec = d.spec();
        final EmpiricalSpectrum s = EmpiricalSpectrum.of(d.train().x(), SampleMatrix.COVARIANCE);
        final double unit = spec.scale() == Scale.NORMALISED ? 1.0 / spec.p() : 1;
        final double[] tau = d.populationEigenvalues();
        boolean white = true;
        for (int i = 0; i < tau.length; i++) {
            white &= tau[i] == 1;
            tau[i] *= unit;
        }
        final SpectralDistribution law;
        final String description;
        if (white) {
            law = s.marchenkoPastur(unit);
            description = SpectrumFigures.marchenkoPastur(unit);
        } else {
            final double[] weights = new double[tau.length];
            Arrays.fill(weights, 1);
            final PopulationSpectrum population =
                PopulationSpectrum.weighted(tau, weights).quantized(SilversteinEquation.MAX_EIGENVALUES);
            law = Progress.silently(progress -> SampleCovarianceLaw.of(new SilversteinEquation(population,
                s.ratio()), SampleMatrix.COVARIANCE, progress));
            description = "law of the " + spec.covariance().model().id() + " noise covariance";
        }
        final Outliers outliers = s.outliers(law, EmpiricalSpectrum.DEFAULT_EDGE_MARGIN);
        final Histogram h = SpectrumFigures.histogram(s, outliers.flags(s.eigenvalues()), 0);
        return SpectrumCommand.figure(s, law, outliers, h, description).toBuilder()
            .title("Spectrum of the generated training data (" + spec.model().id() + ")").build();
    }

    private static void write(final CsvWriter csv, final String split, final Dataset set) throws IOException {
        final int p = set.p();
        final Object[] row = new Object[p + 3];
        for (int j = 0; j < set.n(); j++) {
            row[0] = split;
            for (int i = 0; i < p; i++) {
                row[i + 1] = set.x().get(i, j);
            }
            row[p + 1] = set.y()[j];
            row[p + 2] = set.label()[j];
            csv.row(row);
        }
    }

    /**
     * Row i: the i-th population eigenvalue (decreasing; for a diagonal covariance it is the variance of
     * coordinate i), then coordinate i of each class mean (mean_CLASS), of the teacher vector (beta) and of
     * each spike direction (spike_J); all before scaling.
     */
    private static void writeParameters(final String file, final GeneratedData d, final PrintStream stdout)
        throws IOException {
        final int p = d.spec().p();
        final List<String> header = new ArrayList<>(List.of("coordinate", "eigenvalue"));
        final List<double[]> columns = new ArrayList<>();
        columns.add(d.populationEigenvalues());
        if (d.means() != null) {
            final int k = d.means().numCols;
            for (int c = 0; c < k; c++) {
                header.add("mean_" + (k == 2 ? 2 * c - 1 : c));
                columns.add(column(d.means(), c));
            }
        }
        if (d.beta() != null) {
            header.add("beta");
            columns.add(d.beta());
        }
        final DMatrixRMaj spikes = d.covariance().spikeDirections();
        for (int j = 0; j < spikes.numCols; j++) {
            header.add("spike_" + (j + 1));
            columns.add(column(spikes, j));
        }
        try (CsvWriter csv = CsvWriter.open(file, stdout, header.toArray(new String[0]))) {
            final Object[] row = new Object[header.size()];
            for (int i = 0; i < p; i++) {
                row[0] = i + 1;
                for (int c = 0; c < columns.size(); c++) {
                    row[c + 1] = columns.get(c)[i];
                }
                csv.row(row);
            }
        }
    }

    private static double[] column(final DMatrixRMaj m, final int j) {
        final double[] c = new double[m.numRows];
        for (int i = 0; i < c.length; i++) {
            c[i] = m.get(i, j);
        }
        return c;
    }
}
