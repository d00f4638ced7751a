package org.knime.core.node;

import org.knime.core.internal.MessageAwareException;

/** Thrown by {@link ExecutionMonitor#checkCanceled()} when the user cancelled the execution. */
public class CanceledExecutionException extends Exception implements MessageAwareException {
    private static final long serialVersionUID = 1L;

    public CanceledExecutionException() {
        this("Execution canceled");
    }

    public CanceledExecutionException(final String message) {
        super(message);
    }
}
