package io.skystate.aws.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.NotFoundException;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.callback.CallbackAlreadyResolvedException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.core.workflow.ops.EventInbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delivers signalled events to awaitEvent steps. An awaitEvent step is a {@code waitForTaskToken} task whose message
 * ({@code kind} {@code event}) the worker answers by registering a <i>waiter</i>: the task token, keyed by run and
 * event name (group {@code evw-<instanceId>}, id {@code <event>/<entered millis>/<path>}, so listing is oldest first),
 * consumer id = the step execution's invocation id. Events themselves wait in the core {@link EventInbox} (group
 * {@code ev-<instanceId>}), so one signalled before its step waits is kept.
 *
 * <p>Both sides {@link #pump pump} after writing (the worker after registering, a signal after appending): while the
 * run has an unclaimed event and a waiter of one name, take the oldest waiter (a conditional delete, so exactly one
 * pumper holds it), {@linkplain EventInbox#claim claim} an event for its consumer, complete its task token with the
 * payload and {@linkplain EventInbox#acknowledge acknowledge} the event. A holder that finds no event puts the waiter
 * back and looks again, so a signal that ran while the waiter was held is not missed. A token Step Functions refuses
 * (the step timed out or the run stopped) drops the waiter and {@linkplain EventInbox#release releases} the event for
 * the next step. Thread-safe.
 */
final class EventWaits {
    private static final int MAX_ROUNDS = 200;
    private static final Duration PAUSE = Duration.ofMillis(25);

    /** A registered waiter. */
    record Waiter(String event, String consumer, String token) {
    }

    private final EngineParts parts;
    private final EventInbox inbox;

    EventWaits(EngineParts parts, EventInbox inbox) {
        this.parts = parts;
        this.inbox = inbox;
    }

    /** Registers the awaitEvent step that sent {@code message}, then hands it an event if one is waiting. */
    void await(JsonNode message, String token) {
        String instance = StepCalls.instance(message);
        String event = message.path("event").asText();
        long since = CallbackWaits.entered(message).orElse(parts.clock().instant()).toEpochMilli();
        Key key = new Key(group(instance), event + "/" + String.format("%013d", since) + "/"
                + message.path("step").asText());
        parts.registry().putJson(key, new Waiter(event, StepCalls.invocationId(message), token),
                PutOptions.always().expiringAt(parts.clock().instant().plus(Duration.ofDays(400))));
        pump(instance, event);
    }

    /** Matches the run's unclaimed events of {@code event} with its waiters of that name until one side runs out. */
    void pump(String instance, String event) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<StateEntry> waiters = waiters(instance, event);
            boolean unclaimed = inbox.pending(instance).stream()
                    .anyMatch(e -> e.name().equals(event) && e.consumer().isEmpty());
            if (waiters.isEmpty() || !unclaimed) {
                return;
            }
            boolean progress = false;
            for (StateEntry waiter : waiters) {
                progress |= deliver(instance, waiter);
            }
            if (!progress) {
                pause();
            }
        }
    }

    /** Drops the run's waiters (the run ended or is redriven). */
    void clear(String instance) {
        for (StateEntry waiter : waiters(instance, null)) {
            parts.registry().delete(waiter.key());
        }
    }

    /** True when the waiter was answered or found stale; false when another pumper held it or no event was left. */
    private boolean deliver(String instance, StateEntry entry) {
        try {
            parts.registry().delete(entry.key(), Condition.ifVersion(entry.version()));
        } catch (VersionConflictException | NotFoundException held) {
            return false;
        }
        Waiter waiter = parts.codec().decode(entry.value().bytes(), Waiter.class);
        Optional<EventInbox.Event> event = inbox.claim(instance, waiter.event(), waiter.consumer());
        if (event.isEmpty()) {
            parts.registry().putJson(entry.key(), waiter, PutOptions.always());
            return false;
        }
        String output = new String(parts.codec().encode(parts.claims().offload(event.get().payload())),
                StandardCharsets.UTF_8);
        try {
            SfnErrors.callback(() -> parts.clients().sfn().sendTaskSuccess(b -> b.taskToken(waiter.token())
                    .output(output)));
        } catch (CallbackAlreadyResolvedException | TokenExpiredException | InvalidTokenException stale) {
            inbox.release(instance, event.get().seq(), waiter.consumer());
            return true;
        } catch (RuntimeException unknown) {
            inbox.release(instance, event.get().seq(), waiter.consumer());
            parts.registry().putJson(entry.key(), waiter, PutOptions.always());
            throw unknown;
        }
        inbox.acknowledge(instance, event.get().seq(), waiter.consumer());
        return true;
    }

    private List<StateEntry> waiters(String instance, String event) {
        List<StateEntry> found = new ArrayList<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage(group(instance), ListRequest.MAX_PAGE_SIZE));
        while (request.isPresent()) {
            Page page = parts.registry().list(request.get());
            page.entries().stream().filter(e -> event == null || e.key().id().startsWith(event + "/"))
                    .forEach(found::add);
            request = request.get().next(page);
        }
        return found;
    }

    private static String group(String instance) {
        return "evw-" + instance;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
