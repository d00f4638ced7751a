package org.rmtlab.knime.resolvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.chart.Figures;
import org.rmtlab.core.chart.Measured;
import org.rmtlab.core.chart.RiskCurves;
import org.rmtlab.core.resolvent.DoubleDescentFigure;
import org.rmtlab.core.resolvent.DoubleDescentPoint;
import org.rmtlab.core.resolvent.DoubleDescentSpec;
import org.rmtlab.core.resolvent.IsotropicLinearModel;
import org.rmtlab.core.resolvent.LinearRidgeSweep;
import org.rmtlab.knime.common.TableMatrix;

/**
 * The node's chart. Random features: {@link Figures#doubleDescent(double[], List)} over N/n with one pair of
 * curves per gamma (and the test error of the ensemble of K fits when K &gt; 1), or, when the sweep has a single N/n and several gammas, the risk against gamma. Linear
 * ridge: the risk against gamma with the fit on the table as points and the theory's optimal gamma marked.
 */
final class CurvePlot {
    /** Legend word for the points of linear-ridge mode: they are measured on the table, not simulated. */
    static final String FIT = "ridge fit on the table";

    private CurvePlot() {
    }

    /**
     * @param rows the sweep, ordered by gamma, then N/n (as {@code DoubleDescent} returns it)
     * @param test the test data, or {@code null}
     */
    static Figure randomFeatures(final List<DoubleDescentPoint> rows, final DoubleDescentSpec spec,
        final TableMatrix train, final TableMatrix test) {
        final double[] gammas = spec.gammas();
        final int k = spec.ratios().length;
        final boolean simulated = spec.trials() > 0;
        final boolean tested = test != null;
        final Figure.Builder b;
        if (k == 1 && gammas.length > 1) {
            final List<RiskCurves> curves = new ArrayList<>(2);
            curves.add(DoubleDescentFigure.curves(null, rows, gammas, simulated, tested));
            if (tested && spec.ensemble() > 1) {
                curves.add(DoubleDescentFigure.ensemble(null, rows, gammas, spec.ensemble(), simulated));
            }
            b = DoubleDescentFigure.notes(Figures.riskAgainstPenalty(gammas, curves).toBuilder(), spec, tested)
                .title("Random-feature ridge: risk against \u03B3 (" + spec.sigma().id() + ")");
        } else {
            b = DoubleDescentFigure.of(rows, spec, tested).toBuilder();
        }
        b.subtitle(DoubleDescentFigure.subtitle(train.n(), train.p(), test == null ? 0 : test.n(), rows, spec));
        return b.build();
    }

    static Figure linearRidge(final LinearRidgeSweep.Result result, final TableMatrix train, final TableMatrix test) {
        final List<LinearRidgeSweep.Point> points = result.points();
        final int m = points.size();
        final double[] gamma = new double[m];
        final double[] trainTheory = new double[m];
        final double[] testTheory = new double[m];
        final double[] trainFit = new double[m];
        final double[] testFit = new double[m];
        for (int i = 0; i < m; i++) {
            final LinearRidgeSweep.Point p = points.get(i);
            gamma[i] = p.lambda();
            trainTheory[i] = p.trainTheory();
            testTheory[i] = p.testTheory();
            trainFit[i] = p.trainFit();
            testFit[i] = p.testFit();
        }
        final boolean tested = test != null;
        final boolean isotropic = result.theory() == LinearRidgeSweep.Theory.ISOTROPIC;
        final Figure.Builder b = Figures.riskAgainstPenalty(gamma, List.of(new RiskCurves(null,
            isotropic ? trainTheory : null,
            tested ? testTheory : null, new Measured(gamma, trainFit, null), tested ? new Measured(gamma, testFit, null)
                : null, FIT))).toBuilder();
        final IsotropicLinearModel model = result.model();
        final double c = train.p() / (double) train.n();
        b.title("Linear ridge regression: risk against \u03B3")
            .subtitle(sizes(train, test) + ", c = p/n = " + number(c) + "; "
                + "signal variance \u03C4\u00B2 = " + number(model.signal()) + ", noise s = " + number(model.noise())
                + " (" + source(result.source()) + ")");
        final double best = model.optimalPenalty(c);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double g : gamma) {
            if (g > 0) {
                lo = Math.min(lo, g);
                hi = Math.max(hi, g);
            }
        }
        if (isotropic && best >= lo && best <= hi) {
            b.markX(best, "optimal \u03B3 (theory) = " + number(best));
        }
        if (!isotropic) {
            b.note("features far from isotropic: the line is the generalised cross-validation estimate of the test "
                + "error (no training line), not the isotropic theory; points: ridge (with intercept) fitted on the "
                + "table");
        } else {
            b.note("lines: Hastie, Montanari, Rosset, Tibshirani (2022), isotropic features of the table's average "
                + "variance v = " + number(model.featureVariance()) + "; points: ridge (with intercept) fitted on "
                + "the table");
        }
        return b.build();
    }

    private static String source(final LinearRidgeSweep.Source source) {
        return switch (source) {
            case GIVEN -> "given";
            case LEAST_SQUARES -> "estimated by least squares";
            case MOMENTS -> "estimated by Dicker's moments";
        };
    }

    private static String sizes(final TableMatrix train, final TableMatrix test) {
        return "n = " + train.n() + ", p = " + train.p() + (test == null ? ", no test table" : ", n_test = "
            + test.n());
    }

    /** Three significant digits. */
    static String number(final double v) {
        return String.format(Locale.ROOT, "%.3g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2")
            .replaceFirst("\\.(e|$)", "$1");
    }
}
