package io.skystate.gcp.internal.workflows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.SkystateException;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackOutcome;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.callback.StoreBackedCallbacks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Workflow callbacks between Skystate's signed tokens and Workflows callback endpoints. A callback step's attempt
 * gets a Skystate workflow callback (its token and signed URL are what the handler hands out; timeout and heartbeat
 * are enforced by the callback store) and a relay record naming the execution's callback endpoint
 * ({@code relay/<sha256(token)>}, and {@code relay-run-<run>/<callback id>} to stop a run's or a fork's callbacks).
 * When the
 * callback resolves (complete or fail through the API or the signed URL, or a timeout the sweeper finds) its outcome
 * is posted to the callback endpoint as {@code {"ok": true, "result"}} or {@code {"ok": false, "error", "cause"}},
 * with the function's identity, since callback endpoints accept only authorized callers. A relay that could not be
 * delivered stays recorded and the sweeper posts it again (at least once). Thread-safe.
 */
final class CallbackRelay {
    /**
     * What a relay record keeps: the callback, the execution's endpoint, the run and visit, and for listing pending
     * callbacks the step's path, the callback URL and when it started waiting and times out (epoch millis).
     */
    record Relay(String callbackId, String token, String endpoint, String run, String visit, String path, String url,
            long since, long timeoutAt) {
    }

    private static final System.Logger LOG = System.getLogger(CallbackRelay.class.getName());
    private static final String RELAYS = "relay";

    private final EngineContext ctx;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    CallbackRelay(EngineContext ctx) {
        this.ctx = ctx;
    }

    private StoreBackedCallbacks callbacks() {
        return ctx.callbacks();
    }

    /** Creates the Skystate callback of one attempt and its relay record. */
    CallbackHandle issue(String run, String visit, String path, String endpoint, Duration timeout,
            Optional<Duration> heartbeat) {
        CallbackRequest request = CallbackRequest.withTimeout(timeout).labelled(run + "/" + path);
        CallbackHandle handle = callbacks().create(heartbeat.map(request::withHeartbeat).orElse(request));
        Relay relay = new Relay(handle.id(), handle.token(), endpoint, run, visit, path, handle.url().toString(),
                ctx.clock().millis(), handle.expiresAt().toEpochMilli());
        PutOptions keep = PutOptions.always().expiringAt(handle.expiresAt().plus(StoreBackedCallbacks.RETENTION));
        ctx.registry().putJson(new Key("relay-run-" + run, handle.id()), relay, keep);
        ctx.registry().putJson(new Key(RELAYS, hash(handle.token())), relay, keep);
        return handle;
    }

    void complete(String token, byte[] resultJson) {
        callbacks().complete(token, resultJson);
        relay(token);
    }

    void fail(String token, String error, String cause) {
        callbacks().fail(token, error, cause);
        relay(token);
    }

    void heartbeat(String token) {
        callbacks().heartbeat(token);
    }

    /** Fails the callback of a stopped attempt so it can no longer be completed; nothing is relayed. */
    void invalidate(CallbackHandle handle, String run) {
        failQuietly(handle.token());
        forget(new Relay(handle.id(), handle.token(), null, run, null, null, null, 0, 0));
    }

    /** Fails every pending callback of a stopped run (their executions are gone: nothing is relayed). */
    void invalidateRun(String run) {
        for (StateEntry entry : list("relay-run-" + run)) {
            Relay relay = ctx.codec().decode(entry.value().bytes(), Relay.class);
            failQuietly(relay.token());
            forget(relay);
        }
    }

    /**
     * Stops the callback steps of a run whose visit ids start with {@code visitPrefix} (the branches of one fork of a
     * parallel step, when one of them failed): their callbacks are failed with Skystate.Cancelled and the failure is
     * relayed, so the waiting branches see it at once and stop; returns how many.
     */
    int stopBranches(String run, String visitPrefix) {
        int stopped = 0;
        for (StateEntry entry : list("relay-run-" + run)) {
            Relay relay = ctx.codec().decode(entry.value().bytes(), Relay.class);
            if (relay.visit() != null && relay.visit().startsWith(visitPrefix)) {
                failQuietly(relay.token());
                deliver(relay);
                stopped++;
            }
        }
        return stopped;
    }

