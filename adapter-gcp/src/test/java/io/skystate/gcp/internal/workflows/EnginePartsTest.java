package io.skystate.gcp.internal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.Capabilities;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.crypto.Keys;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.local.LocalSkystate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Workflow ids, step lookup by history path, relay URLs and the task endpoint's routing, without a runner. */
class EnginePartsTest {
    @Test
    void workflowIdsAreValidWorkflowsIds() {
        assertThat(WorkflowIds.id("skystate-", "order-saga", 3)).isEqualTo("skystate-order-saga-v3");
        String longId = WorkflowIds.id("skystate-", "a".repeat(64), 12);
        assertThat(longId).hasSizeLessThanOrEqualTo(64).endsWith("-v12").matches("[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9]");
        assertThat(WorkflowIds.id("skystate-", "b".repeat(64), 12)).isNotEqualTo(longId);
        assertThat(WorkflowIds.id("1-", "x", 1)).startsWith("w");
    }

    @Test
    void stepsAreFoundByHistoryPath() {
        WorkflowDefinition definition = WorkflowDefinition.builder("paths", 1).startAt("fan")
                .parallel("fan", p -> p.branch(b -> b.startAt("a").task("a", "h", t -> { }))
                        .branch(b -> b.startAt("inner").parallel("inner", q -> q
                                .branch(x -> x.startAt("deep").task("deep", "h", t -> { }))
                                .branch(x -> x.startAt("other").succeed("other")))))
                .build();
        assertThat(Deployments.step(definition, "fan")).map(Step::kind).contains("parallel");
        assertThat(Deployments.step(definition, "fan/0/a")).map(Step::kind).contains("task");
        assertThat(Deployments.step(definition, "fan/1/inner/0/deep")).map(Step::name).contains("deep");
        assertThat(Deployments.step(definition, "fan/2/a")).isEmpty();
        assertThat(Deployments.step(definition, "a")).isEmpty();
    }

    @Test
    void callbackUrlsPointAtTheRelay() {
        assertThat(CloudWorkflowsEngine.callbackUrl(URI.create("https://fn.example/"), "wcb1.a+b/c").toString())
                .isEqualTo("https://fn.example/skystate/workflow-callbacks/wcb1.a%2Bb%2Fc");
    }

    @Test
    void theTaskEndpointRoutesAndRefusesUnknownRuns() {
        try (LocalSkystate local = LocalSkystate.builder().withoutHttp().build();
                CloudWorkflowsEngine engine = engine(local)) {
            TaskEndpoint endpoint = engine.taskEndpoint();
            assertThat(TaskEndpoint.serves("/skystate/workflow-tasks/task")).isTrue();
            assertThat(endpoint.handle("POST", "/other", Map.of(), new byte[0]).status()).isEqualTo(404);
            assertThat(endpoint.handle("GET", "/skystate/workflow-tasks/task", Map.of(), new byte[0]).status())
                    .isEqualTo(405);
            assertThat(endpoint.handle("POST", "/skystate/workflow-tasks/nothing", Map.of(), "{}".getBytes(StandardCharsets.UTF_8))
                    .status()).isEqualTo(404);
            TaskEndpoint.Reply reply = endpoint.handle("POST", "/skystate/workflow-tasks/task", Map.of(),
                    "{\"run\":\"unknown\",\"p\":\"work\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(reply.status()).isEqualTo(200);
            JsonNode answer = ((JacksonCodec) local.codec()).tree(reply.body());
            assertThat(answer.get("ok").asBoolean()).isFalse();
            assertThat(answer.get("error").asText()).isEqualTo(WorkflowErrors.CANCELLED);
            TaskEndpoint.Reply forged = endpoint.handle("POST", "/skystate/workflow-callbacks/forged", Map.of(),
                    "{\"outcome\":\"success\",\"result\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(forged.status()).isEqualTo(403);
        }
    }

    @Test
    void anEngineWithWorkersOffRunsNoStepsButServesTheRest() {
        try (LocalSkystate local = LocalSkystate.builder().withoutHttp().build();
                CloudWorkflowsEngine engine = engine(local, WorkflowWorkers.OFF)) {
            TaskEndpoint endpoint = engine.taskEndpoint();
            byte[] body = "{\"run\":\"unknown\",\"p\":\"work\"}".getBytes(StandardCharsets.UTF_8);
            for (String op : List.of("task", "callback", "compensate", "event", "sweep")) {
                assertThat(endpoint.handle("POST", "/skystate/workflow-tasks/" + op, Map.of(), body).status())
                        .as(op).isEqualTo(503);
            }
            assertThat(endpoint.handle("POST", "/skystate/workflow-tasks/record", Map.of(), body).status())
                    .isEqualTo(200);
            assertThat(endpoint.handle("POST", "/skystate/workflow-callbacks/forged", Map.of(),
                    "{\"outcome\":\"success\",\"result\":1}".getBytes(StandardCharsets.UTF_8)).status())
                    .isEqualTo(403);
        }
    }

    @Test
    void startValidatesTheInstanceIdBeforeAnythingElse() {
        try (LocalSkystate local = LocalSkystate.builder().withoutHttp().build();
                CloudWorkflowsEngine engine = engine(local)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.workflows().start("w", 1, "bad id!",
                    "{}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(io.skystate.api.InvalidRequestException.class);
        }
    }

    private static CloudWorkflowsEngine engine(LocalSkystate local) {
        return engine(local, WorkflowWorkers.ON);
    }

    private static CloudWorkflowsEngine engine(LocalSkystate local, WorkflowWorkers workers) {
        JacksonCodec codec = (JacksonCodec) local.codec();
        URI function = URI.create("http://127.0.0.1:9");
        StoreBackedCallbacks callbacks = StoreBackedCallbacks.forWorkflows(local, local.stateStore("wcb"), codec,
                Keys.randomRing("gcp"), Clock.systemUTC(), token -> CloudWorkflowsEngine.callbackUrl(function, token));
        return CloudWorkflowsEngine.create(local, (HandlerRegistry) local.handlers(), callbacks, codec,
                Clock.systemUTC(), () -> new Capabilities("gcp", Set.of(), 100, 400_000), WorkflowPortability.PORTABLE,
                CloudWorkflowsSettings.builder("p", "l", function).apiEndpoint("http://127.0.0.1:9")
                        .sweepInterval(Duration.ZERO).workers(workers).build(), Keys.randomRing("gcp"));
    }
}
