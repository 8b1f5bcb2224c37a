package io.skystate.gcp.internal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.core.workflow.ops.EventInbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Signals and awaitEvent steps. Events are kept in core's {@link EventInbox} (group {@code ev-<run>} of the registry
 * store) from the moment {@link #signal} returns, so an event sent before its step is not lost. An awaitEvent step
 * execution (consumer: its invocation id, the same on every retry of its endpoint call) first registers a waiter
 * ({@code wait-<run>/<visit>}: event name, the execution's callback endpoint, consumer), then claims the oldest
 * unclaimed event of its name; found, the endpoint answers it at once. A signal appends the event, then claims for
 * every registered waiter of that name and posts what it claimed to the waiter's callback endpoint (as a relayed
 * callback: {@code {"ok": true, "result"}}). Both sides write before they read, so at least one of them sees the
 * other; both claiming for the same consumer get the same event (the claim is idempotent per consumer), and the
 * execution takes whichever arrives. When the step's wait times out it asks once more ({@code final}): the waiter is
 * removed first, then the claim repeats, so an event a signal claimed for it in the meantime is not lost. Claimed
 * events stay in the inbox (never handed to another consumer) until the run ends ({@link #clear}). Thread-safe.
 */
final class EventWaits {
    /** What a waiter record keeps. */
    record Waiter(String event, String endpoint, String consumer) {
    }

    private final EngineContext ctx;
    private final EventInbox inbox;
    private final CallbackRelay relay;

    EventWaits(EngineContext ctx, CallbackRelay relay) {
        this.ctx = ctx;
        this.inbox = new EventInbox(ctx.registry(), ctx.codec(), ctx.clock(), GcpErrors.PROVIDER);
        this.relay = relay;
    }

    /**
     * For the step's endpoint call: registers the waiter (or, on the {@code last} call after a timeout, removes it),
     * then claims; returns the payload of the event claimed for {@code consumer}, if any.
     */
    Optional<JsonNode> claim(String run, String visit, String event, String consumer, String endpoint, boolean last) {
        Key waiter = new Key("wait-" + run, visit);
        if (last) {
            ctx.registry().delete(waiter);
        } else {
            ctx.registry().putJson(waiter, new Waiter(event, endpoint, consumer),
                    PutOptions.always().expiringAt(ctx.clock().instant().plus(RunRegistry.RETENTION)));
        }
        Optional<EventInbox.Event> claimed = inbox.claim(run, event, consumer);
        if (claimed.isPresent() && !last) {
            ctx.registry().delete(waiter);
        }
        return claimed.map(EventInbox.Event::payload);
    }

    /**
     * Records the event (checked by core's {@code Signals}: typed errors, nothing recorded), then wakes a waiting step
     * of that name. The caller checks that the run exists and is running.
     */
    void signal(String run, String event, byte[] payloadJson) {
        inbox.append(run, event, payloadJson);
        for (StateEntry entry : waiters(run)) {
            Waiter waiter = ctx.codec().decode(entry.value().bytes(), Waiter.class);
            if (!waiter.event().equals(event)) {
                continue;
            }
            Optional<EventInbox.Event> claimed = inbox.claim(run, event, waiter.consumer());
            if (claimed.isEmpty()) {
                continue;
            }
            ObjectNode message = ctx.codec().mapper().createObjectNode();
            message.put(Protocol.OK, true);
            message.set(Protocol.RESULT, ctx.claims().offload(claimed.get().payload()));
            if (relay.post(waiter.endpoint(), ctx.codec().encode(message))) {
                ctx.registry().delete(entry.key());
            }
        }
    }

    /** Drops the run's events and waiters (it ended). */
    void clear(String run) {
        inbox.clear(run);
        for (StateEntry entry : waiters(run)) {
            ctx.registry().delete(entry.key());
        }
    }

    private List<StateEntry> waiters(String run) {
        List<StateEntry> found = new ArrayList<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage("wait-" + run, 100));
        while (request.isPresent()) {
            Page page = ctx.registry().list(request.get());
            found.addAll(page.entries());
            request = request.get().next(page);
        }
        return found;
    }
}
