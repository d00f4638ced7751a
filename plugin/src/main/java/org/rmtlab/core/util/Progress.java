package org.rmtlab.core.util;

/**
 * Progress and cancellation callback passed into every long computation of the core.
 * The KNIME nodes adapt their execution context to it; the CLI prints nothing or a bar.
 */
public interface Progress {

    /** A callback that ignores progress and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void report(final double fraction, final String message) {
            // silent on purpose
        }

        @Override
        public void checkCancelled() {
            // never cancelled
        }
    };

    /**
     * @param fraction done so far, in [0, 1]
     * @param message short text for the user, for example "trial 3 of 10"
     */
    void report(double fraction, String message);

    /** @throws CancelledException when the user asked to stop; callers let it propagate. */
    void checkCancelled() throws CancelledException;

    /** A computation that reports to a {@link Progress} and may be cancelled through it. */
    @FunctionalInterface
    interface Task<T> {
        T run(Progress progress) throws CancelledException;
    }

    /**
     * Runs {@code task} with {@link #NONE}: for the convenience overloads without a progress argument, which
     * cannot be cancelled and so throw no {@link CancelledException}.
     */
    static <T> T silently(final Task<T> task) {
        try {
            return task.run(NONE);
        } catch (CancelledException e) {
            throw new IllegalStateException("Progress.NONE never cancels", e);
        }
    }

    /** A view of this callback that maps [0, 1] onto [from, from + width]. */
    default Progress sub(final double from, final double width) {
        final Progress parent = this;
        return new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                parent.report(from + width * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public void checkCancelled() throws CancelledException {
                parent.checkCancelled();
            }
        };
    }
}
