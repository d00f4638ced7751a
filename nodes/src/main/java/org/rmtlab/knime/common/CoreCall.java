package org.rmtlab.knime.common;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.rmtlab.core.util.CancelledException;

/**
 * Runs a call into the solver core and translates its exceptions into KNIME's: a user error
 * ({@link IllegalArgumentException}, whose message says how to fix it) becomes an
 * {@link InvalidSettingsException}, the core's cancellation becomes a {@link CanceledExecutionException}.
 */
public final class CoreCall {
    private CoreCall() {
    }

    /** A call into the core that may fail on bad input or be cancelled. */
    @FunctionalInterface
    public interface Body<T> {
        T call() throws CancelledException;
    }

    /** For configure: bad settings become {@link InvalidSettingsException}. */
    public static <T> T settings(final Body<T> body) throws InvalidSettingsException {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        } catch (CancelledException e) {
            throw new IllegalStateException("configure cannot be cancelled", e);
        }
    }

    /** For execute: bad input becomes {@link InvalidSettingsException}, cancel becomes {@link CanceledExecutionException}. */
    public static <T> T execute(final Body<T> body) throws InvalidSettingsException, CanceledExecutionException {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        } catch (CancelledException e) {
            throw new CanceledExecutionException(e.getMessage());
        }
    }
}
