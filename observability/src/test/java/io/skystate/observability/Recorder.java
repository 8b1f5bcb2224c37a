package io.skystate.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.skystate.api.Skystate;
import java.util.List;

/** A meter registry and an OpenTelemetry SDK that keeps finished spans in memory, for the tests. */
final class Recorder implements AutoCloseable {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();

    SkystateObservability observability() {
        return SkystateObservability.builder().meterRegistry(registry).openTelemetry(openTelemetry).build();
    }

    Skystate observe(Skystate skystate) {
        return observability().wrap(skystate);
    }

    /** A tracer for the tests' own spans. */
    Tracer tracer() {
        return openTelemetry.getTracer("test");
    }

    /** Something a test does inside a span of its own. */
    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} inside a span of the test's own, current for its duration; returns the ended span. */
    Span within(String name, Body body) throws Exception {
        Span span = tracer().spanBuilder(name).startSpan();
        Scope scope = span.makeCurrent();
        try {
            body.run();
        } finally {
            scope.close();
            span.end();
        }
        return span;
    }

    List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    SpanData span(String name) {
        return finished().stream().filter(s -> s.getName().equals(name)).reduce((a, b) -> {
            throw new AssertionError("more than one span named " + name + ": " + finished());
        }).orElseThrow(() -> new AssertionError("no span named " + name + " among " + names()));
    }

    List<String> names() {
        return finished().stream().map(SpanData::getName).toList();
    }

    /** The count of the timer with these tags, 0 if it does not exist. */
    long timerCount(String name, String... tags) {
        Timer timer = registry.find(name).tags(tags).timer();
        return timer == null ? 0 : timer.count();
    }

    /** The sum of every counter of this name with these tags. */
    double counted(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Override
    public void close() {
        openTelemetry.close();
    }
}
