package io.skystate.gcpworkflows.internal.server;

import io.skystate.gcpworkflows.ExecutionError;
import io.skystate.gcpworkflows.ExecutionOutcome;
import io.skystate.gcpworkflows.ExecutionState;
import io.skystate.gcpworkflows.LogEntry;
import io.skystate.gcpworkflows.internal.exec.Execution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One execution as the API shows it: identity, the revision it runs, argument, state, result or error, times and
 * logs. The first final state wins (a cancel racing with the end of the run). Thread-safe.
 */
public final class ExecutionRecord {
    private final String name;
    private final String workflowName;
    private final String revisionId;
    private final String argument;
    private final String callLogLevel;
    private final Map<String, String> labels;
    private final Instant startTime;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<LogEntry> logs = new ArrayList<>();
    private volatile Execution execution;
    private ExecutionState state = ExecutionState.ACTIVE;
    private String result;
    private ExecutionError error;
    private Instant endTime;

    ExecutionRecord(String name, String workflowName, String revisionId, String argument, String callLogLevel,
                    Map<String, String> labels, Instant startTime) {
        this.name = name;
        this.workflowName = workflowName;
        this.revisionId = revisionId;
        this.argument = argument;
        this.callLogLevel = callLogLevel;
        this.labels = Map.copyOf(labels);
        this.startTime = startTime;
    }

    public String name() {
        return name;
    }

    String workflowName() {
        return workflowName;
    }

    String revisionId() {
        return revisionId;
    }

    String argument() {
        return argument;
    }

    String callLogLevel() {
        return callLogLevel;
    }

    Map<String, String> labels() {
        return labels;
    }

    Instant startTime() {
        return startTime;
    }

    void attach(Execution running) {
        this.execution = running;
    }

    Execution execution() {
        return execution;
    }

    synchronized void log(LogEntry entry) {
        logs.add(entry);
    }

    public synchronized ExecutionState state() {
        return state;
    }

    synchronized Instant endTime() {
        return endTime;
    }

    synchronized String result() {
        return result;
    }

    synchronized ExecutionError error() {
        return error;
    }

    /** Ends the execution unless it already ended; returns whether this call ended it. */
    synchronized boolean finish(ExecutionState finalState, String finalResult, ExecutionError finalError,
                                Instant when) {
        if (state.isFinal()) {
            return false;
        }
        state = finalState;
        result = finalResult;
        error = finalError;
        endTime = when;
        finished.countDown();
        return true;
    }

    /** Waits until the execution ends; false if the timeout passed first. */
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public synchronized ExecutionOutcome outcome() {
        return new ExecutionOutcome(name, state, result, error, startTime, endTime, revisionId,
                new ArrayList<>(logs));
    }
}
