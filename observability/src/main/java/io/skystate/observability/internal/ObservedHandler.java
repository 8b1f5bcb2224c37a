package io.skystate.observability.internal;

import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.skystate.api.Skystate;
import io.skystate.api.handler.Handler;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.InvocationContext;
import io.skystate.api.handler.StepInvocation;
import io.skystate.observability.SkystateMeters;
import io.skystate.observability.SkystateSpans;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wraps a registered handler, so every invocation that runs in this process is observed whoever triggered it: timed
 * ({@link SkystateMeters#HANDLER_INVOCATIONS}, retries counted), and traced as span {@code handler <name>}. For a
 * workflow step ({@link InvocationContext#step()}) the span's parent is the context its run was started in, read
 * from the observability store by instance id ({@link RunContexts}), so the steps of a run join the starter's
 * trace in whichever process they run; otherwise it is the current context. The handler sees the observed
 * instance as {@link InvocationContext#skystate()}. Its input, output and exceptions are unchanged. Thread-safe.
 */
final class ObservedHandler<I, O> implements Handler<I, O> {
    private static final String DIRECT = "direct";

    private final String name;
    private final Handler<I, O> handler;
    private final Telemetry telemetry;
    private final RunContexts runs;
    private final Skystate observed;
    private final ConcurrentMap<String, Operation> byKind = new ConcurrentHashMap<>();

    private ObservedHandler(String name, Handler<I, O> handler, Telemetry telemetry, RunContexts runs, Skystate observed) {
        this.name = name;
        this.handler = handler;
        this.telemetry = telemetry;
        this.runs = runs;
        this.observed = observed;
    }

    static <I, O> HandlerDefinition<I, O> wrap(HandlerDefinition<I, O> definition, Telemetry telemetry, RunContexts runs,
            Skystate observed) {
        return new HandlerDefinition<>(definition.name(), definition.inputType(), definition.outputType(),
                new ObservedHandler<>(definition.name(), definition.handler(), telemetry, runs, observed));
    }

    @Override
    public O handle(I input, InvocationContext context) throws Exception {
        Optional<StepInvocation> step = context.step();
        String kind = step.map(StepInvocation::kind).orElse(DIRECT);
        Operation operation = byKind.computeIfAbsent(kind, this::operation);
        if (context.attempt() > 1) {
            telemetry.counter(SkystateMeters.HANDLER_RETRIES, Tags.of("handler", name, "kind", kind)).increment();
        }
        InvocationContext observedContext = new ObservedInvocationContext(context, observed);
        if (!telemetry.tracing()) {
            return operation.call(() -> handler.handle(input, observedContext));
        }
        Context parent = step.flatMap(s -> runs.context(s.instanceId())).orElse(telemetry.currentContext());
        return operation.call(parent, attributes(context, step), () -> handler.handle(input, observedContext));
    }

    private Operation operation(String kind) {
        return telemetry.operation(SkystateMeters.HANDLER_INVOCATIONS, Tags.of("handler", name, "kind", kind),
                "handler " + name, kind.equals(DIRECT) ? SpanKind.INTERNAL : SpanKind.CONSUMER,
                Attributes.of(SkystateSpans.HANDLER, name, SkystateSpans.STEP_KIND, kind));
    }

    private static Attributes attributes(InvocationContext context, Optional<StepInvocation> step) {
        AttributesBuilder attributes = Attributes.builder()
                .put(SkystateSpans.INVOCATION_ID, context.invocationId())
                .put(SkystateSpans.ATTEMPT, context.attempt())
                .put(SkystateSpans.PROVIDER, context.provider());
        step.ifPresent(s -> attributes.put(SkystateSpans.RUN_ID, s.instanceId()).put(SkystateSpans.STEP_PATH, s.stepPath()));
        return attributes.build();
    }
}
