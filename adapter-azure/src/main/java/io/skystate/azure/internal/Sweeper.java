package io.skystate.azure.internal;

import io.skystate.core.util.Lazy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The background work of one instance, on one daemon thread started on first use: callback sweeps (overdue
 * callbacks time out and owed completion messages go out) every 500 ms, and the deletion of expired table entities
 * at the configured interval. A failing sweep is logged and tried again next time. Thread-safe.
 */
public final class Sweeper implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Sweeper.class.getName());

    private final Duration tableInterval;
    private final Lazy<ScheduledExecutorService> scheduler = new Lazy<>(() -> Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skystate-azure-sweeper");
        t.setDaemon(true);
        return t;
    }));
    private boolean tablesScheduled;

    public Sweeper(Duration tableInterval) {
        this.tableInterval = tableInterval;
    }

    /** Runs {@code sweep} every 500 ms from now on. */
    public void callbacks(IntSupplier sweep) {
        scheduler.get().scheduleWithFixedDelay(() -> run("callback sweep", sweep), 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code sweep} at the table interval from now on; only the first call schedules. */
    public synchronized void tables(IntSupplier sweep) {
        if (!tablesScheduled) {
            tablesScheduled = true;
            long millis = tableInterval.toMillis();
            scheduler.get().scheduleWithFixedDelay(() -> run("expiry sweep", sweep), millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService running = scheduler.getIfPresent();
        if (running != null) {
            running.shutdownNow();
        }
    }

    private static void run(String what, IntSupplier sweep) {
        try {
            sweep.getAsInt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, what + " failed; trying again next time", e);
        }
    }
}
