package org.rmtlab.core.util;

import java.util.SplittableRandom;

/**
 * Seeded random source with a Gaussian generator whose output depends only on the seed.
 *
 * <p>Why not {@code Random.nextGaussian} or {@code RandomGenerator.nextGaussian}: their algorithms
 * are not pinned across Java releases (KNIME runs on 17 and 21), and {@code java.util.Random} is
 * synchronised. Here uniforms come from {@link SplittableRandom} (its sequence for a seed is part of
 * its specification) and normals from the Marsaglia polar method, so the same seed gives the same
 * numbers on every JVM. Streams for parallel work are made with {@link #split()} in a fixed order
 * before the work is distributed, so results do not depend on the number of threads.
 */
public final class Rng {
    private final SplittableRandom uniform;
    private double spare;
    private boolean hasSpare;

    public Rng(final long seed) {
        this(new SplittableRandom(seed));
    }

    private Rng(final SplittableRandom uniform) {
        this.uniform = uniform;
    }

    /**
     * The root seed of a simulation over data that may have been drawn with the same user seed. The data
     * generator splits {@code new Rng(seed)} into its streams, and a simulation splitting the same root in trial
     * order would get the very same streams (trial 1's random weights made of the training data's numbers);
     * mixing a fixed odd constant into the seed gives the simulation a root of its own, so a user can leave both
     * seeds at their default.
     */
    public static long simulationSeed(final long seed) {
        return seed ^ 0x9E3779B97F4A7C15L;
    }

    /** An independent stream; call in a fixed order so that results stay reproducible. */
    public Rng split() {
        return new Rng(uniform.split());
    }

    /** Uniform on [0, 1). */
    public double uniform() {
        return uniform.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(final int bound) {
        return uniform.nextInt(bound);
    }

    /** Standard normal N(0, 1) by the Marsaglia polar method. */
    public double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * uniform.nextDouble() - 1.0;
            v = 2.0 * uniform.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        final double f = Math.sqrt(-2.0 * Math.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    /** Fills {@code out} with iid N(0, scale^2) values. */
    public void gaussians(final double[] out, final double scale) {
        for (int i = 0; i < out.length; i++) {
            out[i] = scale * gaussian();
        }
    }

    /** Random sign, +1 or -1 with probability 1/2. */
    public int sign() {
        return uniform.nextBoolean() ? 1 : -1;
    }
}
