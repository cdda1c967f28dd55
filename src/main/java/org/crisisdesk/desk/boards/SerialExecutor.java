package org.crisisdesk.desk.boards;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one after another, in submission order, on a shared pool (no thread of its own). The desk's gestures go
 * through one, so two quick moves of the same card commit in the order the person made them.
 */
final class SerialExecutor implements Executor {
    private final Executor pool;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(task);
        if (!running) {
            running = true;
            pool.execute(this::drain);
        }
    }

    /** Waits until every task submitted so far has run, at most {@code millis}; true when idle. */
    synchronized boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (running) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    notifyAll();
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // the task reports its own failures (Background does); the queue must keep draining
            }
        }
    }
}
