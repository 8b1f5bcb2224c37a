package io.skystate.local.selftest;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.callback.CallbackAlreadyResolvedException;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.local.LocalSkystate;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Deliberately broken state, callback, queue and idempotency implementations built by wrapping the real local
 * adapter. The suite must fail on each; report ids start with {@code selftest-} so the support matrix leaves them out.
 */
final class BrokenTargets {
    private BrokenTargets() {
    }

    /** Puts and deletes ignore version conditions: lost updates and stale writes go through. */
    static final ConformanceTarget IGNORES_VERSIONS = target("selftest-ignores-versions", real -> new DelegatingSkystate(real) {
        @Override
        public StateStore stateStore(String name) {
            return new DelegatingStore(real.stateStore(name)) {
                @Override
                public Version put(Key key, StateValue value, PutOptions options) {
                    PutOptions loose = options.condition().kind() == Condition.Kind.IF_VERSION
                            ? new PutOptions(Condition.none(), options.expiresAt()) : options;
                    return real.put(key, value, loose);
                }

                @Override
                public boolean delete(Key key, Condition condition) {
                    return real.delete(key, condition.kind() == Condition.Kind.IF_VERSION ? Condition.none() : condition);
                }
            };
        }
    });

    /** Writes drop their expiry, so expired records stay visible. */
    static final ConformanceTarget SHOWS_EXPIRED = target("selftest-shows-expired", real -> new DelegatingSkystate(real) {
        @Override
        public StateStore stateStore(String name) {
            return new DelegatingStore(real.stateStore(name)) {
                @Override
                public Version put(Key key, StateValue value, PutOptions options) {
                    return real.put(key, value, new PutOptions(options.condition(), Optional.empty()));
                }
            };
        }
    });

    /** Second completions are silently accepted instead of rejected: tokens are not single-use. */
    static final ConformanceTarget REUSABLE_TOKENS = target("selftest-reusable-tokens", real -> new DelegatingSkystate(real) {
        @Override
        public Callbacks callbacks() {
            Callbacks callbacks = real.callbacks();
            return (Callbacks) Proxy.newProxyInstance(Callbacks.class.getClassLoader(), new Class<?>[] {Callbacks.class},
                    (proxy, method, args) -> {
                        try {
                            return method.invoke(callbacks, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            if (e.getCause() instanceof CallbackAlreadyResolvedException) {
                                return null;
                            }
                            throw e.getCause();
                        }
                    });
        }
    });

    /** Receiving acknowledges at once: nothing is ever redelivered (at-most-once). */
    static final ConformanceTarget NEVER_REDELIVERS = target("selftest-never-redelivers", real -> new DelegatingSkystate(real) {
        @Override
        public MessageQueue queue(String name) {
            MessageQueue queue = real.queue(name);
            return new MessageQueue() {
                @Override public String name() { return queue.name(); }
                @Override public String send(io.skystate.api.queue.Message message) { return queue.send(message); }
                @Override public void ack(String receipt) { queue.ack(receipt); }

                @Override
                public List<ReceivedMessage> receive(int max, Duration visibility, Duration maxWait) {
                    List<ReceivedMessage> received = queue.receive(max, visibility, maxWait);
                    received.forEach(m -> queue.ack(m.receipt()));
                    return received;
                }
            };
        }
    });

    /** "Idempotency" that just runs the handler every time. */
    static final ConformanceTarget NOT_IDEMPOTENT = target("selftest-not-idempotent", real -> new DelegatingSkystate(real) {
        @Override
        public Idempotency idempotency() {
            return new Idempotency() {
                @Override
                public <I, O> io.skystate.api.handler.HandlerDefinition<I, O> wrap(
                        io.skystate.api.handler.HandlerDefinition<I, O> handler, java.util.function.Function<I, String> keyOf,
                        io.skystate.api.idempotency.IdempotencyOptions options) {
                    return handler;
                }
            };
        }
    });

    /** A target whose instances are real in-memory local instances wrapped by {@code breaker}. */
    static ConformanceTarget target(String id, UnaryOperator<Skystate> breaker) {
        return new ConformanceTarget() {
            @Override
            public String adapterId() {
                return id;
            }

            @Override
            public Skystate open() {
                return breaker.apply(LocalSkystate.inMemory());
            }

            @Override
            public String toString() {
                return id;
            }

            @Override
            public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
                return breaker.apply(LocalSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys).build());
            }

            @Override
            public Gaps gaps() {
                return Gaps.none();
            }
        };
    }
}
