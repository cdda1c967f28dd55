package org.crisisdesk.desk.kit;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking work (JDBC, HTTP, files) off the FX thread and reports back on it:
 * {@code background.run(() -> store.load()).onSuccess(model::show).onFailure(dialogs::error)}.
 */
public final class Background {
    private static final Logger log = LoggerFactory.getLogger(Background.class);
    private final Executor executor;

    public Background(Executor executor) {
        this.executor = executor;
    }

    public <T> Job<T> run(Callable<T> work) {
        Job<T> job = new Job<>();
        try {
            executor.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> job.succeed(result));
                } catch (Exception | Error e) {
                    log.warn("Background work failed: {}", e.toString());
                    Platform.runLater(() -> job.fail(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // The desk is closing and its executors are shut down (a callback of earlier work asked for more, e.g. a
            // refresh after a move): the store is closed too, so nothing can run. The job never completes, so the
            // view shows nothing as done.
            log.info("Desk closing: background work not started");
        }
        return job;
    }

    public Job<Void> run(Runnable work) {
        return run(() -> {
            work.run();
            return null;
        });
    }

    /** Callbacks run on the FX thread; register them right after {@link #run} (before the work can finish). */
    public static final class Job<T> {
        private Consumer<T> onSuccess = r -> {};
        private Consumer<Throwable> onFailure = e -> {};
        private boolean done;
        private T result;
        private Throwable failure;

        public Job<T> onSuccess(Consumer<T> action) {
            this.onSuccess = action;
            if (done && failure == null) {
                action.accept(result);
            }
            return this;
        }

        public Job<T> onFailure(Consumer<Throwable> action) {
            this.onFailure = action;
            if (done && failure != null) {
                action.accept(failure);
            }
            return this;
        }

        private void succeed(T r) {
            done = true;
            result = r;
            onSuccess.accept(r);
        }

        private void fail(Throwable e) {
            done = true;
            failure = e;
            onFailure.accept(e);
        }
    }
}
