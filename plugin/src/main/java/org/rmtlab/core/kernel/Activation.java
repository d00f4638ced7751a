package org.rmtlab.core.kernel;

/** A pointwise activation sigma: R -> R, named by a stable id (saved in workflows and CLI scripts). */
public interface Activation {

    /** Stable id, for example {@code relu}. */
    String id();

    /** sigma(t). */
    double value(double t);
}
