package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

class DeepLinearTheoryTest {

    /**
     * alpha -&gt; 0: the spectral theory must reduce to the closed-form scalar flow. With alpha = 1e-8 the
     * Marchenko–Pastur spread changes the loss by O(alpha t^2) &lt; 1e-6; the ODE tolerance is 1e-8.
     */
    @Test
    void isotropicLimitMatchesClosedForm() throws CancelledException {
        final double gamma0 = 1.5;
        final double sa = 0.5;
        final double sw = 0.8;
        final double[] times = {0.25, 0.5, 1, 2, 4};
        final LearningCurves c = new DeepLinearTheory(1e-8, gamma0, sa, sw, 32).solve(times, Progress.NONE);
        final double a = sa * sa + sw * sw;
        for (int i = 0; i < times.length; i++) {
            final double loss = DeepLinearTheory.isotropicLoss(times[i], gamma0, sa, sw);
            assertEquals(loss, c.curve(DeepLinearNetwork.TEST_RISK).value(i), 2e-6, "t = " + times[i]);
            // top eigenvalue sigma_W^2 + q with q = (sqrt(A^2 + 4 gamma0^2 b^2) - A) / 2, overlap 1
            final double b = 1 - Math.sqrt(loss);
            final double q = (Math.sqrt(a * a + 4 * gamma0 * gamma0 * b * b) - a) / 2;
            assertEquals(sw * sw + q, c.curve(DeepLinearNetwork.TOP_EIG).value(i), 1e-4, "top eigenvalue, t = " + times[i]);
            assertEquals(1, c.curve(DeepLinearNetwork.OVERLAP).value(i), 1e-4, "overlap, t = " + times[i]);
        }
    }

    /** The closed form t(b) solves b' = sqrt(A^2 + 4 gamma0^2 b^2)(1 - b): check dt/db by central differences. */
    @Test
    void isotropicTimeSolvesTheScalarFlow() {
        final double gamma0 = 0.7;
        final double sa = 0.2;
        final double sw = 1.1;
        final double a = sa * sa + sw * sw;
        for (double b : new double[] {0.05, 0.3, 0.6, 0.9}) {
            final double h = 1e-5;
            final double dtdb = (DeepLinearTheory.isotropicTime(b + h, gamma0, sa, sw)
                - DeepLinearTheory.isotropicTime(b - h, gamma0, sa, sw)) / (2 * h);
            final double expected = 1 / (Math.sqrt(a * a + 4 * gamma0 * gamma0 * b * b) * (1 - b));
            // central difference: relative error h^2 t''' / 6 t' below 1e-8 here
            assertEquals(expected, dtdb, 1e-8 * expected, "b = " + b);
        }
        assertEquals(0, DeepLinearTheory.isotropicTime(0, gamma0, sa, sw), 1e-15);
    }

    /**
     * gamma0 = 0, sigma_a = 0: the hidden weights are frozen and the flow is the kernel flow with kernel
     * Q0, test loss int exp(-2 t lambda) dMP(lambda). Independent check: the moment series
     * sum_k (-2t)^k m_k / k! with the Narayana moments m_k = sum_r alpha^r C(k, r) C(k-1, r) / (r + 1),
     * summed to 80 terms (remainder below 1e-15 for t &lt;= 1).
     */
    @Test
    void lazyLimitIsTheMarchenkoPasturKernelFlow() throws CancelledException {
        for (double alpha : new double[] {0.5, 2.0}) {
            final double[] times = {0.25, 0.5, 1};
            final LearningCurves c = new DeepLinearTheory(alpha, 0, 0, 1, 64).solve(times, Progress.NONE);
            for (int i = 0; i < times.length; i++) {
                assertEquals(laplaceMarchenkoPastur(alpha, 2 * times[i]), c.curve(DeepLinearNetwork.TEST_RISK).value(i), 1e-8,
                    "alpha = " + alpha + ", t = " + times[i]);
                // no feature learning: no outlier, the bulk edge is reported
                assertEquals((1 + Math.sqrt(alpha)) * (1 + Math.sqrt(alpha)), c.curve(DeepLinearNetwork.TOP_EIG).value(i),
                    1e-12);
            }
        }
    }

    private static double laplaceMarchenkoPastur(final double alpha, final double s) {
        double sum = 1;
        double fact = 1;
        for (int k = 1; k <= 80; k++) {
            fact *= k;
            double m = 0;
            for (int r = 0; r < k; r++) {
                m += Math.pow(alpha, r) * binomial(k, r) * binomial(k - 1, r) / (r + 1);
            }
            sum += Math.pow(-s, k) * m / fact;
        }
        return sum;
    }

    private static double binomial(final int n, final int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearTheory(-1, 1, 0, 1, 64));
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearTheory(0.5, 0, 0.3, 1, 64));
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearTheory(0.5, 1, 0, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> new DeepLinearTheory(Double.NaN, 1, 0, 1, 64));
    }
}
