package io.skystate.gcpworkflows.internal.exec;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cancellable region of an execution: the whole execution, a parallel step, or one branch. Cancelling a scope
 * cancels its descendants and interrupts the threads registered in them, so that sleeps, callback waits and HTTP
 * calls end at once. Thread-safe.
 */
public final class CancellationScope {
    private final CancellationScope parent;
    private final Set<CancellationScope> children = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public CancellationScope() {
        this(null);
    }

    private CancellationScope(CancellationScope parent) {
        this.parent = parent;
    }

    public CancellationScope child() {
        CancellationScope child = new CancellationScope(this);
        children.add(child);
        if (isCancelled()) {
            child.cancel();
        }
        return child;
    }

    /** Detaches a finished child so that a long execution does not keep every branch scope alive. */
    public void remove(CancellationScope child) {
        children.remove(child);
    }

    public void cancel() {
        cancelled = true;
        threads.forEach(Thread::interrupt);
        children.forEach(CancellationScope::cancel);
    }

    public boolean isCancelled() {
        return cancelled || parent != null && parent.isCancelled();
    }

    /** Registers the current thread as working in this scope, so that {@link #cancel()} interrupts it. */
    public void enter() {
        threads.add(Thread.currentThread());
        if (isCancelled()) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unregisters the current thread and clears an interrupt meant for this scope. */
    public void exit() {
        threads.remove(Thread.currentThread());
        Thread.interrupted();
    }

    /** Throws {@link CancelledSignal} if cancelled. */
    public void check() {
        if (isCancelled()) {
            Thread.interrupted();
            throw new CancelledSignal();
        }
    }

    /** Sleeps unless cancelled first or meanwhile; cancellation ends the sleep with {@link CancelledSignal}. */
    public void sleep(Duration duration) {
        check();
        try {
            long millis = duration.toMillis();
            Thread.sleep(millis, (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    /** The signal for an interrupted wait: cancellation if this scope was cancelled, else a stray interrupt. */
    public CancelledSignal interrupted() {
        Thread.interrupted();
        if (!isCancelled()) {
            cancel();
        }
        return new CancelledSignal();
    }
}
