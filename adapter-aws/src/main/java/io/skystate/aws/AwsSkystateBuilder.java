package io.skystate.aws;

import io.skystate.api.KeyRing;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Options of an {@link AwsSkystate}. Defaults: the SDK's default region and credentials chain, resource names
 * prefixed {@code skystate-}, tables and queues created on first use, no HTTP endpoints (set {@link #httpBaseUrl}
 * to the Function URL of the deployed {@code FunctionUrlHandler} to get callback URLs, and also
 * {@link #handlerEndpoints} for signed handler endpoints).
 * Not thread-safe.
 */
public final class AwsSkystateBuilder {
    /** The region's id; {@code Region.of} runs when the first SDK client is built (its static set-up is not free). */
    String region;
    URI endpoint;
    AwsCredentialsProvider credentials;
    String prefix = "skystate-";
    boolean createResources = true;
    boolean taskWorkers = true;
    URI httpBaseUrl;
    boolean handlerEndpoints;
    String kmsKeyId;
    KeyRing callbackKeys;
    KeyRing sessionKeys;
    Clock clock = Clock.systemUTC();
    String roleArn = "arn:aws:iam::123456789012:role/skystate-workflows";
    WorkflowPortability workflowPortability = WorkflowPortability.PORTABLE;
    WorkflowWorkers workflowWorkers = WorkflowWorkers.ON;
    SdkHttpClient.Builder<?> httpClient;

    AwsSkystateBuilder() {
    }

    public AwsSkystateBuilder region(String region) {
        if (Objects.requireNonNull(region, "region").isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        this.region = region;
        return this;
    }

    /** Sends every call to this endpoint instead of AWS (an emulator such as moto). */
    public AwsSkystateBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    public AwsSkystateBuilder credentials(AwsCredentialsProvider credentials) {
        this.credentials = Objects.requireNonNull(credentials);
        return this;
    }

    /**
     * The SDK HTTP client every AWS client of this instance is built with (each builds its own from it). Default: the
     * URL-connection client, the lightest to start (AWS's advice for Lambda). It waits about 1 ms before each request
     * on a reused connection (the JDK probes a kept-alive connection before every streamed POST, and every DynamoDB,
     * SQS and Step Functions call is one); a long-running process that makes many calls can choose a pooled client
     * such as the Apache 5 one ({@code software.amazon.awssdk:apache5-client}) here.
     */
    public AwsSkystateBuilder httpClient(SdkHttpClient.Builder<?> httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient);
        return this;
    }

    /** Prefix of every table, queue and state machine name (lets several apps or test runs share an account). */
    public AwsSkystateBuilder prefix(String prefix) {
        this.prefix = Objects.requireNonNull(prefix);
        return this;
    }

    /** Whether to create missing tables and queues (off when a SAM template owns them). */
    public AwsSkystateBuilder createResources(boolean create) {
        this.createResources = create;
        return this;
    }

    /**
     * Whether the workflow engine runs task-queue worker threads in this process (default {@code true}); off in a
     * Lambda function, where the task queue's event source delivers the messages to the entry point instead. Unlike
     * {@link #workflowWorkers} {@code OFF}, the instance still runs the steps those messages carry.
     */
    public AwsSkystateBuilder taskWorkers(boolean run) {
        this.taskWorkers = run;
        return this;
    }

    /** Base URL under which {@code FunctionUrlHandler} serves callbacks and handlers. */
    public AwsSkystateBuilder httpBaseUrl(URI base) {
        this.httpBaseUrl = base;
        return this;
    }

    /**
     * Serve registered handlers over HTTP at {@code <httpBaseUrl>/skystate/handlers/<name>} (off by default: a
     * Function URL is public). Every request must then be signed ({@code Handlers.endpointRequest}).
     */
    public AwsSkystateBuilder handlerEndpoints(boolean enabled) {
        this.handlerEndpoints = enabled;
        return this;
    }

    /**
     * The KMS key that wraps the key rings Skystate generates and stores (when no rings are configured); by default
     * the alias {@code alias/<prefix>skystate-keys}, created on first use if resources may be created.
     */
    public AwsSkystateBuilder kmsKeyId(String keyIdOrArn) {
        this.kmsKeyId = Objects.requireNonNull(keyIdOrArn);
        return this;
    }

    public AwsSkystateBuilder callbackKeys(KeyRing keys) {
        this.callbackKeys = keys;
        return this;
    }

    public AwsSkystateBuilder sessionKeys(KeyRing keys) {
        this.sessionKeys = keys;
        return this;
    }

    public AwsSkystateBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** The IAM role state machines run as (required by Step Functions; any ARN works on emulators). */
    public AwsSkystateBuilder workflowRole(String roleArn) {
        this.roleArn = Objects.requireNonNull(roleArn);
        return this;
    }

    /** Which workflow definitions to accept; the AWS adapter has no extras, so both values behave alike. */
    public AwsSkystateBuilder workflowPortability(WorkflowPortability portability) {
        this.workflowPortability = Objects.requireNonNull(portability);
        return this;
    }

    /**
     * Whether this instance runs workflow steps ({@link WorkflowWorkers#ON}, the default) or only operates runs
     * ({@link WorkflowWorkers#OFF}: for operator tools and processes without the application's handlers).
     */
    public AwsSkystateBuilder workflowWorkers(WorkflowWorkers workers) {
        this.workflowWorkers = io.skystate.api.Arguments.notNull(workers, "workers");
        return this;
    }

    public AwsSkystate build() {
        return new AwsSkystate(this);
    }
}
