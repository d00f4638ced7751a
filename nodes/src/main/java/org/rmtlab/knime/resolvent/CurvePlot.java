package org.rmtlab.knime.resolvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.chart.Figures;
import org.rmtlab.core.chart.Measured;
import org.rmtlab.core.chart.RiskCurves;
import org.rmtlab.core.resolvent.DoubleDescentPoint;
import org.rmtlab.core.resolvent.DoubleDescentSpec;
import org.rmtlab.core.resolvent.IsotropicLinearModel;
import org.rmtlab.core.resolvent.LinearRidgeSweep;
import org.rmtlab.knime.common.TableMatrix;

/**
 * The node's chart. Random features: {@link Figures#doubleDescent(double[], List)} over N/n with one pair of
 * curves per gamma, or, when the sweep has a single N/n and several gammas, the risk against gamma. Linear
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
            b = Figures.riskAgainstPenalty(gammas, List.of(curves(null, rows, gammas, simulated, tested)))
                .toBuilder();
        } else {
            final double[] ratio = new double[k];
            for (int i = 0; i < k; i++) {
                ratio[i] = rows.get(i).featureRatio();
            }
            final List<RiskCurves> curves = new ArrayList<>(gammas.length);
            for (int g = 0; g < gammas.length; g++) {
                curves.add(curves(gammas.length == 1 ? null : "\u03B3 = " + number(gammas[g]),
                    rows.subList(g * k, (g + 1) * k), ratio, simulated, tested));
            }
            b = Figures.doubleDescent(ratio, curves).toBuilder();
        }
        final String fixed = k == 1 ? ", N/n = " + number(rows.get(0).featureRatio())
            : gammas.length == 1 ? ", \u03B3 = " + number(gammas[0]) : "";
        b.title((k == 1 && gammas.length > 1 ? "Random-feature ridge: risk against \u03B3" : "Double descent of "
            + "random-feature ridge regression") + " (" + spec.sigma().id() + ")")
            .subtitle(sizes(train, test) + fixed);
        if (simulated) {
            b.note(String.format(Locale.ROOT, "lines: deterministic equivalents (Louart, Liao, Couillet 2018); points: "
                + "mean \u00B1 standard error over %d trial%s of random weights W", spec.trials(),
                spec.trials() == 1 ? "" : "s"));
        } else {
            b.note("lines: deterministic equivalents (Louart, Liao, Couillet 2018); no simulation (trials = 0)");
        }
        return b.build();
    }

    /** One setting's theory lines and simulated points at x (the N/n values, or the gammas). */
    private static RiskCurves curves(final String label, final List<DoubleDescentPoint> rows, final double[] x,
        final boolean simulated, final boolean tested) {
        final int m = rows.size();
        final double[] trainTheory = new double[m];
        final double[] testTheory = new double[m];
        final double[] trainSim = new double[m];
        final double[] testSim = new double[m];
        final double[] trainSe = new double[m];
        final double[] testSe = new double[m];
        for (int i = 0; i < m; i++) {
            final DoubleDescentPoint r = rows.get(i);
            trainTheory[i] = r.trainTheory();
            testTheory[i] = r.testTheory();
            trainSim[i] = r.trainSim();
            testSim[i] = r.testSim();
            trainSe[i] = r.trainSimSe();
            testSe[i] = r.testSimSe();
        }
        return new RiskCurves(label, trainTheory, tested ? testTheory : null,
            simulated ? new Measured(x, trainSim, trainSe) : null,
            simulated && tested ? new Measured(x, testSim, testSe) : null);
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
        final Figure.Builder b = Figures.riskAgainstPenalty(gamma, List.of(new RiskCurves(null, trainTheory,
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
        if (best >= lo && best <= hi) {
            b.markX(best, "optimal \u03B3 (theory) = " + number(best));
        }
        b.note("lines: Hastie, Montanari, Rosset, Tibshirani (2022), isotropic features of the table's average "
            + "variance v = " + number(model.featureVariance()) + "; points: ridge (with intercept) fitted on the "
            + "table");
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
