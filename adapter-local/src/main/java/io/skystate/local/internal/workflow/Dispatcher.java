package io.skystate.local.internal.workflow;

import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The engine's scheduler: one thread that finds due frames, runs needing compensation, overdue runs and callback
 * completions, and hands them to a bounded worker pool, and renews this engine's {@link Leases}. A frame is never
 * worked on by two workers at once, in this process (the in-flight set) or in another (the leases).
 */
final class Dispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    private static final int MAX_IN_FLIGHT = 512;

    private final EngineContext ctx;
    private final FrameStepper stepper;
    private final CallbackSteps callbackSteps;
    private final Compensator compensator;
    private final RunControl control;
    private final MessageQueue completions;
    private final ExecutorService workers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean woken;
    private long lastRenewal;

    Dispatcher(EngineContext ctx, FrameStepper stepper, CallbackSteps callbackSteps, Compensator compensator,
            RunControl control, MessageQueue completions, int workerThreads) {
        this.ctx = ctx;
        this.stepper = stepper;
        this.callbackSteps = callbackSteps;
        this.compensator = compensator;
        this.control = control;
        this.completions = completions;
        this.workers = Executors.newFixedThreadPool(workerThreads, runnable -> daemon(runnable, "skystate-workflow-worker"));
        this.thread = daemon(this::loop, "skystate-workflow-dispatcher");
        thread.start();
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                round();
                synchronized (signal) {
                    if (!woken) {
                        signal.wait(20);
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "workflow dispatcher round failed; retrying", e);
                }
            }
        }
    }

    private void round() {
        long now = ctx.clock().millis();
        if (now - lastRenewal >= Leases.RENEW_EVERY.toMillis()) {
            ctx.leases().renewAll();
            lastRenewal = now;
        }
        for (FrameTable.Key frame : ctx.database().inTransaction(c -> FrameTable.due(c, now, 128, ctx.leases().owner()))) {
            submit("frame:" + frame.runId() + "/" + frame.frameId(), () -> stepper.advance(frame.runId(), frame.frameId()));
        }
        for (RunRow run : ctx.database().inTransaction(RunTable::compensating)) {
            submit("compensate:" + run.id(), () -> compensator.compensate(run.id()));
        }
        control.timeOutOverdue();
        List<ReceivedMessage> messages = completions.receive(MessageQueue.MAX_BATCH, Duration.ofSeconds(2), Duration.ZERO);
        for (ReceivedMessage message : messages) {
            String callbackId = message.attributes().get("callbackId");
            submit("callback:" + callbackId, () -> {
                if (callbackId == null || callbackSteps.resolved(callbackId)) {
                    completions.ack(message.receipt());
                }
            });
        }
    }

    private void submit(String key, Runnable work) {
        if (inFlight.size() >= MAX_IN_FLIGHT || !inFlight.add(key)) {
            return;
        }
        workers.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "workflow work item " + key + " failed; it will be retried", e);
            } finally {
                inFlight.remove(key);
                wake();
            }
        });
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        workers.shutdownNow();
        try {
            thread.join(5_000);
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
