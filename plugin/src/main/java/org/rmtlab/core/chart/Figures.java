package org.rmtlab.core.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
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
        final Figure.Builder b = Figure.builder().title("Double descent")
            .xLabel("N / n  (random features per training sample)").yLabel("risk (MSE)").logX(true);
        pair(b, "train", ratio, trainTheory, trainSim);
        pair(b, "test", ratio, testTheory, testSim);
        b.markX(1, "interpolation threshold N = n");
        final double peak = Math.max(max(testTheory), max(testSim == null ? null : testSim.mean()));
        final double away = Math.max(maxAway(ratio, testTheory), testSim == null ? Double.NEGATIVE_INFINITY
            : maxAway(testSim.x(), testSim.mean()));
        if (away > 0 && peak > PEAK_RATIO * away) {
            // rounded up to half a power of ten, so that the cut lands on a tick
            final double half = Math.pow(10, Math.floor(Math.log10(CUT_RATIO * away))) / 2;
            final double cap = Math.ceil(CUT_RATIO * away / half) * half;
            final double low = Math.min(0, Math.min(min(trainTheory), min(trainSim == null ? null : trainSim.mean())));
            // room below the lowest value for the symbols of simulated points lying on it
            b.yRange(trainSim == null && testSim == null ? low : low - 0.03 * (cap - low), cap);
            b.note("The y axis is cut at " + number(cap) + ": the test risk peaks at " + number(peak)
                + " near the interpolation threshold.");
        }
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
        pair(b, "train", time, trainTheory, trainSim);
        pair(b, "test", time, testTheory, testSim);
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

    private static void pair(final Figure.Builder b, final String quantity, final double[] x, final double[] theory,
        final Measured sim) {
        if (theory != null) {
            b.theory(quantity, x, theory);
        }
        if (sim != null) {
            b.simulation(quantity, sim);
        }
    }

    /** A number with three significant digits, plain where that stays short. */
    static String number(final double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        final double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
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
