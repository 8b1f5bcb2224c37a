package io.skystate.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowWorkers;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.local.LocalSkystate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local adapter as adapter-local's own binding opens it, every instance wrapped with metrics and traces on (a
 * real registry, an SDK tracer whose exporter counts spans): the suites must pass unchanged.
 */
final class ObservedLocalTarget implements ConformanceTarget {
    private static final Path DURABLE_ROOT = Path.of("target", "conformance-durable");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AtomicLong exportedSpans = new AtomicLong();
    private final SkystateObservability observability;
    private final Map<Skystate, Path> durableFiles = Collections.synchronizedMap(new IdentityHashMap<>());

    ObservedLocalTarget() {
        SpanExporter counting = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exportedSpans.addAndGet(spans.size());
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
        };
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(
                SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(counting)).build()).build();
        this.observability = SkystateObservability.builder().meterRegistry(registry).openTelemetry(sdk).build();
    }

    @Override
    public String adapterId() {
        return "local-observed";
    }

    @Override
    public Skystate open() {
        return observability.wrap(LocalSkystate.inMemory());
    }

    @Override
    public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
        return observability.wrap(LocalSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys).build());
    }

    /** Observer mode (workers off) through the decorator: an observed operator instance runs no steps either. */
    @Override
    public Skystate openOperator() {
        return observability.wrap(LocalSkystate.builder().workflowWorkers(WorkflowWorkers.OFF).build());
    }

    @Override
    public Skystate openDurable() {
        try {
            Files.createDirectories(DURABLE_ROOT);
            return openFile(Files.createTempDirectory(DURABLE_ROOT, "run-").resolve("skystate.db"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for a durable instance", e);
        }
    }

    @Override
    public Skystate reopen(Skystate previous) {
        Path file = durableFiles.remove(previous);
        if (file == null) {
            throw new IllegalArgumentException("reopen takes an instance from openDurable() or reopen()");
        }
        previous.close();
        return openFile(file);
    }

    private Skystate openFile(Path file) {
        Skystate skystate = observability.wrap(LocalSkystate.builder().file(file).build());
        durableFiles.put(skystate, file);
        return skystate;
    }

    @Override
    public Gaps gaps() {
        return Gaps.none();
    }
}
