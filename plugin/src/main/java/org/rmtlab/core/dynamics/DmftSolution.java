package org.rmtlab.core.dynamics;

import java.util.ArrayList;
import java.util.List;

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
 * @param bias the bias C^12_Delta(t, t) over independent feature draws (see {@link RandomFeatureFlowDmft}),
 *     or null when solved without it
 * @param biasErrorEstimate its error estimate like {@code testErrorEstimate}, or null without the bias
 */
public record DmftSolution(double[] times, double[] train, double[] test, double[] trainErrorEstimate,
    double[] testErrorEstimate, double[] propagator, double[][] testCorrelation, double[][] trainCorrelation,
    double[] bias, double[] biasErrorEstimate) {

    public double step() {
        return times[1] - times[0];
    }

    public boolean hasBias() {
        return bias != null;
    }

    /**
     * {@link RandomFeatureDynamics#TRAIN_LOSS}, {@link RandomFeatureDynamics#TEST_RISK} and, when solved with
     * it, {@link RandomFeatureDynamics#BIAS} at arbitrary times in [0, t_max] by four-point Lagrange
     * interpolation on the grid. The error is about h^4/100 times the fourth derivative of the loss:
     * negligible once the fast modes have decayed, but up to (2 lambda_+ h)^4/100 at times below 1/lambda_+
     * (1e-4 for h lambda_+ = 0.3). Put the times of interest on the grid when that matters.
     */
    public LearningCurves at(final double[] at) {
        final double[] grid = DynamicsModel.checkTimes(at);
        final List<Curve> curves = new ArrayList<>();
        curves.add(Curve.theory(RandomFeatureDynamics.TRAIN_LOSS, interpolate(train, step(), grid)));
        curves.add(Curve.theory(RandomFeatureDynamics.TEST_RISK, interpolate(test, step(), grid)));
        if (bias != null) {
            curves.add(Curve.theory(RandomFeatureDynamics.BIAS, interpolate(bias, step(), grid)));
        }
        return new LearningCurves(RandomFeatureDynamics.ID, RandomFeatureDynamics.TIME, grid, curves);
    }

    /** Values on the grid t_i = i h interpolated at the given times (see {@link #at(double[])}). */
    static double[] interpolate(final double[] values, final double h, final double[] at) {
        final double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = interpolate(values, h, at[i]);
        }
        return out;
    }

    private static double interpolate(final double[] values, final double h, final double t) {
        final int last = values.length - 1;
        final double end = last * h;
        Check.that(t >= 0 && t <= end * (1 + 1e-12),
            "Time " + t + " is outside the DMFT grid [0, " + end + "]; solve on a longer grid.");
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
