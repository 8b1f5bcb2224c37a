package io.skystate.core.idempotency;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Skystate;
import io.skystate.api.VersionConflictException;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.InvocationContext;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.idempotency.IdempotencyInProgressException;
import io.skystate.api.idempotency.IdempotencyKeyReusedException;
import io.skystate.api.idempotency.IdempotencyOptions;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.Version;
import io.skystate.core.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link Idempotency} written once on top of any {@link StateStore}: a create-if-absent claim, a version-checked
 * completion, and a version-checked release on failure. Records live in group = handler name, id = idempotency
 * key. Works on every adapter because it needs only the portable state semantics.
 */
public final class StoreBackedIdempotency implements Idempotency {
    private final Skystate skystate;
    private final JacksonCodec codec;
    private final Clock clock;

    public StoreBackedIdempotency(Skystate skystate, JacksonCodec codec, Clock clock) {
        this.skystate = skystate;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public <I, O> HandlerDefinition<I, O> wrap(HandlerDefinition<I, O> handler, Function<I, String> keyOf,
            IdempotencyOptions options) {
        StateStore store = skystate.stateStore(options.storeName());
        return HandlerDefinition.of(handler.name(), handler.inputType(), handler.outputType(),
                (input, context) -> invoke(store, handler, new Key(handler.name(), keyOf.apply(input)), input,
                        context, options));
    }

    private <I, O> O invoke(StateStore store, HandlerDefinition<I, O> handler, Key key, I input,
            InvocationContext context, IdempotencyOptions options) throws Exception {
        String hash = hash(input);
        long deadline = clock.millis() + options.maxWait().toMillis();
        long pause = 10;
        while (true) {
            Optional<Version> claim = tryClaim(store, key, hash, options);
            if (claim.isPresent()) {
                return runClaimed(store, handler, key, hash, input, context, claim.get(), options);
            }
            Optional<StateEntry> existing = store.get(key);
            if (existing.isPresent()) {
                IdempotencyRecord record = codec.decode(existing.get().value().bytes(), IdempotencyRecord.class);
                if (!record.payloadHash().equals(hash)) {
                    throw new IdempotencyKeyReusedException(skystate.provider(), "idempotency key '" + key.id()
                            + "' of handler '" + handler.name() + "' was used before with a different payload");
                }
                if (record.completed()) {
                    return codec.decode(record.resultJson().getBytes(StandardCharsets.UTF_8), handler.outputType());
                }
            }
            if (clock.millis() >= deadline) {
                throw new IdempotencyInProgressException(skystate.provider(), "idempotency key '" + key.id()
                        + "' of handler '" + handler.name() + "' is still in progress after " + options.maxWait());
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 200);
        }
    }

    private Optional<Version> tryClaim(StateStore store, Key key, String hash, IdempotencyOptions options) {
        try {
            return Optional.of(store.putJson(key, new IdempotencyRecord(IdempotencyRecord.IN_PROGRESS, hash, null),
                    PutOptions.ifAbsent().expiringAt(clock.instant().plus(options.inProgressTimeout()))));
        } catch (AlreadyExistsException e) {
            return Optional.empty();
        }
    }

    private <I, O> O runClaimed(StateStore store, HandlerDefinition<I, O> handler, Key key, String hash, I input,
            InvocationContext context, Version claim, IdempotencyOptions options) throws Exception {
        O output;
        try {
            output = handler.handler().handle(input, context);
        } catch (Exception | Error e) {
            release(store, key, claim);
            throw e;
        }
        String result = new String(codec.encode(output), StandardCharsets.UTF_8);
        Instant expiry = clock.instant().plus(options.resultTtl());
        store.putJson(key, new IdempotencyRecord(IdempotencyRecord.COMPLETED, hash, result),
                PutOptions.ifVersion(claim).expiringAt(expiry));
        return output;
    }

    private static void release(StateStore store, Key key, Version claim) {
        try {
            store.delete(key, Condition.ifVersion(claim));
        } catch (VersionConflictException lostClaim) {
            // The claim expired and another invocation took the key over; its record is not ours to delete.
        }
    }

    private String hash(Object input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codec.canonicalize(codec.encode(input)));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
