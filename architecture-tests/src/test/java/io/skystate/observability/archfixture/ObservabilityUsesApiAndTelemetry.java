// Compliant fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.observability.archfixture;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.skystate.api.Skystate;

/** Satisfies OBSERVABILITY_DECORATES_THE_PORTABLE_API_ONLY: the API, Micrometer and OpenTelemetry. */
public class ObservabilityUsesApiAndTelemetry {
    public String describe(Skystate skystate, MeterRegistry registry, Span span) {
        return skystate.provider() + registry.getMeters().size() + span.getSpanContext().getTraceId();
    }
}
