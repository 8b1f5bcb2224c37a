package io.skystate.local.internal.workflow;

import io.skystate.api.callback.Callbacks;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.workflow.ClaimCheck;
import io.skystate.local.internal.Database;
import java.time.Clock;

/**
 * What the engine's parts share. {@code wake} nudges the dispatcher when new work is ready; {@code callbackUrls}
 * gives the URL of a callback token; {@code leases} keeps engines in other processes off the frames this one works on.
 */
record EngineContext(Database database, DefinitionRegistry definitions, HandlerRegistry handlers, Callbacks callbacks,
        JacksonCodec codec, Clock clock, ClaimCheck claims, TaskRunner tasks, Runnable wake,
        java.util.function.Function<String, java.net.URI> callbackUrls, Leases leases) {
    /** The completion queue on which the engine hears about resolved callbacks. */
    static final String CALLBACK_QUEUE = "skystate-workflow-callbacks";
}
