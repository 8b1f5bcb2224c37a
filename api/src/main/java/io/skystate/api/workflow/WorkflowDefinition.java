package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named, versioned workflow: a start step, its steps by name, and an optional timeout for the whole run.
 * Build in Java with {@link #builder(String, int)} or parse a JSON/YAML document with core's
 * {@code WorkflowDocuments}. Construction checks only structure; the engine validates the whole definition
 * (reporting every problem at once) when it is registered. Immutable.
 */
public record WorkflowDefinition(String name, int version, String startAt, Map<String, Step> steps,
        Optional<Duration> timeout) {
    public WorkflowDefinition {
        Arguments.notNull(name, "name");
        if (startAt == null) {
            throw new InvalidWorkflowException("skystate", name, List.of("the workflow has no start step: call"
                    + " startAt(\"<step name>\") on the builder, or set \"startAt\" in the document"));
        }
        Arguments.notNull(timeout, "timeout");
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    public static Builder builder(String name, int version) {
        return new Builder(name, version);
    }

    /** Collects steps in order; not thread-safe. */
    public static final class Builder extends StepCollector<Builder> {
        private final String name;
        private final int version;
        private Duration timeout;

        private Builder(String name, int version) {
            this.name = name;
            this.version = version;
        }

        /** The whole run fails with {@link WorkflowErrors#TIMEOUT} when it takes longer than this. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public WorkflowDefinition build() {
            return new WorkflowDefinition(name, version, startAt, steps, Optional.ofNullable(timeout));
        }
    }
}
