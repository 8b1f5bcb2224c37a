package io.skystate.api.callback;

import io.skystate.api.Codec;
import java.time.Duration;

/**
 * Callbacks for long-running external work. The waiting side {@link #create creates} a callback and hands its
 * token or URL to an external party, which later completes or fails it (or sends heartbeats while it works).
 *
 * <p><b>Tokens</b> are unguessable (128 random bits), signed with a key id and an HMAC from the configured
 * {@link io.skystate.api.KeyRing} (keys rotate), expire with the callback, and are single-use: the first
 * complete/fail wins atomically. Malformed, forged or tampered tokens raise
 * {@link io.skystate.api.InvalidTokenException}; tokens past the callback's deadline raise
 * {@link io.skystate.api.TokenExpiredException}; a second resolution raises {@link CallbackAlreadyResolvedException}.
 * None of these change anything.
 *
 * <p><b>HTTP.</b> {@code POST} to the callback URL with a JSON body {@code {"outcome":"success","result":<json>}},
 * {@code {"outcome":"failure","error":"Type","message":"text"}} or {@code {"outcome":"heartbeat"}}. Answers: 204
 * done, 400 malformed body, 403 invalid token, 409 already resolved, 410 expired.
 *
 * <p><b>Delivery.</b> A callback resolves exactly once (completed, failed or timed out, whichever is first);
 * {@link #outcome} and {@link #await} return that same outcome every time, and a configured completion queue
 * receives one message for it (delivered at least once, as queues do) with attributes {@code callbackId} and
 * {@code status}. Timeouts are detected within about a second. Thread-safe.
 */
public interface Callbacks {
    /**
     * The largest result a callback (or a workflow callback step) accepts, in bytes of UTF-8 JSON: larger ones raise
     * {@link io.skystate.api.PayloadTooLargeException} (HTTP 413) and change nothing. Fits Step Functions' 256 KiB
     * task output.
     */
    int MAX_RESULT_BYTES = 256 * 1024;

    /** Creates a pending callback. */
    CallbackHandle create(CallbackRequest request);

    /** Completes the callback with a UTF-8 JSON result. */
    void complete(String token, byte[] resultJson);

    /** Fails the callback with an error type and message. */
    void fail(String token, String errorType, String errorMessage);

    /** Records that the external work is still alive, restarting the heartbeat timeout. */
    void heartbeat(String token);

    /** The callback's current state; {@link io.skystate.api.NotFoundException} for an unknown id. */
    CallbackOutcome outcome(String callbackId);

    /**
     * Blocks until the callback resolves or {@code maxWait} passes, then returns its state (still
     * {@link CallbackStatus#PENDING} if {@code maxWait} passed first).
     */
    CallbackOutcome await(String callbackId, Duration maxWait) throws InterruptedException;

    /** The codec used by {@link #complete(String, Object)}. */
    Codec codec();

    /** Completes the callback with {@code result} encoded as JSON. */
    default void complete(String token, Object result) {
        complete(token, codec().encode(result));
    }
}
