package org.rmtlab.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.chart.Figures;
import org.rmtlab.core.chart.Measured;
import org.rmtlab.core.chart.RiskCurves;
import org.rmtlab.core.resolvent.DoubleDescentPoint;
import org.rmtlab.core.resolvent.DoubleDescentSpec;

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
        final double[] gammas = spec.gammas();
        final int k = spec.ratios().length;
        final double[] ratio = new double[k];
        for (int i = 0; i < k; i++) {
            ratio[i] = rows.get(i).featureRatio();
        }
        final List<RiskCurves> curves = new ArrayList<>();
        for (int g = 0; g < gammas.length; g++) {
            final String label = gammas.length == 1 ? null : "\u03B3 = " + Grid.text(gammas[g]);
            final List<DoubleDescentPoint> part = rows.subList(g * k, (g + 1) * k);
            curves.add(curves(label, part, ratio, spec.trials() > 0, tested));
            if (tested && spec.ensemble() > 1) {
                curves.add(ensemble(label, part, ratio, spec.ensemble(), spec.trials() > 0));
            }
        }
        final Figure.Builder b = Figures.doubleDescent(ratio, curves).toBuilder()
            .title("Double descent of random-feature ridge regression (" + spec.sigma().id() + ")");
        notes(b, spec, tested);
        return b.build();
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
