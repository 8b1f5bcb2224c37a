package io.skystate.core.callback;

import io.skystate.api.Codec;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.KeyRing;
import io.skystate.api.NotFoundException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.Skystate;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.callback.CallbackAlreadyResolvedException;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackOutcome;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.queue.Message;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import io.skystate.core.crypto.Keys;
import io.skystate.core.crypto.TokenSigner;
import io.skystate.core.json.JacksonCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link Callbacks} written once on top of a {@link StateStore} and the completion queues: each callback is a
 * record changed only by version-checked writes, so the first resolution wins on every adapter. A due-time index
 * ({@link PendingIndex}) lets {@link #sweep()} time out overdue callbacks and (re)send completion messages that a
 * crash interrupted while reading only what is due, however many callbacks are pending; adapters call
 * {@code sweep()} periodically. Records are kept for
 * {@link #RETENTION} after their hard expiry. Thread-safe.
 */
public final class StoreBackedCallbacks implements Callbacks {
    /** How long a callback's outcome stays readable after its hard expiry. */
    public static final Duration RETENTION = Duration.ofDays(1);
    /**
     * How long {@link #sweep()} leaves a freshly resolved callback's completion message to the call that resolved
     * it. Without it a sweep running while the resolver sends (a first send may have to build a client and create
     * the queue) sends a second message; the sweep is there for resolvers that crashed before sending.
     */
    static final Duration NOTIFY_GRACE = Duration.ofSeconds(30);
    private static final String RECORD_ID = "callback";

    private final Skystate skystate;
    private final StateStore store;
    private final JacksonCodec codec;
    private final TokenSigner signer;
    private final Clock clock;
    private final Function<String, URI> urlForToken;
    private final PendingIndex pending;

    /** The application's callbacks ({@link Skystate#callbacks()}). */
    public StoreBackedCallbacks(Skystate skystate, StateStore store, JacksonCodec codec, KeyRing keys, Clock clock,
            Function<String, URI> urlForToken) {
        this(skystate, store, codec, keys, clock, urlForToken, CallbackToken.CALLBACK_PREFIX);
    }

    /**
     * The callbacks of workflow callback steps, kept apart from the application's: their tokens carry another
     * signed prefix, so {@code callbacks().complete} rejects a workflow token and
     * {@code workflows().completeCallback} rejects an application token ({@code InvalidTokenException}) on every
     * adapter, as they must on Step Functions, where workflow tokens are task tokens.
     */
    public static StoreBackedCallbacks forWorkflows(Skystate skystate, StateStore store, JacksonCodec codec,
            KeyRing keys, Clock clock, Function<String, URI> urlForToken) {
        return new StoreBackedCallbacks(skystate, store, codec, keys, clock, urlForToken, CallbackToken.WORKFLOW_PREFIX);
    }

    private StoreBackedCallbacks(Skystate skystate, StateStore store, JacksonCodec codec, KeyRing keys, Clock clock,
            Function<String, URI> urlForToken, String tokenPrefix) {
        this.skystate = skystate;
        this.store = store;
        this.codec = codec;
        this.signer = CallbackToken.signer(keys, skystate.provider(), tokenPrefix);
        this.pending = new PendingIndex(store);
        this.clock = clock;
        this.urlForToken = urlForToken;
    }

    @Override
    public CallbackHandle create(CallbackRequest request) {
        request.completionQueue().ifPresent(q -> Skystate.validateName("queue", q));
        long now = clock.millis();
        long expiresAt = now + request.timeout().toMillis();
        String id = Keys.randomId();
        var record = new CallbackRecord(CallbackStatus.PENDING, request.label(), now, expiresAt,
                request.heartbeatTimeout().map(Duration::toMillis).orElse(null), now,
                request.completionQueue().orElse(null), null, null, null, null, false, null);
        String entry = pending.add(id, record.deadline(), retainUntil(expiresAt));
        write(id, record.indexedAs(entry), PutOptions.ifAbsent());
        String token = new CallbackToken(id, expiresAt).sign(signer);
        return new CallbackHandle(id, token, urlForToken.apply(token), Instant.ofEpochMilli(expiresAt));
    }

    @Override
    public void complete(String token, byte[] resultJson) {
        checkResultSize(skystate.provider(), resultJson);
        codec.validate(resultJson);
        resolve(token, CallbackStatus.COMPLETED, new String(resultJson, StandardCharsets.UTF_8), null, null);
    }

    /** {@link PayloadTooLargeException} for a result over {@link Callbacks#MAX_RESULT_BYTES}. */
    public static void checkResultSize(String provider, byte[] resultJson) {
        if (resultJson != null && resultJson.length > MAX_RESULT_BYTES) {
            throw new PayloadTooLargeException(provider, "the callback result is " + resultJson.length
                    + " bytes; a callback result may hold at most " + MAX_RESULT_BYTES + " bytes of JSON (store a"
                    + " large result elsewhere and complete with a reference to it)");
        }
    }

    @Override
    public void fail(String token, String errorType, String errorMessage) {
        resolve(token, CallbackStatus.FAILED, null, errorType, errorMessage);
    }

    @Override
    public void heartbeat(String token) {
        while (true) {
            Loaded loaded = pendingFor(token);
            try {
                write(loaded.id(), loaded.record().heartbeat(clock.millis()), PutOptions.ifVersion(loaded.entry().version()));
                return;
            } catch (VersionConflictException raced) {
                // Re-read: another heartbeat or a resolution got there first.
            }
        }
    }

    @Override
    public CallbackOutcome outcome(String callbackId) {
        Optional<Loaded> loaded = load(callbackId);
        if (loaded.isEmpty()) {
            throw new NotFoundException(skystate.provider(), "no callback '" + callbackId + "'");
        }
        Loaded current = loaded.get();
        if (current.record().overdue(clock.millis())) {
            current = timeOut(current);
        }
        return toOutcome(callbackId, current.record());
    }

    @Override
    public CallbackOutcome await(String callbackId, Duration maxWait) throws InterruptedException {
        long deadline = clock.millis() + maxWait.toMillis();
        while (true) {
            CallbackOutcome outcome = outcome(callbackId);
            if (outcome.status().resolved() || clock.millis() >= deadline) {
                return outcome;
            }
            Thread.sleep(Math.max(1, Math.min(20, deadline - clock.millis())));
        }
    }

    @Override
    public Codec codec() {
        return codec;
    }

    /**
     * Times out overdue callbacks and sends completion messages still owed, reading only index entries that are due
     * (one short page when none is; a due burst for up to a second, see {@code CallbackSweep}). Returns how many
     * callbacks it settled.
     */
    public int sweep() {
        return new CallbackSweep(this, pending, clock).run();
    }

    /**
     * Resolves the callback, first moving its index entry to just after the notification grace period, so that if
     * this process dies before notifying, the next sweep sends the completion message soon, not at the old deadline.
     */
    private void resolve(String token, CallbackStatus status, String result, String errorType, String errorMessage) {
        while (true) {
            Loaded loaded = pendingFor(token);
            long now = clock.millis();
            String entry = pending.add(loaded.id(), now + NOTIFY_GRACE.toMillis(), retainUntil(loaded.record().expiresAt()));
            CallbackRecord resolved = loaded.record().resolve(status, result, errorType, errorMessage, now).indexedAs(entry);
            Loaded written;
            try {
                written = write(loaded.id(), resolved, PutOptions.ifVersion(loaded.entry().version()));
            } catch (VersionConflictException raced) {
                pending.remove(entry);
                continue;
            }
            if (!entry.equals(loaded.record().pendingIndex())) {
                pending.remove(loaded.record().pendingIndex());
            }
            notifyResolution(loaded.id(), written);
            return;
        }
    }

    /** The pending callback a token names, or the typed error saying why it cannot be acted on. */
    private Loaded pendingFor(String token) {
        CallbackToken parsed = CallbackToken.verify(signer, token, skystate.provider());
        if (clock.millis() >= parsed.expiresAt()) {
            load(parsed.callbackId()).filter(l -> l.record().overdue(clock.millis())).ifPresent(this::timeOut);
            throw new TokenExpiredException(skystate.provider(), "callback " + parsed.callbackId() + " has expired");
        }
        Loaded loaded = load(parsed.callbackId()).orElseThrow(() ->
                new InvalidTokenException(skystate.provider(), "callback token names no known callback"));
        if (loaded.record().overdue(clock.millis())) {
            timeOut(loaded);
            throw new TokenExpiredException(skystate.provider(), "callback " + loaded.id() + " timed out");
        }
        switch (loaded.record().status()) {
            case TIMED_OUT -> throw new TokenExpiredException(skystate.provider(), "callback " + loaded.id() + " timed out");
            case COMPLETED, FAILED -> throw new CallbackAlreadyResolvedException(skystate.provider(),
                    "callback " + loaded.id() + " was already " + loaded.record().status());
            default -> {
                return loaded;
            }
        }
    }

    Loaded timeOut(Loaded loaded) {
        CallbackRecord timedOut = loaded.record().resolve(CallbackStatus.TIMED_OUT, null, CallbackOutcome.TIMEOUT_ERROR,
                "no completion before the deadline", clock.millis());
        Loaded fresh;
        try {
            fresh = write(loaded.id(), timedOut, PutOptions.ifVersion(loaded.entry().version()));
        } catch (VersionConflictException raced) {
            fresh = load(loaded.id()).orElse(loaded); // resolved concurrently; the winner's outcome stands
        }
        notifyResolution(loaded.id(), fresh);
        return fresh;
    }

    /**
     * Sends the completion message a resolved callback still owes and marks it notified; returns whether this call
     * did so (and so removed the record's index entry).
     */
    boolean notifyResolution(String id, Loaded loaded) {
        CallbackRecord record = loaded.record();
        if (!record.status().resolved() || record.notified()) {
            return false;
        }
        if (record.completionQueue() != null) {
            skystate.queue(record.completionQueue()).send(new Message(
                    ("{\"callbackId\":\"" + id + "\",\"status\":\"" + record.status() + "\"}").getBytes(StandardCharsets.UTF_8),
                    Map.of("callbackId", id, "status", record.status().name())));
        }
        try {
            write(id, record.markNotified(), PutOptions.ifVersion(loaded.entry().version()));
        } catch (VersionConflictException raced) {
            return false; // another sweeper or resolver notified; at-least-once delivery allows the duplicate
        }
        pending.remove(record.pendingIndex());
        return true;
    }

    /** Writes the record under the condition; returns it as now stored (no read back: the put gives the version). */
    Loaded write(String id, CallbackRecord record, PutOptions condition) {
        PutOptions options = new PutOptions(condition.condition(), Optional.of(retainUntil(record.expiresAt())));
        StateValue value = StateValue.json(codec.encode(record));
        Version version = store.put(recordKey(id), value, options);
        return new Loaded(id, new StateEntry(recordKey(id), value, version, options.expiresAt()), record);
    }

    Optional<Loaded> load(String id) {
        return store.get(recordKey(id))
                .map(entry -> new Loaded(id, entry, codec.decode(entry.value().bytes(), CallbackRecord.class)));
    }

    private CallbackOutcome toOutcome(String id, CallbackRecord r) {
        return new CallbackOutcome(id, r.status(),
                Optional.ofNullable(r.resultJson()).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Optional.ofNullable(r.errorType()), Optional.ofNullable(r.errorMessage()),
                Optional.ofNullable(r.resolvedAt()).map(Instant::ofEpochMilli));
    }

    private static Key recordKey(String id) {
        return new Key(id, RECORD_ID);
    }

    static Instant retainUntil(long expiresAt) {
        return Instant.ofEpochMilli(expiresAt).plus(RETENTION);
    }

    record Loaded(String id, StateEntry entry, CallbackRecord record) {
    }
}
