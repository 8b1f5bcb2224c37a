package io.skystate.conformance;

import static io.skystate.conformance.CallbackFixtures.LONG_TIMEOUT;
import static io.skystate.conformance.CallbackFixtures.SHORT_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidTokenException;
import io.skystate.api.KeyRing;
import io.skystate.api.NotFoundException;
import io.skystate.api.Skystate;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.callback.CallbackAlreadyResolvedException;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackOutcome;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.queue.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Callbacks through the Java API: single-use signed tokens, exactly one resolution, timeouts, heartbeats and
 * completion-queue notification. HTTP completion is in {@link CallbackHttpConformance}.
 */
public class CallbackConformance extends ConformanceSuite {
    private static final String RESULT = "{\"ok\":true,\"big\":123456789012345678901234567890,\"text\":\"\u00fc\ud83d\ude00\"}";

    protected final Callbacks callbacks() {
        return skystate().callbacks();
    }

    private CallbackHandle create(Duration timeout) {
        return callbacks().create(CallbackRequest.withTimeout(timeout).labelled("conformance"));
    }

    /** Create returns distinct ids and unguessable tokens, an absolute URL and an expiry; the callback is pending. */
    @ConformanceRule
    public final void callback01_createReturnsHandle() {
        Instant before = Instant.now();
        CallbackHandle a = create(LONG_TIMEOUT);
        CallbackHandle b = create(LONG_TIMEOUT);
        assertThat(a.id()).isNotBlank().isNotEqualTo(b.id());
        assertThat(a.token()).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(b.token());
        assertThat(a.url().isAbsolute()).as("absolute URL %s", a.url()).isTrue();
        assertThat(a.expiresAt()).isAfter(before).isBefore(Instant.now().plus(LONG_TIMEOUT).plusSeconds(5));
        CallbackFixtures.assertPending(callbacks(), a.id());
    }

