package io.skystate.maven;

import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerModule;
import io.skystate.api.idempotency.IdempotencyOptions;
import io.skystate.api.workflow.WorkflowDefinition;
import java.util.Map;

/** A module as an app writes one: handlers, a store, a queue, idempotency, a workflow registered in code. */
public final class SampleModule implements HandlerModule {
    static final WorkflowDefinition FLOW = WorkflowDefinition.builder("flow", 1).startAt("a")
            .task("a", "first", t -> t.next("b")).task("b", "second", t -> { }).build();

    @Override
    public void configure(Skystate skystate) {
        skystate.stateStore("orders");
        skystate.queue("events");
        skystate.handlers().register(HandlerDefinition.ofFunction("first", Map.class, Map.class, m -> m));
        skystate.handlers().register(skystate.idempotency().wrap(
                HandlerDefinition.ofFunction("second", Map.class, Map.class, m -> m), m -> "k"));
        skystate.handlers().register(skystate.idempotency().wrap(
                HandlerDefinition.ofFunction("third", Map.class, Map.class, m -> m), m -> "k",
                IdempotencyOptions.defaults().withStore("third-idempotency")));
        skystate.workflows().register(FLOW);
    }
}
