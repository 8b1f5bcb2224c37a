package io.skystate.azure.internal.durable;

import io.skystate.api.Skystate;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.api.state.StateEntry;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowErrors;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine's two background loops in this process: the callback consumer (completion messages of
 * {@link Names#CALLBACK_QUEUE} → {@link CallbackEvents}) and the sweeper, which times out overdue workflow callbacks
 * (the callbacks service's own deadlines and heartbeats) and terminates runs past their workflow timeout (TIMED_OUT,
 * no compensation: a durable timer could not preempt a running activity). On Azure Functions a queue trigger and a
 * timer trigger do the same work. Daemon threads; {@link #close()} stops them.
 */
final class Background implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Background.class.getName());
    static final Duration SWEEP_EVERY = Duration.ofMillis(250);

    private final EngineParts parts;
    private final CallbackEvents events;
    private final BranchStopper stopper;
    private final MessageQueue queue;
    private final Thread consumer;
    private final Thread sweeper;
    private volatile boolean running = true;

    Background(EngineParts parts, Skystate skystate, CallbackEvents events, BranchStopper stopper) {
        this.parts = parts;
        this.events = events;
        this.stopper = stopper;
        this.queue = skystate.queue(Names.CALLBACK_QUEUE);
        this.consumer = daemon(this::consume, "skystate-durable-callbacks");
        this.sweeper = daemon(this::sweep, "skystate-durable-sweeper");
        consumer.start();
        sweeper.start();
    }

    private void consume() {
        while (running) {
            try {
                List<ReceivedMessage> batch = queue.receive(MessageQueue.MAX_BATCH, Duration.ofSeconds(30),
                        Duration.ofSeconds(1));
                for (ReceivedMessage message : batch) {
                    if (events.deliver(message.attributes().get("callbackId"))) {
                        queue.ack(message.receipt());
                    }
                }
            } catch (RuntimeException e) {
                pauseAfter(e, "delivering workflow callback events failed; retrying");
            }
        }
    }

    private void sweep() {
        while (running) {
            try {
                parts.callbacks().sweep();
                timeOutOverdue();
                Thread.sleep(SWEEP_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                pauseAfter(e, "the workflow sweeper failed; retrying");
            }
        }
    }

    private void timeOutOverdue() {
        timeOutOverdue(parts, stopper);
    }

    /** Terminates every run past its deadline; forgets deadlines of runs that have ended. */
    static void timeOutOverdue(EngineParts parts, BranchStopper stopper) {
        long now = parts.clock().millis();
        parts.registry().deadlines((StateEntry entry) -> {
            long deadline = Long.parseLong(new String(entry.value().bytes(), StandardCharsets.UTF_8));
            if (deadline > now) {
                return;
            }
            String run = entry.key().id();
            Optional<RunRegistry.RunRecord> record = parts.registry().run(run);
            if (record.map(RunRegistry.RunRecord::deadline).filter(d -> d > now).isPresent()) {
                return; // a redrive gave the run a new deadline since this entry was read
            }
            stopper.stopRun(run, record.map(r -> r.orchestration(run)).orElse(run), RunResults.stopped(
                    RunStatus.TIMED_OUT, WorkflowErrors.TIMEOUT, "the workflow ran past its timeout"));
            parts.registry().forgetDeadline(run);
        });
    }

    private void pauseAfter(RuntimeException e, String what) {
        if (!running) {
            return;
        }
        LOG.log(Level.WARNING, what, e);
        try {
            Thread.sleep(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        running = false;
        sweeper.interrupt();
        try {
            consumer.join(5_000);
            sweeper.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
