package io.skystate.azure.internal;

import io.skystate.api.Capability;
import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The seam where a workflow engine (Durable Functions) plugs into {@code AzureSkystate}: the builder is given a
 * {@link Factory}, the instance declares the factory's capabilities and creates the engine on first use with a
 * {@link Context} of everything an engine needs. Without a factory, {@code workflows()} is unsupported.
 * Implementations are thread-safe.
 */
public interface WorkflowEngine extends AutoCloseable {
    /** The portable workflow API the engine serves. */
    Workflows workflows();

    /** The engine's implementation object when it is a {@code type}, for the adapter's own entry points. */
    default <T> Optional<T> unwrap(Class<T> type) {
        return Optional.empty();
    }

    /** Stops the engine's background work. */
    @Override
    void close();

    /** Creates an engine; known to the builder. */
    interface Factory {
        /** What the engine adds, such as {@link Capability#DURABLE_WORKFLOWS}; known before it is created. */
        Set<Capability> capabilities();

        WorkflowEngine create(Context context);
    }

    /**
     * What the instance hands an engine: itself, its handlers, the workflow callbacks (tokens with the workflow
     * prefix, on their own store, served at {@code /skystate/workflow-callbacks/<token>}), codec, clock, the URL of a
     * workflow callback token, the portability the application chose, whether this instance runs steps, and the
     * Azure clients and resources, and the key ring that signs run-listing page tokens.
     */
    record Context(Skystate skystate, HandlerRegistry handlers, StoreBackedCallbacks workflowCallbacks,
            JacksonCodec codec, Clock clock, Function<String, URI> workflowCallbackUrls, WorkflowPortability portability,
            WorkflowWorkers workers, AzureClients clients, Resources resources, KeyRing pageTokenKeys) {
    }
}
