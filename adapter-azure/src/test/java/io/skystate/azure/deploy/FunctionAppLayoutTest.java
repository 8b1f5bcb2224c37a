package io.skystate.azure.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import io.skystate.azure.functions.DurableWorkflowFunctions;
import io.skystate.azure.functions.SkystateFunctions;
import io.skystate.azure.internal.durable.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The complete layout of an app with both function classes, as {@code FunctionAppLayout} writes it for deployment:
 * every function's bindings (one generator for HTTP, queue, timer and Durable bindings), queue names that are
 * app-setting references {@code ArmTemplate} fills in, and {@code host.json} with the Durable section only when a
 * Durable function is in the app. The files stay under {@code target/function-layout/} for inspection.
 */
class FunctionAppLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("target", "function-layout");
    private static final String APP = DurableWorkflowFunctions.class.getName();

    private static Path jar() throws Exception {
        Files.createDirectories(OUT);
        return Files.write(OUT.resolve("app.jar"), new byte[] {'P', 'K'});
    }

    private static JsonNode read(Path file) throws Exception {
        return JSON.readTree(file.toFile());
    }

    private static JsonNode bindings(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void bothFunctionClassesMakeACompleteApp() throws Exception {
        Path dir = OUT.resolve("both");
        List<String> names = FunctionAppLayout.write(dir, jar(), List.of(),
                List.of(SkystateFunctions.class, DurableWorkflowFunctions.class));

        assertThat(names).as("class order, then method name order").containsExactly(SkystateFunctions.HTTP,
                SkystateFunctions.WORK, Names.CALLBACK, DurableWorkflowFunctions.CALLBACKS, Names.COMPENSATE, Names.OFFLOAD, Names.SPILL, Names.STOP_BRANCHES,
                DurableWorkflowFunctions.SWEEPER, Names.TASK, Names.ORCHESTRATION);
        Map<String, String> entryPoints = Map.of(Names.ORCHESTRATION, "workflow", Names.TASK, "task",
                Names.CALLBACK, "callback", Names.COMPENSATE, "compensate", Names.SPILL, "spill",
                Names.OFFLOAD, "offload", Names.STOP_BRANCHES, "stopBranches");
        String activity = "[{\"type\":\"activityTrigger\",\"direction\":\"in\",\"name\":\"input\"},"
                + "{\"type\":\"durableClient\",\"direction\":\"in\",\"name\":\"durable\"}]";
        for (var function : entryPoints.entrySet()) {
            JsonNode json = read(dir.resolve(function.getKey()).resolve("function.json"));
            assertThat(json.get("scriptFile").asText()).isEqualTo("../app.jar");
            assertThat(json.get("entryPoint").asText()).isEqualTo(APP + "." + function.getValue());
            assertThat(json.get("bindings")).as(function.getKey()).isEqualTo(bindings(
                    function.getKey().equals(Names.ORCHESTRATION)
                            ? "[{\"type\":\"orchestrationTrigger\",\"direction\":\"in\",\"name\":\"ctx\"}]" : activity));
        }
        assertThat(read(dir.resolve(DurableWorkflowFunctions.CALLBACKS).resolve("function.json")).get("bindings"))
                .isEqualTo(bindings("[{\"type\":\"queueTrigger\",\"direction\":\"in\",\"name\":\"message\","
                        + "\"queueName\":\"%SKYSTATE_DURABLE_CALLBACK_QUEUE_NATIVE%\",\"connection\":\"AzureWebJobsStorage\","
                        + "\"dataType\":\"binary\"},{\"type\":\"durableClient\",\"direction\":\"in\",\"name\":\"durable\"}]"));
        assertThat(read(dir.resolve(DurableWorkflowFunctions.SWEEPER).resolve("function.json")).get("bindings"))
                .isEqualTo(bindings("[{\"type\":\"timerTrigger\",\"direction\":\"in\",\"name\":\"timer\","
                        + "\"schedule\":\"*/5 * * * * *\"},{\"type\":\"durableClient\",\"direction\":\"in\",\"name\":\"durable\"}]"));
        assertThat(read(dir.resolve(SkystateFunctions.HTTP).resolve("function.json")).get("bindings"))
                .isEqualTo(bindings("[{\"type\":\"httpTrigger\",\"direction\":\"in\",\"name\":\"request\","
                        + "\"authLevel\":\"anonymous\",\"methods\":[\"post\",\"get\"],\"route\":\"skystate/{*path}\","
                        + "\"dataType\":\"binary\"},{\"type\":\"http\",\"direction\":\"out\",\"name\":\"$return\"}]"));
        assertThat(read(dir.resolve(SkystateFunctions.WORK).resolve("function.json")).get("bindings"))
                .isEqualTo(bindings("[{\"type\":\"queueTrigger\",\"direction\":\"in\",\"name\":\"message\","
                        + "\"queueName\":\"%SKYSTATE_WORK_QUEUE_NATIVE%\",\"connection\":\"AzureWebJobsStorage\","
                        + "\"dataType\":\"binary\"}]"));

        JsonNode host = read(dir.resolve("host.json"));
        assertThat(host.path("extensionBundle").path("version").asText()).isEqualTo("[4.*, 5.0.0)");
        assertThat(host.path("extensions").path("http").path("routePrefix").asText()).isEmpty();
        assertThat(host.path("extensions").path("durableTask")).isEqualTo(bindings(
                "{\"hubName\":\"%" + DurableWorkflowFunctions.TASK_HUB_SETTING + "%\"}"));
    }

    @Test
    void anAppWithoutDurableFunctionsHasNoDurableSection() throws Exception {
        Path dir = OUT.resolve("plain");
        assertThat(FunctionAppLayout.write(dir, jar(), List.of(), List.of(SkystateFunctions.class)))
                .containsExactly(SkystateFunctions.HTTP, SkystateFunctions.WORK);
        assertThat(read(dir.resolve("host.json")).path("extensions").has("durableTask")).isFalse();
    }

    /** Functions of two classes under one name would overwrite each other's function.json. */
    public static class Clash {
        @FunctionName(SkystateFunctions.WORK)
        public void work(@QueueTrigger(name = "message", queueName = "q") String message) {
        }
    }

    /** A parameter the host could not bind. */
    public static class Unbound {
        @FunctionName("unbound")
        public void run(@QueueTrigger(name = "message", queueName = "q") String message, String stray) {
        }
    }

    @Test
    void duplicateNamesAndUnboundParametersAreRefused() throws Exception {
        Path jar = jar();
        assertThatThrownBy(() -> FunctionAppLayout.write(OUT.resolve("clash"), jar, List.of(),
                List.of(SkystateFunctions.class, Clash.class))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two functions are named " + SkystateFunctions.WORK);
        assertThatThrownBy(() -> FunctionAppLayout.write(OUT.resolve("unbound"), jar, List.of(), List.of(Unbound.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no binding");
    }
}
