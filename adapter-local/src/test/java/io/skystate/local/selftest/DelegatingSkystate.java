package io.skystate.local.selftest;

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
import java.util.Optional;

/** Forwards everything to a real instance; broken variants override one service. */
class DelegatingSkystate implements Skystate {
    final Skystate real;

    DelegatingSkystate(Skystate real) {
        this.real = real;
    }

    @Override public String provider() { return real.provider(); }
    @Override public Capabilities capabilities() { return real.capabilities(); }
    @Override public StateStore stateStore(String name) { return real.stateStore(name); }
    @Override public MessageQueue queue(String name) { return real.queue(name); }
    @Override public Callbacks callbacks() { return real.callbacks(); }
    @Override public Handlers handlers() { return real.handlers(); }
    @Override public Idempotency idempotency() { return real.idempotency(); }
    @Override public Sessions sessions() { return real.sessions(); }
    @Override public Workflows workflows() { return real.workflows(); }
    @Override public Codec codec() { return real.codec(); }
    @Override public <T> Optional<T> unwrap(Class<T> type) { return real.unwrap(type); }
    @Override public void close() { real.close(); }
}