    /** The run's callbacks that are still pending (issued, not resolved, not stopped). */
    List<PendingCallback> pending(String run) {
        List<PendingCallback> pending = new ArrayList<>();
        for (StateEntry entry : list("relay-run-" + run)) {
            Relay relay = ctx.codec().decode(entry.value().bytes(), Relay.class);
            if (relay.path() == null || !unresolved(relay.callbackId())) {
                continue;
            }
            Optional<URI> url = Optional.ofNullable(relay.url()).map(URI::create).filter(URI::isAbsolute);
            pending.add(new PendingCallback(run, relay.path(), relay.token(), url, Instant.ofEpochMilli(relay.since()),
                    Instant.ofEpochMilli(relay.timeoutAt())));
        }
        return pending;
    }

    private boolean unresolved(String callbackId) {
        try {
            return callbacks().outcome(callbackId).status() == CallbackStatus.PENDING;
        } catch (SkystateException gone) {
            return false;
        }
    }

    /** Relays every resolved callback not relayed yet (timeouts included); returns how many. */
    int sweep() {
        int relayed = 0;
        for (StateEntry entry : list(RELAYS)) {
            Relay relay = ctx.codec().decode(entry.value().bytes(), Relay.class);
            try {
                if (deliver(relay)) {
                    relayed++;
                }
            } catch (SkystateException e) {
                LOG.log(System.Logger.Level.DEBUG, "callback " + relay.callbackId() + " not relayed yet", e);
            }
        }
        return relayed;
    }

    private void relay(String token) {
        ctx.registry().getJson(new Key(RELAYS, hash(token)), Relay.class).ifPresent(this::deliver);
    }

    /** Posts the outcome of a resolved callback; true when it is done with (delivered, or nothing to deliver to). */
    private boolean deliver(Relay relay) {
        CallbackOutcome outcome = callbacks().outcome(relay.callbackId());
        if (!outcome.status().resolved()) {
            return false;
        }
        ObjectNode message = ctx.codec().mapper().createObjectNode();
        message.put(Protocol.OK, outcome.status() == CallbackStatus.COMPLETED);
        if (outcome.status() == CallbackStatus.COMPLETED) {
            message.set(Protocol.RESULT, ctx.claims().offload(ctx.codec().tree(outcome.result().orElseThrow())));
        } else {
            message.put(Protocol.ERROR, outcome.status() == CallbackStatus.TIMED_OUT ? WorkflowErrors.TIMEOUT
                    : outcome.errorType().orElse("Skystate.CallbackFailed"));
            message.put(Protocol.CAUSE, outcome.errorMessage().orElse(""));
        }
        if (post(relay.endpoint(), ctx.codec().encode(message))) {
            forget(relay);
            return true;
        }
        return false;
    }

    /** True when the callback endpoint took the message or no longer exists (the execution ended). */
    boolean post(String endpoint, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        ctx.settings().relayAuth().headers().forEach(request::header);
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2 || status == 404 || status == 429) {
                return true;
            }
            LOG.log(System.Logger.Level.WARNING, "callback endpoint answered " + status + "; the relay is retried");
            return false;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "callback endpoint unreachable; the relay is retried", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void failQuietly(String token) {
        try {
            callbacks().fail(token, WorkflowErrors.CANCELLED, "the workflow step waiting on this callback stopped");
        } catch (SkystateException alreadyResolvedOrExpired) {
            // nothing left to stop
        }
    }

    private void forget(Relay relay) {
        ctx.registry().delete(new Key(RELAYS, hash(relay.token())));
        ctx.registry().delete(new Key("relay-run-" + relay.run(), relay.callbackId()));
    }

    private List<StateEntry> list(String group) {
        List<StateEntry> found = new ArrayList<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage(group, 200));
        while (request.isPresent()) {
            Page page = ctx.registry().list(request.get());
            found.addAll(page.entries());
            request = request.get().next(page);
        }
        return found;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
