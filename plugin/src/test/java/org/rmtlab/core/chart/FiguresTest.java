package org.rmtlab.core.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FiguresTest {

    /**
     * Ridgeless least squares diverges at gamma = 1 (the grid's point 0.99 gives 25): the axis is cut at twice
     * the largest risk away from the threshold, testRisk(10) = 1 - 1/10 + 0.25/9 + 0.25 = 1.1778, so at
     * 2.3556 rounded up to a multiple of 0.5: 2.5.
     */
    @Test
    void doubleDescentCutsADivergingPeak() {
        final double[] g = {0.1, 0.3, 0.99, 3, 10};
        final Figure f = Figures.doubleDescent(g, null, Samples.map(g, Samples::testRisk), null, null);
        assertTrue(f.logX());
        assertArrayEquals(new double[] {0, 2.5}, f.yRange(), 1e-12);
        assertEquals(1, f.notes().size());
        assertTrue(f.notes().get(0).contains("cut at 2.5"), f.notes().get(0));
        assertEquals(List.of(Marker.atX(1, "interpolation threshold N = n")), f.markers());
    }

    /** A mild bump (a large ridge) is drawn whole. */
    @Test
    void doubleDescentKeepsAMildPeak() {
        final double[] g = {0.1, 0.3, 1, 3, 10};
        final double[] test = {0.5, 0.8, 1.2, 0.7, 0.6};
        final Figure f = Figures.doubleDescent(g, null, test, null, null);
        assertNull(f.yRange());
        assertTrue(f.notes().isEmpty());
    }

    /** Theory and simulation of one quantity are one colour group, train before test. */
    @Test
    void doubleDescentPairsTheoryAndSimulation() {
        final Figure f = Samples.doubleDescent();
        assertEquals(4, f.series().size());
        assertEquals(List.of("train", "train", "test", "test"),
            f.series().stream().map(Series::group).toList());
        assertEquals(List.of(Series.Kind.LINE, Series.Kind.POINTS, Series.Kind.LINE, Series.Kind.POINTS),
            f.series().stream().map(Series::kind).toList());
        assertTrue(f.series().get(1).error() != null);
    }

    /**
     * Several gammas: each setting's train and test pair in its own colour groups, trains first; the axis cut
     * looks at all test curves (the diverging small-gamma curve sets it, the flat large-gamma one does not).
     */
    @Test
    void doubleDescentOfSeveralSettingsLabelsAndCutsTogether() {
        final double[] g = {0.1, 0.3, 0.99, 3, 10};
        final double[] flat = {0.5, 0.5, 0.6, 0.5, 0.4};
        final Measured sim = new Measured(new double[] {0.3, 3}, new double[] {0.8, 1.0}, new double[] {0.01, 0.01});
        final Figure f = Figures.doubleDescent(g, List.of(
            new RiskCurves("\u03B3 = 0.001", null, Samples.map(g, Samples::testRisk), null, sim),
            new RiskCurves("\u03B3 = 1", flat, flat, null, null)));
        assertEquals(List.of("train, \u03B3 = 1", "test, \u03B3 = 0.001", "test, \u03B3 = 0.001", "test, \u03B3 = 1"),
            f.series().stream().map(Series::group).toList());
        assertEquals(List.of("test, \u03B3 = 0.001 (theory)", "test, \u03B3 = 0.001 (simulation)"),
            f.series().subList(1, 3).stream().map(Series::name).toList());
        // away from the threshold the largest test value is testRisk(10) = 1.1778: cut at 2.5, as for one curve,
        // and 3% of the range below the lowest value (0) for the simulated points
        assertArrayEquals(new double[] {-0.075, 2.5}, f.yRange(), 1e-12);
        assertEquals(1, f.notes().size());
    }

    @Test
    void riskAgainstPenaltyUsesALogPenaltyAxis() {
        final double[] gamma = {1e-4, 1e-2, 1};
        final Figure f = Figures.riskAgainstPenalty(gamma, List.of(new RiskCurves(null, new double[] {0.1, 0.2, 0.4},
            new double[] {2, 0.8, 0.6}, null, new Measured(gamma, new double[] {1.9, 0.85, 0.6}, null), "fit")));
        assertTrue(f.logX());
        assertTrue(f.xLabel().contains("penalty"), f.xLabel());
        assertEquals(List.of("train", "test", "test"), f.series().stream().map(Series::group).toList());
        assertEquals(List.of("train (theory)", "test (theory)", "test (fit)"),
            f.series().stream().map(Series::name).toList());
        assertTrue(f.markers().isEmpty());
        assertNull(f.yRange());
    }

    @Test
    void learningCurvesMarkTheOptimum() {
        final Figure f = Samples.learningCurves();
        assertTrue(f.logX());
        assertEquals(1, f.markers().size());
        assertEquals(25, f.markers().get(0).value(), 0);
        assertTrue(f.markers().get(0).label().contains("t* = 25"), f.markers().get(0).label());
        final Figure none = Figures.learningCurves(new double[] {1, 2}, new double[] {1, 0.5}, null, null, null,
            Double.NaN);
        assertTrue(none.markers().isEmpty());
        assertEquals(1, none.series().size());
    }

    @Test
    void spectrumHasBarsDensityEdgesAndOutliers() {
        final Figure f = Samples.spectrum();
        assertEquals(List.of(Series.Kind.HISTOGRAM, Series.Kind.LINE, Series.Kind.OUTLIERS),
            f.series().stream().map(Series::kind).toList());
        assertEquals(f.series().get(0).group(), f.series().get(1).group(), "bars and density share a colour");
        assertArrayEquals(new double[] {3.1, 3.4}, f.series().get(2).x(), 0);
        assertArrayEquals(new double[] {0, 0}, f.series().get(2).y(), 0);
        assertEquals(2, f.markers().size());
        assertEquals(0.25, f.markers().get(0).value(), 1e-12); // (1 - sqrt(1/4))^2
        assertEquals(2.25, f.markers().get(1).value(), 1e-12); // (1 + sqrt(1/4))^2
    }

    @Test
    void numbersKeepThreeDigits() {
        assertEquals("38.5", Figures.number(38.46));
        assertEquals("0.179", Figures.number(0.17863));
        assertEquals("2", Figures.number(2.0));
        assertEquals("1.23e-05", Figures.number(1.2345e-5));
    }

    @Test
    void toBuilderKeepsEverything() {
        final Figure f = Samples.doubleDescent();
        final Figure g = f.toBuilder().subtitle("s").build();
        assertEquals(f.series(), g.series());
        assertEquals(f.markers(), g.markers());
        assertEquals(f.notes(), g.notes());
        assertEquals(f.title(), g.title());
        assertEquals("s", g.subtitle());
        assertThrows(UnsupportedOperationException.class, () -> g.series().clear());
    }

    /**
     * Density normalisation: 1000 equally spaced values on [0, 1) in 10 bins give 100 per bin, height
     * 100 / (1000 x 0.1) = 1 exactly; values outside the range still count in the total.
     */
    @Test
    void histogramDensityIntegratesToTheShareInside() {
        final double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i / 1000.0;
        }
        final Histogram h = Histogram.density(v, 10, 0, 1);
        assertEquals(11, h.edges().length);
        for (double height : h.heights()) {
            assertEquals(1, height, 1e-12);
        }
        final Histogram half = Histogram.density(v, 5, 0, 0.5);
        double area = 0;
        for (int i = 0; i < 5; i++) {
            area += half.heights()[i] * (half.edges()[i + 1] - half.edges()[i]);
        }
        assertEquals(0.5 + 0.001, area, 1e-12); // 0.5 itself falls in the closed last bin
        final Histogram one = Histogram.density(new double[] {2, 2, Double.NaN}, 4);
        assertEquals(1.9, one.edges()[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Histogram.density(new double[] {Double.NaN}, 3));
        assertThrows(IllegalArgumentException.class, () -> Histogram.density(v, 0, 0, 1));
    }
}
