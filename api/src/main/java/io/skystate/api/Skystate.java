package io.skystate.api;

import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.Handlers;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.session.Sessions;
import io.skystate.api.spi.SkystateProviders;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.Workflows;
import java.util.Optional;

/**
 * An application's handle on one provider's services: state stores, callbacks, completion queues, handlers,
 * idempotency, sessions and workflows. Obtain one with {@link #open(SkystateConfig)} (provider discovery) or by constructing
 * an adapter directly. Thread-safe; open one per process and {@link #close()} it on shutdown.
 *
 * <p>Names of stores and queues are 1-48 chars of lower-case letters, digits and {@code -}, starting with a letter,
 * so they are valid table, container, collection and queue names on every provider.
 */
public interface Skystate extends AutoCloseable {
    /** Opens the provider {@code config} selects, discovered with {@link java.util.ServiceLoader}. */
    static Skystate open(SkystateConfig config) {
        return SkystateProviders.open(config);
    }

    /** The provider id, such as {@code "local"}. */
    String provider();

    /** What this provider offers beyond the portable floor. */
    Capabilities capabilities();

    /** The named state store, created on first use. */
    StateStore stateStore(String name);

    /** The named completion queue, created on first use. */
    MessageQueue queue(String name);

    Callbacks callbacks();

    Handlers handlers();

    Idempotency idempotency();

    Sessions sessions();

    /**
     * The workflow engine. Register the handlers your definitions name before the first call: engines resume
     * pending work when first used.
     */
    Workflows workflows();

    /** The JSON codec every service of this instance uses. */
    Codec codec();

    /** The provider's native client or engine, if it is of {@code type}. */
    <T> Optional<T> unwrap(Class<T> type);

    /** Stops background work and releases connections. Idempotent. */
    @Override
    void close();

    /** Validates a store or queue name; throws {@link InvalidRequestException} if it is not portable. */
    static String validateName(String kind, String name) {
        if (!Arguments.isName(name, 48, false, "-")) {
            throw new InvalidRequestException("skystate",
                    kind + " name must be 1-48 chars of [a-z0-9-] starting with a letter: '" + name + "'");
        }
        return name;
    }
}
