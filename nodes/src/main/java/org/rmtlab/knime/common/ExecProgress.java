package org.rmtlab.knime.common;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/** KNIME's execution monitor seen as the core's progress callback: progress and cancel pass straight through. */
public final class ExecProgress implements Progress {
    private final ExecutionMonitor exec;

    public ExecProgress(final ExecutionMonitor exec) {
        this.exec = exec;
    }

    @Override
    public void report(final double fraction, final String message) {
        exec.setProgress(Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public void checkCancelled() throws CancelledException {
        try {
            exec.checkCanceled();
        } catch (CanceledExecutionException e) {
            throw new CancelledException();
        }
    }
}
