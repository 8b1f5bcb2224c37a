package io.skystate.observability.internal;

import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.skystate.api.Codec;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackOutcome;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.callback.Callbacks;
import io.skystate.observability.SkystateMeters;
import io.skystate.observability.SkystateSpans;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link Callbacks} that time every call and carry the trace context from a callback's creation to its resolution:
 * {@code callback.create} stores its context ({@link CallbackContexts}); {@code callback.complete}, {@code .fail} and
 * {@code .heartbeat} are children of that context (linked to the resolving side's own span), so one trace holds
 * both ends, also when they run in different processes. The wait (creation to resolution) is recorded once per
 * callback ({@link SkystateMeters#CALLBACK_WAIT}) by the first observed call that sees it resolved: complete or fail,
 * or an outcome or await that returns a resolved state (the only way a timeout is seen). Thread-safe.
 */
final class ObservedCallbacks implements Callbacks {
    private final Callbacks delegate;
    private final Telemetry telemetry;
    private final CallbackContexts contexts;
    private final Operation create;
    private final Operation complete;
    private final Operation fail;
    private final Operation heartbeat;
    private final Operation outcome;
    private final Operation await;

    ObservedCallbacks(Callbacks delegate, Telemetry telemetry, CallbackContexts contexts, String provider) {
        this.delegate = delegate;
        this.telemetry = telemetry;
        this.contexts = contexts;
        this.create = operation(provider, "create");
        this.complete = operation(provider, "complete");
        this.fail = operation(provider, "fail");
        this.heartbeat = operation(provider, "heartbeat");
        this.outcome = operation(provider, "outcome");
        this.await = operation(provider, "await");
    }

    private Operation operation(String provider, String name) {
        return telemetry.operation(SkystateMeters.CALLBACK_OPERATIONS, Tags.of("operation", name), "callback." + name,
                SpanKind.INTERNAL, Attributes.of(SkystateSpans.OPERATION, name, SkystateSpans.PROVIDER, provider));
    }

    @Override
    public CallbackHandle create(CallbackRequest request) {
        return create.call(() -> {
            CallbackHandle handle = delegate.create(request);
            telemetry.currentSpan().setAttribute(SkystateSpans.CALLBACK_ID, handle.id());
            contexts.remember(handle, request.timeout(), telemetry.currentContext());
            return handle;
        });
    }

    @Override
    public void complete(String token, byte[] resultJson) {
        resolve(complete, token, CallbackStatus.COMPLETED, () -> delegate.complete(token, resultJson));
    }

    @Override
    public void fail(String token, String errorType, String errorMessage) {
        resolve(fail, token, CallbackStatus.FAILED, () -> delegate.fail(token, errorType, errorMessage));
    }

    @Override
    public void heartbeat(String token) {
        resolve(heartbeat, token, null, () -> delegate.heartbeat(token));
    }

    /** Runs {@code body} in a span under the creation's context; records the wait if {@code status} is set. */
    private void resolve(Operation operation, String token, CallbackStatus status, Runnable body) {
        Optional<CallbackContexts.Created> created = contexts.byToken(token);
        SpanContext resolver = telemetry.currentSpan().getSpanContext();
        Context parent = created.map(CallbackContexts.Created::context).orElse(telemetry.currentContext());
        Attributes attributes = created.map(c -> Attributes.of(SkystateSpans.CALLBACK_ID, c.callbackId()))
                .orElse(Attributes.empty());
        operation.call(parent, attributes, () -> {
            if (resolver.isValid() && created.isPresent()) {
                telemetry.currentSpan().addLink(resolver);
            }
            body.run();
            if (status != null) {
                created.ifPresent(c -> recordWait(c.callbackId(), status, telemetry.clock().instant()));
            }
            return null;
        });
    }

    @Override
    public CallbackOutcome outcome(String callbackId) {
        return outcome.call(telemetry.currentContext(), Attributes.of(SkystateSpans.CALLBACK_ID, callbackId),
                () -> observed(delegate.outcome(callbackId)));
    }

    @Override
    public CallbackOutcome await(String callbackId, Duration maxWait) throws InterruptedException {
        return await.call(telemetry.currentContext(), Attributes.of(SkystateSpans.CALLBACK_ID, callbackId),
                () -> observed(delegate.await(callbackId, maxWait)));
    }

    private CallbackOutcome observed(CallbackOutcome result) {
        if (result.status().resolved()) {
            recordWait(result.id(), result.status(), result.resolvedAt().orElse(telemetry.clock().instant()));
        }
        return result;
    }

    private void recordWait(String callbackId, CallbackStatus status, Instant resolvedAt) {
        contexts.claimResolution(callbackId).ifPresent(createdAt -> telemetry
                .timer(SkystateMeters.CALLBACK_WAIT, Tags.of("status", status.name().toLowerCase(Locale.ROOT)))
                .record(Duration.between(createdAt, resolvedAt)));
    }

    @Override
    public Codec codec() {
        return delegate.codec();
    }
}
