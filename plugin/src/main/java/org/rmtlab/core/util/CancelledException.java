package org.rmtlab.core.util;

/** Thrown by {@link Progress#checkCancelled()} when the user stopped the computation. */
public final class CancelledException extends Exception {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("Cancelled by the user");
    }
}
