package org.rmtlab.knime.dynamics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import org.knime.core.node.InvalidSettingsException;
import org.rmtlab.core.chart.Figure;
import org.rmtlab.core.chart.Figures;
import org.rmtlab.core.chart.Measured;
import org.rmtlab.core.dynamics.Curve;
import org.rmtlab.core.dynamics.LearningCurves;

/**
 * The node's chart: {@link Figures#learningCurves} (log time axis, training and test curves, theory as lines,
 * simulation as points with error bars) with the model's axis labels and parameters, and the theory's
 * early-stopping optimum marked with its time and test value (or a note when it is 0, infinite or outside
 * the time range).
 */
final class CurveChart {
    private CurveChart() {
    }

    /**
     * @param sim the simulated curves, or {@code null}
     * @param trials the number of trials behind {@code sim}
     */
    static Figure figure(final ModelSettings model, final DataSummary data, final LearningCurves theory,
        final LearningCurves sim, final int trials) throws InvalidSettingsException {
        final CurveRoles roles = model.roles();
        final double[] t = theory.times();
        // the optimum is marked here, with the model's time symbol and the test value, not by learningCurves
        final Figure.Builder b = Figures.learningCurves(t, line(theory, roles.train()), line(theory, roles.test()),
            measured(sim, roles.train()), measured(sim, roles.test()), Double.NaN).toBuilder()
            .title("Learning curves: " + model.title())
            .subtitle(model.describe(data))
            .xLabel(model.timeLabel())
            .yLabel(roles.yLabel());
        if (sim != null) {
            b.note(trialsNote(trials));
        }
        if (!theory.has(roles.test())) {
            b.note("no theory for these settings: simulation only");
        }
        final double tau = roles.optimumTime() == null ? Double.NaN
            : theory.scalars().getOrDefault(roles.optimumTime(), Double.NaN);
        final double best = roles.optimumValue() == null ? Double.NaN
            : theory.scalars().getOrDefault(roles.optimumValue(), Double.NaN);
        final String symbol = model.timeSymbol();
        if (tau > 0 && tau >= t[0] && tau <= t[t.length - 1]) {
            b.markX(tau, String.format(Locale.ROOT, "early-stopping optimum %s* = %s, %s %s", symbol, number(tau),
                roles.testName(), number(best)));
        } else if (tau == Double.POSITIVE_INFINITY) {
            b.note(String.format(Locale.ROOT, "theory: the %s keeps decreasing, stopping early does not help "
                + "(limit %s)", roles.testName(), number(best)));
        } else if (tau == 0) {
            b.note(String.format(Locale.ROOT, "theory: the %s is lowest before training (%s)", roles.testName(),
                number(best)));
        } else if (!Double.isNaN(tau)) {
            b.note(String.format(Locale.ROOT, "theory: early-stopping optimum %s* = %s, outside the time range "
                + "shown (%s %s there)", symbol, number(tau), roles.testName(), number(best)));
        }
        return b.build();
    }

    /** The footnote under simulated points. */
    static String trialsNote(final int trials) {
        return String.format(Locale.ROOT, "points: mean \u00B1 standard error over %d trial%s", trials,
            trials == 1 ? "" : "s");
    }

    /** The theory curve, or {@code null} when the theory has none for these settings. */
    static double[] line(final LearningCurves theory, final String name) {
        return theory.has(name) ? theory.curve(name).values() : null;
    }

    /** The simulated curve with its standard errors, or {@code null}. */
    static Measured measured(final LearningCurves sim, final String name) {
        if (sim == null || !sim.has(name)) {
            return null;
        }
        final Curve c = sim.curve(name);
        return new Measured(sim.times(), c.values(), c.stderr());
    }

    /** A number as the chart writes it: up to 4 significant digits, no trailing zeros. */
    static String number(final double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
