package io.skystate.gcp.internal.workflows;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Runs the engine's sweep on a daemon thread every interval (never when the interval is zero: a scheduler calls the
 * sweep route instead). A failed round is logged and the next one runs as planned. Thread-safe.
 */
final class Sweeper implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Sweeper.class.getName());

    private final ScheduledExecutorService scheduler;

    Sweeper(IntSupplier sweep, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            scheduler = null;
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "skystate-gcp-workflow-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sweep.getAsInt();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "workflow sweep failed; the next one runs as planned", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
