package io.skystate.observability;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The OpenTelemetry spans an observed {@link io.skystate.api.Skystate} creates and their attributes. Span names are
 * {@code <area>.<operation> <name>} with a bounded name (store, queue, handler, workflow), e.g.
 * {@code state.put orders}, {@code handler reserveInventory}, {@code workflow.start order-saga}; ids are
 * attributes. A failed call sets the span's status to ERROR, records the exception and sets {@link #ERROR_CODE}.
 */
public final class SkystateSpans {
    /** The instrumentation scope name of the tracer. */
    public static final String INSTRUMENTATION_SCOPE = "io.skystate.observability";

    public static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("skystate.provider");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("skystate.operation");
    public static final AttributeKey<String> STORE = AttributeKey.stringKey("skystate.store");
    public static final AttributeKey<String> QUEUE = AttributeKey.stringKey("skystate.queue");
    public static final AttributeKey<String> HANDLER = AttributeKey.stringKey("skystate.handler");
    public static final AttributeKey<String> INVOCATION_ID = AttributeKey.stringKey("skystate.invocation.id");
    public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("skystate.attempt");
    public static final AttributeKey<String> WORKFLOW = AttributeKey.stringKey("skystate.workflow");
    /** The run (workflow instance) id, on workflow spans and on handler spans of workflow steps. */
    public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("skystate.run.id");
    public static final AttributeKey<String> STEP_PATH = AttributeKey.stringKey("skystate.step.path");
    public static final AttributeKey<String> STEP_KIND = AttributeKey.stringKey("skystate.step.kind");
    public static final AttributeKey<String> CALLBACK_ID = AttributeKey.stringKey("skystate.callback.id");
    public static final AttributeKey<Long> MESSAGE_COUNT = AttributeKey.longKey("skystate.message.count");
    /** On {@code queue.send}: whether the message carries the trace context (false when it would exceed the size cap). */
    public static final AttributeKey<Boolean> TRACE_INJECTED = AttributeKey.booleanKey("skystate.trace.injected");
    /**
     * On a failed call: {@link io.skystate.api.SkystateException#code()}, a
     * {@link io.skystate.api.workflow.StepFailure#errorType()}, or the exception's simple class name.
     */
    public static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("skystate.error.code");

    private SkystateSpans() {
    }
}
