package io.skystate.conformance;

import static io.skystate.conformance.WorkflowFixtures.assertStatus;
import static io.skystate.conformance.WorkflowFixtures.awaitFinished;
import static io.skystate.conformance.WorkflowFixtures.awaitSucceeded;
import static io.skystate.conformance.WorkflowFixtures.function;
import static io.skystate.conformance.WorkflowFixtures.instanceId;
import static io.skystate.conformance.WorkflowFixtures.json;
import static io.skystate.conformance.WorkflowFixtures.member;
import static io.skystate.conformance.WorkflowFixtures.take;
import static io.skystate.conformance.WorkflowFixtures.workflowName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.Capability;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.Skystate;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.callback.CallbackAlreadyResolvedException;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepOptions;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Workflow steps waiting for a callback: the handler gets {"token","url","input"}, and the run resumes when the
 * token is completed (API or HTTP), failed, timed out, heartbeated, or the run is cancelled.
 */
public class WorkflowCallbackConformance extends ConformanceSuite {
    private static final Duration LONG = Duration.ofSeconds(60);

    /** What the callback handlers received ({"token","url","input"}), in order. */
    private final BlockingQueue<Object> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger afterCalls = new AtomicInteger();

    protected final Workflows workflows() {
        return skystate().workflows();
    }

    /**
     * Starts a run of: awaitCallback {@code approve} (input $.order, result $.approval, more options) → task
     * {@code after} (input $.approval, result $.after); returns the instance id once its handler has been called.
     */
    private String startWaiting(Duration timeout, Consumer<StepOptions.CallbackOptions> options,
            Consumer<WorkflowDefinition.Builder> more) throws InterruptedException {
        Skystate s = skystate();
        requests.clear();
        afterCalls.set(0);
        String capture = function(s, in -> {
            requests.add(WorkflowFixtures.tree(s, in));
            return "issued";
        });
        String after = function(s, in -> {
            afterCalls.incrementAndGet();
            return in;
        });
        WorkflowDefinition.Builder builder = WorkflowDefinition.builder(workflowName(), 1).startAt("approve")
                .awaitCallback("approve", capture, timeout, c -> options.accept(c.inputPath("$.order")
                        .resultPath("$.approval").next("after")))
                .task("after", after, t -> t.inputPath("$.approval").resultPath("$.after"));
        more.accept(builder);
        WorkflowDefinition definition = workflows().register(builder.build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{\"order\":{\"sku\":\"A-1\"},\"customer\":\"c\"}"));
        return id;
    }

    private String token() throws InterruptedException {
        return (String) member(take(requests, "the callback handler's request"), "token");
    }

    /**
     * The callback handler receives {"token","url","input"} (input = data at inputPath, url absolute); completing the
     * token with completeCallback from outside the handler writes the result at resultPath and the run goes on.
     */
    @ConformanceRule
    public final void wfcb01_completeViaApi() throws Exception {
        String id = startWaiting(LONG, c -> { }, b -> { });
        Object request = take(requests, "the callback handler's request");
        assertThat((String) member(request, "token")).as("token in %s", request).isNotBlank();
        assertThat(URI.create((String) member(request, "url")).isAbsolute()).as("absolute url in %s", request).isTrue();
        assertThat(member(request, "input")).isEqualTo(JsonTree.parse("{\"sku\":\"A-1\"}"));
        assertThat(workflows().run(id).status()).isEqualTo(RunStatus.RUNNING);
        workflows().completeCallback((String) member(request, "token"), json("{\"approved\":true,\"by\":\"\u00fc\"}"));
        WorkflowRun run = awaitSucceeded(workflows(), id);
        JsonTree.assertSameJson(run.output().orElseThrow(), "{\"order\":{\"sku\":\"A-1\"},\"customer\":\"c\","
                + "\"approval\":{\"approved\":true,\"by\":\"\u00fc\"},\"after\":{\"approved\":true,\"by\":\"\u00fc\"}}");
    }

    /** failCallback's error type is the step's error: a catch rule on it writes {"error","cause"} and goes on. */
    @ConformanceRule
    public final void wfcb02_failCaught() throws Exception {
        String id = startWaiting(LONG, c -> c.catching(new CatchRule(List.of("Payment.Declined"), "$.declined",
                "rejected")), b -> b.succeed("rejected"));
        workflows().failCallback(token(), "Payment.Declined", "card expired");
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(member(WorkflowFixtures.output(run), "declined"))
                .isEqualTo(JsonTree.parse("{\"error\":\"Payment.Declined\",\"cause\":\"card expired\"}"));
        assertThat(afterCalls).hasValue(0);
    }

    /** An uncaught failCallback FAILS the run with the error type and cause that were sent. */
    @ConformanceRule
    public final void wfcb03_failUncaught() throws Exception {
        String id = startWaiting(LONG, c -> { }, b -> { });
        workflows().failCallback(token(), "Payment.Declined", "no funds");
        WorkflowRun run = assertStatus(awaitFinished(workflows(), id), RunStatus.FAILED);
        assertThat(run.error()).hasValue("Payment.Declined");
        assertThat(run.cause()).hasValue("no funds");
    }

