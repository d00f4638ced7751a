package org.rmtlab.core.dynamics;

/**
 * Theory curves of a training run: train and test loss at the given times (definitions in
 * {@link RandomFeatureFlow}).
 */
public record LossCurves(double[] times, double[] train, double[] test) {
}
