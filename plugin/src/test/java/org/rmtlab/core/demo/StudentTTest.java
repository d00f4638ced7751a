package org.rmtlab.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Erf;
import org.rmtlab.core.util.Rng;

class StudentTTest {

    @Test
    // nu = 1 is Cauchy, 2P(T > t) = 1 - 2 atan(t) / pi; nu = 2 has 2P(T > t) = 1 - t / sqrt(t^2 + 2)
    void closedFormsForOneAndTwoDegrees() {
        for (double t : new double[] {0, 0.3, 1, 2.5, 10, 300}) {
            assertEquals(1 - 2 * Math.atan(t) / Math.PI, StudentT.twoSidedTail(t, 1), 1e-15);
            assertEquals(1 - t / Math.sqrt(t * t + 2), StudentT.twoSidedTail(t, 2), 1e-15);
        }
        assertEquals(0, StudentT.twoSidedTail(Double.POSITIVE_INFINITY, 7), 0);
    }

    @Test
    // published two-sided critical values (tables to 9-10 digits), odd and even nu, and the quantile round trip
    void tableValuesAndQuantiles() {
        assertEquals(0.05, StudentT.twoSidedTail(2.570581836, 5), 1e-9);
        assertEquals(0.05, StudentT.twoSidedTail(2.228138852, 10), 1e-9);
        assertEquals(0.01, StudentT.twoSidedTail(3.249835541, 9), 1e-9);
        assertEquals(0.01, StudentT.twoSidedTail(2.860934606, 19), 1e-9);
        assertEquals(2.570581836, StudentT.twoSidedQuantile(0.05, 5), 1e-8);
        assertEquals(2.860934606, StudentT.twoSidedQuantile(0.01, 19), 1e-8);
        for (int nu : new int[] {1, 2, 3, 8, 39, 100}) {
            for (double p : new double[] {0.5, 1e-3, 2.5e-6}) {
                final double q = StudentT.twoSidedQuantile(p, nu);
                assertEquals(p, StudentT.twoSidedTail(q, nu), 1e-9 * p, "nu " + nu + ", p " + p);
            }
        }
    }

    @Test
    // nu -> infinity: the normal law; the difference is O(t^4 / nu), about 2e-4 relative at t = 3, nu = 1e5
    void largeDegreesApproachTheNormal() {
        for (double t : new double[] {0.5, 2, 3}) {
            final double normal = 2 * Erf.normalTail(t);
            assertEquals(normal, StudentT.twoSidedTail(t, 100_000), 3e-4 * normal);
        }
    }

    @Test
    // the tolerance is the promised false-alarm level: K = 10 independent points, T = 5 Gaussian trials each, the
    // discrepancy exceeds the tolerance with probability 1 - (1 - 0.01/10)^10 = 0.00996 exactly (independent
    // points); 40000 repetitions estimate it with s.e. sqrt(0.01/40000) = 5e-4, so 4 s.e. = 0.002. A Gaussian
    // quantile (3.29) instead would fail about 26% of the time, far outside.
    void toleranceHasTheStatedFalseAlarmRate() {
        final int points = 10;
        final int trials = 5;
        final double tol = Discrepancy.tolerance(points, trials);
        final Rng rng = new Rng(7);
        final int reps = 40_000;
        int exceed = 0;
        final double[] x = new double[trials];
        for (int r = 0; r < reps; r++) {
            double max = 0;
            for (int k = 0; k < points; k++) {
                rng.gaussians(x, 1);
                double mean = 0;
                for (double v : x) {
                    mean += v / trials;
                }
                double ss = 0;
                for (double v : x) {
                    ss += (v - mean) * (v - mean);
                }
                max = Math.max(max, Math.abs(mean) / Math.sqrt(ss / (trials - 1) / trials));
            }
            if (max > tol) {
                exceed++;
            }
        }
        final double expected = 1 - Math.pow(1 - Discrepancy.FALSE_ALARM / points, points);
        assertEquals(expected, exceed / (double) reps, 0.002);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedTail(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedTail(1, 0));
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedQuantile(0, 3));
        assertThrows(IllegalArgumentException.class, () -> Discrepancy.tolerance(10, 1));
    }
}
