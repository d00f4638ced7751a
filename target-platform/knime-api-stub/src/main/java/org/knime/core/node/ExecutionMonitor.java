package org.knime.core.node;

import java.util.function.BooleanSupplier;
import java.util.function.ObjDoubleConsumer;
import java.util.function.Supplier;

import org.knime.core.node.util.CheckUtils;

/**
 * Progress reporting and cancellation for a running node.
 *
 * <p>Monitors form a tree. A sub-monitor created with a fraction w owns that share of its
 * parent's progress: when its own progress moves by d, the parent's moves by w * d (clamped to
 * [0, 1]). Sub-monitors created one after another therefore fill the parent's range in turn,
 * and monitors created up front for parallel work add up. Messages travel up unless the
 * sub-monitor is silent. Cancellation is asked of the root, except below a non-cancelable
 * sub-monitor.
 *
 * <p>The root hands every change to a sink (message, absolute progress) and asks a cancel flag;
 * both are given by the test runtime through the package-private constructor. A monitor made with
 * the public constructor reports nowhere and is never cancelled.
 */
public class ExecutionMonitor {
    private final ExecutionMonitor parent;
    private final double weight;
    private final boolean forwardsMessages;
    private final boolean cancelable;
    private final ObjDoubleConsumer<String> sink;
    private final BooleanSupplier cancelRequested;

    private double progress;
    private String message;

    public ExecutionMonitor() {
        this(null, null);
    }

    /** A root monitor; either argument may be null. */
    ExecutionMonitor(final ObjDoubleConsumer<String> sink, final BooleanSupplier cancelRequested) {
        this.parent = null;
        this.weight = 1;
        this.forwardsMessages = true;
        this.cancelable = true;
        this.sink = sink;
        this.cancelRequested = cancelRequested;
    }

    /** A sub-monitor owning the given fraction of the parent's progress. */
    ExecutionMonitor(final ExecutionMonitor parent, final double fraction, final boolean forwardsMessages,
        final boolean cancelable) {
        CheckUtils.checkArgument(fraction >= 0 && fraction <= 1,
            "a sub-progress fraction must be in [0, 1], not %s", fraction);
        this.parent = parent;
        this.weight = fraction;
        this.forwardsMessages = forwardsMessages;
        this.cancelable = cancelable;
        this.sink = null;
        this.cancelRequested = null;
    }

    /** @throws CanceledExecutionException if cancellation was requested */
    public void checkCanceled() throws CanceledExecutionException {
        if (isCancelRequested()) {
            throw new CanceledExecutionException();
        }
    }

    private boolean isCancelRequested() {
        if (!cancelable) {
            return false;
        }
        if (parent != null) {
            return parent.isCancelRequested();
        }
        return cancelRequested != null && cancelRequested.getAsBoolean();
    }

    /** @param fraction done so far, in [0, 1]; values outside are clamped, NaN is ignored */
    public void setProgress(final double fraction) {
        update(fraction, null, false);
    }

    public void setProgress(final double fraction, final String text) {
        update(fraction, text, true);
    }

    public void setProgress(final double fraction, final Supplier<String> text) {
        update(fraction, text == null ? null : text.get(), true);
    }

    public void setMessage(final String text) {
        update(Double.NaN, text, true);
    }

    public void setMessage(final Supplier<String> text) {
        setMessage(text == null ? null : text.get());
    }

    /** Sets the message only. */
    public void setProgress(final String text) {
        setMessage(text);
    }

    /** A sub-monitor owning the given share of this monitor's progress. */
    public ExecutionMonitor createSubProgress(final double fraction) {
        return new ExecutionMonitor(this, fraction, true, true);
    }

    /** Like {@link #createSubProgress} but its messages are not shown. */
    public ExecutionMonitor createSilentSubProgress(final double fraction) {
        return new ExecutionMonitor(this, fraction, false, true);
    }

    /** A monitor over this monitor's whole range whose {@link #checkCanceled()} never throws. */
    public ExecutionMonitor createNonCancelableSubProgress() {
        return new ExecutionMonitor(this, 1, true, false);
    }

    private void update(final double fraction, final String text, final boolean hasText) {
        double delta = 0;
        synchronized (this) {
            if (!Double.isNaN(fraction)) {
                final double clamped = Math.max(0, Math.min(1, fraction));
                delta = clamped - progress;
                progress = clamped;
            }
        }
        propagate(delta, text, hasText);
    }

    private void advance(final double delta, final String text, final boolean hasText) {
        final double moved;
        synchronized (this) {
            final double next = Math.max(0, Math.min(1, progress + delta));
            moved = next - progress;
            progress = next;
        }
        propagate(moved, text, hasText);
    }

    private void propagate(final double delta, final String text, final boolean hasText) {
        if (parent != null) {
            if (delta != 0 || (hasText && forwardsMessages)) {
                parent.advance(delta * weight, text, hasText && forwardsMessages);
            }
            return;
        }
        final double now;
        final String shown;
        synchronized (this) {
            if (hasText) {
                message = text;
            }
            now = progress;
            shown = message;
        }
        if (sink != null && (delta != 0 || hasText)) {
            sink.accept(shown, now);
        }
    }
}
