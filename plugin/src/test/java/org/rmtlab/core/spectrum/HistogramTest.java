package org.rmtlab.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void countsEdgesAndDensities() {
        final Histogram h = Histogram.of(new double[] {0, 0.1, 0.5, 0.99, 1, 1, -1, 2}, 2, 0, 1);
        assertArrayEquals(new double[] {0, 0.5, 1}, h.edges(), 0);
        // [0, 0.5) holds 0 and 0.1; [0.5, 1] holds 0.5, 0.99 and both 1s (last bin closed); -1 and 2 are outside
        assertArrayEquals(new long[] {2, 4}, h.counts());
        assertEquals(8, h.total());
        assertEquals(2 / (8 * 0.5), h.density(0), 1e-15);
        assertEquals(4 / (8 * 0.5), h.density(1), 1e-15);
        assertEquals(0.25, h.center(0), 0);
    }

    @Test
    void automaticBinsFollowFreedmanDiaconis() {
        // uniform grid on [0, 1] with 1000 points: IQR = 0.5, width = 2 * 0.5 / 10 = 0.1 -> 10 bins
        final double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i / 999.0;
        }
        assertEquals(10, Histogram.autoBins(v, 0, 1));
        assertEquals(10, Histogram.of(v, 0).bins());
        // constant values: IQR 0, Sturges
        assertEquals(11, Histogram.autoBins(fill(1000, 3), 2, 4));
        // capped
        final double[] spread = new double[1_000_000];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = Math.pow(i / 1e6, 9);
        }
        assertEquals(Histogram.MAX_AUTO_BINS, Histogram.autoBins(spread, 0, 1));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1, 2}, 3, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1, Double.NaN}, 3, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {}, 3));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, Histogram.MAX_BINS + 1, 0, 2));
    }

    private static double[] fill(final int size, final double value) {
        final double[] d = new double[size];
        java.util.Arrays.fill(d, value);
        return d;
    }
}