    /**
     * A callback not completed within its 1 s timeout fails the step with Skystate.Timeout (caught here); completing
     * the token afterwards raises CallbackAlreadyResolvedException or TokenExpiredException and changes nothing.
     */
    @ConformanceRule
    public final void wfcb04_callbackTimeout() throws Exception {
        String id = startWaiting(Duration.ofSeconds(1), c -> c.catching(CatchRule.any("$.timeout", "late")),
                b -> b.succeed("late"));
        String token = token();
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(member(member(WorkflowFixtures.output(run), "timeout"), "error")).isEqualTo(WorkflowErrors.TIMEOUT);
        assertThatThrownBy(() -> workflows().completeCallback(token, json("{\"late\":true}")))
                .isInstanceOfAny(CallbackAlreadyResolvedException.class, TokenExpiredException.class);
        assertThat(workflows().run(id).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(afterCalls).hasValue(0);
    }

    /**
     * With {@link Capability#CALLBACK_URLS}, POSTing {"outcome":"success","result":...} to the url the handler got
     * answers 204 and completes the step like completeCallback. Reported as a capability gap otherwise.
     */
    @ConformanceRule
    public final void wfcb05_completeViaHttp() throws Exception {
        requireCapability(Capability.CALLBACK_URLS);
        String id = startWaiting(LONG, c -> { }, b -> { });
        Object request = take(requests, "the callback handler's request");
        HttpPoster.Response response = HttpPoster.postJson(URI.create((String) member(request, "url")),
                "{\"outcome\":\"success\",\"result\":{\"via\":\"http\"}}");
        assertThat(response.status()).as("response %s", response).isEqualTo(204);
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(member(WorkflowFixtures.output(run), "approval")).isEqualTo(JsonTree.parse("{\"via\":\"http\"}"));
    }

    /**
     * Cancelling a run waiting on a callback ends it CANCELLED; completing its token afterwards raises
     * CallbackAlreadyResolvedException or TokenExpiredException, no further step runs, and the run stays CANCELLED.
     */
    @ConformanceRule
    public final void wfcb06_cancelWhileWaiting() throws Exception {
        String id = startWaiting(LONG, c -> { }, b -> { });
        String token = token();
        workflows().cancel(id, "conformance: customer withdrew");
        WorkflowRun run = assertStatus(awaitFinished(workflows(), id), RunStatus.CANCELLED);
        assertThat(run.endedAt()).isPresent();
        assertThatThrownBy(() -> workflows().completeCallback(token, json("{\"late\":true}")))
                .isInstanceOfAny(CallbackAlreadyResolvedException.class, TokenExpiredException.class);
        Poll.sleep(Duration.ofMillis(500));
        assertThat(workflows().run(id).status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(afterCalls).hasValue(0);
    }

    /**
     * Heartbeats every 250 ms keep a callback with a 1 s heartbeat timeout waiting for 3 s; it then completes
     * normally. A Skystate.Timeout here means heartbeats did not restart the heartbeat timeout.
     */
    @ConformanceRule
    public final void wfcb07_heartbeatKeepsWaiting() throws Exception {
        String id = startWaiting(Duration.ofSeconds(30), c -> c.heartbeat(Duration.ofSeconds(1)), b -> { });
        String token = token();
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < end) {
            workflows().heartbeatCallback(token);
            Poll.sleep(Duration.ofMillis(250));
        }
        assertThat(workflows().run(id).status()).isEqualTo(RunStatus.RUNNING);
        workflows().completeCallback(token, json("{\"alive\":true}"));
        assertThat(member(WorkflowFixtures.output(awaitSucceeded(workflows(), id)), "after"))
                .isEqualTo(JsonTree.parse("{\"alive\":true}"));
    }

    /**
     * Workflow callback tokens and application callback tokens are different kinds, on every adapter (on Step
     * Functions a workflow token is a task token): {@code callbacks().complete} rejects a workflow token and
     * {@code workflows().completeCallback} rejects an application token, both with InvalidTokenException and
     * without changing anything; each token then still completes through its own API.
     */
    @ConformanceRule
    public final void wfcb08_tokenKindsAreNotInterchangeable() throws Exception {
        String id = startWaiting(LONG, c -> { }, b -> { });
        String workflowToken = token();
        CallbackHandle plain = skystate().callbacks().create(CallbackRequest.withTimeout(LONG));
        assertThatThrownBy(() -> skystate().callbacks().complete(workflowToken, json("{\"wrong\":\"api\"}")))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> workflows().completeCallback(plain.token(), json("{\"wrong\":\"api\"}")))
                .isInstanceOf(InvalidTokenException.class);
        assertThat(skystate().callbacks().outcome(plain.id()).status()).isEqualTo(CallbackStatus.PENDING);
        assertThat(workflows().run(id).status()).isEqualTo(RunStatus.RUNNING);
        skystate().callbacks().complete(plain.token(), json("{\"right\":\"api\"}"));
        workflows().completeCallback(workflowToken, json("{\"right\":\"api\"}"));
        assertThat(member(WorkflowFixtures.output(awaitSucceeded(workflows(), id)), "approval"))
                .isEqualTo(JsonTree.parse("{\"right\":\"api\"}"));
        assertThat(skystate().callbacks().outcome(plain.id()).status()).isEqualTo(CallbackStatus.COMPLETED);
    }
}
