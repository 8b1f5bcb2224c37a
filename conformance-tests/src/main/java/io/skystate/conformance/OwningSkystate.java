package io.skystate.conformance;

import io.skystate.api.Capabilities;
import io.skystate.api.Codec;
import io.skystate.api.Skystate;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.Handlers;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.session.Sessions;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.Workflows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An instance a binding hands out together with what it started for it (a function host, a workflow sidecar): every
 * call goes to the instance, and {@link #close()} closes the instance and then, newest first, what it owns. A binding
 * that restarts the application on the same backing services ({@link ConformanceTarget#reopen}) takes those services
 * back with {@link #release} before closing. Thread-safe.
 */
public final class OwningSkystate implements Skystate {
    private final Skystate instance;
    private final List<AutoCloseable> owned;

    public OwningSkystate(Skystate instance, List<? extends AutoCloseable> owned) {
        this.instance = instance;
        this.owned = Collections.synchronizedList(new ArrayList<>(owned));
    }

    /** The instance itself. */
    public Skystate instance() {
        return instance;
    }

    /** Stops owning {@code resource}: {@link #close()} leaves it open. */
    public void release(AutoCloseable resource) {
        owned.remove(resource);
    }

    @Override
    public String provider() {
        return instance.provider();
    }

    @Override
    public Capabilities capabilities() {
        return instance.capabilities();
    }

    @Override
    public StateStore stateStore(String name) {
        return instance.stateStore(name);
    }

    @Override
    public MessageQueue queue(String name) {
        return instance.queue(name);
    }

    @Override
    public Callbacks callbacks() {
        return instance.callbacks();
    }

    @Override
    public Handlers handlers() {
        return instance.handlers();
    }

    @Override
    public Idempotency idempotency() {
        return instance.idempotency();
    }

    @Override
    public Sessions sessions() {
        return instance.sessions();
    }

    @Override
    public Workflows workflows() {
        return instance.workflows();
    }

    @Override
    public Codec codec() {
        return instance.codec();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(instance) ? Optional.of(type.cast(instance)) : instance.unwrap(type);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            instance.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        List<AutoCloseable> toClose;
        synchronized (owned) {
            toClose = new ArrayList<>(owned);
            owned.clear();
        }
        Collections.reverse(toClose);
        for (AutoCloseable resource : toClose) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cannot close " + resource, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
