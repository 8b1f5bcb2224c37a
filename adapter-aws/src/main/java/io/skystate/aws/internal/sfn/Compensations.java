package io.skystate.aws.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.SkystateException;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.handler.StepInvocation;
import io.skystate.core.workflow.StepErrors;
import io.skystate.core.workflow.ops.InvocationIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a failed saga's compensations, newest first, each with the workflow data at the failure, retrying each up
 * to three times; a compensation that keeps failing is recorded and the rest still run. Each one is recorded in
 * the registry (group {@code comp-<instanceId>}) so {@code history()} can show it (Step Functions' own history shows
 * one compensation task). Each compensation is one invocation ({@link InvocationIds#compensation}, numbered by its
 * depth in the log) with kind {@code compensation}, its attempts numbered 1, 2, 3.
 */
final class Compensations {
    static final int ATTEMPTS = 3;

    /** A compensation as recorded for the history. */
    record Record(String step, String outcome, long startedAt, long endedAt, int attempts, String error, String cause) {
    }

    private final EngineParts parts;

    Compensations(EngineParts parts) {
        this.parts = parts;
    }

    void run(JsonNode message) {
        String instance = StepCalls.instance(message);
        byte[] data = parts.codec().encode(parts.claims().resolve(message.path("data")));
        List<JsonNode> newestFirst = newestFirst(message.path("log"));
        for (int i = 0; i < newestFirst.size(); i++) {
            JsonNode entry = newestFirst.get(i);
            Key key = new Key("comp-" + instance, String.format("%04d", i));
            if (parts.registry().get(key).isPresent()) {
                continue; // ran before a redelivery of this message
            }
            record(key, runOne(instance, entry, newestFirst.size() - i, data));
        }
    }

    /**
     * Runs the compensation of one log entry; {@code n} is the entry's depth in the log (the oldest is 1), which
     * numbers it in its invocation id, the same for each of its attempts.
     */
    private Record runOne(String instance, JsonNode entry, int n, byte[] data) {
        String step = entry.path("step").asText();
        long started = parts.clock().millis();
        String invocationId = InvocationIds.compensation(instance, step, n);
        Optional<StepInvocation> invocation = Optional.of(new StepInvocation(instance, step, "compensation"));
        StepErrors.Named error = null;
        int attempt = 0;
        while (attempt < ATTEMPTS) {
            attempt++;
            try {
                parts.handlers().invokeJson(entry.path("handler").asText(), data, invocationId, attempt, invocation);
                error = null;
                break;
            } catch (SkystateException e) {
                error = StepErrors.name(e);
            }
        }
        return new Record(step, error == null ? StepExecution.Outcome.SUCCEEDED.name() : StepExecution.Outcome.FAILED.name(),
                started, parts.clock().millis(), attempt, error == null ? null : error.error(),
                error == null ? null : error.cause());
    }

    private void record(Key key, Record record) {
        parts.registry().putJson(key, record, PutOptions.always());
    }

    /** Accepts the log as a linked list ({@code {handler, step, prev}}, newest first) or an array (oldest first). */
    static List<JsonNode> newestFirst(JsonNode log) {
        List<JsonNode> entries = new ArrayList<>();
        if (log.isArray()) {
            log.forEach(entries::add);
            java.util.Collections.reverse(entries);
            return entries;
        }
        for (JsonNode node = log; node != null && node.isObject() && node.has("handler"); node = node.get("prev")) {
            entries.add(node);
        }
        return entries;
    }

    static StepExecution toExecution(Record r) {
        return new StepExecution(r.step(), "compensation", StepExecution.Outcome.valueOf(r.outcome()),
                Instant.ofEpochMilli(r.startedAt()), java.util.Optional.of(Instant.ofEpochMilli(r.endedAt())), r.attempts(),
                java.util.Optional.ofNullable(r.error()), java.util.Optional.ofNullable(r.cause()));
    }
}
