package org.knime.core.node;

/** Thrown by a dialog that cannot be opened for the given input, for example without a suitable column. */
public class NotConfigurableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotConfigurableException(final String message) {
        super(message);
    }

    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
