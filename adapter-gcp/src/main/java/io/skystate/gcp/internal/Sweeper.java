package io.skystate.gcp.internal;

import io.skystate.core.util.Lazy;
import io.skystate.core.callback.StoreBackedCallbacks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sweeps callback services every 500 ms on one daemon thread, started when the first service is added: times out
 * overdue callbacks and sends completion messages a crash interrupted. Failures are logged and retried on the next
 * round. Thread-safe.
 */
public final class Sweeper implements AutoCloseable {
    private final String threadName;
    private final List<StoreBackedCallbacks> services = new CopyOnWriteArrayList<>();
    private final Lazy<ScheduledExecutorService> scheduler;

    public Sweeper(String threadName) {
        this.threadName = threadName;
        this.scheduler = new Lazy<>(this::start);
    }

    /** Adds {@code callbacks} to the sweep and returns it. */
    public StoreBackedCallbacks sweeping(StoreBackedCallbacks callbacks) {
        services.add(callbacks);
        scheduler.get();
        return callbacks;
    }

    private ScheduledExecutorService start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::sweepAll, 500, 500, TimeUnit.MILLISECONDS);
        return executor;
    }

    private void sweepAll() {
        for (StoreBackedCallbacks callbacks : services) {
            try {
                callbacks.sweep();
            } catch (RuntimeException e) {
                System.getLogger(Sweeper.class.getName()).log(System.Logger.Level.WARNING, "callback sweep failed; retrying", e);
            }
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService executor = scheduler.getIfPresent();
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
