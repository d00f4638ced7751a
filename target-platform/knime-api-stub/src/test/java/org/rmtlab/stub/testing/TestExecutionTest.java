package org.rmtlab.stub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;

class TestExecutionTest {
    /** Progress is a sum of products of fractions: exact up to a few ulps. */
    private static final double EPS = 1e-12;

    @Test
    void subContextsFillTheirShareOfTheParent() {
        final TestExecution exec = new TestExecution();
        final ExecutionContext first = exec.context().createSubExecutionContext(0.3);
        final ExecutionContext second = exec.context().createSubExecutionContext(0.7);
        first.setProgress(0.5);
        assertEquals(0.15, exec.lastProgress(), EPS);
        first.setProgress(1.0);
        assertEquals(0.3, exec.lastProgress(), EPS);
        second.setProgress(0.5, "half way");
        assertEquals(0.65, exec.lastProgress(), EPS);
        assertEquals("half way", exec.messages().get(exec.messages().size() - 1));
        final ExecutionMonitor nested = second.createSubProgress(0.5);
        nested.setProgress(1.0);
        assertEquals(0.65 + 0.35, exec.lastProgress(), EPS);
    }

    @Test
    void progressIsClampedAndNaNIgnored() {
        final TestExecution exec = new TestExecution();
        exec.context().setProgress(1.7);
        exec.context().setProgress(Double.NaN);
        exec.context().createSubProgress(0.5).setProgress(1);
        assertEquals(List.of(1.0), exec.progress(), "NaN and a move beyond 1 report nothing");
    }

    @Test
    void silentSubContextsKeepTheirMessages() {
        final TestExecution exec = new TestExecution();
        exec.context().setMessage("outer");
        exec.context().createSilentSubExecutionContext(0.5).setProgress(1.0, "inner");
        assertEquals(List.of("outer", "outer"), exec.messages());
        assertEquals(0.5, exec.lastProgress(), EPS);
    }

    @Test
    void cancellingAfterKChecks() throws CanceledExecutionException {
        final TestExecution exec = TestExecution.cancellingAfter(2);
        final ExecutionMonitor sub = exec.context().createSubProgress(0.5);
        exec.context().checkCanceled();
        sub.checkCanceled();
        assertThrows(CanceledExecutionException.class, sub::checkCanceled);
        assertThrows(CanceledExecutionException.class, exec.context()::checkCanceled);
        assertEquals(4, exec.checkCanceledCalls());
        exec.context().createNonCancelableSubProgress().checkCanceled();
        assertThrows(IllegalArgumentException.class, () -> TestExecution.cancellingAfter(-1));
    }

    @Test
    void cancelFromAnotherThreadStopsALoop() throws Exception {
        final TestExecution exec = new TestExecution();
        final ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            final Future<?> loop = pool.submit(() -> {
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < deadline) {
                    exec.context().checkCanceled();
                    Thread.onSpinWait();
                }
                throw new AssertionError("never cancelled");
            });
            while (exec.checkCanceledCalls() == 0) {
                Thread.onSpinWait();
            }
            exec.cancel();
            final ExecutionException e = assertThrows(ExecutionException.class, () -> loop.get(5, TimeUnit.SECONDS));
            assertInstanceOf(CanceledExecutionException.class, e.getCause());
            assertTrue(exec.isCancelRequested());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPlainMonitorNeverCancels() throws CanceledExecutionException {
        final ExecutionMonitor monitor = new ExecutionMonitor();
        monitor.setProgress(0.5, "ignored");
        monitor.checkCanceled();
        assertThrows(IllegalArgumentException.class, () -> monitor.createSubProgress(1.5));
    }
}
