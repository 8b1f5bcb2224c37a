package io.skystate.core.workflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.TransientException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.TransactionFailedException;
import io.skystate.core.json.JacksonCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The events {@linkplain io.skystate.api.workflow.Workflows#signal signalled} to runs, kept in a {@link StateStore}
 * until an awaitEvent step consumes them, for engines whose orchestrator cannot buffer events itself. Group
 * {@code ev-<instanceId>} holds a counter record and one record per pending event, id {@code e-<seq, 20 digits>}, so
 * listing yields a run's events oldest first.
 *
 * <p><b>Append</b> ({@link #append}) writes the event and advances the run's counter in one transaction, the
 * counter conditional on the version read: concurrent signals get distinct, increasing sequence numbers and none is
 * lost; the event is durable when it returns. <b>Consume</b> is two-phase so a crash can neither lose nor repeat an
 * event: {@link #claim} marks the oldest unclaimed event of a name as the consumer's with a conditional write (of
 * concurrent claimers exactly one wins each event) and returns the event already claimed by the same consumer if
 * there is one, so a step execution that crashed after claiming gets the same event again; once the step's
 * transition is durable the engine {@link #acknowledge acknowledges} the event, which deletes it. Handing the
 * claimed event to the waiting step durably (resolving the callback, raising the orchestration event) is the
 * engine's part; a consumer id is what identifies one step execution, such as its {@link InvocationIds invocation
 * id}. {@link #clear} drops a run's events when it ends. Thread-safe if the store is.
 */
public final class EventInbox {
    private static final String COUNTER = "counter";
    private static final int MAX_TRIES = 100;

    /** One pending event: its sequence in the run, name, JSON payload, when it was sent, and who claimed it. */
    public record Event(long seq, String name, JsonNode payload, Instant sentAt, Optional<String> consumer) {
        public Event {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(sentAt, "sentAt");
            Objects.requireNonNull(consumer, "consumer");
        }
    }

    private final StateStore store;
    private final JacksonCodec codec;
    private final Clock clock;
    private final String provider;

    public EventInbox(StateStore store, JacksonCodec codec, Clock clock, String provider) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
        this.provider = provider;
    }

    /**
     * Records an event for the run after checking it ({@link Signals#check}); returns its sequence number (1, 2, ...
     * per run). The caller checks first that the run exists and is running.
     */
    public long append(String instanceId, String name, byte[] payloadJson) {
        Signals.check(provider, codec, name, payloadJson);
        Key counterKey = new Key(group(instanceId), COUNTER);
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            Optional<StateEntry> counter = store.get(counterKey);
            long seq = counter.map(c -> codec.tree(c.value().bytes()).path("next").asLong()).orElse(1L);
            ObjectNode event = codec.mapper().createObjectNode().put("seq", seq).put("name", name)
                    .put("sentAt", clock.instant().toString()).putNull("consumer");
            event.set("payload", codec.tree(payloadJson));
            Transaction append = Transaction.builder()
                    .put(counterKey, StateValue.json("{\"next\":" + (seq + 1) + "}"), counter
                            .map(c -> PutOptions.ifVersion(c.version())).orElse(PutOptions.ifAbsent()))
                    .put(eventKey(instanceId, seq), StateValue.json(codec.encode(event)), PutOptions.ifAbsent())
                    .build();
            try {
                store.transact(append);
                return seq;
            } catch (TransactionFailedException raced) {
                pause(attempt);
            }
        }
        throw new TransientException(provider, "could not record the event for run '" + instanceId + "' after "
                + MAX_TRIES + " tries: too many concurrent signals");
    }

    /**
     * The event of {@code name} claimed by {@code consumer}, or else the oldest unclaimed event of {@code name}, now
     * claimed by it; empty when there is none.
     */
    public Optional<Event> claim(String instanceId, String name, String consumer) {
        Objects.requireNonNull(consumer, "consumer");
        while (true) {
            List<StateEntry> entries = events(instanceId);
            StateEntry oldest = null;
            for (StateEntry entry : entries) {
                Event event = event(entry);
                if (event.name().equals(name) && event.consumer().filter(consumer::equals).isPresent()) {
                    return Optional.of(event);
                }
                if (oldest == null && event.name().equals(name) && event.consumer().isEmpty()) {
                    oldest = entry;
                }
            }
            if (oldest == null) {
                return Optional.empty();
            }
            ObjectNode claimed = (ObjectNode) codec.tree(oldest.value().bytes());
            claimed.put("consumer", consumer);
            try {
                store.put(oldest.key(), StateValue.json(codec.encode(claimed)), PutOptions.ifVersion(oldest.version()));
                return Optional.of(event(claimed));
            } catch (VersionConflictException claimedByAnother) {
                // another consumer won this event: look again
            }
        }
    }

    /** Deletes the event {@code consumer} claimed, once the step it was handed to has durably moved on. */
    public void acknowledge(String instanceId, long seq, String consumer) {
        Optional<StateEntry> stored = store.get(eventKey(instanceId, seq));
        if (stored.isPresent() && event(stored.get()).consumer().filter(consumer::equals).isPresent()) {
            try {
                store.delete(stored.get().key(), Condition.ifVersion(stored.get().version()));
            } catch (VersionConflictException gone) {
                // deleted meanwhile (cleared with its run)
            }
        }
    }

    /** The run's pending events, oldest first (claimed ones included). */
    public List<Event> pending(String instanceId) {
        return events(instanceId).stream().map(this::event).toList();
    }

    /** Drops the run's pending events (it ended); the counter stays, so a redriven run's events keep rising. */
    public void clear(String instanceId) {
        for (StateEntry entry : events(instanceId)) {
            store.delete(entry.key());
        }
    }

    private List<StateEntry> events(String instanceId) {
        List<StateEntry> events = new ArrayList<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage(group(instanceId), ListRequest.MAX_PAGE_SIZE));
        while (request.isPresent()) {
            Page page = store.list(request.get());
            page.entries().stream().filter(e -> !e.key().id().equals(COUNTER)).forEach(events::add);
            request = request.get().next(page);
        }
        return events;
    }

    private Event event(StateEntry entry) {
        return event(codec.tree(entry.value().bytes()));
    }

    private static Event event(JsonNode record) {
        JsonNode consumer = record.path("consumer");
        return new Event(record.path("seq").asLong(), record.path("name").asText(), record.path("payload"),
                Instant.parse(record.path("sentAt").asText()),
                consumer.isTextual() ? Optional.of(consumer.asText()) : Optional.empty());
    }

    static String group(String instanceId) {
        return "ev-" + instanceId;
    }

    private static Key eventKey(String instanceId, long seq) {
        return new Key(group(instanceId), String.format("e-%020d", seq));
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 20) * 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(provider, "interrupted while recording an event", e);
        }
    }
}
