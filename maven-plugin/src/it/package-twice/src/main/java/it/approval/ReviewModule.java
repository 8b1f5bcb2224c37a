package it.approval;

import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerModule;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.WorkflowDefinition;
import java.util.Map;

/** Registers the review handlers and, in code, the "archive" workflow; "review" comes from a YAML file. */
public final class ReviewModule implements HandlerModule {
    @Override
    public void configure(Skystate skystate) {
        StateStore documents = skystate.stateStore("documents");
        skystate.queue("review-events");
        skystate.handlers().register(HandlerDefinition.ofFunction("submit", Map.class, Map.class, m -> m));
        skystate.handlers().register(HandlerDefinition.ofFunction("askReviewer", Map.class, Map.class, m -> m));
        skystate.handlers().register(skystate.idempotency().wrap(
                HandlerDefinition.ofFunction("archive", Map.class, Map.class, m -> Map.of("store", documents.name())),
                m -> String.valueOf(m.get("id"))));
        skystate.workflows().register(WorkflowDefinition.builder("archive", 2).startAt("archive")
                .task("archive", "archive", t -> { }).build());
    }
}
