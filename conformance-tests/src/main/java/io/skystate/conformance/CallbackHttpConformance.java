package io.skystate.conformance;

import static io.skystate.conformance.CallbackFixtures.LONG_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Capability;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackOutcome;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.callback.Callbacks;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Callback URLs over HTTP, for adapters that declare {@link Capability#CALLBACK_URLS} (reported as a capability gap
 * otherwise). POST JSON bodies {@code {"outcome":"success","result":...}}, {@code {"outcome":"failure","error":..,
 * "message":..}} or {@code {"outcome":"heartbeat"}}; answers 204 done, 400 malformed body, 403 invalid token, 409
 * already resolved, 410 expired. The forgery rules assume the URL carries the token verbatim.
 */
public class CallbackHttpConformance extends ConformanceSuite {
    protected final Callbacks callbacks() {
        return skystate().callbacks();
    }

    @Override
    protected final void beforeEachRule() {
        requireCapability(Capability.CALLBACK_URLS);
    }

    private CallbackHandle create() {
        return callbacks().create(CallbackRequest.withTimeout(LONG_TIMEOUT));
    }

    private static HttpPoster.Response post(URI url, String body) {
        return HttpPoster.postJson(url, body);
    }

    /** The callback URL with its token replaced by {@code forged}. */
    private static URI forged(CallbackHandle handle, String forged) {
        String url = handle.url().toString();
        assertThat(url).as("callback URL %s carries its token", url).contains(handle.token());
        return URI.create(url.replace(handle.token(), forged));
    }

    /** POST success → 204; the callback is COMPLETED with the posted result. */
    @ConformanceRule
    public final void http01_completeViaHttp() throws Exception {
        CallbackHandle handle = create();
        HttpPoster.Response response = post(handle.url(), "{\"outcome\":\"success\",\"result\":{\"a\":1,\"b\":[true,null]}}");
        assertThat(response.status()).as("response %s", response).isEqualTo(204);
        CallbackOutcome outcome = CallbackFixtures.awaitResolved(callbacks(), handle.id());
        assertThat(outcome.status()).isEqualTo(CallbackStatus.COMPLETED);
        JsonTree.assertSameJson(outcome.result().orElseThrow(), "{\"a\":1,\"b\":[true,null]}");
    }

    /** POST failure → 204; the callback is FAILED with the posted error type and message. */
    @ConformanceRule
    public final void http02_failViaHttp() throws Exception {
        CallbackHandle handle = create();
        HttpPoster.Response response = post(handle.url(),
                "{\"outcome\":\"failure\",\"error\":\"Remote.Error\",\"message\":\"it broke \u00fc\"}");
        assertThat(response.status()).as("response %s", response).isEqualTo(204);
        CallbackOutcome outcome = CallbackFixtures.awaitResolved(callbacks(), handle.id());
        assertThat(outcome.status()).isEqualTo(CallbackStatus.FAILED);
        assertThat(outcome.errorType()).hasValue("Remote.Error");
        assertThat(outcome.errorMessage()).hasValue("it broke \u00fc");
    }

    /** POST heartbeat → 204, and heartbeats every 200 ms keep a 600 ms heartbeat timeout from firing. */
    @ConformanceRule
    public final void http03_heartbeatViaHttp() {
        CallbackHandle handle = callbacks().create(CallbackRequest.withTimeout(LONG_TIMEOUT)
                .withHeartbeat(Duration.ofMillis(600)));
        long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < end) {
            assertThat(post(handle.url(), "{\"outcome\":\"heartbeat\"}").status()).isEqualTo(204);
            Poll.sleep(Duration.ofMillis(200));
        }
        CallbackFixtures.assertPending(callbacks(), handle.id());
    }

    /** A URL with a tampered or random token → 403, and the real callback stays pending. */
    @ConformanceRule
    public final void http04_forgedTokenForbidden() {
        CallbackHandle handle = create();
        String body = "{\"outcome\":\"success\",\"result\":{}}";
        String token = handle.token();
        for (String bad : List.of(Tokens.tamper(token, token.length() / 2), Tokens.tamper(token, token.length() - 1),
                Tokens.random(32))) {
            assertThat(post(forged(handle, bad), body).status()).as("token %s", bad).isEqualTo(403);
        }
        CallbackFixtures.assertPending(callbacks(), handle.id());
    }

    /** A malformed or incomplete body → 400, and the callback stays pending. */
    @ConformanceRule
    public final void http05_malformedBodyBadRequest() {
        CallbackHandle handle = create();
        for (String body : List.of("{not json", "", "[]", "{}", "{\"outcome\":\"maybe\"}", "{\"outcome\":42}")) {
            assertThat(post(handle.url(), body).status()).as("body '%s'", body).isEqualTo(400);
        }
        CallbackFixtures.assertPending(callbacks(), handle.id());
    }

    /** Posting to an already completed callback → 409, and the first result stays. */
    @ConformanceRule
    public final void http06_alreadyResolvedConflict() {
        CallbackHandle handle = create();
        callbacks().complete(handle.token(), Map.of("first", true));
        assertThat(post(handle.url(), "{\"outcome\":\"success\",\"result\":{\"second\":true}}").status()).isEqualTo(409);
        assertThat(post(handle.url(), "{\"outcome\":\"failure\",\"error\":\"E\",\"message\":\"m\"}").status())
                .isEqualTo(409);
        JsonTree.assertSameJson(callbacks().outcome(handle.id()).result().orElseThrow(), "{\"first\":true}");
    }

    /** Posting to a timed-out callback → 410, and it stays TIMED_OUT. */
    @ConformanceRule
    public final void http07_expiredGone() throws Exception {
        CallbackHandle handle = callbacks().create(CallbackRequest.withTimeout(CallbackFixtures.SHORT_TIMEOUT));
        assertThat(CallbackFixtures.awaitResolved(callbacks(), handle.id()).status()).isEqualTo(CallbackStatus.TIMED_OUT);
        assertThat(post(handle.url(), "{\"outcome\":\"success\",\"result\":{}}").status()).isEqualTo(410);
        assertThat(callbacks().outcome(handle.id()).status()).isEqualTo(CallbackStatus.TIMED_OUT);
    }

    /**
     * A result over {@link io.skystate.api.callback.Callbacks#MAX_RESULT_BYTES} (500 kB, under any HTTP body cap)
     * is answered 413 with a message stating the limit (and no internal names); the callback stays PENDING and
     * still completes with a small result.
     */
    @ConformanceRule
    public final void http08_oversizeResultIs413() throws Exception {
        CallbackHandle handle = create();
        String big = "x".repeat(500_000);
        HttpPoster.Response response = post(handle.url(), "{\"outcome\":\"success\",\"result\":\"" + big + "\"}");
        assertThat(response.status()).as("response %s", response.status()).isEqualTo(413);
        assertThat(response.body()).contains(Integer.toString(io.skystate.api.callback.Callbacks.MAX_RESULT_BYTES))
                .doesNotContain("Key[");
        CallbackFixtures.assertPending(callbacks(), handle.id());
        assertThat(post(handle.url(), "{\"outcome\":\"success\",\"result\":1}").status()).isEqualTo(204);
    }
}
