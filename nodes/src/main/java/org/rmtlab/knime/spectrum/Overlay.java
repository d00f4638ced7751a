package org.rmtlab.knime.spectrum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.resolvent.NonlinearGramSpectrum;
import org.rmtlab.core.spectrum.PopulationSpectrum;
import org.rmtlab.core.spectrum.SampleCovarianceLaw;
import org.rmtlab.core.spectrum.SilversteinEquation;
import org.rmtlab.core.spectrum.SpectralDistribution;
import org.rmtlab.core.spectrum.SpectrumFigures;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * The limiting law drawn over the histogram, against which the Kolmogorov distance and the outliers are measured.
 * The ids are saved in workflows: never change one.
 *
 * <p>To add a law, add one constant with its id, build the law from the {@link LawInput} in {@link #theory} (which already carries
 * the data before the map and the {@link FeatureMap}) and, if it needs settings that not every input has, refuse
 * them in {@link #check}. The dialog, the settings and the description XML list the constants by id.
 */
enum Overlay {
    /**
     * Marchenko–Pastur law of iid entries of variance sigma^2 (Marchenko and Pastur 1967; Bai and Silverstein
     * 2010, Thm 3.6), at c = p/n on the chosen side.
     */
    MARCHENKO_PASTUR("marchenko-pastur") {
        @Override
        Theory theory(final LawInput in, final Progress progress) {
            final double variance = in.scale(1);
            return new Theory(in.spectrum().marchenkoPastur(variance), SpectrumFigures.marchenkoPastur(variance));
        }
    },
    /**
     * Law of a sample covariance with population covariance sigma^2 times the shape given as text, by the
     * Silverstein equation (Silverstein 1995; Bai and Silverstein 2010, Thm 4.3).
     */
    POPULATION_COVARIANCE("population-covariance") {
        @Override
        void check(final String population, final InputMode input, final FeatureMap features) {
            PopulationSpectrum.parse(population);
        }

        @Override
        Theory theory(final LawInput in, final Progress progress) throws CancelledException {
            final PopulationSpectrum shape = PopulationSpectrum.parse(in.population());
            final double scale = in.scale(shape.mean());
            final double[] tau = shape.eigenvalues();
            for (int k = 0; k < tau.length; k++) {
                tau[k] *= scale;
            }
            // the Silverstein equation takes at most MAX_EIGENVALUES distinct values; merging equal-weight groups
            // keeps the mean, and a spectrum that long is smooth on the scale of the group widths
            final PopulationSpectrum h =
                PopulationSpectrum.weighted(tau, shape.weights()).quantized(SilversteinEquation.MAX_EIGENVALUES);
            final SpectralDistribution law = SampleCovarianceLaw.of(
                new SilversteinEquation(h, in.spectrum().ratio()), in.spectrum().side(), progress);
            return new Theory(law, String.format(Locale.ROOT, "population covariance %s, sigma^2 = %.4g",
                in.population().trim(), scale));
        }
    },
    /**
     * Bulk law of random features sigma(W X) of the data (Louart, Liao and Couillet 2018, Ann. Appl. Probab.,
     * Theorem 1, as {@link NonlinearGramSpectrum#law}): the law of the features with their mean over the weights
     * removed ({@link NonlinearGramSpectrum#ofFeatureBulk}). The node's matrices are those of the core: X is
     * p x n, W is N x p with N(0, 1) entries, F = sigma(W X) is N x n, the Gram side (1/n) F^T F is the law's
     * n x n matrix and the covariance side (1/n) F F^T (N x N) has the same nonzero eigenvalues with the atom
     * (1 - n/N)^+; with subtract means, rows of F are centred and scaled by 1/(n - 1), the law then being that of
     * the n - 1 directions orthogonal to the all-ones vector. The mean of the features (ReLU: mu0 = ||x||/sqrt(2
     * pi)) adds one eigenvalue of about N mu0^2 beyond the bulk: an outlier of this law, flagged as such.
     */
    NONLINEAR_GRAM("nonlinear-gram") {
        @Override
        void check(final String population, final InputMode input, final FeatureMap features) {
            Check.that(input == InputMode.DATA_COLUMNS && features != null, "The nonlinear Gram law describes random "
                + "features of the data: choose the data columns as input and tick 'Random features sigma(W X)', or "
                + "choose another law (Marchenko-Pastur, population-covariance).");
        }

        @Override
        Theory theory(final LawInput in, final Progress progress) throws CancelledException {
            check(in.population(), in.data() == null ? InputMode.EIGENVALUE_COLUMN : InputMode.DATA_COLUMNS,
                in.features());
            final FeatureMap map = in.features();
            final NonlinearGramSpectrum bulk = NonlinearGramSpectrum.ofFeatureBulk(map.activation(), in.data(),
                map.count(), in.centred(), progress.sub(0, 0.5));
            final SpectralDistribution law = bulk.law(in.spectrum().side(), progress.sub(0.5, 0.5));
            return new Theory(law, String.format(Locale.ROOT, "nonlinear Gram law of %s features, N/n = %.3g",
                map.activation().id(), bulk.featureRatio()));
        }
    },
    /** No law: the histogram alone; no Kolmogorov distance, edges or outliers. */
    NONE("none") {
        @Override
        Theory theory(final LawInput in, final Progress progress) {
            return null;
        }
    };

    private final String id;

    Overlay(final String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /**
     * Refuses settings this law cannot work with (configure calls it before any data are read).
     *
     * @param population the population covariance text
     * @param input where the eigenvalues come from
     * @param features the random feature map, or null
     * @throws IllegalArgumentException saying what to change
     */
    void check(final String population, final InputMode input, final FeatureMap features) {
        // most laws work with every input
    }

    /**
     * The law for this input, or null for {@link #NONE}.
     *
     * @throws IllegalArgumentException when the input does not fit the law
     */
    abstract Theory theory(LawInput in, Progress progress) throws CancelledException;

    /** The ids, in display order. */
    static List<String> ids() {
        final List<String> ids = new ArrayList<>();
        for (Overlay o : values()) {
            ids.add(o.id);
        }
        return ids;
    }

    /** @throws IllegalArgumentException naming the valid ids */
    static Overlay fromId(final String id) {
        for (Overlay o : values()) {
            if (id != null && o.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("Unknown overlay '" + id + "'. Choose one of: " + String.join(", ", ids())
            + ".");
    }

    /**
     * A limiting law and how it was set up, for the chart's subtitle.
     *
     * @param law the law
     * @param description for example "Marchenko-Pastur, sigma^2 = 0.0039"
     */
    record Theory(SpectralDistribution law, String description) {
    }
}
