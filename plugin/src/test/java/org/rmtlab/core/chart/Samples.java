package org.rmtlab.core.chart;

/**
 * Data for the chart tests: closed-form curves with the shapes of the product's figures. The double-descent
 * curve is the ridgeless least-squares risk of Hastie, Montanari, Rosset and Tibshirani (2022), Theorem 1,
 * isotropic features, signal r^2 and noise sigma^2 at gamma = p/n: sigma^2 gamma/(1 - gamma) below 1,
 * r^2 (1 - 1/gamma) + sigma^2/(gamma - 1) above, plus sigma^2 for the test noise.
 */
final class Samples {
    static final double NOISE = 0.25;

    private Samples() {
    }

    static double[] logGrid(final double from, final double to, final int n) {
        final double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from * Math.pow(to / from, i / (double) (n - 1));
        }
        return g;
    }

    static double testRisk(final double gamma) {
        return (gamma < 1 ? NOISE * gamma / (1 - gamma) : 1 - 1 / gamma + NOISE / (gamma - 1)) + NOISE;
    }

    static double trainRisk(final double gamma) {
        return gamma < 1 ? NOISE * (1 - gamma) : 0;
    }

    static Figure doubleDescent() {
        final double[] g = logGrid(0.1, 10, 121);
        final double[] sg = logGrid(0.12, 9, 12);
        return Figures.doubleDescent(g, map(g, Samples::trainRisk), map(g, Samples::testRisk),
            new Measured(sg, map(sg, Samples::trainRisk), constant(sg.length, 0.02)),
            new Measured(sg, map(sg, Samples::testRisk), map(sg, v -> 0.05 * testRisk(v))));
    }

    static Figure learningCurves() {
        final double[] t = logGrid(0.1, 1000, 100);
        final double[] st = logGrid(0.1, 1000, 10);
        final java.util.function.DoubleUnaryOperator train = s -> 0.2 + 0.8 * Math.exp(-s / 5);
        final java.util.function.DoubleUnaryOperator test = s -> 0.45 + 0.55 * Math.exp(-s / 5)
            + 0.2 * (1 - Math.exp(-s / 300));
        return Figures.learningCurves(t, map(t, train), map(t, test), new Measured(st, map(st, train),
            constant(st.length, 0.02)), new Measured(st, map(st, test), constant(st.length, 0.02)), 25);
    }

    /** Marchenko-Pastur density at ratio c = p/n with unit variance: sqrt((b - x)(x - a)) / (2 pi c x). */
    static Figure spectrum() {
        final double c = 0.25;
        final double a = Math.pow(1 - Math.sqrt(c), 2);
        final double b = Math.pow(1 + Math.sqrt(c), 2);
        final double[] x = new double[200];
        final double[] d = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = a + (b - a) * i / (x.length - 1);
            d[i] = Math.sqrt(Math.max(0, (b - x[i]) * (x[i] - a))) / (2 * Math.PI * c * x[i]);
        }
        // quantile-spaced "eigenvalues": a deterministic sample whose histogram follows the density
        final double[] eig = new double[2000];
        double mass = 0;
        int k = 0;
        final int fine = 20000;
        for (int i = 0; i < fine && k < eig.length; i++) {
            final double v = a + (b - a) * (i + 0.5) / fine;
            mass += Math.sqrt((b - v) * (v - a)) / (2 * Math.PI * c * v) * (b - a) / fine;
            while (k < eig.length && mass * eig.length >= k + 0.5) {
                eig[k++] = v;
            }
        }
        while (k < eig.length) { // the last quantiles, lost to rounding of the integral
            eig[k++] = b;
        }
        return Figures.spectrum(Histogram.density(eig, 30, 0, 2.5), x, d, a, b, new double[] {3.1, 3.4});
    }

    static Figure xy() {
        final double[] x = new double[100];
        final double[] y = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / 10.0;
            y[i] = Math.sin(x[i]) * Math.exp(-x[i] / 4);
        }
        return Figures.xy("Damped oscillation", "x", "y", "sin(x) exp(-x/4)", x, y);
    }

    static double[] map(final double[] x, final java.util.function.DoubleUnaryOperator f) {
        final double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    static double[] constant(final int n, final double v) {
        final double[] y = new double[n];
        java.util.Arrays.fill(y, v);
        return y;
    }
}
