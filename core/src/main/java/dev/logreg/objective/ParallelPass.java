package dev.logreg.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one pass of a fused kernel over the rows, split into chunks of consecutive rows whose partial
 * sums are added into the totals in chunk order, one chunk at a time. The chunks depend only on the
 * problem's shape, never on the thread count, so a pass gives bit-identical results on 1, 2 or 64
 * threads: the reduction order is fixed by chunk, not by thread.
 *
 * <p>Worker t computes chunks t, t + T, t + 2T, &hellip; into its own buffers and, after each,
 * waits until the chunks before it have been folded, folds its own and lets the next one go. The
 * first worker runs on the calling thread, the others on a shared daemon pool.
 *
 * <p>Every chunk starts with a check for interruption: if the calling thread is interrupted, the
 * pass stops after the chunks in progress and throws {@link CancellationException}; the thread's
 * interrupt status stays set.
 */
final class ParallelPass {

    /** A chunk's work at least this many multiply-adds (in the gradient pass), so the hand-offs cost little. */
    static final long MIN_CHUNK_WORK = 1 << 15;
    /** The largest chunk, in blocks. */
    static final int MAX_CHUNK_BLOCKS = 64;
    /** Rows per chunk when threads are forced on small problems (tests of the parallel path). */
    static final int FORCED_CHUNK_ROWS = 16;
    /** Busy-wait rounds before a waiting worker starts yielding its core. */
    private static final int SPINS = 64;

    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "logreg-fused");
        t.setDaemon(true);
        return t;
    });

    /** What a pass does with its chunks. */
    interface Chunks {
        /**
         * Computes one chunk's partial sums into the worker's own buffers (starting from zero).
         *
         * @param worker the worker, in [0, threads)
         * @param chunk the chunk, in [0, chunks)
         */
        void compute(int worker, int chunk);

        /**
         * Adds the worker's partial sums of its last chunk into the totals. Called in chunk order,
         * never concurrently.
         *
         * @param worker the worker
         */
        void fold(int worker);
    }

    /** One thread's share of a pass over rows: its own buffers for the chunk it computed last. */
    interface RowWorker {
        /**
         * Computes the partial sums of rows [from, to) into this worker's buffers, from zero.
         *
         * @param from the chunk's first row
         * @param to one past its last row
         */
        void compute(int from, int to);

        /** Adds the partial sums of the chunk computed last into the totals (in chunk order). */
        void fold();
    }

    private ParallelPass() {
    }

    /**
     * Runs a pass over m rows in chunks of {@code chunkRows}, one worker per thread.
     *
     * @param rows m
     * @param chunkRows rows per chunk
     * @param workers one per thread
     * @throws CancellationException if the calling thread was interrupted (its interrupt status stays set)
     */
    static void run(int rows, int chunkRows, RowWorker[] workers) {
        run(workers.length, chunks(rows, chunkRows), new Chunks() {
            @Override
            public void compute(int worker, int chunk) {
                workers[worker].compute(chunk * chunkRows, (int) Math.min(rows, (long) (chunk + 1) * chunkRows));
            }

            @Override
            public void fold(int worker) {
                workers[worker].fold();
            }
        });
    }

    /**
     * The rows per chunk: whole blocks, enough for {@link #MIN_CHUNK_WORK} multiply-adds in a
     * gradient pass (at most {@link #MAX_CHUNK_BLOCKS} blocks), or {@link #FORCED_CHUNK_ROWS} when
     * threads are forced on small problems.
     *
     * @param block rows per block
     * @param workPerRow multiply-adds per row of a gradient pass, &ge; 1
     * @param forced whether threads are forced (tests)
     * @return the rows per chunk, &ge; 1
     */
    static int chunkRows(int block, long workPerRow, boolean forced) {
        if (forced) {
            return FORCED_CHUNK_ROWS;
        }
        long blocks = (MIN_CHUNK_WORK + block * workPerRow - 1) / (block * Math.max(1, workPerRow));
        return (int) Math.max(1, Math.min(MAX_CHUNK_BLOCKS, blocks)) * block;
    }

    /**
     * @param rows m
     * @param chunkRows rows per chunk
     * @return the number of chunks, &ge; 1
     */
    static int chunks(int rows, int chunkRows) {
        return Math.max(1, (int) ((rows + (long) chunkRows - 1) / chunkRows));
    }

    /**
     * How many threads a pass uses: the requested number, but one for small problems and never more
     * than one per chunk.
     *
     * @param requested the threads asked for, at least 1
     * @param chunks the chunks of a pass
     * @param work the multiply-adds of one row times m, roughly: compared with {@code minWork}
     * @param minWork below this much work one thread does everything
     * @param always use the requested threads even for small problems (up to one per chunk)
     * @return the thread count
     * @throws IllegalArgumentException if requested &lt; 1
     */
    static int threads(int requested, int chunks, long work, long minWork, boolean always) {
        if (requested < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + requested);
        }
        if (!always && work < minWork) {
            return 1;
        }
        return Math.min(requested, chunks);
    }

    /**
     * Runs a pass and waits for it.
     *
     * @param threads the workers, &ge; 1
     * @param chunks the chunks, &ge; 1
     * @param work what to do with them
     * @throws CancellationException if the calling thread was interrupted (its interrupt status stays set)
     */
    static void run(int threads, int chunks, Chunks work) {
        Thread caller = Thread.currentThread();
        State state = new State(caller);
        Runnable[] workers = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers[t] = () -> state.work(worker, threads, chunks, work);
        }
        List<Future<?>> pending = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            pending.add(POOL.submit(workers[t]));
        }
        workers[0].run();
        boolean interrupted = false;
        for (Future<?> f : pending) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    // Stop the others at their next chunk and wait for them: their buffers are in use.
                    interrupted = true;
                    state.stop();
                } catch (ExecutionException e) {
                    state.fail(e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            caller.interrupt();
        }
        state.finish();
    }

    /** What the workers of one pass share: the fold counter and whether to stop. */
    private static final class State {
        private final Thread caller;
        private final AtomicInteger folded = new AtomicInteger();
        private volatile boolean stopped;
        private volatile Throwable failure;

        State(Thread caller) {
            this.caller = caller;
        }

        void work(int worker, int threads, int chunks, Chunks work) {
            try {
                for (int c = worker; c < chunks; c += threads) {
                    if (shouldStop()) {
                        return;
                    }
                    work.compute(worker, c);
                    for (int spins = 0; folded.get() != c; spins++) {
                        if (shouldStop()) {
                            return;
                        }
                        if (spins < SPINS) {
                            Thread.onSpinWait();
                        } else {
                            Thread.yield();
                        }
                    }
                    work.fold(worker);
                    folded.set(c + 1);
                }
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        }

        /** Whether to stop: another worker failed, or the caller was interrupted (seen on its own thread). */
        private boolean shouldStop() {
            if (!stopped && Thread.currentThread() == caller && caller.isInterrupted()) {
                stopped = true;
            }
            return stopped || failure != null;
        }

        void stop() {
            stopped = true;
        }

        void fail(Throwable t) {
            if (failure == null) {
                failure = t;
            }
            stopped = true;
        }

        void finish() {
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException("a pass over the data failed", t);
            }
            if (stopped) {
                throw new CancellationException("interrupted during a pass over the data");
            }
        }
    }
}
