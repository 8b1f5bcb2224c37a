package io.skystate.azure.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.OrchestrationRunner;
import com.microsoft.durabletask.OrchestratorFunction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorResponse;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.azure.internal.durable.Names;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator function as the Azure Functions host runs it: each episode's encoded history goes through
 * {@code OrchestrationRunner.loadAndRun} with the function method, as durabletask-azure-functions' middleware does,
 * and the encoded response is checked: the actions scheduled, the custom status (the run's history) and the output.
 * Replaying an episode gives the same response byte for byte (determinism).
 */
class DurableWorkflowFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private final DurableWorkflowFunctions functions = new DurableWorkflowFunctions();
    private final OrchestratorFunction<String> middleware = functions::workflow;

    private static String input(WorkflowDefinition definition, String data) throws Exception {
        ObjectNode input = JSON.createObjectNode().put("runId", "order-1")
                .put("definition", WorkflowDocuments.toJson(definition)).put("scope", "")
                .put("step", definition.startAt()).put("used", 0).put("budget", 2000).put("forks", 0).put("spills", 0);
        input.set("data", JSON.readTree(data));
        input.putArray("compensations");
        input.putArray("entries");
        return JSON.writeValueAsString(input);
    }

    private OrchestratorResponse run(EncodedHistory history) throws Exception {
        String request = history.encode();
        String first = OrchestrationRunner.loadAndRun(request, middleware);
        assertThat(OrchestrationRunner.loadAndRun(request, middleware)).as("replay of the same history").isEqualTo(first);
        return EncodedHistory.decode(first);
    }

    private static OrchestratorAction only(OrchestratorResponse response) {
        assertThat(response.getActionsList()).as("actions %s", response.getActionsList()).hasSize(1);
        return response.getActions(0);
    }

    private static JsonNode scheduled(OrchestratorAction action, String activity) throws Exception {
        assertThat(action.hasScheduleTask()).as("action %s", action).isTrue();
        assertThat(action.getScheduleTask().getName()).isEqualTo(activity);
        return JSON.readTree(EncodedHistory.text(action.getScheduleTask().getInput()));
    }

    private static List<String> history(OrchestratorResponse response) throws Exception {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : JSON.readTree(response.getCustomStatus().getValue()).path("h")) {
            lines.add(e.get("p").asText() + " " + e.get("k").asText() + " " + e.get("o").asText() + " " + e.get("a").asInt()
                    + (e.has("x") ? " " + e.get("x").asText() : ""));
        }
        return lines;
    }

    @Test
    void sequenceWithARetryReplaysEpisodeByEpisode() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("order", 1).startAt("reserve")
                .task("reserve", "reserveStock", t -> t.resultPath("$.reservation").next("charge"))
                .task("charge", "chargeCard", t -> t.inputPath("$.reservation").resultPath("$.payment")
                        .retry(RetryRule.on(List.of("Card.Busy"), 2, Duration.ofSeconds(1), 2.0)).next("ship"))
                .task("ship", "ship", t -> t.resultPath("$.shipment")).build();
        EncodedHistory history = new EncodedHistory("order-1", Names.ORCHESTRATION,
                input(definition, "{\"order\":7}"), T0);

        OrchestratorResponse started = run(history);
        JsonNode reserve = scheduled(only(started), Names.TASK);
        assertThat(reserve.get("handler").asText()).isEqualTo("reserveStock");
        assertThat(reserve.get("input")).isEqualTo(JSON.readTree("{\"order\":7}"));
        assertThat(reserve.get("attempt").asInt()).isEqualTo(1);
        assertThat(history(started)).containsExactly("reserve task RUNNING 1");

        history.next(started, T0.plusSeconds(1)).taskCompleted(0, "{\"output\":{\"id\":\"R-7\"}}");
        OrchestratorResponse reserved = run(history);
        JsonNode charge = scheduled(only(reserved), Names.TASK);
        assertThat(charge.get("input")).isEqualTo(JSON.readTree("{\"id\":\"R-7\"}"));

        history.next(reserved, T0.plusSeconds(2)).taskCompleted(1, "{\"error\":\"Card.Busy\",\"cause\":\"try later\"}");
        OrchestratorResponse busy = run(history);
        OrchestratorAction backoff = only(busy);
        assertThat(backoff.hasCreateTimer()).as("a durable timer for the retry: %s", backoff).isTrue();
        assertThat(backoff.getCreateTimer().getFireAt().getSeconds()).isEqualTo(T0.plusSeconds(3).getEpochSecond());

        // the timer fires, and its episode starts, a little after the timer's due time, as on a real host
        history.next(busy, T0.plusSeconds(3).plusMillis(40)).timerFired(2, backoff.getCreateTimer().getFireAt());
        OrchestratorResponse retried = run(history);
        assertThat(scheduled(only(retried), Names.TASK).get("attempt").asInt()).isEqualTo(2);

        history.next(retried, T0.plusSeconds(4)).taskCompleted(3, "{\"output\":\"paid\"}");
        OrchestratorResponse paid = run(history);
        assertThat(scheduled(only(paid), Names.TASK).get("handler").asText()).isEqualTo("ship");

        history.next(paid, T0.plusSeconds(5)).taskCompleted(4, "{\"output\":\"shipped\"}");
        OrchestratorResponse done = run(history);
        OrchestratorAction complete = only(done);
        assertThat(complete.hasCompleteOrchestration()).as("%s", complete).isTrue();
        assertThat(JSON.readTree(EncodedHistory.text(complete.getCompleteOrchestration().getResult()))).isEqualTo(
                JSON.readTree("{\"status\":\"SUCCEEDED\",\"output\":{\"order\":7,\"reservation\":{\"id\":\"R-7\"},"
                        + "\"payment\":\"paid\",\"shipment\":\"shipped\"}}"));
        assertThat(history(done)).containsExactly("reserve task SUCCEEDED 1", "charge task SUCCEEDED 2",
                "ship task SUCCEEDED 1");
    }

    @Test
    void failedSagaCompensatesNewestFirstThenFails() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("saga", 1).startAt("pay")
                .task("pay", "pay", t -> t.resultPath("$.paid").compensateWith("refund").next("ship"))
                .task("ship", "ship", t -> { }).build();
        EncodedHistory history = new EncodedHistory("order-1", Names.ORCHESTRATION, input(definition, "{}"), T0);
        OrchestratorResponse started = run(history);
        history.next(started, T0.plusSeconds(1)).taskCompleted(0, "{\"output\":true}");
        OrchestratorResponse paid = run(history);
        history.next(paid, T0.plusSeconds(2)).taskCompleted(1, "{\"error\":\"Truck.Broken\",\"cause\":\"flat tyre\"}");
        OrchestratorResponse failed = run(history);
        JsonNode refund = scheduled(only(failed), Names.COMPENSATE);
        assertThat(refund.get("handler").asText()).isEqualTo("refund");
        assertThat(refund.get("data")).isEqualTo(JSON.readTree("{\"paid\":true}"));

        history.next(failed, T0.plusSeconds(3)).taskCompleted(2, "{\"attempts\":1}");
        OrchestratorResponse done = run(history);
        assertThat(JSON.readTree(EncodedHistory.text(only(done).getCompleteOrchestration().getResult()))).isEqualTo(
                JSON.readTree("{\"status\":\"FAILED\",\"error\":\"Truck.Broken\",\"cause\":\"flat tyre\"}"));
        assertThat(history(done)).containsExactly("pay task SUCCEEDED 1", "ship task FAILED 1 Truck.Broken",
                "pay compensation SUCCEEDED 1");
    }
}
