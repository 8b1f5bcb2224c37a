package io.skystate.observability.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.noop.NoopCounter;
import io.micrometer.core.instrument.noop.NoopTimer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.skystate.observability.SkystateMeters;
import io.skystate.observability.SkystateSpans;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the decorators record: a Micrometer registry and an OpenTelemetry tracer, either of which may be absent
 * (its meters are then no-ops and no spans are made), the W3C trace-context propagator that carries contexts
 * through queue attributes and the observability store, and the clock. Immutable and thread-safe.
 */
public final class Telemetry {
    private static final System.Logger LOG = System.getLogger("io.skystate.observability");
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        /** Abstract up to OpenTelemetry 1.51 at least (adapter-gcp brings 1.51.0), deprecated with a default in 1.68. */
        @Override
        @SuppressWarnings("deprecation")
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final MeterRegistry registry;
    private final Tracer tracer;
    private final Clock clock;

    /** {@code registry} or {@code openTelemetry} may be null (that signal off), not both. */
    public Telemetry(MeterRegistry registry, OpenTelemetry openTelemetry, Clock clock) {
        if (registry == null && openTelemetry == null) {
            throw new IllegalArgumentException("telemetry needs a meter registry, an OpenTelemetry, or both");
        }
        this.registry = registry;
        this.tracer = openTelemetry == null ? null : openTelemetry.getTracer(SkystateSpans.INSTRUMENTATION_SCOPE);
        this.clock = clock;
    }

    boolean metrics() {
        return registry != null;
    }

    boolean tracing() {
        return tracer != null;
    }

    MeterRegistry registry() {
        return registry;
    }

    Clock clock() {
        return clock;
    }

    /** One observed operation: {@code meter} timed with {@code tags} plus {@code outcome}, and a span. */
    Operation operation(String meter, Tags tags, String spanName, SpanKind kind, Attributes attributes) {
        return new Operation(this, meter, tags, spanName, kind, attributes);
    }

    Timer timer(String name, Tags tags) {
        return registry == null ? new NoopTimer(new Meter.Id(name, tags, null, null, Meter.Type.TIMER))
                : Timer.builder(name).tags(tags).register(registry);
    }

    Counter counter(String name, Tags tags) {
        return registry == null ? new NoopCounter(new Meter.Id(name, tags, null, null, Meter.Type.COUNTER))
                : Counter.builder(name).tags(tags).register(registry);
    }

    /**
     * The span an observed call runs in: the current span when tracing is on, else the invalid span, so that a
     * decorator never writes to a span the application made with its own tracer.
     */
    Span currentSpan() {
        return tracer == null ? Span.getInvalid() : Span.current();
    }

    /** The context a run or callback record carries: the current one when tracing is on, else the root. */
    Context currentContext() {
        return tracer == null ? Context.root() : Context.current();
    }

    /** A started span, or null when tracing is off. */
    Span startSpan(String name, SpanKind kind, Context parent, Attributes attributes) {
        if (tracer == null) {
            return null;
        }
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).setAllAttributes(attributes).startSpan();
    }

    /** The W3C {@code traceparent} (and {@code tracestate}) of {@code context}; empty when it holds no valid span. */
    static Map<String, String> inject(Context context) {
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(context, carrier, (map, key, value) -> map.put(key, value));
        return carrier;
    }

    /** The remote span context in {@code carrier}, under the root context; the root context when there is none. */
    static Context extract(Map<String, String> carrier) {
        return W3C.extract(Context.root(), carrier, MAP_GETTER);
    }

    /** Notes that the observability layer's own call {@code operation} failed; the application's call goes on. */
    void failed(String operation, RuntimeException e) {
        counter(SkystateMeters.OBSERVABILITY_FAILURES, Tags.of("operation", operation)).increment();
        LOG.log(System.Logger.Level.DEBUG, () -> "skystate observability: " + operation + " failed: " + e);
    }
}
