package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RandomFeatureFlowResolventTest {

    /**
     * Closed forms at t = 0: test = ||w*||^2/D = 1, train = E y^2 = 1 + s^2, Hermitian = 1; and the initial
     * slopes d test/dt = -(2/D) tr BC = -2 and d train/dt = -(2/P) E y^T K y = -2 (1/D) tr(B C^2) - 2 s^2 (1/P) tr K
     * = -2 (1 + a) - 2 s^2 a (B and C free, E B = I, (1/D) tr C^2 = 1 + a). Forward differences with step
     * 1e-6 have error O(1e-6) times the second derivative.
     */
    @Test
    void initialValuesAndSlopes() {
        final RandomFeatureFlow model = new RandomFeatureFlow(0.7, 1.6, 0.4);
        final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(model, 1);
        final double a = 1 / model.psiP();
        final double s2 = model.noise() * model.noise();
        assertEquals(1, r.testLoss(0), 1e-12);
        assertEquals(1 + s2, r.trainLoss(0), 1e-12);
        assertEquals(1, r.hermitianTestLoss(0), 1e-12);
        final double h = 1e-6;
        assertEquals(-2, (r.testLoss(h) - r.testLoss(0)) / h, 1e-4);
        assertEquals(-2 * (1 + a) - 2 * s2 * a, (r.trainLoss(h) - r.trainLoss(0)) / h, 1e-4);
    }

    /**
     * Long-time limits against the closed forms of rf-dynamics.md: noiseless test loss
     * 1 - m + m (1 - m)/(M - m) (m < 1) or 0, Hermitian counterpart 1 - m. At t = 500 the slowest modes
     * (lambda_- >= 0.03 here) have decayed below 1e-6.
     */
    @Test
    void longTimeLimitsMatchClosedForms() {
        for (double[] c : new double[][] {{0.5, 1.2}, {0.5, 0.8}, {1.2, 0.3}, {2, 3}}) {
            final RandomFeatureFlow model = RandomFeatureFlow.noiseless(c[0], c[1]);
            final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(model, 500);
            assertEquals(model.noiselessTestLimit(), r.testLoss(500), 1e-6, model.toString());
            assertEquals(new HermitianCounterpart(c[0], c[1]).limit(), r.hermitianTestLoss(500), 1e-6, model.toString());
        }
        assertEquals(6.0 / 7, NonMonotoneTestLoss.EXAMPLE.noiselessTestLimit(), 1e-15);
    }

    /**
     * With label noise and N >= D the features span the input space and the flow ends at ordinary
     * least squares: test(inf) = s^2 D/(P - D) (noise part, the noiseless part is 0 for min(psiN, psiP) > 1).
     */
    @Test
    void noisyLongTimeLimitIsLeastSquaresWhenFeaturesSpanTheInputs() {
        final RandomFeatureFlow model = new RandomFeatureFlow(3, 2, 0.5);
        final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(model, 1000);
        assertEquals(0.25 * 1 / (2 - 1), r.testLoss(1000), 1e-6);
    }

    /**
     * rf-dynamics.md: the noiseless test loss is symmetric under N <-> P, the train loss is not. The
     * two-point formula is not manifestly symmetric (t = 1 - a u involves a only), so this is a real check.
     */
    @Test
    void noiselessTestLossIsSymmetricUnderFeaturesSamplesExchange() {
        final RandomFeatureFlowResolvent r1 = new RandomFeatureFlowResolvent(RandomFeatureFlow.noiseless(0.5, 1.2), 20);
        final RandomFeatureFlowResolvent r2 = new RandomFeatureFlowResolvent(RandomFeatureFlow.noiseless(1.2, 0.5), 20);
        double trainGap = 0;
        for (double t : new double[] {0.3, 1, 4, 20}) {
            assertEquals(r1.testLoss(t), r2.testLoss(t), 1e-11);
            trainGap = Math.max(trainGap, Math.abs(r1.trainLoss(t) - r2.trainLoss(t)));
        }
        assertTrue(trainGap > 0.01, "the train losses should differ, gap " + trainGap);
    }

    /**
     * Different horizons give different contours (nodes and ellipse); agreement to 1e-11 shows that the
     * quadrature has converged and that rounding is not amplified (the cancellation concern of rf-dynamics.md).
     */
    @Test
    void independentOfTheContour() {
        final RandomFeatureFlow model = new RandomFeatureFlow(0.5, 0.8, 0.5);
        final RandomFeatureFlowResolvent small = new RandomFeatureFlowResolvent(model, 10);
        final RandomFeatureFlowResolvent large = new RandomFeatureFlowResolvent(model, 1000);
        for (double t : new double[] {0.05, 1, 10}) {
            assertEquals(small.testLoss(t), large.testLoss(t), 1e-11);
            assertEquals(small.trainLoss(t), large.trainLoss(t), 1e-11);
            assertEquals(small.hermitianTestLoss(t), large.hermitianTestLoss(t), 1e-11);
        }
    }

    @Test
    void rejectsTimesBeyondTheHorizon() {
        final RandomFeatureFlowResolvent r = new RandomFeatureFlowResolvent(RandomFeatureFlow.noiseless(2, 3), 5);
        assertThrows(IllegalArgumentException.class, () -> r.testLoss(6));
        assertThrows(IllegalArgumentException.class, () -> r.trainLoss(-1));
        assertThrows(IllegalArgumentException.class, () -> new RandomFeatureFlowResolvent(RandomFeatureFlow.noiseless(2, 3), -1));
        assertThrows(IllegalArgumentException.class, () -> new RandomFeatureFlow(1, 1, Double.POSITIVE_INFINITY));
    }
}
