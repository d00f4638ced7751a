package org.rmtlab.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.resolvent.LinearRidgeRisk;
import org.rmtlab.core.resolvent.LinearRidgeSimulation;
import org.rmtlab.core.util.Check;

/**
 * The one figure of linear ridge(less) risk over c = p/n (Hastie, Montanari, Rosset and Tibshirani 2022), drawn by
 * {@code rmtlab ridge-risk --plot} and by the demo's {@code linear-ridge} case: the theory as lines on
 * {@value #CURVE_POINTS} log-spaced ratios on each side of c = 1 (none within 1% of it, where the ridgeless risk
 * diverges), the simulation as points with error bars at the grid's ratios, the interpolation threshold and the
 * null risk ||beta*||^2 marked. With one penalty the bias, variance and risk are drawn; with several the risk of
 * each. The y axis reaches {@value #CUT} times the largest theoretical risk outside 1/2 &lt;= c &lt;= 2 and
 * {@value #HEADROOM} times every simulated point (mean + s.e.) with |p - n| &gt;= {@link LinearRidgeDemo#MIN_GAP}
 * (closer to n the simulated ridgeless variance has no finite mean); it is cut there, with a note, when a curve
 * goes higher.
 */
final class LinearRidgeFigure {
    /** Ratios of the theory curve on each side of c = 1. */
    static final int CURVE_POINTS = 150;
    /** The y axis reaches at least this many times the largest theoretical risk outside 1/2 &lt;= c &lt;= 2. */
    private static final double CUT = 3;
    /** ... and this many times the highest simulated point (mean + s.e.). */
    private static final double HEADROOM = 1.1;

    private LinearRidgeFigure() {
    }

    /**
     * @param a the options of {@code rmtlab ridge-risk} the rows were computed with
     * @param rows {@link RidgeRiskCommand#sweep} of {@code a}: ordered by ratio, then penalty
     * @throws IllegalArgumentException when the grid has a single ratio (nothing to draw over c)
     */
    static Figure of(final Args a, final List<RidgeRiskCommand.Row> rows) {
        final Grid grid = a.grid("ratios");
        final double[] lambdas = a.grid("gamma").values();
        Check.that(grid.count() > 1, "The figure shows the risk over c = p/n: give --ratios a range FROM:TO:COUNT "
            + "with COUNT >= 2.");
        final int n = a.integer("n");
        final double signal = a.real("signal");
        final int m = lambdas.length;
        final int k = rows.size() / m;
        final List<Double> xs = new ArrayList<>();
        // log-spaced on each side of c = 1, stopping short of the divergence
        final double below = Math.log(Math.min(grid.from(), 0.5));
        final double above = Math.log(Math.max(grid.to(), 2));
        for (int i = 0; i < CURVE_POINTS; i++) {
            xs.add(Math.exp(below + (-0.01 - below) * i / (CURVE_POINTS - 1.0)));
        }
        for (int i = 0; i < CURVE_POINTS; i++) {
            xs.add(Math.exp(0.01 + (above - 0.01) * i / (CURVE_POINTS - 1.0)));
        }
        final double[] cx = xs.stream().mapToDouble(Double::doubleValue).toArray();
        final double[][][] theory = new double[m][3][cx.length];
        double top = 0;
        double highest = 0;
        for (int i = 0; i < cx.length; i++) {
            final LinearRidgeRisk law = RidgeRiskCommand.theory(a, cx[i]);
            for (int g = 0; g < m; g++) {
                final LinearRidgeRisk.Risk r = law.at(lambdas[g]);
                theory[g][0][i] = r.bias();
                theory[g][1][i] = r.variance();
                theory[g][2][i] = r.total();
                highest = Math.max(highest, r.total());
                if (cx[i] < 0.5 || cx[i] > 2) {
                    top = Math.max(top, CUT * r.total());
                }
            }
        }
        final boolean simulated = rows.get(0).sim() != null;
        final double[] c = new double[k];
        final double[][][] sim = new double[m][3][k];
        final double[][][] se = new double[m][3][k];
        for (int i = 0; i < k; i++) {
            c[i] = rows.get(i * m).c();
            for (int g = 0; g < m; g++) {
                final LinearRidgeSimulation.Point s = rows.get(i * m + g).sim();
                if (s == null) {
                    continue;
                }
                sim[g][0][i] = s.bias();
                sim[g][1][i] = s.variance();
                sim[g][2][i] = s.risk();
                se[g][0][i] = s.biasError();
                se[g][1][i] = s.varianceError();
                se[g][2][i] = s.riskError();
                highest = Math.max(highest, s.risk() + s.riskError());
                if (Math.abs(rows.get(i * m).p() - n) >= LinearRidgeDemo.MIN_GAP) {
                    top = Math.max(top, HEADROOM * (s.risk() + s.riskError()));
                }
            }
        }
        final String penalty = m == 1 ? "\u03BB = " + Grid.text(lambdas[0]) + (lambdas[0] == 0 ? " (minimum norm)" : "")
            : m + " penalties \u03BB";
        final Figure.Builder b = Figure.builder()
            .title((m == 1 && lambdas[0] == 0 ? "Ridgeless least squares" : "Ridge regression")
                + ": risk over p/n (Hastie, Montanari, Rosset & Tibshirani 2022)")
            .subtitle("n = " + n + ", " + (a.string("covariance").equals("identity") ? "isotropic Gaussian x"
                : "Gaussian x of covariance " + a.string("covariance")) + ", \u2016\u03B2*\u2016\u00B2 = "
                + a.string("signal") + ", noise s = " + a.string("noise") + ", " + penalty)
            .xLabel("c = p / n  (dimension per training sample)").yLabel("excess test risk").logX(true)
            .markX(1, "interpolation threshold p = n")
            .markY(signal, "null risk \u2016\u03B2*\u2016\u00B2");
        if (highest > top) {
            b.yRange(0, top).note(String.format(Locale.ROOT, "the y axis is cut at %.2g: the risk %s near c = 1", top,
                lambdas[0] == 0 ? "diverges" : "peaks"));
        }
        // the risk last, on top of the variance it equals below c = 1 without a penalty
        final String[] names = {"bias", "variance", "risk"};
        for (int g = 0; g < m; g++) {
            final String label = m == 1 ? "" : " \u03BB = " + Grid.text(lambdas[g]);
            for (int q = m == 1 ? 0 : 2; q < 3; q++) {
                b.theory(names[q] + label, cx, theory[g][q]);
                if (simulated) {
                    b.simulation(names[q] + label, c, sim[g][q], se[g][q]);
                }
            }
        }
        b.note(simulated ? "lines: theory (the limit); points: simulation, mean \u00B1 s.e. over "
            + a.integer("trials") + " trials (seed " + a.string("seed") + ")" : "lines: theory (the limit)");
        return b.build();
    }
}
