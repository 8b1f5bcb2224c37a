package io.skystate.gcpworkflows.internal.server;

import io.skystate.gcpworkflows.ExecutionError;
import io.skystate.gcpworkflows.ExecutionState;
import io.skystate.gcpworkflows.LogEntry;
import io.skystate.gcpworkflows.RunnerOptions;
import io.skystate.gcpworkflows.internal.exec.CancelledSignal;
import io.skystate.gcpworkflows.internal.exec.Execution;
import io.skystate.gcpworkflows.internal.exec.ExecutionCallbacks;
import io.skystate.gcpworkflows.internal.exec.Interpreter;
import io.skystate.gcpworkflows.internal.exec.Limits;
import io.skystate.gcpworkflows.internal.model.Program;
import io.skystate.gcpworkflows.internal.value.ErrorTags;
import io.skystate.gcpworkflows.internal.value.JsonValues;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Prepares and runs one execution and records how it ended: SUCCEEDED with the JSON result, FAILED with the error
 * in the Executions API's shape ({@code payload}, {@code context}, {@code stackTrace}), or CANCELLED. Sets the
 * documented {@code sys.get_env} variables
 * (https://cloud.google.com/workflows/docs/reference/stdlib/sys/get_env). Thread-safe.
 */
final class ExecutionLauncher {
    private final RunnerOptions options;
    private final ExecutorService branchPool;
    private final HttpClient httpClient;
    private final Clock clock;
    private final Map<String, ExecutionCallbacks> callbacks = new ConcurrentHashMap<>();

    ExecutionLauncher(RunnerOptions options, ExecutorService branchPool, HttpClient httpClient, Clock clock) {
        this.options = options;
        this.branchPool = branchPool;
        this.httpClient = httpClient;
        this.clock = clock;
    }

    /** Parses an execution argument: absent, or JSON text of at most 32 KB. */
    static Object parseArgument(String argument) {
        if (argument == null || argument.isBlank()) {
            return null;
        }
        if (Values.utf8Length(argument) > Limits.MAX_ARGUMENT_BYTES) {
            throw ApiError.invalid("the argument is larger than " + Limits.MAX_ARGUMENT_BYTES + " bytes");
        }
        try {
            return JsonValues.parse(argument);
        } catch (WorkflowError e) {
            throw ApiError.invalid("the argument is not valid JSON: " + e.getMessage());
        }
    }

    void prepare(ExecutionRecord record, WorkflowRecord workflow, WorkflowRecord.Revision revision,
                 ExecutionCallbacks endpoints) {
        Map<String, String> environment = new HashMap<>(options.environment());
        environment.putAll(workflow.userEnvVars());
        String[] parts = record.name().split("/");
        environment.put("GOOGLE_CLOUD_PROJECT_ID", parts[1]);
        environment.put("GOOGLE_CLOUD_LOCATION", parts[3]);
        environment.put("GOOGLE_CLOUD_WORKFLOW_ID", parts[5]);
        environment.put("GOOGLE_CLOUD_WORKFLOW_REVISION_ID", revision.id());
        environment.put("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID", parts[7]);
        callbacks.put(record.name(), endpoints);
        record.attach(new Execution(environment, endpoints, (severity, payload) -> {
            LogEntry entry = new LogEntry(severity, payload instanceof String text ? text : safeJson(payload));
            record.log(entry);
            options.logSink().accept(entry);
        }, httpClient, branchPool, clock));
    }

    ExecutionCallbacks callbacks(ExecutionRecord record) {
        return callbacks.get(record.name());
    }

    void run(ExecutionRecord record, Program program, Object argument) {
        Execution execution = record.execution();
        try {
            if (record.state().isFinal()) {
                return;
            }
            Object result = new Interpreter(program).run(execution, argument);
            record.finish(ExecutionState.SUCCEEDED, JsonValues.write(result), null, clock.instant());
        } catch (WorkflowError error) {
            record.finish(ExecutionState.FAILED, null, toApiError(error), clock.instant());
        } catch (CancelledSignal cancelled) {
            record.finish(ExecutionState.CANCELLED, null, null, clock.instant());
        } catch (RuntimeException | StackOverflowError unexpected) {
            WorkflowError error = WorkflowError.of(ErrorTags.SYSTEM_ERROR, "internal error of Skystate's Workflows "
                    + "runner: " + unexpected);
            record.finish(ExecutionState.FAILED, null, toApiError(error), clock.instant());
        } finally {
            ExecutionCallbacks endpoints = callbacks.remove(record.name());
            if (endpoints != null) {
                endpoints.close();
            }
        }
    }

    static ExecutionError toApiError(WorkflowError error) {
        String payload = safeJson(error.value());
        List<ExecutionError.StackFrame> frames = new ArrayList<>();
        StringBuilder context = new StringBuilder("RuntimeError: ").append(payload);
        for (WorkflowError.Frame frame : error.frames()) {
            frames.add(new ExecutionError.StackFrame(frame.step(), frame.routine(), frame.line(), frame.column()));
            context.append("\nin step \"").append(frame.step()).append("\", routine \"").append(frame.routine())
                    .append("\", line: ").append(frame.line());
        }
        return new ExecutionError(payload, context.toString(), frames);
    }

    private static String safeJson(Object value) {
        try {
            return JsonValues.write(value);
        } catch (WorkflowError e) {
            return String.valueOf(value);
        }
    }
}
