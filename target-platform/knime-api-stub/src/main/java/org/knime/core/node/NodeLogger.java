package org.knime.core.node;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logger of a node class. This stub writes through {@code java.util.logging}: debug is FINE,
 * info INFO, warn WARNING, error/fatal/coding SEVERE.
 */
public final class NodeLogger {
    private final Logger logger;

    private NodeLogger(final String name) {
        this.logger = Logger.getLogger(name);
    }

    public static NodeLogger getLogger(final Class<?> type) {
        return new NodeLogger(type.getName());
    }

    public static NodeLogger getLogger(final String name) {
        return new NodeLogger(name);
    }

    public void debug(final Object message) {
        log(Level.FINE, message, null);
    }

    public void debug(final Object message, final Throwable t) {
        log(Level.FINE, message, t);
    }

    public void info(final Object message) {
        log(Level.INFO, message, null);
    }

    public void info(final Object message, final Throwable t) {
        log(Level.INFO, message, t);
    }

    public void warn(final Object message) {
        log(Level.WARNING, message, null);
    }

    public void warn(final Object message, final Throwable t) {
        log(Level.WARNING, message, t);
    }

    public void error(final Object message) {
        log(Level.SEVERE, message, null);
    }

    public void error(final Object message, final Throwable t) {
        log(Level.SEVERE, message, t);
    }

    public void fatal(final Object message) {
        log(Level.SEVERE, message, null);
    }

    public void fatal(final Object message, final Throwable t) {
        log(Level.SEVERE, message, t);
    }

    /** Reports a programming error (an assumption in the code that does not hold). */
    public void coding(final Object message) {
        log(Level.SEVERE, message, null);
    }

    public void coding(final Object message, final Throwable t) {
        log(Level.SEVERE, message, t);
    }

    public boolean isDebugEnabled() {
        return logger.isLoggable(Level.FINE);
    }

    public boolean isInfoEnabled() {
        return logger.isLoggable(Level.INFO);
    }

    private void log(final Level level, final Object message, final Throwable t) {
        if (logger.isLoggable(level)) {
            logger.log(level, String.valueOf(message), t);
        }
    }
}
