package dev.logreg.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one pass's workers: the first on the calling thread, the others on a shared daemon pool. */
final class ParallelPass {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "logreg-fused");
        t.setDaemon(true);
        return t;
    });

    private ParallelPass() {
    }

    /**
     * How many threads a fused pass uses: the requested number, but one for small problems and never
     * more than one per block of rows (or, when forced for tests, one per row).
     *
     * @param requested the threads asked for, at least 1
     * @param rows m
     * @param work the multiply-adds of one row times m, roughly: compared with {@code minWork}
     * @param minWork below this much work one thread does everything
     * @param block rows per block
     * @param always use the requested threads even for small problems
     * @return the thread count
     * @throws IllegalArgumentException if requested &lt; 1
     */
    static int threads(int requested, int rows, long work, long minWork, int block, boolean always) {
        if (requested < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + requested);
        }
        if (always) {
            return Math.min(requested, rows);
        }
        return work < minWork ? 1 : Math.min(requested, Math.max(1, rows / block));
    }

    /**
     * The first row of thread t's share when m rows are split evenly among the threads.
     *
     * @param rows m
     * @param t the thread, 0..threads (threads gives m)
     * @param threads the thread count
     * @return the row
     */
    static int from(int rows, int t, int threads) {
        return (int) ((long) rows * t / threads);
    }

    /**
     * Runs every worker and waits for all of them.
     *
     * @param workers one per thread, at least one
     * @throws IllegalStateException if a worker fails or the wait is interrupted
     */
    static void run(Runnable[] workers) {
        if (workers.length == 1) {
            workers[0].run();
            return;
        }
        List<Future<?>> pending = new ArrayList<>(workers.length - 1);
        for (int t = 1; t < workers.length; t++) {
            pending.add(POOL.submit(workers[t]));
        }
        workers[0].run();
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a pass over the data", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a pass over the data failed", e.getCause());
            }
        }
    }
}
