package io.skystate.gcpworkflows.internal.server;

import io.skystate.gcpworkflows.RunnerOptions;
import io.skystate.gcpworkflows.internal.exec.ExecutionCallbacks;
import io.skystate.gcpworkflows.internal.model.Program;
import io.skystate.gcpworkflows.internal.parse.ProgramParser;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The in-memory heart of the runner behind both the Java API and the REST API: deployed workflows with their
 * revisions, and executions that run asynchronously on a thread pool, each on the revision that was current when
 * it was created. Nothing is persisted: a restart loses everything. Thread-safe.
 */
public final class Engine implements AutoCloseable {
    private static final Pattern WORKFLOW_ID = Pattern.compile("[A-Za-z]([A-Za-z0-9_-]{0,62}[A-Za-z0-9])?");

    private final RunnerOptions options;
    private final String baseUrl;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, WorkflowRecord> workflows = new ConcurrentHashMap<>();
    private final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();
    private final ExecutorService executionPool;
    private final ExecutorService branchPool;
    private final HttpClient httpClient;
    private final ExecutionLauncher launcher;

    /** {@code baseUrl} is where the API server listens, for example {@code http://127.0.0.1:8089}. */
    public Engine(RunnerOptions options, String baseUrl) {
        this.options = options;
        this.baseUrl = baseUrl;
        this.executionPool = Executors.newFixedThreadPool(options.executionThreads(), daemon("workflows-execution"));
        this.branchPool = Executors.newCachedThreadPool(daemon("workflows-branch"));
        this.httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.launcher = new ExecutionLauncher(options, branchPool, httpClient, clock);
    }

    public RunnerOptions options() {
        return options;
    }

    /** {@code projects/P/locations/L} of this runner. */
    public String defaultParent() {
        return "projects/" + options.projectId() + "/locations/" + options.location();
    }

    /** Creates a workflow; the source must parse (else InvalidWorkflowException). */
    public WorkflowRecord createWorkflow(String parent, String id, WorkflowSpec spec) {
        if (id == null || !WORKFLOW_ID.matcher(id).matches()) {
            throw ApiError.invalid("invalid workflow id '" + id + "': letters, digits, '_' and '-', starting with a "
                    + "letter, ending with a letter or digit, at most 64 characters");
        }
        if (spec.source() == null) {
            throw ApiError.invalid("sourceContents is required");
        }
        Program program = ProgramParser.parse(spec.source());
        String name = parent + "/workflows/" + id;
        Instant now = clock.instant();
        WorkflowRecord record = new WorkflowRecord(name, now);
        record.update(spec.description(), spec.labels(), spec.userEnvVars(), now);
        record.addRevision(new WorkflowRecord.Revision(revisionId(1), spec.source(), program, spec.serviceAccount(),
                now));
        if (workflows.putIfAbsent(name, record) != null) {
            throw ApiError.alreadyExists("workflow " + name + " already exists");
        }
        return record;
    }

    /** Updates the fields the spec sets; a changed source or service account makes a new revision. */
    public WorkflowRecord updateWorkflow(String name, WorkflowSpec spec) {
        WorkflowRecord record = getWorkflow(name);
        synchronized (record) {
            WorkflowRecord.Revision latest = record.latest();
            String source = spec.source() != null ? spec.source() : latest.source();
            String account = spec.serviceAccount() != null ? spec.serviceAccount() : latest.serviceAccount();
            Instant now = clock.instant();
            if (!source.equals(latest.source()) || !java.util.Objects.equals(account, latest.serviceAccount())) {
                Program program = ProgramParser.parse(source);
                record.addRevision(new WorkflowRecord.Revision(revisionId(record.revisionCount() + 1), source,
                        program, account, now));
            }
            record.update(spec.description(), spec.labels(), spec.userEnvVars(), now);
        }
        return record;
    }

    public WorkflowRecord getWorkflow(String name) {
        WorkflowRecord record = workflows.get(name);
        if (record == null) {
            throw ApiError.notFound("workflow " + name + " not found");
        }
        return record;
    }

    /** Deletes a workflow and cancels its running executions, as the API documents. */
    public void deleteWorkflow(String name) {
        WorkflowRecord record = workflows.remove(name);
        if (record == null) {
            throw ApiError.notFound("workflow " + name + " not found");
        }
        executions.values().stream().filter(execution -> execution.workflowName().equals(name))
                .forEach(execution -> cancel(execution.name()));
    }

    public List<WorkflowRecord> listWorkflows(String parent) {
        return workflows.values().stream().filter(record -> record.name().startsWith(parent + "/workflows/"))
                .sorted(Comparator.comparing(WorkflowRecord::name)).collect(Collectors.toList());
    }

    /** Starts an execution of the workflow's latest revision; it runs asynchronously. */
    public ExecutionRecord startExecution(String workflowName, String argument, String callLogLevel,
                                          Map<String, String> labels) {
        WorkflowRecord workflow = getWorkflow(workflowName);
        WorkflowRecord.Revision revision = workflow.latest();
        Object parsedArgument = ExecutionLauncher.parseArgument(argument);
        String name = workflowName + "/executions/" + UUID.randomUUID();
        ExecutionRecord record = new ExecutionRecord(name, workflowName, revision.id(), argument,
                callLogLevel == null ? "CALL_LOG_LEVEL_UNSPECIFIED" : callLogLevel, labels, clock.instant());
        ExecutionCallbacks callbacks = new ExecutionCallbacks(baseUrl + "/v1/" + name);
        launcher.prepare(record, workflow, revision, callbacks);
        executions.put(name, record);
        executionPool.execute(() -> launcher.run(record, revision.program(), parsedArgument));
        return record;
    }

    public ExecutionRecord getExecution(String name) {
        ExecutionRecord record = executions.get(name);
        if (record == null) {
            throw ApiError.notFound("execution " + name + " not found");
        }
        return record;
    }

    /** Cancels an active execution: it is CANCELLED at once, and its steps stop. */
    public ExecutionRecord cancel(String name) {
        ExecutionRecord record = getExecution(name);
        if (!record.finish(io.skystate.gcpworkflows.ExecutionState.CANCELLED, null, null, clock.instant())) {
            throw ApiError.failedPrecondition("execution " + name + " is not active (" + record.state() + ")");
        }
        record.execution().cancel();
        return record;
    }

    /** Executions of a workflow, newest first. */
    public List<ExecutionRecord> listExecutions(String workflowName) {
        return executions.values().stream().filter(record -> record.workflowName().equals(workflowName))
                .sorted(Comparator.comparing(ExecutionRecord::startTime).reversed()
                        .thenComparing(ExecutionRecord::name))
                .collect(Collectors.toList());
    }

    /** Delivers an HTTP request to a callback endpoint of an execution. */
    public ExecutionCallbacks.Delivery deliverCallback(String executionName, String callbackId, String method,
                                                       Map<String, Object> request) {
        ExecutionRecord record = executions.get(executionName);
        if (record == null || record.state().isFinal()) {
            return ExecutionCallbacks.Delivery.NOT_FOUND;
        }
        return launcher.callbacks(record).deliver(callbackId, method, request);
    }

    @Override
    public void close() {
        executions.values().forEach(record -> {
            if (!record.state().isFinal()) {
                try {
                    cancel(record.name());
                } catch (ApiError e) {
                    // it ended meanwhile
                }
            }
        });
        executionPool.shutdownNow();
        branchPool.shutdownNow();
    }

    private String revisionId(int ordinal) {
        return String.format("%06d-%03x", ordinal, random.nextInt(0x1000));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
