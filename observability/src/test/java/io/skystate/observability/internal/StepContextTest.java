package io.skystate.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.InvocationContext;
import io.skystate.api.handler.StepInvocation;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateValue;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.local.LocalSkystate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler invoked for a step of a run finds the run's context through the store by the step's instance id, in a
 * process that shares only the database with the starter: its span is a child of {@code workflow.start}, and its
 * state calls are its children. The invocation context is made by hand here, as an engine that fills
 * {@link InvocationContext#step()} would make it.
 */
class StepContextTest {
    private static final Settings SETTINGS = new Settings("skystate-telemetry", Duration.ofDays(1), Optional.empty());

    @Test
    void aStepInAnotherProcessJoinsTheStartersTrace(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("shared.db");
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
                LocalSkystate starterPlain = LocalSkystate.builder().withoutHttp().file(database).build();
                LocalSkystate workerPlain = LocalSkystate.builder().withoutHttp().file(database).build()) {
            Skystate starter = new ObservedSkystate(starterPlain, new Telemetry(null, sdk, Clock.systemUTC()), SETTINGS);
            starter.handlers().register(HandlerDefinition.ofFunction("noop", Map.class, Map.class, input -> input));
            starter.workflows().register(WorkflowDefinition.builder("w", 1).startAt("a").task("a", "noop", t -> { }).build());
            starter.workflows().start("w", "run-7", Map.of());

            Telemetry workerTelemetry = new Telemetry(null, sdk, Clock.systemUTC());
            ObservedSkystate worker = new ObservedSkystate(workerPlain, workerTelemetry, SETTINGS);
            RunContexts workerRuns = new RunContexts(new StoredContexts(
                    () -> workerPlain.stateStore(SETTINGS.contextStore()), workerPlain.codec()), workerTelemetry,
                    SETTINGS.contextTtl());
            HandlerDefinition<String, String> step = ObservedHandler.wrap(HandlerDefinition.of("charge", String.class,
                    String.class, (input, context) -> {
                        context.skystate().stateStore("ledger").put(Key.of("l", input), StateValue.json("{}"));
                        return input;
                    }), workerTelemetry, workerRuns, worker);
            step.handler().handle("x", new StepContext(workerPlain, new StepInvocation("run-7", "charge", "task")));

            SpanData start = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("workflow.start w"))
                    .findFirst().orElseThrow();
            SpanData handler = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("handler charge"))
                    .findFirst().orElseThrow();
            SpanData put = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("state.put ledger"))
                    .findFirst().orElseThrow();
            assertThat(handler.getTraceId()).isEqualTo(start.getTraceId());
            assertThat(handler.getParentSpanId()).isEqualTo(start.getSpanId());
            assertThat(handler.getParentSpanContext().isRemote()).as("read from the store, not from memory").isTrue();
            assertThat(handler.getAttributes().get(io.skystate.observability.SkystateSpans.STEP_PATH)).isEqualTo("charge");
            assertThat(put.getParentSpanId()).isEqualTo(handler.getSpanId());
        }
    }

    /** What an engine that knows the step passes to a handler. */
    private record StepContext(Skystate skystate, StepInvocation invocation) implements InvocationContext {
        @Override
        public String invocationId() {
            return "inv-1";
        }

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public Instant deadline() {
            return Instant.now().plusSeconds(60);
        }

        @Override
        public String provider() {
            return "local";
        }

        @Override
        public Optional<StepInvocation> step() {
            return Optional.of(invocation);
        }
    }
}
