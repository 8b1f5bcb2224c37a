package io.skystate.azure.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.azure.deploy.DurableFunctionJson;
import io.skystate.azure.internal.durable.Names;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The function.json files of the workflow functions, written to {@code target/functions} for inspection. */
class DurableFunctionJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyWorkflowFunctionGetsItsDurableBindings() throws Exception {
        Path dir = Path.of("target", "functions");
        List<String> names = DurableFunctionJson.write(dir, "app.jar", DurableWorkflowFunctions.class);
        assertThat(names).containsExactlyInAnyOrder(Names.ORCHESTRATION, Names.TASK, Names.CALLBACK, Names.COMPENSATE,
                Names.SPILL, Names.OFFLOAD, Names.STOP_BRANCHES, "SkystateWorkflowCallbacks", "SkystateWorkflowSweeper");
        JsonNode orchestrator = JSON.readTree(dir.resolve(Names.ORCHESTRATION).resolve("function.json").toFile());
        assertThat(orchestrator.get("entryPoint").asText()).isEqualTo(DurableWorkflowFunctions.class.getName() + ".workflow");
        assertThat(orchestrator.get("bindings")).isEqualTo(JSON.readTree(
                "[{\"type\":\"orchestrationTrigger\",\"name\":\"ctx\",\"direction\":\"in\"}]"));
        JsonNode task = JSON.readTree(dir.resolve(Names.TASK).resolve("function.json").toFile());
        assertThat(task.get("bindings")).isEqualTo(JSON.readTree("[{\"type\":\"activityTrigger\",\"name\":\"input\","
                + "\"direction\":\"in\"},{\"type\":\"durableClient\",\"name\":\"durable\",\"direction\":\"in\"}]"));
        JsonNode callbacks = JSON.readTree(dir.resolve("SkystateWorkflowCallbacks").resolve("function.json").toFile());
        assertThat(callbacks.get("bindings").get(0).get("queueName").asText()).isEqualTo(Names.CALLBACK_QUEUE);
    }
}
