package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.Check;

/**
 * Solution of {@link RandomFeatureFlowDmft} on the uniform grid t_i = i h, i = 0..steps.
 *
 * @param times the grid
 * @param train train loss C_e(t, t) (definitions in {@link RandomFeatureFlow})
 * @param test test loss C_Delta(t, t)
 * @param trainErrorEstimate for a Richardson-extrapolated solution, |extrapolated - fine| per grid point:
 *     the estimated error of the finer second-order solution, which exceeds the error of the extrapolated
 *     values once the grid resolves the dynamics; NaN for a plain second-order solution
 * @param testErrorEstimate the same for the test loss
 * @param propagator G(tau) = (1/D) tr e^{-tau BC}, the response of Delta to its initial condition, on the grid
 * @param testCorrelation C_Delta(t_i, t_j) = Delta(t_i).Delta(t_j)/D
 * @param trainCorrelation C_e(t_i, t_j) = e(t_i).e(t_j)/P, e the training residual
 */
public record DmftSolution(double[] times, double[] train, double[] test, double[] trainErrorEstimate,
    double[] testErrorEstimate, double[] propagator, double[][] testCorrelation, double[][] trainCorrelation) {

    public double step() {
        return times[1] - times[0];
    }

    /**
     * Train and test loss at arbitrary times in [0, t_max] by four-point Lagrange interpolation on the grid.
     * The error is about h^4/100 times the fourth derivative of the loss: negligible once the fast modes have
     * decayed, but up to (2 lambda_+ h)^4/100 at times below 1/lambda_+ (1e-4 for h lambda_+ = 0.3). Put the
     * times of interest on the grid when that matters.
     */
    public LossCurves at(final double[] at) {
        final double[] train = new double[at.length];
        final double[] test = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            train[i] = interpolate(this.train, at[i]);
            test[i] = interpolate(this.test, at[i]);
        }
        return new LossCurves(at.clone(), train, test);
    }

    private double interpolate(final double[] values, final double t) {
        final double h = step();
        final int last = times.length - 1;
        Check.that(t >= 0 && t <= times[last] * (1 + 1e-12),
            "Time " + t + " is outside the DMFT grid [0, " + times[last] + "]; solve on a longer grid.");
        final double s = Math.min(t / h, last);
        final int i0 = Math.max(0, Math.min(last - 3, (int) Math.floor(s) - 1));
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            double weight = 1;
            for (int l = 0; l < 4; l++) {
                if (l != k) {
                    weight *= (s - (i0 + l)) / (k - l);
                }
            }
            sum += weight * values[i0 + k];
        }
        return sum;
    }
}
