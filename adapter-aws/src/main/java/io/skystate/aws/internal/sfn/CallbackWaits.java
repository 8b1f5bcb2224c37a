package io.skystate.aws.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.Capability;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.workflow.PendingCallback;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task tokens of a run's awaitCallback steps, for {@code pendingCallbacks}: Step Functions' history names no task
 * token, so the worker records each callback request (group {@code cbw-<instanceId>}, one record per step execution:
 * path, token, when the state was entered, its timeout) before it calls the step's handler. A record counts as pending
 * while its step is a current step of the run (its newest record per path, as a loop can revisit a step); once the step
 * is resolved or stops, the history no longer shows it running and the record is ignored until it expires.
 * Thread-safe.
 */
final class CallbackWaits {
    /** Records outlive the longest step they can describe by this much, then the store may drop them. */
    private static final Duration SLACK = Duration.ofDays(1);

    /** What is recorded per callback request. */
    record Wait(String step, String token, long sinceMillis, long timeoutAtMillis) {
    }

    private final EngineParts parts;

    CallbackWaits(EngineParts parts) {
        this.parts = parts;
    }

    /** Records the callback request {@code message} (kind {@code callback}) before its handler runs. */
    void record(JsonNode message, String token) {
        String instance = StepCalls.instance(message);
        Instant since = entered(message).orElse(parts.clock().instant());
        Instant timeoutAt = since.plusSeconds(message.path("timeout").asLong(0));
        Key key = new Key(group(instance), message.path("step").asText() + "@" + message.path("entered").asText(""));
        parts.registry().putJson(key, new Wait(message.path("step").asText(), token, since.toEpochMilli(),
                timeoutAt.toEpochMilli()), PutOptions.always().expiringAt(timeoutAt.plus(SLACK)));
    }

    /** The recorded callbacks of {@code instanceId} whose step is one of {@code runningPaths}, newest per path. */
    List<PendingCallback> pending(String instanceId, Set<String> runningPaths) {
        Map<String, Wait> newest = new HashMap<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage(group(instanceId), ListRequest.MAX_PAGE_SIZE));
        while (request.isPresent()) {
            Page page = parts.registry().list(request.get());
            for (StateEntry entry : page.entries()) {
                Wait wait = parts.codec().decode(entry.value().bytes(), Wait.class);
                if (runningPaths.contains(wait.step())) {
                    newest.merge(wait.step(), wait, (a, b) -> a.sinceMillis() >= b.sinceMillis() ? a : b);
                }
            }
            request = request.get().next(page);
        }
        boolean urls = parts.skystate().capabilities().has(Capability.CALLBACK_URLS);
        List<PendingCallback> pending = new ArrayList<>();
        for (Wait wait : newest.values()) {
            Optional<URI> url = urls ? Optional.of(parts.callbackUrl(wait.token())) : Optional.empty();
            pending.add(new PendingCallback(instanceId, wait.step(), wait.token(), url,
                    Instant.ofEpochMilli(wait.sinceMillis()), Instant.ofEpochMilli(wait.timeoutAtMillis())));
        }
        return pending;
    }

    /** {@code $$.State.EnteredTime} of the message, ISO-8601 with or without an offset. */
    static Optional<Instant> entered(JsonNode message) {
        String text = message.path("entered").asText("");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    private static String group(String instanceId) {
        return "cbw-" + instanceId;
    }
}
