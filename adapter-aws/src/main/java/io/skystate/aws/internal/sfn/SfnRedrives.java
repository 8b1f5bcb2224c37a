package io.skystate.aws.internal.sfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.aws.internal.asl.AslRedriveEntry;
import io.skystate.core.workflow.ops.Redrives;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * {@link Workflows#redrive} on Step Functions. Its RedriveExecution restarts the failed state with the input that
 * state failed with, and emulators lack it; a Skystate redrive restarts the run's last top-level step with the data
 * it started with. So a redrive is a new execution of the run's state machine (its definition version), named
 * {@code r<n>-<sha256 of the instance id>} (unique per run and redrive, at most 80 chars, the same for a retried
 * redrive), whose input asks the compiled entry ({@code AslRedriveEntry}) to restore the state data the step
 * was last entered with (read from the failed execution's history: workflow data, instance id, compensation log) and
 * go to that step. The run record then lists the execution, which {@code run}, {@code history}, {@code cancel} and
 * {@code runs} follow; the run keeps its first start. Whether a run may be redriven, and where it restarts, is
 * core's {@link Redrives}; runs of state machines compiled without the entry are refused
 * ({@link UnsupportedCapabilityException}). Events the run had not consumed are dropped first. Thread-safe; a crash between starting
 * the execution and recording it is repaired by redriving again (the same name finds the started execution).
 */
final class SfnRedrives {
    private final EngineParts parts;
    private final StateMachines machines;
    private final Workflows workflows;
    private final Consumer<String> dropEvents;

    SfnRedrives(EngineParts parts, StateMachines machines, Workflows workflows, Consumer<String> dropEvents) {
        this.parts = parts;
        this.machines = machines;
        this.workflows = workflows;
        this.dropEvents = dropEvents;
    }

    WorkflowRun redrive(String instanceId) {
        RunRecord record = RunRecord.read(parts, instanceId);
        WorkflowRun failed = workflows.run(instanceId);
        List<StepExecution> history = workflows.history(instanceId);
        Redrives.check("aws", instanceId, Redrives.Facts.of(failed.status(), history, record.redriveCount()));
        String step = Redrives.restartStep(history).orElseThrow(() -> new RunStateException("aws", "run '"
                + instanceId + "' never started a step, so there is nothing to redrive"));
        String state = new HistoryMapper(parts, machines.require(record.workflow(), record.version()))
                .enteredInput(record.latestExecution(), step).orElseThrow(() -> new RunStateException("aws",
                        "the history of run '" + instanceId + "' does not show the data step '" + step
                                + "' started with"));
        ObjectNode input = parts.codec().mapper().createObjectNode();
        ObjectNode redrive = input.putObject("__skystate_redrive");
        redrive.put("step", step);
        redrive.set("state", parts.codec().tree(state.getBytes(StandardCharsets.UTF_8)));
        String name = "r" + (record.redriveCount() + 1) + "-" + sha256(instanceId);
        String machine = machines.arn(record.workflow(), record.version());
        requireRedriveEntry(machine, record);
        String execution = machine.replace(":stateMachine:", ":execution:") + ":" + name;
        dropEvents.accept(instanceId);
        try {
            parts.clients().sfn().startExecution(b -> b.stateMachineArn(machine).name(name).input(input.toString()));
        } catch (ExecutionAlreadyExistsException startedBefore) {
            // a retried redrive: the execution was started, perhaps not yet recorded
        } catch (SdkException e) {
            throw SfnErrors.translate("redrive " + instanceId, e);
        }
        recordExecution(instanceId, execution, failed);
        return Redrives.restarted(failed);
    }

    /**
     * Refuses state machines compiled before redrive existed: without the entry Choice they would take the redrive
     * input for a new run's input.
     */
    private void requireRedriveEntry(String machine, RunRecord record) {
        String definition;
        try {
            definition = parts.clients().sfn().describeStateMachine(b -> b.stateMachineArn(machine)).definition();
        } catch (SdkException e) {
            throw SfnErrors.translate("describe " + machine, e);
        }
        if (!definition.contains("\"" + AslRedriveEntry.ENTRY + "\"")) {
            throw new UnsupportedCapabilityException("aws", "version " + record.version() + " of workflow '"
                    + record.workflow() + "' was compiled by a Skystate version without redrive; its runs cannot"
                    + " be redriven (register a new version for new runs)");
        }
    }

    /** Adds the redrive execution to the run record unless a concurrent or earlier try did. */
    private void recordExecution(String instanceId, String execution, WorkflowRun failed) {
        while (true) {
            StateEntry stored = RunRecord.stored(parts, instanceId).orElseThrow();
            RunRecord current = parts.codec().decode(stored.value().bytes(), RunRecord.class);
            if (current.executions().contains(execution)) {
                return;
            }
            try {
                parts.registry().putJson(RunRecord.key(instanceId), current.redriven(execution, failed.startedAt()),
                        PutOptions.ifVersion(stored.version()));
                return;
            } catch (VersionConflictException | AlreadyExistsException raced) {
                // another redrive or start wrote meanwhile: read again
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
