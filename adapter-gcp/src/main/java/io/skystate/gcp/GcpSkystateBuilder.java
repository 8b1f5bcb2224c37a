package io.skystate.gcp;

import com.google.api.gax.core.CredentialsProvider;
import io.grpc.ClientInterceptor;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.KeyRing;
import io.skystate.core.crypto.AesKeyWrapping;
import io.skystate.core.crypto.KeyWrapping;
import io.skystate.gcp.internal.kms.CloudKmsKeyWrapping;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of a {@link GcpSkystate}. Defaults: Firestore database {@code (default)}, resource names prefixed
 * {@code skystate-}, topics and subscriptions created on first use, application default credentials, no HTTP
 * endpoints (set {@link #httpBaseUrl} to the URL of the deployed {@code SkystateHttpFunction} for callback URLs;
 * handler endpoints also need {@link #handlerEndpoints}). A project is required. Not thread-safe.
 */
public final class GcpSkystateBuilder {
    String project;
    String database = "(default)";
    String firestoreEmulator;
    String pubSubEmulator;
    String prefix = "skystate-";
    boolean createResources = true;
    URI httpBaseUrl;
    boolean handlerEndpoints;
    String kmsKey;
    byte[] keyEncryptionKey;
    KeyRing callbackKeys;
    KeyRing sessionKeys;
    Clock clock = Clock.systemUTC();
    WorkflowPortability workflowPortability = WorkflowPortability.PORTABLE;
    WorkflowWorkers workflowWorkers = WorkflowWorkers.ON;
    final List<ClientInterceptor> interceptors = new ArrayList<>();
    CredentialsProvider credentials;
    String workflowsLocation;
    String workflowsEndpoint;
    String workflowServiceAccount;
    Duration workflowSweepInterval = Duration.ofSeconds(1);

    GcpSkystateBuilder() {
    }

    /**
     * The Cloud KMS crypto key ({@code projects/P/locations/L/keyRings/R/cryptoKeys/K}) that wraps the key rings
     * Skystate generates and stores when none are configured. Production deployments set this (or configure rings).
     */
    public GcpSkystateBuilder kmsKey(String cryptoKeyName) {
        this.kmsKey = Objects.requireNonNull(cryptoKeyName);
        return this;
    }

    /**
     * A key-encryption key (at least 32 bytes) to wrap generated key rings with, for emulators and deployments
     * without Cloud KMS: the rings are then only as safe as this key.
     */
    public GcpSkystateBuilder keyEncryptionKey(byte[] key) {
        this.keyEncryptionKey = key.clone();
        return this;
    }

    /** How generated rings are wrapped: Cloud KMS if configured, else the given key-encryption key. */
    KeyWrapping keyWrapping() {
        if (kmsKey != null) {
            return new CloudKmsKeyWrapping(kmsKey);
        }
        if (keyEncryptionKey != null) {
            return new AesKeyWrapping("configured", keyEncryptionKey);
        }
        throw new InvalidRequestException("gcp", "Skystate generates and stores key rings only wrapped: set"
                + " gcp.kms.key (a Cloud KMS crypto key), or configure callbackKeys and sessionKeys explicitly");
    }

    public GcpSkystateBuilder project(String project) {
        this.project = Objects.requireNonNull(project);
        return this;
    }

    /** The Firestore database id; {@code (default)} unless set. */
    public GcpSkystateBuilder database(String database) {
        this.database = Objects.requireNonNull(database);
        return this;
    }

    /** Sends Firestore calls to an emulator at {@code host:port} (plaintext gRPC). */
    public GcpSkystateBuilder firestoreEmulator(String hostPort) {
        this.firestoreEmulator = hostPort;
        return this;
    }

    /** Sends Pub/Sub calls to an emulator at {@code host:port} (plaintext gRPC, no credentials). */
    public GcpSkystateBuilder pubSubEmulator(String hostPort) {
        this.pubSubEmulator = hostPort;
        return this;
    }

    /** Prefix of every collection, topic and subscription name (lets several apps or test runs share a project). */
    public GcpSkystateBuilder prefix(String prefix) {
        this.prefix = Objects.requireNonNull(prefix);
        return this;
    }

    /** Whether to create missing topics and subscriptions (off when the deploy commands own them). */
    public GcpSkystateBuilder createResources(boolean create) {
        this.createResources = create;
        return this;
    }

    /** Base URL under which the deployed {@code SkystateHttpFunction} serves callbacks (and handlers, if enabled). */
    public GcpSkystateBuilder httpBaseUrl(URI base) {
        this.httpBaseUrl = base;
        return this;
    }

    /** Serve registered handlers over HTTP at {@code <base>/skystate/handlers/<name>}; off by default. */
    public GcpSkystateBuilder handlerEndpoints(boolean enabled) {
        this.handlerEndpoints = enabled;
        return this;
    }

    public GcpSkystateBuilder callbackKeys(KeyRing keys) {
        this.callbackKeys = keys;
        return this;
    }

    public GcpSkystateBuilder sessionKeys(KeyRing keys) {
        this.sessionKeys = keys;
        return this;
    }

    public GcpSkystateBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /**
     * The Cloud Workflows region workflows are deployed to and run in; with {@link #httpBaseUrl} (the function the
     * workflows call) it turns workflows on.
     */
    public GcpSkystateBuilder workflowsLocation(String location) {
        this.workflowsLocation = Objects.requireNonNull(location);
        return this;
    }

    /**
     * Sends Workflows and Executions API calls to an HTTP/JSON endpoint without credentials, such as Skystate's
     * Workflows runner ({@code http://127.0.0.1:8089}); Google's API with application default credentials otherwise.
     */
    public GcpSkystateBuilder workflowsEndpoint(String endpoint) {
        this.workflowsEndpoint = Objects.requireNonNull(endpoint);
        return this;
    }

    /** The service account deployed workflows run as; it must be allowed to invoke the function. */
    public GcpSkystateBuilder workflowServiceAccount(String email) {
        this.workflowServiceAccount = Objects.requireNonNull(email);
        return this;
    }

    /**
     * How often the workflow engine's sweeper times out overdue runs and relays timed-out callbacks (default 1 s;
     * zero: never, when Cloud Scheduler calls {@code POST /skystate/workflow-tasks/sweep} instead).
     */
    public GcpSkystateBuilder workflowSweepInterval(Duration interval) {
        this.workflowSweepInterval = Objects.requireNonNull(interval);
        return this;
    }

    /** Which workflow definitions to accept. */
    public GcpSkystateBuilder workflowPortability(WorkflowPortability portability) {
        this.workflowPortability = Objects.requireNonNull(portability);
        return this;
    }

    /**
     * Whether this instance runs workflow steps ({@link WorkflowWorkers#ON}, the default: its function serves the
     * steps Cloud Workflows calls, and its sweeper runs) or only operates runs ({@link WorkflowWorkers#OFF}: for
     * operator tools and processes without the application's handlers; the deployed function runs the steps).
     */
    public GcpSkystateBuilder workflowWorkers(WorkflowWorkers workers) {
        this.workflowWorkers = io.skystate.api.Arguments.notNull(workers, "workers");
        return this;
    }

    /** Adds a gRPC interceptor to every Firestore and Pub/Sub channel (tracing; fault injection in tests). */
    public GcpSkystateBuilder interceptor(ClientInterceptor interceptor) {
        this.interceptors.add(Objects.requireNonNull(interceptor));
        return this;
    }

    /** Credentials for the real services; application default credentials unless set. Ignored for emulators. */
    public GcpSkystateBuilder credentials(CredentialsProvider credentials) {
        this.credentials = Objects.requireNonNull(credentials);
        return this;
    }

    public GcpSkystate build() {
        if (project == null || project.isBlank()) {
            throw new io.skystate.api.InvalidRequestException(GcpSkystate.PROVIDER,
                    "a Google Cloud project is required (GcpSkystateBuilder.project or gcp.project)");
        }
        return new GcpSkystate(this);
    }
}
