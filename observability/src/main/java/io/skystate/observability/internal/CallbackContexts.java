package io.skystate.observability.internal;

import io.opentelemetry.context.Context;
import io.skystate.api.VersionConflictException;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What a callback's creation leaves for its resolution, in the observability store: under the callback id, the
 * creating span's context and the creation time; under a SHA-256 of the token (the resolving side has only the
 * token, and the store must not hold tokens), the id and the context. Both expire a day after the callback can.
 * The id record is deleted, with a version condition, by whichever observed process first sees the callback
 * resolved: that is how its wait is recorded once. Failures of these calls are counted and never reach the
 * application. Thread-safe.
 */
final class CallbackContexts {
    private static final String BY_ID = "callbacks";
    private static final String BY_TOKEN = "callback-tokens";
    private static final Duration GRACE = Duration.ofDays(1);

    /** A callback's creation as the resolving side finds it. */
    record Created(String callbackId, Context context) {
    }

    private final StoredContexts stored;
    private final Telemetry telemetry;
    /** Callbacks whose resolution this process has reported or seen reported: no need to read their record again. */
    private final Lru<String, Boolean> settled = new Lru<>(4096);

    CallbackContexts(StoredContexts stored, Telemetry telemetry) {
        this.stored = stored;
        this.telemetry = telemetry;
    }

    /**
     * Writes the id record when metrics are on (for the wait) and the token record when tracing is on. The creation
     * time is the adapter's: the handle's expiry less the requested timeout.
     */
    void remember(CallbackHandle handle, Duration timeout, Context context) {
        try {
            PutOptions options = PutOptions.always().expiringAt(handle.expiresAt().plus(GRACE));
            if (telemetry.metrics()) {
                stored.write(Key.of(BY_ID, handle.id()),
                        Map.of("createdAt", Long.toString(handle.expiresAt().minus(timeout).toEpochMilli())), options);
            }
            if (telemetry.tracing()) {
                stored.write(Key.of(BY_TOKEN, digest(handle.token())), StoredContexts.withContext(context,
                        Map.of("callbackId", handle.id())), options);
            }
        } catch (RuntimeException e) {
            telemetry.failed("callback.remember", e);
        }
    }

    /** The creation of the callback {@code token} resolves, if an observed instance created it. */
    Optional<Created> byToken(String token) {
        if (!telemetry.tracing() || token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return stored.read(Key.of(BY_TOKEN, digest(token)))
                    .flatMap(s -> s.field("callbackId").map(id -> new Created(id, s.context())));
        } catch (RuntimeException e) {
            telemetry.failed("callback.lookup", e);
            return Optional.empty();
        }
    }

    /**
     * When the callback was created, if this call is the first (among processes sharing the store) to report it
     * resolved; empty otherwise, and for callbacks no observed instance created.
     */
    Optional<Instant> claimResolution(String callbackId) {
        if (!telemetry.metrics() || settled.get(callbackId).isPresent()) {
            return Optional.empty();
        }
        try {
            Optional<StoredContexts.Stored> record = stored.read(Key.of(BY_ID, callbackId));
            settled.put(callbackId, Boolean.TRUE);
            if (record.isEmpty()) {
                return Optional.empty();
            }
            StoredContexts.Stored found = record.get();
            if (!stored.store().delete(found.entry().key(), Condition.ifVersion(found.entry().version()))) {
                return Optional.empty();
            }
            return found.field("createdAt").map(millis -> Instant.ofEpochMilli(Long.parseLong(millis)));
        } catch (VersionConflictException raced) {
            return Optional.empty();
        } catch (RuntimeException e) {
            telemetry.failed("callback.resolve", e);
            return Optional.empty();
        }
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
