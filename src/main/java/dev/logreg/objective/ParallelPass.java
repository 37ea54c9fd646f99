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
