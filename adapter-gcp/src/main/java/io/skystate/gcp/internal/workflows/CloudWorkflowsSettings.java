package io.skystate.gcp.internal.workflows;

import io.skystate.api.WorkflowWorkers;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the Cloud Workflows engine runs: the project and location of its workflows, the base URL of the
 * deployed HTTP function that serves the task endpoint and the callback relay, a prefix for workflow ids, the
 * Workflows API endpoint (empty: Google's, with application default credentials; set: an HTTP/JSON endpoint without
 * credentials, such as Skystate's Workflows runner), how the relay authenticates to callback endpoints, the service
 * account workflows run as, how often the engine's sweeper runs (zero: never; call
 * {@link CloudWorkflowsEngine#sweep()} from a scheduler instead), and whether this instance runs steps
 * ({@link WorkflowWorkers}). Immutable; build with {@link #builder}.
 */
public final class CloudWorkflowsSettings {
    private final String projectId;
    private final String location;
    private final URI functionBaseUrl;
    private final String workflowIdPrefix;
    private final Optional<String> apiEndpoint;
    private final RelayAuth relayAuth;
    private final Optional<String> serviceAccount;
    private final Duration sweepInterval;
    private final WorkflowWorkers workers;

    private CloudWorkflowsSettings(Builder b) {
        this.projectId = Objects.requireNonNull(b.projectId, "projectId");
        this.location = Objects.requireNonNull(b.location, "location");
        this.functionBaseUrl = URI.create(Objects.requireNonNull(b.functionBaseUrl, "functionBaseUrl").toString()
                .replaceAll("/+$", ""));
        this.workflowIdPrefix = b.workflowIdPrefix;
        this.apiEndpoint = Optional.ofNullable(b.apiEndpoint);
        this.relayAuth = b.relayAuth != null ? b.relayAuth : b.apiEndpoint != null ? RelayAuth.NONE : RelayAuth.google();
        this.serviceAccount = Optional.ofNullable(b.serviceAccount);
        this.sweepInterval = b.sweepInterval;
        this.workers = b.workers;
    }

    public static Builder builder(String projectId, String location, URI functionBaseUrl) {
        return new Builder(projectId, location, functionBaseUrl);
    }

    public String projectId() {
        return projectId;
    }

    public String location() {
        return location;
    }

    /** {@code projects/<project>/locations/<location>}. */
    public String parent() {
        return "projects/" + projectId + "/locations/" + location;
    }

    /** The function's base URL, without a trailing slash. */
    public URI functionBaseUrl() {
        return functionBaseUrl;
    }

    public String workflowIdPrefix() {
        return workflowIdPrefix;
    }

    public Optional<String> apiEndpoint() {
        return apiEndpoint;
    }

    public RelayAuth relayAuth() {
        return relayAuth;
    }

    public Optional<String> serviceAccount() {
        return serviceAccount;
    }

    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** ON: the task endpoint runs steps and the sweeper runs; OFF: this instance only operates runs. */
    public WorkflowWorkers workers() {
        return workers;
    }

    /** Collects settings; not thread-safe. Defaults: prefix {@code skystate-}, Google's API, sweep every second, workers on. */
    public static final class Builder {
        private final String projectId;
        private final String location;
        private final URI functionBaseUrl;
        private String workflowIdPrefix = "skystate-";
        private String apiEndpoint;
        private RelayAuth relayAuth;
        private String serviceAccount;
        private Duration sweepInterval = Duration.ofSeconds(1);
        private WorkflowWorkers workers = WorkflowWorkers.ON;

        private Builder(String projectId, String location, URI functionBaseUrl) {
            this.projectId = projectId;
            this.location = location;
            this.functionBaseUrl = functionBaseUrl;
        }

        /** Workflow ids are {@code <prefix><workflow name>-v<version>}. */
        public Builder workflowIdPrefix(String prefix) {
            this.workflowIdPrefix = Objects.requireNonNull(prefix);
            return this;
        }

        /** An HTTP/JSON endpoint such as {@code http://127.0.0.1:8089} (Skystate's Workflows runner), no credentials. */
        public Builder apiEndpoint(String endpoint) {
            this.apiEndpoint = Objects.requireNonNull(endpoint);
            return this;
        }

        public Builder relayAuth(RelayAuth auth) {
            this.relayAuth = Objects.requireNonNull(auth);
            return this;
        }

        /** The service account deployed workflows run as (it needs permission to invoke the function). */
        public Builder serviceAccount(String email) {
            this.serviceAccount = Objects.requireNonNull(email);
            return this;
        }

        public Builder sweepInterval(Duration interval) {
            this.sweepInterval = Objects.requireNonNull(interval);
            return this;
        }

        /** Whether this instance runs steps (default {@link WorkflowWorkers#ON}). */
        public Builder workers(WorkflowWorkers workers) {
            this.workers = Objects.requireNonNull(workers);
            return this;
        }

        public CloudWorkflowsSettings build() {
            return new CloudWorkflowsSettings(this);
        }
    }
}
