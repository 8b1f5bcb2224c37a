package io.skystate.bench.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.local.LocalSkystate;
import io.skystate.observability.SkystateObservability;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What observing costs: state get and put, and a 3-step workflow run (start, three handlers that each write one
 * record, await), on the local adapter in memory; and get on a plain map behind the same decoration
 * ({@link MemoryStore}), which isolates what the decorator itself costs per call. Each fork holds two instances, a plain one and one observed in
 * the fork's {@code variant}, and <b>alternates them every iteration</b> (odd iterations plain, even ones observed),
 * so both sides see the same machine load; {@link ObservabilityBenchMain} pairs each observed iteration with the
 * plain ones around it. Variants: {@code off} ({@code SkystateObservability.off().wrap(...)}, which is the plain
 * instance itself: its ratio is the method's noise), {@code metrics} (a {@link SimpleMeterRegistry}),
 * {@code traces} (an SDK tracer, always sampling, batch processor, an exporter that drops the spans) and
 * {@code both}. Average time per operation; JMH's own score mixes the two sides and is not used.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ObservabilityBench {
    static final int KEYS = 256;
    static final byte[] DOC = "{\"customer\":\"c-42\",\"items\":[{\"sku\":\"mug\",\"qty\":2},{\"sku\":\"tea\",\"qty\":1}],\"total\":23.5}"
            .getBytes(StandardCharsets.UTF_8);

    /** One side of the comparison: an instance, its store and its keys. */
    static final class Side {
        final LocalSkystate plain;
        final Skystate skystate;
        final StateStore store;
        /** A map behind the same decoration: the decorator's own cost per call. */
        final StateStore memory;
        final Key[] keys = new Key[KEYS];
        int next;
        long runs;

        Side(SkystateObservability observability) {
            plain = LocalSkystate.builder().withoutHttp().build();
            skystate = observability.wrap(plain);
            store = skystate.stateStore("bench");
            memory = observability.wrap(MemoryStore.skystate(plain.codec())).stateStore("bench");
            for (int i = 0; i < KEYS; i++) {
                keys[i] = Key.of("g", "k" + i);
                store.put(keys[i], StateValue.json(DOC));
                memory.put(keys[i], StateValue.json(DOC));
            }
            @SuppressWarnings({"rawtypes", "unchecked"})
            HandlerDefinition<Map, Map> write = HandlerDefinition.of("write", Map.class, Map.class, (input, context) -> {
                context.skystate().stateStore("steps").put(Key.of("runs", context.invocationId()), StateValue.json(DOC));
                return input;
            });
            skystate.handlers().register(write);
            skystate.workflows().register(WorkflowDefinition.builder("seq3", 1).startAt("a")
                    .task("a", "write", t -> t.next("b"))
                    .task("b", "write", t -> t.next("c"))
                    .task("c", "write", t -> { })
                    .build());
        }

        Key nextKey() {
            Key key = keys[next];
            next = (next + 1) % KEYS;
            return key;
        }
    }

    /** Both sides of a fork, and whose turn it is. One thread uses it. */
    @State(Scope.Benchmark)
    public static class Target {
        @Param({"off", "metrics", "traces", "both"})
        public String variant;

        OpenTelemetrySdk sdk;
        Side plain;
        Side observed;
        Side current;
        int iteration;

        @Setup(Level.Trial)
        public void open() {
            SkystateObservability.Builder observability = SkystateObservability.builder();
            if (variant.equals("metrics") || variant.equals("both")) {
                observability.meterRegistry(new SimpleMeterRegistry());
            }
            if (variant.equals("traces") || variant.equals("both")) {
                sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(BatchSpanProcessor.builder(new Discarding()).build()).build()).build();
                observability.openTelemetry(sdk);
            }
            plain = new Side(SkystateObservability.off());
            observed = new Side(observability.build());
        }

        /** Odd iterations (warm-up included, counted from 1) run plain, even ones observed. */
        @Setup(Level.Iteration)
        public void alternate() {
            iteration++;
            current = iteration % 2 == 1 ? plain : observed;
        }

        @TearDown(Level.Trial)
        public void close() {
            plain.skystate.close();
            observed.skystate.close();
            if (sdk != null) {
                sdk.close();
            }
        }
    }

    @Benchmark
    public Object get(Target t) {
        return t.current.store.get(t.current.nextKey()).orElseThrow();
    }

    @Benchmark
    public Object put(Target t) {
        return t.current.store.put(t.current.nextKey(), StateValue.json(DOC));
    }

    /** get on {@link MemoryStore}: the difference observed minus plain is what the decorator adds to a call. */
    @Benchmark
    public Object decoratorOnly(Target t) {
        return t.current.memory.get(t.current.nextKey()).orElseThrow();
    }

    @Benchmark
    public Object workflow(Target t) throws InterruptedException {
        Side side = t.current;
        String id = "run-" + side.runs++;
        side.skystate.workflows().start("seq3", id, Map.of("n", 1));
        WorkflowRun run = side.skystate.workflows().await(id, Duration.ofSeconds(30));
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("run " + id + " ended " + run.status());
        }
        return run;
    }

    /** An exporter that drops what it gets: the cost measured is making and handing over spans, not shipping them. */
    static final class Discarding implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
