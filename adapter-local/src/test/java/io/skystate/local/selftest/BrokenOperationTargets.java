package io.skystate.local.selftest;

import static io.skystate.local.selftest.BrokenTargets.target;
import static io.skystate.local.selftest.BrokenWorkflowTargets.engine;

import io.skystate.api.Skystate;
import io.skystate.api.handler.EndpointRequest;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.Handlers;
import io.skystate.api.handler.InvocationContext;
import io.skystate.api.handler.StepInvocation;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.conformance.ConformanceTarget;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Deliberately broken run operations, one per concern of {@code WorkflowOperationsConformance}. */
final class BrokenOperationTargets {
    private BrokenOperationTargets() {
    }

    /** Run listings that ignore the workflow and status filters, as an engine that filters nothing would. */
    static final ConformanceTarget UNFILTERED_RUNS = engine("selftest-unfiltered-runs", real -> new DelegatingWorkflows(real) {
        @Override
        public RunPage runs(RunQuery query) {
            return real.runs(new RunQuery(Optional.empty(), Set.of(), query.startedFrom(), query.startedBefore(),
                    query.pageSize(), query.pageToken()));
        }
    });

    /** Signals that reach only a step already waiting: an event sent earlier is dropped instead of kept. */
    static final ConformanceTarget DROPS_EARLY_SIGNALS = engine("selftest-drops-early-signals",
            real -> new DelegatingWorkflows(real) {
                @Override
                public void signal(String id, String event, byte[] payload) {
                    if (real.currentSteps(id).stream().anyMatch(step -> step.kind().equals("awaitEvent"))) {
                        real.signal(id, event, payload);
                    }
                }
            });

    /** Redrives that never refuse: a run that may not be redriven is returned as it is, silently. */
    static final ConformanceTarget LENIENT_REDRIVE = engine("selftest-lenient-redrive", real -> new DelegatingWorkflows(real) {
        @Override
        public WorkflowRun redrive(String id) {
            try {
                return real.redrive(id);
            } catch (RunStateException refused) {
                return real.run(id);
            }
        }
    });

    /** Invocation ids that change with the attempt (the local engine's ids before issue 11). */
    static final ConformanceTarget ID_PER_ATTEMPT = target("selftest-id-per-attempt", real -> new DelegatingSkystate(real) {
        @Override
        public Handlers handlers() {
            Handlers handlers = real.handlers();
            return new Handlers() {
                @Override public void register(HandlerDefinition<?, ?> definition) { handlers.register(perAttempt(definition)); }
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

    private static <I, O> HandlerDefinition<I, O> perAttempt(HandlerDefinition<I, O> definition) {
        return new HandlerDefinition<>(definition.name(), definition.inputType(), definition.outputType(),
                (input, context) -> definition.handler().handle(input, new InvocationContext() {
                    @Override public String invocationId() { return context.invocationId() + "/" + context.attempt(); }
                    @Override public int attempt() { return context.attempt(); }
                    @Override public Instant deadline() { return context.deadline(); }
                    @Override public String provider() { return context.provider(); }
                    @Override public Skystate skystate() { return context.skystate(); }
                    @Override public Optional<StepInvocation> step() { return context.step(); }
                }));
    }
}