    /** Completing through the API resolves COMPLETED with the exact result JSON, the same on every read. */
    @ConformanceRule
    public final void callback02_completeViaApi() throws Exception {
        CallbackHandle handle = create(LONG_TIMEOUT);
        callbacks().complete(handle.token(), RESULT.getBytes(StandardCharsets.UTF_8));
        CallbackOutcome outcome = CallbackFixtures.awaitResolved(callbacks(), handle.id());
        assertThat(outcome.status()).isEqualTo(CallbackStatus.COMPLETED);
        JsonTree.assertSameJson(outcome.result().orElseThrow(), RESULT);
        assertThat(outcome.resolvedAt()).isPresent();
        assertThat(outcome.errorType()).isEmpty();
        CallbackOutcome again = callbacks().outcome(handle.id());
        assertThat(again.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(again.resolvedAt()).isEqualTo(outcome.resolvedAt());
        JsonTree.assertSameJson(again.result().orElseThrow(), RESULT);
    }

    /** Failing through the API resolves FAILED with the error type and message and no result. */
    @ConformanceRule
    public final void callback03_failViaApi() throws Exception {
        CallbackHandle handle = create(LONG_TIMEOUT);
        callbacks().fail(handle.token(), "Payment.Declined", "card declined \u00fc\ud83d\ude00");
        CallbackOutcome outcome = CallbackFixtures.awaitResolved(callbacks(), handle.id());
        assertThat(outcome.status()).isEqualTo(CallbackStatus.FAILED);
        assertThat(outcome.errorType()).hasValue("Payment.Declined");
        assertThat(outcome.errorMessage()).hasValue("card declined \u00fc\ud83d\ude00");
        assertThat(outcome.result()).isEmpty();
    }

    /**
     * A callback not completed within its timeout resolves TIMED_OUT (error type {@code Skystate.Timeout}); a late
     * completion or failure raises TokenExpiredException and changes nothing.
     */
    @ConformanceRule
    public final void callback04_timeoutRejectsLateCompletion() throws Exception {
        CallbackHandle handle = create(SHORT_TIMEOUT);
        CallbackOutcome outcome = CallbackFixtures.awaitResolved(callbacks(), handle.id());
        assertThat(outcome.status()).isEqualTo(CallbackStatus.TIMED_OUT);
        assertThat(outcome.errorType()).hasValue(CallbackOutcome.TIMEOUT_ERROR);
        assertThatThrownBy(() -> callbacks().complete(handle.token(), RESULT.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TokenExpiredException.class);
        assertThatThrownBy(() -> callbacks().fail(handle.token(), "Late", "too late"))
                .isInstanceOf(TokenExpiredException.class);
        assertThat(callbacks().outcome(handle.id()).status()).isEqualTo(CallbackStatus.TIMED_OUT);
    }

    /** A second completion, or a failure after completion, raises CallbackAlreadyResolvedException; the result stays. */
    @ConformanceRule
    public final void callback05_secondResolutionRejected() throws Exception {
        CallbackHandle handle = create(LONG_TIMEOUT);
        callbacks().complete(handle.token(), RESULT.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> callbacks().complete(handle.token(), "{\"second\":true}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CallbackAlreadyResolvedException.class);
        assertThatThrownBy(() -> callbacks().fail(handle.token(), "Late", "after completion"))
                .isInstanceOf(CallbackAlreadyResolvedException.class);
        CallbackOutcome outcome = callbacks().outcome(handle.id());
        assertThat(outcome.status()).isEqualTo(CallbackStatus.COMPLETED);
        JsonTree.assertSameJson(outcome.result().orElseThrow(), RESULT);
    }

    /** Completing a failed callback raises CallbackAlreadyResolvedException; it stays FAILED. */
    @ConformanceRule
    public final void callback06_completeAfterFailRejected() {
        CallbackHandle handle = create(LONG_TIMEOUT);
        callbacks().fail(handle.token(), "Boom", "first");
        assertThatThrownBy(() -> callbacks().complete(handle.token(), Map.of("late", true)))
                .isInstanceOf(CallbackAlreadyResolvedException.class);
        CallbackOutcome outcome = callbacks().outcome(handle.id());
        assertThat(outcome.status()).isEqualTo(CallbackStatus.FAILED);
        assertThat(outcome.errorMessage()).hasValue("first");
    }

    /**
     * Forged tokens (random text, and a well-formed token signed by an unrelated key ring) raise InvalidTokenException
     * for complete, fail and heartbeat, and a real callback stays pending.
     */
    @ConformanceRule
    public final void callback07_forgedTokensRejected() {
        CallbackHandle real = create(LONG_TIMEOUT);
        String foreign;
        try (Skystate other = target().open(KeyRing.of("k1", Tokens.key()), KeyRing.of("k1", Tokens.key()))) {
            foreign = other.callbacks().create(CallbackRequest.withTimeout(LONG_TIMEOUT)).token();
        }
        for (String forged : List.of("x", Tokens.random(16), Tokens.random(96), "a.b.c", foreign)) {
            assertThatThrownBy(() -> callbacks().complete(forged, Map.of("forged", true))).as("token %s", forged)
                    .isInstanceOf(InvalidTokenException.class);
            assertThatThrownBy(() -> callbacks().fail(forged, "Forged", "no")).isInstanceOf(InvalidTokenException.class);
            assertThatThrownBy(() -> callbacks().heartbeat(forged)).isInstanceOf(InvalidTokenException.class);
        }
        CallbackFixtures.assertPending(callbacks(), real.id());
    }

    /**
     * A real token with one character changed (first, middle, last and between) raises InvalidTokenException; the
     * callback stays pending and the untampered token still completes it.
     */
    @ConformanceRule
    public final void callback08_tamperedTokenRejected() throws Exception {
        CallbackHandle handle = create(LONG_TIMEOUT);
        for (int position : Tokens.positions(handle.token())) {
            String tampered = Tokens.tamper(handle.token(), position);
            assertThatThrownBy(() -> callbacks().complete(tampered, Map.of("tampered", true)))
                    .as("token tampered at %s", position).isInstanceOf(InvalidTokenException.class);
        }
        CallbackFixtures.assertPending(callbacks(), handle.id());
        callbacks().complete(handle.token(), Map.of("real", true));
        assertThat(CallbackFixtures.awaitResolved(callbacks(), handle.id()).status()).isEqualTo(CallbackStatus.COMPLETED);
    }

    /**
     * Heartbeats every 200 ms keep a callback with a 600 ms heartbeat timeout pending for 1.5 s; once they stop it
     * times out within a few seconds and later heartbeats or completions raise TokenExpiredException.
     */
    @ConformanceRule
    public final void callback09_heartbeatsExtendDeadline() throws Exception {
        CallbackHandle handle = callbacks().create(CallbackRequest.withTimeout(LONG_TIMEOUT)
                .withHeartbeat(Duration.ofMillis(600)));
        long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < end) {
            callbacks().heartbeat(handle.token());
            Poll.sleep(Duration.ofMillis(200));
        }
        CallbackFixtures.assertPending(callbacks(), handle.id());
        CallbackOutcome outcome = CallbackFixtures.awaitResolved(callbacks(), handle.id());
        assertThat(outcome.status()).isEqualTo(CallbackStatus.TIMED_OUT);
        assertThatThrownBy(() -> callbacks().complete(handle.token(), Map.of("late", true)))
                .isInstanceOf(TokenExpiredException.class);
    }

    /** A callback created with a completion queue posts one message with attributes callbackId and status COMPLETED. */
    @ConformanceRule
    public final void callback10_completionNotifiesQueue() {
        String queue = unique("cbq");
        CallbackHandle handle = callbacks().create(CallbackRequest.withTimeout(LONG_TIMEOUT).notifying(queue));
        callbacks().complete(handle.token(), Map.of("done", true));
        assertNotified(queue, handle.id(), CallbackStatus.COMPLETED);
    }

    /** A callback that times out posts one message with status TIMED_OUT to its completion queue. */
    @ConformanceRule
    public final void callback11_timeoutNotifiesQueue() {
        String queue = unique("cbq");
        CallbackHandle handle = callbacks().create(CallbackRequest.withTimeout(SHORT_TIMEOUT).notifying(queue));
        assertNotified(queue, handle.id(), CallbackStatus.TIMED_OUT);
    }

    private void assertNotified(String queue, String callbackId, CallbackStatus status) {
        List<ReceivedMessage> messages = CallbackFixtures.drain(skystate().queue(queue), timing().bound(Duration.ofSeconds(15)),
                Duration.ofSeconds(1));
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.attributes())
                .containsEntry("callbackId", callbackId).containsEntry("status", status.name()));
    }

    /** await returns PENDING once maxWait has passed on an unresolved callback, without waiting much longer. */
    @ConformanceRule
    public final void callback12_awaitReturnsPendingAfterMaxWait() throws Exception {
        CallbackHandle handle = create(LONG_TIMEOUT);
        long start = System.nanoTime();
        CallbackOutcome outcome = callbacks().await(handle.id(), Duration.ofMillis(300));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(outcome.status()).isEqualTo(CallbackStatus.PENDING);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(timing().bound(Duration.ofSeconds(5)));
    }

    /** await returns as soon as another thread completes the callback, long before maxWait. */
    @ConformanceRule
    public final void callback13_awaitWakesOnCompletion() throws Exception {
        CallbackHandle handle = create(LONG_TIMEOUT);
        CompletableFuture<Void> completer = CompletableFuture.runAsync(() -> {
            Poll.sleep(Duration.ofMillis(300));
            callbacks().complete(handle.token(), Map.of("woke", true));
        });
        long start = System.nanoTime();
        CallbackOutcome outcome = callbacks().await(handle.id(), Duration.ofSeconds(60));
        assertThat(outcome.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timing().bound(Duration.ofSeconds(10)));
        completer.join();
    }

    /** outcome of an id that was never created raises NotFoundException. */
    @ConformanceRule
    public final void callback14_unknownIdNotFound() {
        assertThatThrownBy(() -> callbacks().outcome("no-such-callback-" + Tokens.random(12)))
                .isInstanceOf(NotFoundException.class);
    }
}
