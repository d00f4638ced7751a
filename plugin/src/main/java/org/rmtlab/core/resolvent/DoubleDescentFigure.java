package org.rmtlab.core.resolvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.chart.Figures;
import org.rmtlab.core.chart.Measured;
import org.rmtlab.core.chart.RiskCurves;

/**
 * The curves of a double-descent sweep for {@link Figures}: training and test risk, theory as lines and
 * simulation as points, and, for ensembles of K &gt; 1 fits, the ensemble's test risk (shared by
 * {@code rmtlab double-descent --plot} and the Resolvent Predictor node).
 */
public final class DoubleDescentFigure {
    private DoubleDescentFigure() {
    }

    /**
     * The double-descent figure of a whole sweep: risk against N/n, one set of curves per gamma.
     *
     * @param rows the sweep, ordered by gamma, then N/n (as {@code DoubleDescent} returns it)
     * @param tested whether there was a test set
     */
    public static Figure of(final List<DoubleDescentPoint> rows, final DoubleDescentSpec spec, final boolean tested) {
        return of(rows, rows, spec, tested);
    }

    /**
     * The double-descent figure with the theory drawn on other ratios than the simulation (a finer grid, say).
     *
     * @param theory the theory's sweep, ordered by gamma, then N/n, with the gammas of {@code spec}
     * @param rows the simulated sweep, ordered alike, at {@code spec}'s ratios
     */
    public static Figure of(final List<DoubleDescentPoint> theory, final List<DoubleDescentPoint> rows,
        final DoubleDescentSpec spec, final boolean tested) {
        final double[] gammas = spec.gammas();
        final int k = spec.ratios().length;
        final int kt = theory.size() / gammas.length;
        final double[] ratio = ratios(rows, k);
        final double[] lines = ratios(theory, kt);
        final boolean simulated = spec.trials() > 0;
        final List<RiskCurves> curves = new ArrayList<>();
        for (int g = 0; g < gammas.length; g++) {
            final String label = gammas.length == 1 ? null : "\u03B3 = " + Figures.number(gammas[g]);
            final List<DoubleDescentPoint> part = rows.subList(g * k, (g + 1) * k);
            final List<DoubleDescentPoint> line = theory.subList(g * kt, (g + 1) * kt);
            curves.add(merge(curves(label, line, lines, false, tested), curves(label, part, ratio, simulated, tested)));
            if (tested && spec.ensemble() > 1) {
                curves.add(merge(ensemble(label, line, lines, spec.ensemble(), false),
                    ensemble(label, part, ratio, spec.ensemble(), simulated)));
            }
        }
        final Figure.Builder b = Figures.doubleDescent(lines, curves).toBuilder()
            .title("Double descent of random-feature ridge regression (" + spec.sigma().id() + ")");
        notes(b, spec, tested);
        return b.build();
    }

    /**
     * The subtitle of a sweep's figure: the sizes of the data and the setting every curve shares, for example
     * {@code n = 512, p = 256, n_test = 512, γ = 0.001}.
     *
     * @param nTest test samples, 0 for none
     */
    public static String subtitle(final int n, final int p, final int nTest, final List<DoubleDescentPoint> rows,
        final DoubleDescentSpec spec) {
        final double[] gammas = spec.gammas();
        final String fixed = spec.ratios().length == 1 ? ", N/n = " + Figures.number(rows.get(0).featureRatio())
            : gammas.length == 1 ? ", \u03B3 = " + Figures.number(gammas[0]) : "";
        return "n = " + n + ", p = " + p + (nTest == 0 ? ", no test table" : ", n_test = " + nTest) + fixed;
    }

    private static double[] ratios(final List<DoubleDescentPoint> rows, final int k) {
        final double[] ratio = new double[k];
        for (int i = 0; i < k; i++) {
            ratio[i] = rows.get(i).featureRatio();
        }
        return ratio;
    }

    /** The theory lines of {@code lines} with the simulated points of {@code points}. */
    private static RiskCurves merge(final RiskCurves lines, final RiskCurves points) {
        return new RiskCurves(lines.label(), lines.trainTheory(), lines.testTheory(), points.trainSim(),
            points.testSim(), points.measuredAs());
    }

    /** The footnotes of a sweep's figure: what the lines and points are, and what the ensemble is. */
    public static Figure.Builder notes(final Figure.Builder b, final DoubleDescentSpec spec, final boolean tested) {
        if (spec.trials() > 0) {
            b.note(String.format(Locale.ROOT, "lines: deterministic equivalents (Louart, Liao, Couillet 2018); "
                + "points: mean \u00B1 standard error over %d trial%s of random weights W", spec.trials(),
                spec.trials() == 1 ? "" : "s"));
        } else {
            b.note("lines: deterministic equivalents (Louart, Liao, Couillet 2018); no simulation (trials = 0)");
        }
        if (tested && spec.ensemble() > 1) {
            b.note("ensemble of K = " + spec.ensemble() + ": the average of K fits with independent W, test error = "
                + "bias + variance / K" + (spec.trials() > 0 ? "; points measured on " + spec.trials() / spec.ensemble()
                    + " groups of K trials" : ""));
        }
        return b;
    }

    /**
     * One setting's training and test risk: theory lines and simulated points at x (the N/n values, or the
     * gammas).
     *
     * @param label what tells this setting from the others in the legend, or {@code null}
     */
    public static RiskCurves curves(final String label, final List<DoubleDescentPoint> rows, final double[] x,
        final boolean simulated, final boolean tested) {
        final int m = rows.size();
        final double[][] v = new double[6][m];
        for (int i = 0; i < m; i++) {
            final DoubleDescentPoint r = rows.get(i);
            v[0][i] = r.trainTheory();
            v[1][i] = r.testTheory();
            v[2][i] = r.trainSim();
            v[3][i] = r.trainSimSe();
            v[4][i] = r.testSim();
            v[5][i] = r.testSimSe();
        }
        return new RiskCurves(label, v[0], tested ? v[1] : null, simulated ? new Measured(x, v[2], v[3]) : null,
            simulated && tested ? new Measured(x, v[4], v[5]) : null);
    }

    /**
     * The test risk of an ensemble of {@code k} fits, as the "test" quantity of a setting labelled "ensemble of
     * K = k" (plus {@code label}), so that it gets a colour of its own.
     */
    public static RiskCurves ensemble(final String label, final List<DoubleDescentPoint> rows, final double[] x,
        final int k, final boolean simulated) {
        final int m = rows.size();
        final double[][] v = new double[3][m];
        for (int i = 0; i < m; i++) {
            final DoubleDescentPoint r = rows.get(i);
            v[0][i] = r.ensembleTheory();
            v[1][i] = r.ensembleSim();
            v[2][i] = r.ensembleSimSe();
        }
        return new RiskCurves("ensemble of K = " + k + (label == null ? "" : ", " + label), null, v[0], null,
            simulated ? new Measured(x, v[1], v[2]) : null);
    }
}
