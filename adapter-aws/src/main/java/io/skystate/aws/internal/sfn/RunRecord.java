package io.skystate.aws.internal.sfn;

import io.skystate.api.NotFoundException;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the registry keeps per run (group {@code run-<instanceId>}, id {@code run}): its workflow and version, the
 * fingerprint of its start request, its first execution and, once redriven, the executions of its redrives (oldest
 * first) and the start time of the first execution, which stays the run's start. Records written before redrive
 * existed have neither ({@code null} when read).
 */
record RunRecord(String workflow, int version, String inputHash, String executionArn, List<String> redrives,
        String startedAt) {

    /** A run that was never redriven. */
    RunRecord(String workflow, int version, String inputHash, String executionArn) {
        this(workflow, version, inputHash, executionArn, List.of(), null);
    }

    /** Every execution of the run, the first first. */
    List<String> executions() {
        List<String> all = new ArrayList<>();
        all.add(executionArn);
        all.addAll(redrivesOrNone());
        return all;
    }

    /** The execution running or last run for the run. */
    String latestExecution() {
        List<String> redriven = redrivesOrNone();
        return redriven.isEmpty() ? executionArn : redriven.get(redriven.size() - 1);
    }

    int redriveCount() {
        return redrivesOrNone().size();
    }

    /** The run's start when it was redriven (its first execution's start), else empty. */
    Optional<Instant> firstStart() {
        return Optional.ofNullable(startedAt).map(Instant::parse);
    }

    /** This record with one more redrive execution; {@code firstStart} is kept from the first redrive on. */
    RunRecord redriven(String execution, Instant firstStart) {
        List<String> redriven = new ArrayList<>(redrivesOrNone());
        redriven.add(execution);
        return new RunRecord(workflow, version, inputHash, executionArn, redriven,
                startedAt != null ? startedAt : firstStart.toString());
    }

    private List<String> redrivesOrNone() {
        return redrives == null ? List.of() : redrives;
    }

    static Key key(String instanceId) {
        return new Key("run-" + instanceId, "run");
    }

    static RunRecord read(EngineParts parts, String instanceId) {
        return stored(parts, instanceId).map(e -> parts.codec().decode(e.value().bytes(), RunRecord.class))
                .orElseThrow(() -> new NotFoundException("aws", "no workflow instance '" + instanceId + "'"));
    }

    static Optional<StateEntry> stored(EngineParts parts, String instanceId) {
        return parts.registry().get(key(instanceId));
    }
}
