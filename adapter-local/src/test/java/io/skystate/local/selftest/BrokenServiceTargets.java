package io.skystate.local.selftest;

import static io.skystate.local.selftest.BrokenTargets.target;

import io.skystate.api.Codec;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackOutcome;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.EndpointRequest;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.Handlers;
import io.skystate.api.session.Sessions;
import io.skystate.conformance.ConformanceTarget;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Deliberately broken callback URLs, handler registries and sessions. */
final class BrokenServiceTargets {
    private BrokenServiceTargets() {
    }

    /** Callback URLs that name the callback id instead of its signed token. */
    static final ConformanceTarget URL_WITHOUT_TOKEN = target("selftest-url-without-token", real -> new DelegatingSkystate(real) {
        @Override
        public Callbacks callbacks() {
            Callbacks callbacks = real.callbacks();
            return new Callbacks() {
                @Override
                public CallbackHandle create(CallbackRequest request) {
                    CallbackHandle handle = callbacks.create(request);
                    URI url = URI.create(handle.url().toString().replace(handle.token(), handle.id()));
                    return new CallbackHandle(handle.id(), handle.token(), url, handle.expiresAt());
                }

                @Override public void complete(String token, byte[] resultJson) { callbacks.complete(token, resultJson); }
                @Override public void fail(String token, String type, String message) { callbacks.fail(token, type, message); }
                @Override public void heartbeat(String token) { callbacks.heartbeat(token); }
                @Override public CallbackOutcome outcome(String id) { return callbacks.outcome(id); }
                @Override public CallbackOutcome await(String id, Duration maxWait) throws InterruptedException {
                    return callbacks.await(id, maxWait);
                }
                @Override public Codec codec() { return callbacks.codec(); }
            };
        }
    });

    /** Registering a name again keeps the first handler. */
    static final ConformanceTarget FIRST_HANDLER_WINS = target("selftest-first-handler-wins", real -> new DelegatingSkystate(real) {
        @Override
        public Handlers handlers() {
            Handlers handlers = real.handlers();
            return new Handlers() {
                @Override
                public void register(HandlerDefinition<?, ?> definition) {
                    if (!handlers.names().contains(definition.name())) {
                        handlers.register(definition);
                    }
                }

                @Override public Set<String> names() { return handlers.names(); }
                @Override public byte[] invokeJson(String name, byte[] input) { return handlers.invokeJson(name, input); }
                @Override public <O> O invoke(String name, Object input, Class<O> type) {
                    return handlers.invoke(name, input, type);
                }
                @Override public Optional<URI> endpoint(String name) { return handlers.endpoint(name); }
                @Override public Optional<EndpointRequest> endpointRequest(String name, byte[] input) {
                    return handlers.endpointRequest(name, input);
                }
            };
        }
    });

    /** Sessions sealed for ten minutes whatever time to live the caller asks for. */
    static final ConformanceTarget SESSIONS_IGNORE_TTL = target("selftest-sessions-ignore-ttl", real -> new DelegatingSkystate(real) {
        @Override
        public Sessions sessions() {
            Sessions sessions = real.sessions();
            return new Sessions() {
                @Override
                public String seal(Object state, Duration ttl) {
                    return sessions.seal(state, Duration.ofMinutes(10));
                }

                @Override
                public <T> T open(String token, Class<T> type) {
                    return sessions.open(token, type);
                }
            };
        }
    });
}
