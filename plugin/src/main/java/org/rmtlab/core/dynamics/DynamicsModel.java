package org.rmtlab.core.dynamics;

import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Progress;

/**
 * One model of learning dynamics, with its limiting theory and its Monte-Carlo simulation over the same
 * time grid. Implementations are immutable (all parameters fixed at construction), so one instance can be
 * evaluated on many grids and from several threads.
 *
 * <p>Time convention of the package: a time {@code tau} is the effective time {@code tau = alpha t} of
 * gradient flow {@code dw/dt = -alpha grad L(w)} (learning rate alpha, continuous time t). Models that also
 * offer discrete gradient descent take a {@link GradientMethod}; descent with step alpha runs
 * {@code t = tau / alpha} steps (see {@link GradientMethod#snap(double)}). Models for which time means
 * something else (for example the learning rate of a single step) say so in their Javadoc and in
 * {@link LearningCurves#timeName()}.
 *
 * <p>Theory and simulation return curves under the same names, so that they can be drawn and compared
 * side by side; names shared by several models are listed in {@link Curve}.
 */
public interface DynamicsModel {

    /** Short stable id, used by the CLI and saved in workflows, for example {@code gmm}. */
    String id();

    /**
     * The limiting (large p, n) curves at the given times; must be fast enough to redraw interactively
     * (well under a second for 100 times).
     *
     * @param times times >= 0, finite (see the class comment for their meaning)
     * @param progress progress and cancellation; theories that are quick may ignore it
     */
    LearningCurves theory(double[] times, Progress progress) throws CancelledException;

    /** {@link #theory(double[], Progress)} without progress reporting. */
    default LearningCurves theory(final double[] times) {
        return Progress.silently(progress -> theory(times, progress));
    }

    /**
     * Monte-Carlo simulation at the model's finite size: every curve is the mean over {@code trials}
     * independent draws, with its standard error (NaN for a single trial). The same seed gives the same
     * output.
     *
     * @param times times >= 0, finite
     * @param trials independent repetitions, >= 1
     * @param seed random seed
     * @param progress progress and cancellation, checked at least once per trial
     */
    LearningCurves simulate(double[] times, int trials, long seed, Progress progress) throws CancelledException;

    /**
     * Refuses, before anything is allocated, a {@link #simulate} whose matrices would not fit in the heap, so
     * that a caller (a KNIME node's configure, for example) can fail early with a message naming the sizes.
     * The default checks nothing: for models whose simulation is small whatever the parameters.
     *
     * @throws IllegalArgumentException naming the sizes and the heap when one trial would not fit
     */
    default void checkMemory() {
        // small simulations need no check
    }

    /**
     * Validates a time grid and returns a copy.
     *
     * @throws IllegalArgumentException when the grid is empty or a time is negative, NaN or infinite
     */
    static double[] checkTimes(final double[] times) {
        Check.that(times != null && times.length > 0, "The time grid is empty: give at least one time >= 0.");
        for (double t : times) {
            Check.that(Double.isFinite(t) && t >= 0, "Times must be finite numbers >= 0, but the grid contains " + t + ".");
        }
        return times.clone();
    }

    /** @throws IllegalArgumentException unless {@code trials >= 1} */
    static int checkTrials(final int trials) {
        return Check.positive("trials (Monte-Carlo repetitions)", trials);
    }
}
