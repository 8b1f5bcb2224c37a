package io.skystate.gcpworkflows;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of a {@link WorkflowsRunner}: the loopback address and port of its API server (port 0 picks a free one),
 * the project and location its resource names use, how many executions run at once, extra variables for
 * {@code sys.get_env}, and a sink that sees every log entry as it is written. Immutable; build with
 * {@link #builder()}.
 */
public final class RunnerOptions {
    private final String bindAddress;
    private final int port;
    private final String projectId;
    private final String location;
    private final int executionThreads;
    private final Map<String, String> environment;
    private final Consumer<LogEntry> logSink;

    private RunnerOptions(Builder builder) {
        this.bindAddress = builder.bindAddress;
        this.port = builder.port;
        this.projectId = builder.projectId;
        this.location = builder.location;
        this.executionThreads = builder.executionThreads;
        this.environment = Map.copyOf(builder.environment);
        this.logSink = builder.logSink;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bindAddress() {
        return bindAddress;
    }

    public int port() {
        return port;
    }

    public String projectId() {
        return projectId;
    }

    public String location() {
        return location;
    }

    public int executionThreads() {
        return executionThreads;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Consumer<LogEntry> logSink() {
        return logSink;
    }

    /** Builds {@link RunnerOptions}; defaults: 127.0.0.1, port 0, project {@code local-project}, us-central1, 4. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port;
        private String projectId = "local-project";
        private String location = "us-central1";
        private int executionThreads = 4;
        private Map<String, String> environment = Map.of();
        private Consumer<LogEntry> logSink = entry -> { };

        private Builder() {
        }

        public Builder bindAddress(String value) {
            this.bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0-65535: " + value);
            }
            this.port = value;
            return this;
        }

        public Builder projectId(String value) {
            this.projectId = Objects.requireNonNull(value, "projectId");
            return this;
        }

        public Builder location(String value) {
            this.location = Objects.requireNonNull(value, "location");
            return this;
        }

        public Builder executionThreads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("executionThreads must be at least 1: " + value);
            }
            this.executionThreads = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(value);
            return this;
        }

        public Builder logSink(Consumer<LogEntry> value) {
            this.logSink = Objects.requireNonNull(value, "logSink");
            return this;
        }

        public RunnerOptions build() {
            return new RunnerOptions(this);
        }
    }
}
