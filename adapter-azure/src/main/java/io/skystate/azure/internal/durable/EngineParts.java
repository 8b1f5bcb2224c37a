package io.skystate.azure.internal.durable;

import com.microsoft.durabletask.DurableTaskClient;
import io.skystate.api.Capabilities;
import io.skystate.api.WorkflowPortability;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.workflow.ClaimCheck;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * What the engine's non-orchestrator parts share: the handlers, the workflow callbacks service (its tokens, deadlines
 * and completion messages), the codec and clock, claim check, the {@link RunRegistry}, the Durable Task client, and the
 * pool handler calls run on (so a step timeout can interrupt them).
 */
record EngineParts(String provider, HandlerRegistry handlers, StoreBackedCallbacks callbacks, JacksonCodec codec,
        Clock clock, ClaimCheck claims, RunRegistry registry, Supplier<DurableTaskClient> client,
        ExecutorService handlerPool, Supplier<Capabilities> capabilities, WorkflowPortability portability) {
    DurableTaskClient durable() {
        return client.get();
    }
}
