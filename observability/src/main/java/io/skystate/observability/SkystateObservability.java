package io.skystate.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.skystate.api.Skystate;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.observability.internal.ObservedSkystate;
import io.skystate.observability.internal.Settings;
import io.skystate.observability.internal.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Metrics and traces for any {@link Skystate}, on every adapter, by decoration: {@link #wrap} returns an instance
 * whose state stores, queues, callbacks, handlers and workflows record Micrometer meters ({@link SkystateMeters}) and
 * OpenTelemetry spans ({@link SkystateSpans}), and whose behaviour is otherwise the wrapped instance's. <b>Off by
 * default, at no cost:</b> with neither a registry nor an OpenTelemetry configured, {@link #wrap} returns the very
 * instance it was given.
 *
 * <pre>{@code
 * Skystate skystate = SkystateObservability.builder()
 *         .meterRegistry(registry)           // Micrometer meters
 *         .openTelemetry(openTelemetry)      // OpenTelemetry spans, W3C context propagation
 *         .build()
 *         .wrap(Skystate.open(config));
 * }</pre>
 *
 * <p>Wrap every instance of the application the same way, where it is opened: in the process that starts runs and
 * in the handlers' {@link io.skystate.api.handler.HandlerModule#configure}, which on a cloud entry point receives the
 * entry point's instance. Register handlers and workflows on the wrapped instance. To carry a run's trace to the
 * processes that run its steps, and a callback's from creation to resolution, the observed instance keeps small
 * records in a state store of its own ({@link Builder#contextStore}); all instances of one application must name
 * the same store. Immutable and thread-safe; one configuration can wrap any number of instances.
 */
public final class SkystateObservability {
    /** The environment variable {@link #fromEnvironment} reads: {@code metrics}, {@code traces}, both (comma-separated) or {@code off}. */
    public static final String ENVIRONMENT_VARIABLE = "SKYSTATE_OBSERVABILITY";
    /** The default name of the observability store. */
    public static final String DEFAULT_CONTEXT_STORE = "skystate-telemetry";
    /** How long a run's record lives by default: runs longer than this lose the link from their steps to their start. */
    public static final Duration DEFAULT_CONTEXT_TTL = Duration.ofDays(30);

    private final MeterRegistry registry;
    private final OpenTelemetry openTelemetry;
    private final Settings settings;
    private final Clock clock;

    private SkystateObservability(Builder b) {
        this.registry = b.registry;
        this.openTelemetry = b.openTelemetry;
        this.settings = new Settings(b.contextStore, b.contextTtl, Optional.ofNullable(b.runSampling));
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Nothing configured: {@link #wrap} returns its argument. */
    public static SkystateObservability off() {
        return builder().build();
    }

    /**
     * The configuration {@code environment} asks for with {@value #ENVIRONMENT_VARIABLE}: {@code metrics} records into
     * Micrometer's global registry ({@link Metrics#globalRegistry}), {@code traces} into
     * {@link GlobalOpenTelemetry}; absent, empty or {@code off} is {@link #off()}. For entry points whose only
     * configuration is the environment, e.g. {@code fromEnvironment(System.getenv()).wrap(skystate)} in a
     * {@code HandlerModule}.
     */
    public static SkystateObservability fromEnvironment(Map<String, String> environment) {
        String value = environment.getOrDefault(ENVIRONMENT_VARIABLE, "");
        Set<String> wanted = Arrays.stream(value.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty() && !s.equals("off")).collect(Collectors.toSet());
        Builder builder = builder();
        for (String signal : wanted) {
            switch (signal) {
                case "metrics" -> builder.meterRegistry(Metrics.globalRegistry);
                case "traces" -> builder.openTelemetry(GlobalOpenTelemetry.get());
                default -> throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " takes metrics, traces or off,"
                        + " comma-separated; not '" + signal + "'");
            }
        }
        return builder.build();
    }

    /** Whether {@link #wrap} observes anything. */
    public boolean enabled() {
        return registry != null || openTelemetry != null;
    }

    /**
     * {@code skystate} observed as configured; {@code skystate} itself when nothing is configured or when it is
     * observed already. Closing the result closes {@code skystate}.
     */
    public Skystate wrap(Skystate skystate) {
        Objects.requireNonNull(skystate, "skystate");
        if (!enabled() || skystate instanceof ObservedSkystate) {
            return skystate;
        }
        return new ObservedSkystate(skystate, new Telemetry(registry, openTelemetry, clock), settings);
    }

    /**
     * The trace context a received message was sent in, for a consumer that wants its processing in the producer's
     * trace ({@code Span.fromContext(...)} as parent or link). The propagation attributes themselves are taken out
     * of received messages. Empty unless {@code skystate} is observed, received {@code message}, has not acknowledged
     * it yet, and the sender was traced.
     */
    public static Optional<Context> messageContext(Skystate skystate, ReceivedMessage message) {
        return skystate.unwrap(ObservedSkystate.class).flatMap(observed -> observed.messageContext(message));
    }

    /** Not thread-safe. */
    public static final class Builder {
        private MeterRegistry registry;
        private OpenTelemetry openTelemetry;
        private String contextStore = DEFAULT_CONTEXT_STORE;
        private Duration contextTtl = DEFAULT_CONTEXT_TTL;
        private Duration runSampling;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Record meters here. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Make spans with this OpenTelemetry's tracer provider; contexts travel in W3C trace-context format. */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** The state store that holds run and callback records (default {@value SkystateObservability#DEFAULT_CONTEXT_STORE}). */
        public Builder contextStore(String name) {
            this.contextStore = Skystate.validateName("store", name);
            return this;
        }

        /** How long a run's record lives (default 30 days). */
        public Builder contextTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("the context time-to-live must be positive: " + ttl);
            }
            this.contextTtl = ttl;
            return this;
        }

        /**
         * Sample the number of RUNNING runs every {@code period} into {@link SkystateMeters#WORKFLOW_RUNS_RUNNING}
         * (needs a meter registry). Each sample lists the runs, one call per 100 running runs: choose a period that
         * the engine's listing API can afford, e.g. a minute. Off by default.
         */
        public Builder sampleRunningRuns(Duration period) {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("the sampling period must be positive: " + period);
            }
            this.runSampling = period;
            return this;
        }

        /** The clock of creation and resolution times (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SkystateObservability build() {
            return new SkystateObservability(this);
        }
    }
}
