package io.skystate.gcpworkflows;

import io.skystate.gcpworkflows.internal.parse.ProgramParser;
import io.skystate.gcpworkflows.internal.server.ApiError;
import io.skystate.gcpworkflows.internal.server.ApiServer;
import io.skystate.gcpworkflows.internal.server.Engine;
import io.skystate.gcpworkflows.internal.server.ExecutionRecord;
import io.skystate.gcpworkflows.internal.server.WorkflowSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Skystate's Workflows runner: runs Google Cloud Workflows YAML locally (the subset its README documents) and serves
 * the Workflows and Executions REST APIs on a loopback port, so that the real Google Java clients (HTTP/JSON
 * transport) can deploy workflows and drive executions against it. It is not Google's engine. Everything is kept in
 * memory: closing or restarting the runner loses all workflows and executions. A test and development tool.
 *
 * <p>Thread-safe. Executions run asynchronously on a pool; {@link #execute(String, String)} waits for one.
 */
public final class WorkflowsRunner implements AutoCloseable {
    private final RunnerOptions options;
    private final ApiServer server;
    private final Engine engine;

    private WorkflowsRunner(RunnerOptions options) throws IOException {
        this.options = options;
        this.server = new ApiServer(options.bindAddress(), options.port());
        this.engine = new Engine(options, "http://" + hostForUrls(options.bindAddress()) + ":" + server.port());
        server.start(engine);
    }

    /** Starts a runner whose API listens on 127.0.0.1 at {@code port} (0 picks a free port). */
    public static WorkflowsRunner start(int port) {
        return start(RunnerOptions.builder().port(port).build());
    }

    public static WorkflowsRunner start(RunnerOptions options) {
        try {
            return new WorkflowsRunner(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.bindAddress() + ":" + options.port(), e);
        }
    }

    /** Every problem that keeps a source from running (unsupported constructs, invalid syntax); empty if none. */
    public static List<Problem> check(String source) {
        return ProgramParser.check(source);
    }

    public int port() {
        return server.port();
    }

    /** The base URL of the API, for example {@code http://127.0.0.1:8089}. */
    public String endpoint() {
        return "http://" + hostForUrls(options.bindAddress()) + ":" + port();
    }

    public RunnerOptions options() {
        return options;
    }

    /** {@code projects/P/locations/L/workflows/ID} in this runner's project and location. */
    public String workflowName(String workflowId) {
        return engine.defaultParent() + "/workflows/" + workflowId;
    }

    /**
     * Creates the workflow, or updates it (a new revision when the source changed); returns the current revision
     * id. Throws {@link InvalidWorkflowException} for a source the runner cannot run.
     */
    public String deploy(String workflowId, String source) {
        return call(() -> {
            try {
                return engine.createWorkflow(engine.defaultParent(), workflowId, WorkflowSpec.ofSource(source))
                        .latest().id();
            } catch (ApiError e) {
                if (!e.status().equals("ALREADY_EXISTS")) {
                    throw e;
                }
                return engine.updateWorkflow(workflowName(workflowId), WorkflowSpec.ofSource(source)).latest().id();
            }
        });
    }

    /** Starts an execution of the workflow's current revision with a JSON argument (or null); returns its name. */
    public String startExecution(String workflowId, String argumentJson) {
        return call(() -> engine.startExecution(workflowName(workflowId), argumentJson, null, Map.of()).name());
    }

    public ExecutionOutcome getExecution(String executionName) {
        return call(() -> engine.getExecution(executionName).outcome());
    }

    /** Waits up to {@code timeout} for the execution to end and returns it (still ACTIVE if it did not). */
    public ExecutionOutcome awaitExecution(String executionName, Duration timeout) {
        ExecutionRecord record = call(() -> engine.getExecution(executionName));
        try {
            record.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return record.outcome();
    }

    public ExecutionOutcome cancelExecution(String executionName) {
        return call(() -> engine.cancel(executionName).outcome());
    }

    /**
     * Runs a workflow source to its end and returns the outcome. The source is deployed as workflow
     * {@code inline-<hash of the source>} first. Throws {@link InvalidWorkflowException} for a source it cannot run.
     */
    public ExecutionOutcome execute(String source, String argumentJson) {
        String workflowId = "inline-" + hash(source);
        deploy(workflowId, source);
        String name = startExecution(workflowId, argumentJson);
        ExecutionRecord record = call(() -> engine.getExecution(name));
        try {
            while (!record.await(Duration.ofSeconds(60))) {
                // keep waiting: an execution may sleep or wait for callbacks as long as the workflow says
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine.cancel(name);
        }
        return record.outcome();
    }

    /** Stops the API server and cancels running executions. */
    @Override
    public void close() {
        server.close();
        engine.close();
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiError e) {
            if (e.status().equals("NOT_FOUND")) {
                throw new NotFoundException(e.getMessage());
            }
            throw new RequestRejectedException(e.status(), e.getMessage());
        }
    }

    private static String hostForUrls(String bindAddress) {
        return bindAddress.equals("0.0.0.0") ? "127.0.0.1" : bindAddress.contains(":") ? "[" + bindAddress + "]"
                : bindAddress;
    }

    private static String hash(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
