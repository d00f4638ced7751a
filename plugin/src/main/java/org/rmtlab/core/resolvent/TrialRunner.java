package org.rmtlab.core.resolvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/**
 * Runs independent Monte-Carlo trials on several threads with results that do not depend on the
 * number of threads: each trial gets its own random stream, split from the root in trial order before
 * any work starts, and results are returned in trial order. Only the calling thread talks to the
 * {@link Progress} (KNIME's monitors are not meant for worker threads); workers poll a flag.
 */
final class TrialRunner {
    /** How often the calling thread reports progress and polls for cancellation. */
    private static final long POLL_MILLIS = 100;

    /** One trial. */
    interface Trial<T> {
        /**
         * @param index trial number, from 0
         * @param rng this trial's own stream
         * @param cancel set when the user cancelled; poll it and throw {@link CancelledException}
         */
        T run(int index, Rng rng, Cancel cancel) throws CancelledException;
    }

    /** Cancellation flag polled by the workers. */
    static final class Cancel {
        private final AtomicBoolean flag = new AtomicBoolean();

        void check() throws CancelledException {
            if (flag.get()) {
                throw new CancelledException();
            }
        }
    }

    private TrialRunner() {
    }

    /** Default thread count: the available processors, at most one per trial. */
    static int defaultThreads(final int trials) {
        return Math.max(1, Math.min(trials, Runtime.getRuntime().availableProcessors()));
    }

    static <T> List<T> run(final int trials, final int threads, final Rng root, final Trial<T> trial,
        final Progress progress) throws CancelledException {
        final List<Rng> streams = new ArrayList<>(trials);
        for (int i = 0; i < trials; i++) {
            streams.add(root.split());
        }
        final Cancel cancel = new Cancel();
        final List<T> results = new ArrayList<>(trials);
        if (threads <= 1 || trials <= 1) {
            for (int i = 0; i < trials; i++) {
                progress.checkCancelled();
                progress.report(i / (double) trials, "trial " + (i + 1) + " of " + trials);
                results.add(trial.run(i, streams.get(i), cancel));
            }
            progress.report(1, "done");
            return results;
        }
        final ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, trials), r -> {
            final Thread t = new Thread(r, "rmtlab-trial");
            t.setDaemon(true);
            return t;
        });
        final AtomicInteger done = new AtomicInteger();
        try {
            final List<Future<T>> futures = new ArrayList<>(trials);
            for (int i = 0; i < trials; i++) {
                final int index = i;
                futures.add(pool.submit(() -> {
                    final T r = trial.run(index, streams.get(index), cancel);
                    done.incrementAndGet();
                    return r;
                }));
            }
            for (Future<T> f : futures) {
                while (true) {
                    try {
                        progress.checkCancelled();
                    } catch (CancelledException e) {
                        cancel.flag.set(true);
                        throw e;
                    }
                    progress.report(done.get() / (double) trials, done.get() + " of " + trials + " trials done");
                    try {
                        results.add(f.get(POLL_MILLIS, TimeUnit.MILLISECONDS));
                        break;
                    } catch (TimeoutException e) {
                        // poll again
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        cancel.flag.set(true);
                        throw new CancelledException();
                    } catch (ExecutionException e) {
                        cancel.flag.set(true);
                        final Throwable cause = e.getCause();
                        if (cause instanceof CancelledException ce) {
                            throw ce;
                        }
                        if (cause instanceof RuntimeException re) {
                            throw re;
                        }
                        if (cause instanceof Error err) {
                            throw err;
                        }
                        throw new IllegalStateException(cause);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            try {
                // workers stop at their next cancellation check; wait so their memory is released
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        progress.report(1, "done");
        return results;
    }
}
