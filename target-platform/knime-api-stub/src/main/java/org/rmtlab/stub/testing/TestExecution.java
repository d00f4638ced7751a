package org.rmtlab.stub.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.knime.core.node.ExecutionContext;

/**
 * An execution context for tests that records what the node reports and can be cancelled.
 *
 * <p>Every change of progress or message reaches the root context as (message, absolute
 * progress in [0, 1]); both are recorded in order. Every {@code checkCanceled()} call (also from
 * sub-contexts) is counted. Cancellation is either requested with {@link #cancel()}, from any
 * thread, or set up front with {@link #cancellingAfter(int)}: the first k checks pass, every
 * later one throws {@code CanceledExecutionException}.
 */
public final class TestExecution {
    private static final int NEVER = -1;

    private final AtomicInteger checks = new AtomicInteger();
    private final int cancelAfterChecks;
    private volatile boolean cancelRequested;
    private final List<Double> progress = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final ExecutionContext context;

    /** A context that is never cancelled unless {@link #cancel()} is called. */
    public TestExecution() {
        this(NEVER);
    }

    private TestExecution(final int cancelAfterChecks) {
        this.cancelAfterChecks = cancelAfterChecks;
        this.context = Hooks.newContext(this::record, this::isCancelRequestedAtCheck);
    }

    /** A context whose first {@code checks} calls of {@code checkCanceled()} pass and all later ones throw. */
    public static TestExecution cancellingAfter(final int checks) {
        if (checks < 0) {
            throw new IllegalArgumentException("the number of passing checks must be >= 0, not " + checks);
        }
        return new TestExecution(checks);
    }

    /** The root context to pass to the node. */
    public ExecutionContext context() {
        return context;
    }

    /** Requests cancellation; safe to call from any thread. */
    public void cancel() {
        cancelRequested = true;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /** How often {@code checkCanceled()} was called so far. */
    public int checkCanceledCalls() {
        return checks.get();
    }

    /** Absolute progress values in the order they were reported. */
    public synchronized List<Double> progress() {
        return new ArrayList<>(progress);
    }

    /** The message shown with each progress report (null where none was set), parallel to {@link #progress()}. */
    public synchronized List<String> messages() {
        return new ArrayList<>(messages);
    }

    /** The last reported progress, 0 before any report. */
    public synchronized double lastProgress() {
        return progress.isEmpty() ? 0 : progress.get(progress.size() - 1);
    }

    private synchronized void record(final String message, final double value) {
        progress.add(value);
        messages.add(message);
    }

    private boolean isCancelRequestedAtCheck() {
        final int count = checks.incrementAndGet();
        if (cancelAfterChecks != NEVER && count > cancelAfterChecks) {
            cancelRequested = true;
        }
        return cancelRequested;
    }
}
