package io.skystate.observability.internal;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.skystate.observability.SkystateMeters;
import io.skystate.observability.SkystateSpans;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * One kind of call, observed: times it into a timer tagged with its outcome and, when tracing, runs it inside a span
 * made current for its duration. The call's result and exception pass through unchanged. Thread-safe.
 */
final class Operation {
    private final Telemetry telemetry;
    private final String meter;
    private final Tags tags;
    private final Timer ok;
    private final ConcurrentMap<String, Timer> failed = new ConcurrentHashMap<>();
    private final String spanName;
    private final SpanKind kind;
    private final Attributes attributes;

    Operation(Telemetry telemetry, String meter, Tags tags, String spanName, SpanKind kind, Attributes attributes) {
        this.telemetry = telemetry;
        this.meter = meter;
        this.tags = tags;
        this.ok = telemetry.timer(meter, tags.and("outcome", SkystateMeters.OK));
        this.spanName = spanName;
        this.kind = kind;
        this.attributes = attributes;
    }

    /** Runs {@code body} in a span that is a child of the current context. */
    <T, E extends Exception> T call(Call<T, E> body) throws E {
        return call(telemetry.currentContext(), Attributes.empty(), body);
    }

    /** Runs {@code body} in a span that is a child of {@code parent} (unused when tracing is off), with {@code extra} attributes. */
    <T, E extends Exception> T call(Context parent, Attributes extra, Call<T, E> body) throws E {
        long start = System.nanoTime();
        Span span = telemetry.tracing() ? startSpan(parent, extra) : null;
        Scope scope = span == null ? null : parent.with(span).makeCurrent();
        try {
            T result = body.call();
            ok.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (Exception | Error e) {
            String outcome = Outcomes.of(e);
            failed.computeIfAbsent(outcome, code -> telemetry.timer(meter, tags.and("outcome", code)))
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (span != null) {
                span.setStatus(StatusCode.ERROR, outcome);
                span.setAttribute(SkystateSpans.ERROR_CODE, outcome);
                span.recordException(e);
            }
            throw e;
        } finally {
            if (span != null) {
                scope.close();
                span.end();
            }
        }
    }

    private Span startSpan(Context parent, Attributes extra) {
        Attributes all = extra.isEmpty() ? attributes : attributes.toBuilder().putAll(extra).build();
        return telemetry.startSpan(spanName, kind, parent, all);
    }
}
