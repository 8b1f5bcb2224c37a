package io.skystate.local.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Background upkeep on one daemon thread: settles callbacks (timeouts, owed completion messages) every
 * {@value #SWEEP_MILLIS} ms and purges expired state rows every {@value #PURGE_MILLIS} ms. Reads never depend on
 * the purge: expired rows are filtered on every read path.
 */
public final class Housekeeper implements AutoCloseable {
    static final long SWEEP_MILLIS = 250;
    static final long PURGE_MILLIS = 10_000;
    private static final System.Logger LOG = System.getLogger(Housekeeper.class.getName());

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Daemons.factory("skystate-housekeeper"));

    public Housekeeper(Database database, Clock clock, IntSupplier... callbackSweeps) {
        for (IntSupplier sweep : callbackSweeps) {
            scheduler.scheduleWithFixedDelay(() -> guarded("callback sweep", sweep), SWEEP_MILLIS, SWEEP_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleWithFixedDelay(() -> guarded("expiry purge",
                () -> database.inTransaction(c -> StateRows.purgeExpired(c, clock.millis()))),
                PURGE_MILLIS, PURGE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void guarded(String what, IntSupplier task) {
        try {
            task.getAsInt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "local " + what + " failed; retrying on the next round", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
