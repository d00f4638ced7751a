package org.rmtlab.core.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The standard figures of RMT Lab, assembled from arrays: theory as lines, simulation as points with error
 * bars, one colour per quantity. Pieces passed as {@code null} are left out. Each result can be adjusted
 * through {@link Figure#toBuilder()} (a subtitle with the experiment's parameters, other axis labels, ...).
 */
public final class Figures {
    /** The threshold region 1/2 <= N/n <= 2, where the double-descent peak lives. */
    private static final double PEAK_REGION = 2;
    /** A peak taller than this many times the test risk outside the threshold region gets the y axis cut. */
    static final double PEAK_RATIO = 3;
    /** The y axis is then cut at about this many times the test risk outside the threshold region. */
    static final double CUT_RATIO = 2;

    private Figures() {
    }

    /**
     * Double descent: training and test risk against the number of random features per sample N/n on a log
     * axis, with the interpolation threshold N = n marked. When the test-risk peak is taller than
     * {@value #PEAK_RATIO} times the largest test risk outside 1/2 <= N/n <= 2 (small ridge: the peak diverges),
     * the y axis is cut at about {@value #CUT_RATIO} times that value and a footnote says so, since the rest of
     * the curve would otherwise be flattened.
     *
     * @param ratio N/n where the theory is evaluated
     * @param trainTheory theoretical training risk at {@code ratio}, or {@code null}
     * @param testTheory theoretical test risk at {@code ratio}, or {@code null}
     * @param trainSim simulated training risk (mean +- s.e. over trials), or {@code null}
     * @param testSim simulated test risk, or {@code null}
     */
    public static Figure doubleDescent(final double[] ratio, final double[] trainTheory, final double[] testTheory,
        final Measured trainSim, final Measured testSim) {
        return doubleDescent(ratio, List.of(new RiskCurves(null, trainTheory, testTheory, trainSim, testSim)));
    }

    /**
     * Double descent of several settings (ridge gammas, say) on one figure: each setting's training and test
     * risk in colours of their own, labelled with {@link RiskCurves#label()}; the axis cut of
     * {@link #doubleDescent(double[], double[], double[], Measured, Measured)} looks at all test curves together.
     *
     * @param ratio N/n where the theories are evaluated
     * @param curves one entry per setting, in legend order
     */
    public static Figure doubleDescent(final double[] ratio, final List<RiskCurves> curves) {
        final Figure.Builder b = Figure.builder().title("Double descent")
            .xLabel("N / n  (random features per training sample)").yLabel("risk (MSE)").logX(true);
        pairs(b, ratio, curves);
        b.markX(1, "interpolation threshold N = n");
        double peak = Double.NEGATIVE_INFINITY;
        double away = Double.NEGATIVE_INFINITY;
        double low = 0;
        boolean simulated = false;
        for (RiskCurves c : curves) {
            final Measured testSim = c.testSim();
            peak = Math.max(peak, Math.max(max(c.testTheory()), max(testSim == null ? null : testSim.mean())));
            away = Math.max(away, Math.max(maxAway(ratio, c.testTheory()), testSim == null
                ? Double.NEGATIVE_INFINITY : maxAway(testSim.x(), testSim.mean())));
            low = Math.min(low, Math.min(min(c.trainTheory()), min(c.trainSim() == null ? null : c.trainSim().mean())));
            simulated |= c.trainSim() != null || testSim != null;
        }
        if (away > 0 && peak > PEAK_RATIO * away) {
            // rounded up to half a power of ten, so that the cut lands on a tick
            final double half = Math.pow(10, Math.floor(Math.log10(CUT_RATIO * away))) / 2;
            final double cap = Math.ceil(CUT_RATIO * away / half) * half;
            // room below the lowest value for the symbols of simulated points lying on it
            b.yRange(simulated ? low - 0.03 * (cap - low) : low, cap);
            b.note("The y axis is cut at " + number(cap) + ": the test risk peaks at " + number(peak)
                + " near the interpolation threshold.");
        }
        return b.build();
    }

    /**
     * Training and test risk against the ridge penalty on a log axis, one colour pair per setting (several
     * feature ratios, say). A penalty of 0 (ridgeless) cannot be shown on the log axis and is left out with a
     * note.
     *
     * @param penalty the penalties where the theories are evaluated
     * @param curves one entry per setting, in legend order
     */
    public static Figure riskAgainstPenalty(final double[] penalty, final List<RiskCurves> curves) {
        final Figure.Builder b = Figure.builder().title("Risk against the ridge penalty")
            .xLabel("ridge penalty \u03B3").yLabel("risk (MSE)").logX(true);
        pairs(b, penalty, curves);
        return b.build();
    }

    /**
     * Learning curves of gradient descent: training and test risk against training time on a log axis, with
     * the early-stopping optimum (the time of least test risk) marked.
     *
     * @param time times where the theory is evaluated (> 0 on the log axis)
     * @param trainTheory theoretical training risk over time, or {@code null}
     * @param testTheory theoretical test risk over time, or {@code null}
     * @param trainSim simulated training risk, or {@code null}
     * @param testSim simulated test risk, or {@code null}
     * @param optimum the early-stopping time, or NaN for no marker
     */
    public static Figure learningCurves(final double[] time, final double[] trainTheory, final double[] testTheory,
        final Measured trainSim, final Measured testSim, final double optimum) {
        final Figure.Builder b = Figure.builder().title("Learning curves").xLabel("training time t")
            .yLabel("risk (MSE)").logX(true);
        pair(b, "train", time, trainTheory, trainSim, RiskCurves.SIMULATION);
        pair(b, "test", time, testTheory, testSim, RiskCurves.SIMULATION);
        if (Double.isFinite(optimum)) {
            b.markX(optimum, "early-stopping optimum t* = " + number(optimum));
        }
        return b.build();
    }

    /**
     * An eigenvalue spectrum: the histogram of simulated eigenvalues under the limiting density, the bulk
     * edges marked, and isolated eigenvalues as triangles on the axis.
     *
     * @param eigenvalues histogram of the simulated eigenvalues (see {@link Histogram#density}), or {@code null}
     * @param x where the limiting density is evaluated, or {@code null}
     * @param density the limiting density at {@code x}, or {@code null}
     * @param lower lower bulk edge, or NaN for no marker
     * @param upper upper bulk edge, or NaN for no marker
     * @param outliers eigenvalues outside the bulk, or {@code null}
     */
    public static Figure spectrum(final Histogram eigenvalues, final double[] x, final double[] density,
        final double lower, final double upper, final double[] outliers) {
        final Figure.Builder b = Figure.builder().title("Eigenvalue spectrum").xLabel("eigenvalue \u03BB")
            .yLabel("density");
        if (eigenvalues != null) {
            b.add(Series.histogram("eigenvalues (simulation)", eigenvalues.edges(), eigenvalues.heights())
                .inGroup("spectrum"));
        }
        if (x != null && density != null) {
            b.add(Series.line("limiting density (theory)", x, density).inGroup("spectrum"));
        }
        if (outliers != null && outliers.length > 0) {
            b.outliers(outliers.length == 1 ? "isolated eigenvalue" : "isolated eigenvalues", outliers,
                new double[outliers.length]);
        }
        if (Double.isFinite(lower)) {
            b.markX(lower, "\u03BB\u208B = " + number(lower));
        }
        if (Double.isFinite(upper)) {
            b.markX(upper, "\u03BB\u208A = " + number(upper));
        }
        return b.build();
    }

    /** One named curve y(x) on linear axes. */
    public static Figure xy(final String title, final String xLabel, final String yLabel, final String name,
        final double[] x, final double[] y) {
        return Figure.builder().title(title).xLabel(xLabel).yLabel(yLabel).line(name, x, y).build();
    }

    private static void pairs(final Figure.Builder b, final double[] x, final List<RiskCurves> curves) {
        for (RiskCurves c : curves) {
            pair(b, c.quantity("train"), x, c.trainTheory(), c.trainSim(), c.measuredAs());
        }
        for (RiskCurves c : curves) {
            pair(b, c.quantity("test"), x, c.testTheory(), c.testSim(), c.measuredAs());
        }
    }

    private static void pair(final Figure.Builder b, final String quantity, final double[] x, final double[] theory,
        final Measured measured, final String source) {
        if (theory != null) {
            b.theory(quantity, x, theory);
        }
        if (measured != null) {
            b.measured(quantity, source, measured);
        }
    }

    /** A number with three significant digits, plain where that stays short. */
    public static String number(final double v) {
        return number(v, 3);
    }

    /**
     * A number with at most {@code digits} significant digits and no trailing zeros, plain where that stays short
     * (magnitudes from 1e-3 up to 1e5), otherwise in exponent notation.
     */
    public static String number(final double v, final int digits) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        final double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** The largest finite y outside the threshold region, or -infinity. */
    private static double maxAway(final double[] x, final double[] y) {
        double m = Double.NEGATIVE_INFINITY;
        if (y != null) {
            for (int i = 0; i < y.length; i++) {
                if (Double.isFinite(y[i]) && (x[i] < 1 / PEAK_REGION || x[i] > PEAK_REGION)) {
                    m = Math.max(m, y[i]);
                }
            }
        }
        return m;
    }

    private static double max(final double[] values) {
        return values == null ? Double.NEGATIVE_INFINITY
            : Arrays.stream(values).filter(Double::isFinite).max().orElse(Double.NEGATIVE_INFINITY);
    }

    private static double min(final double[] values) {
        return values == null ? Double.POSITIVE_INFINITY
            : Arrays.stream(values).filter(Double::isFinite).min().orElse(Double.POSITIVE_INFINITY);
    }
}
