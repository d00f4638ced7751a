package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.Check;

/**
 * Non-monotone test loss without label noise, a consequence of the non-symmetric dynamics
 * dDelta/dt = -B C Delta of {@link RandomFeatureFlow} (Bordelon and Pehlevan 2026): the test loss
 * (1/D) tr[e^{-tCB} e^{-tBC}] is not a spectral integral with positive weights, unlike the train loss and
 * the test loss of the {@link HermitianCounterpart}, which are non-increasing. It is not the label-noise
 * mechanism (small eigenvalues amplifying eps): here s = 0.
 *
 * <p>Where it happens (theory scans of (psiN, psiP), noiseless): whenever min(psiN, psiP) < 1 the loss dips
 * below its limit 1 - m + m(1 - m)/(M - m) and rises again. For M < 1 the limit even exceeds the initial
 * value 1, for M > 1 the dip is shallower the larger M. When both ratios exceed 1 the limit is 0 and the
 * loss decreases throughout.
 *
 * <p>{@link #EXAMPLE} is psiN = 0.5, psiP = 1.2 (half as many features as input dimensions, more samples than
 * dimensions): the test loss falls from 1 to its minimum 0.737 at t = 1.1 and rises to 0.857 = 6/7, while the
 * Hermitian counterpart with the same spectrum decreases monotonically to 1 - psiN = 0.5. The tests confirm the
 * minimum and the rise by simulation.
 */
public final class NonMonotoneTestLoss {
    /** The exposed non-monotone setting: psiN = 0.5, psiP = 1.2, no label noise. */
    public static final RandomFeatureFlow EXAMPLE = RandomFeatureFlow.noiseless(0.5, 1.2);

    private static final int SCAN_POINTS = 200;
    private static final double MIN_HORIZON = 20;
    private static final double MAX_HORIZON = 400;

    private NonMonotoneTestLoss() {
    }

    /**
     * Minimum of the noiseless test loss over [0, horizon], horizon = 20 / lambda_- clipped to [20, 400]
     * (lambda_- the slowest non-zero relaxation rate, {@link MarchenkoPasturProduct#lowerEdge()}).
     */
    public static TestLossMinimum find(final RandomFeatureFlow model) {
        final double slowest = model.spectrum().lowerEdge();
        final double horizon = slowest > 0 ? Math.max(MIN_HORIZON, Math.min(MAX_HORIZON, 20 / slowest)) : MAX_HORIZON;
        return find(model, horizon);
    }

    /**
     * Minimum of the noiseless test loss over [0, horizon] from {@link RandomFeatureFlowResolvent}: a scan on
     * a grid refined towards t = 0 (t_k = horizon (k/200)^2), then golden-section search between the
     * neighbours of the best grid point to a relative width of 1e-9.
     */
    public static TestLossMinimum find(final RandomFeatureFlow model, final double horizon) {
        Check.that(model.isNoiseless(), "The non-monotonicity analysis is for the noiseless model (s = 0), but s = "
            + model.noise() + ".");
        Check.positive("time horizon", horizon);
        final RandomFeatureFlowResolvent resolvent = new RandomFeatureFlowResolvent(model, horizon);
        final double[] grid = new double[SCAN_POINTS + 1];
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= SCAN_POINTS; k++) {
            final double s = k / (double) SCAN_POINTS;
            grid[k] = horizon * s * s;
            final double v = resolvent.testLoss(grid[k]);
            if (v < bestValue) {
                bestValue = v;
                best = k;
            }
        }
        if (best == SCAN_POINTS) {
            return new TestLossMinimum(horizon, bestValue, model.noiselessTestLimit(), horizon);
        }
        double lo = grid[Math.max(0, best - 1)];
        double hi = grid[best + 1];
        final double ratio = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - ratio * (hi - lo);
        double x2 = lo + ratio * (hi - lo);
        double f1 = resolvent.testLoss(x1);
        double f2 = resolvent.testLoss(x2);
        while (hi - lo > 1e-9 * Math.max(1, hi)) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - ratio * (hi - lo);
                f1 = resolvent.testLoss(x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + ratio * (hi - lo);
                f2 = resolvent.testLoss(x2);
            }
        }
        final double time = f1 < f2 ? x1 : x2;
        return new TestLossMinimum(time, Math.min(f1, f2), model.noiselessTestLimit(), horizon);
    }
}
