package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.NewOrchestrationInstanceOptions;
import com.microsoft.durabletask.OrchestrationMetadata;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.NotFoundException;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateValue;
import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.workflow.ops.Redrives;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Redrives a failed or timed-out run ({@link Workflows#redrive}) as a new generation of its orchestration, instance
 * {@code <id>:r<n>} ({@link RunRegistry.RunRecord#orchestration}): core's {@link Redrives} judges it from the run's
 * status, history and redrive count; the new orchestration starts at the top-level step the old one recorded as
 * current ({@code at} in its custom status: the step whose failure ended it, or that was running when it timed out)
 * with the data that step started with, on the run's pinned definition document, with a fresh step-attempt budget,
 * the old history (open steps closed CANCELLED, so it only grows) and the compensations recorded before the failure.
 *
 * <p>Why a new orchestration instance rather than Durable's {@code restartInstance} or a purge and a new
 * orchestration under the same id: restart replays the run from its first step; and under the same id, work the
 * old generation left behind (a timed-out run's activity still running, its timers) would complete into the new
 * generation, where the SDK matches completions by sequence number only and could take one as the result of an
 * unrelated new task. With its own instance, the old generation's leftovers reach the finished old instance and are
 * dropped. The run's id stays the Skystate id; reads, cancel, signal and timeouts look up the current generation.
 *
 * <p>Crash safety and races: the new generation's input is first written to the registry ({@code redrive-<id>},
 * one record per redrive number, if absent), so of concurrent redrives exactly one proceeds and the others get
 * {@link RunStateException}; then the run record (redrive count, fresh workflow deadline) is updated and the new
 * orchestration scheduled. A crash in between leaves a run whose current orchestration does not exist yet (reads
 * say it was never started); the next {@code redrive} call finds the recorded input and schedules it. Thread-safe.
 */
final class Redriver {
    private final EngineParts parts;
    private final DefinitionStore definitions;
    private final HistoryReader histories;
    private final Function<String, WorkflowRun> runs;

    Redriver(EngineParts parts, DefinitionStore definitions, HistoryReader histories,
            Function<String, WorkflowRun> runs) {
        this.parts = parts;
        this.definitions = definitions;
        this.histories = histories;
        this.runs = runs;
    }

    WorkflowRun redrive(String id) {
        RunRegistry.RunRecord record = parts.registry().requireRun(parts.provider(), id);
        OrchestrationMetadata m = parts.durable().getInstanceMetadata(record.orchestration(id), true);
        if (!m.isInstanceFound()) {
            return resumeInterrupted(id, record);
        }
        WorkflowRun run = runs.apply(id);
        List<StepExecution> history = histories.history(id, m, run.status().finished());
        Redrives.check(parts.provider(), id, Redrives.Facts.of(run.status(), history, record.redriveCount()));
        JsonNode status = BranchStopper.status(m);
        JsonNode at = status.path("at");
        Optional<String> restart = Redrives.restartStep(history);
        if (!at.has("step") || restart.isEmpty() || !restart.get().equals(at.path("step").asText())) {
            throw new RunStateException(parts.provider(), "run '" + id + "' recorded no restart point for step "
                    + restart.orElse("(none)") + " (it started before this engine kept one): start a new run instead");
        }
        int generation = record.redriveCount() + 1;
        RunInput input = new RunInput(id, definitions.document(record.workflow(), record.version()), "",
                restart.get(), at.get("data"), 0, Workflows.MAX_STEP_ATTEMPTS, objects(status.path("c")),
                histories.carried(id, m, run.endedAt().orElse(parts.clock().instant())), 0, 0);
        try {
            parts.registry().store().put(pendingKey(id, generation), StateValue.json(Json.write(input)),
                    PutOptions.ifAbsent());
        } catch (AlreadyExistsException concurrentRedrive) {
            throw new RunStateException(parts.provider(), "run '" + id + "' is being redriven by another call");
        }
        long now = parts.clock().millis();
        Long deadline = definitions.find(record.workflow(), record.version()).orElseThrow().timeout()
                .map(t -> now + t.toMillis()).orElse(null);
        RunRegistry.RunRecord redriven = new RunRegistry.RunRecord(record.workflow(), record.version(),
                record.inputHash(), record.startedAt(), deadline, generation);
        parts.registry().updateRun(id, redriven);
        schedule(redriven.orchestration(id), Json.write(input));
        return running(id, redriven);
    }

    /** A redrive that crashed between updating the run record and scheduling the new generation: finish it. */
    private WorkflowRun resumeInterrupted(String id, RunRegistry.RunRecord record) {
        Optional<String> input = record.redriveCount() == 0 ? Optional.empty()
                : parts.registry().store().get(pendingKey(id, record.redriveCount()))
                        .map(e -> new String(e.value().bytes(), StandardCharsets.UTF_8));
        if (input.isEmpty()) {
            throw new NotFoundException(parts.provider(), "instance '" + id + "' was recorded but never started");
        }
        schedule(record.orchestration(id), input.get());
        return running(id, record);
    }

    private void schedule(String orchestration, String input) {
        parts.durable().scheduleNewOrchestrationInstance(Names.ORCHESTRATION, new NewOrchestrationInstanceOptions()
                .setInstanceId(orchestration).setInput(input));
    }

    private static WorkflowRun running(String id, RunRegistry.RunRecord record) {
        return new WorkflowRun(id, record.workflow(), record.version(), RunStatus.RUNNING, Optional.empty(),
                Optional.empty(), Optional.empty(), Instant.ofEpochMilli(record.startedAt()), Optional.empty());
    }

    private static Key pendingKey(String id, int generation) {
        return new Key("redrive-" + id, String.format("%06d", generation));
    }

    private static List<ObjectNode> objects(JsonNode array) {
        List<ObjectNode> list = new ArrayList<>();
        array.forEach(e -> list.add((ObjectNode) e));
        return list;
    }
}
