package io.skystate.local.selftest;

import io.skystate.api.Codec;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Forwards to a real engine; broken variants override the operation they break. */
class DelegatingWorkflows implements Workflows {
    final Workflows real;

    DelegatingWorkflows(Workflows real) {
        this.real = real;
    }

    @Override public WorkflowDefinition register(WorkflowDefinition definition) { return real.register(definition); }
    @Override public WorkflowRun start(String workflow, String id, byte[] input) { return real.start(workflow, id, input); }
    @Override public WorkflowRun start(String workflow, int version, String id, byte[] input) {
        return real.start(workflow, version, id, input);
    }
    @Override public WorkflowRun run(String id) { return real.run(id); }
    @Override public WorkflowRun await(String id, Duration maxWait) throws InterruptedException { return real.await(id, maxWait); }
    @Override public List<StepExecution> history(String id) { return real.history(id); }
    @Override public void cancel(String id, String reason) { real.cancel(id, reason); }
    @Override public void completeCallback(String token, byte[] result) { real.completeCallback(token, result); }
    @Override public void failCallback(String token, String error, String cause) { real.failCallback(token, error, cause); }
    @Override public void heartbeatCallback(String token) { real.heartbeatCallback(token); }
    @Override public Optional<WorkflowDefinition> definition(String workflow, Optional<Integer> version) {
        return real.definition(workflow, version);
    }
    @Override public Codec codec() { return real.codec(); }
    @Override public RunPage runs(RunQuery query) { return real.runs(query); }
    @Override public List<StepExecution> currentSteps(String id) { return real.currentSteps(id); }
    @Override public List<PendingCallback> pendingCallbacks(String id) { return real.pendingCallbacks(id); }
    @Override public void signal(String id, String event, byte[] payload) { real.signal(id, event, payload); }
    @Override public WorkflowRun redrive(String id) { return real.redrive(id); }
}
