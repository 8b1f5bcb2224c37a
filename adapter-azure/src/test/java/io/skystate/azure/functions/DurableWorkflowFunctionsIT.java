package io.skystate.azure.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.TransientException;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.state.Key;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.conformance.AzureTargets;
import io.skystate.azure.deploy.ArmTemplate;
import io.skystate.azure.internal.durable.DurableWorkflowEngine;
import io.skystate.azure.internal.durable.Names;
import io.skystate.emulators.Azurite;
import io.skystate.emulators.DurableTaskSidecar;
import io.skystate.emulators.FreePorts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workflow functions as deployed, with no start-up code: the app settings are the ones {@link ArmTemplate} writes
 * for the prefix (storage pointed at Azurite, resources created since no template was deployed, a callback base URL),
 * the instance is {@link FunctionsRuntime#open} of them with the {@code HandlerModule} on the class path, and
 * {@link DurableFunctionsHost} plays the Functions host's Durable extension on a durabletask-go sidecar, invoking the
 * {@code @FunctionName} methods. Runs start from "a function of our own" through
 * {@link DurableFunctionsRuntime#attach}; a workflow callback is resolved over the HTTP function and reaches the run
 * through the queue-triggered function.
 */
class DurableWorkflowFunctionsIT {
    private static final String BASE = "https://app.example/";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final BlockingQueue<JsonNode> CALLBACK_REQUESTS = new LinkedBlockingQueue<>();
    private static Map<String, String> appSettings;
    private static AzureSkystate skystate;
    private static DurableTaskSidecar sidecar;
    private static DurableFunctionsHost host;

    @BeforeAll
    static void deploy() {
        String prefix = AzureTargets.newPrefix();
        appSettings = new HashMap<>();
        ArmTemplate.builder().prefix(prefix).durableFunctions(true).build().path("resources")
                .forEach(r -> r.path("properties").path("siteConfig").path("appSettings").forEach(s -> {
                    if (!s.path("value").asText().startsWith("[")) {
                        appSettings.put(s.path("name").asText(), s.path("value").asText());
                    }
                }));
        assertThat(appSettings).containsKeys(DurableWorkflowFunctions.TASK_HUB_SETTING,
                DurableWorkflowFunctions.CALLBACK_QUEUE_SETTING);
        appSettings.putAll(Map.of("AzureWebJobsStorage", Azurite.get().connectionString(),
                "SKYSTATE_CREATE_RESOURCES", "true", "SKYSTATE_HTTP_BASE_URL", BASE,
                "SKYSTATE_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(AzureTargets.TEST_KEY_ENCRYPTION_KEY)));
        skystate = FunctionsRuntime.open(appSettings);
        skystate.handlers().register(HandlerDefinition.of("capture", JsonNode.class, String.class, (request, context) -> {
            CALLBACK_REQUESTS.add(request);
            return "asked";
        }));
        sidecar = AzureTargets.startSidecar();
        host = new DurableFunctionsHost(new DurableWorkflowFunctions(skystate), sidecar, appSettings);
    }

    @AfterAll
    static void shutDown() {
        try (DurableTaskSidecar s = sidecar; DurableFunctionsHost h = host; AzureSkystate k = skystate) {
            assertThat(host.failures()).as("exceptions thrown by the functions").isEmpty();
        }
    }

    private static Workflows workflows() {
        return DurableFunctionsRuntime.attach(skystate, host.durableClient()).workflows();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRunStartedFromAFunctionRunsItsTaskInTheActivityFunction() throws Exception {
        workflows().register(WorkflowDefinition.builder("keep", 1).startAt("record")
                .task("record", "record", t -> t.resultPath("$.recorded")).build());

        workflows().start("keep", "keep-1", json("{\"id\":\"wf-1\",\"text\":\"hello\"}"));
        WorkflowRun run = workflows().await("keep-1", WAIT);

        assertThat(run.status()).as("%s", run).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(skystate.stateStore(TestHandlerModule.RECORDS).getJson(Key.of("items", "wf-1"), TestHandlerModule.Item.class))
                .map(TestHandlerModule.Item::text).contains("hello");
        assertThat(host.invocations(Names.ORCHESTRATION)).isPositive();
        assertThat(host.invocations(Names.TASK)).isPositive();
        assertThat(skystate.unwrap(DurableWorkflowEngine.class)).get().extracting(DurableWorkflowEngine::onFunctionsHost)
                .isEqualTo(true);
    }

    @Test
    void aCallbackResolvedOverHttpReachesTheRunThroughTheQueueTrigger() throws Exception {
        workflows().register(WorkflowDefinition.builder("approval", 1).startAt("approve")
                .awaitCallback("approve", "capture", WAIT, c -> c.resultPath("$.approval")).build());
        CALLBACK_REQUESTS.clear();
        workflows().start("approval", "approval-1", json("{\"order\":7}"));
        JsonNode request = CALLBACK_REQUESTS.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(request).as("the callback handler's request").isNotNull();
        URI url = URI.create(request.path("url").asText());
        assertThat(url.toString()).startsWith(BASE + "skystate/workflow-callbacks/");

        HostHttpRequest post = new HostHttpRequest("POST", url, Map.of("Content-Type", "application/json"),
                json("{\"outcome\":\"success\",\"result\":{\"approved\":true}}"));
        HostHttpResponse response = (HostHttpResponse) new SkystateFunctions(skystate, "work").http(post,
                new HostExecutionContext(SkystateFunctions.HTTP));
        assertThat(response.getStatusCode()).isEqualTo(204);

        WorkflowRun run = workflows().await("approval-1", WAIT);
        assertThat(run.status()).as("%s", run).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(new String(run.output().orElseThrow(), StandardCharsets.UTF_8)).contains("\"approval\":{\"approved\":true}");
        assertThat(host.invocations(DurableWorkflowFunctions.CALLBACKS)).isPositive();
    }

    /** Until a function with a durableClient binding ran in the process, workflows() has no client: retryable. */
    @Test
    void withoutTheHostsClientWorkflowsSayHowToGetIt() {
        try (AzureSkystate fresh = FunctionsRuntime.open(appSettings)) {
            fresh.workflows().register(WorkflowDefinition.builder("idle", 1).startAt("done").succeed("done").build());
            assertThatThrownBy(() -> fresh.workflows().start("idle", "idle-1", json("{}")))
                    .isInstanceOfSatisfying(TransientException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("DurableFunctionsRuntime.skystate(durable)");
        }
    }

    /**
     * An instance whose workflows run on a sidecar's task hub cannot serve the host's work items. (Nothing listens at
     * the sidecar address given: the instance's own workers must not take this test's work items.)
     */
    @Test
    void theWorkflowFunctionsRefuseAnInstanceOnASidecar() {
        Map<String, String> sidecarSettings = new HashMap<>(appSettings);
        sidecarSettings.put("SKYSTATE_DURABLE_HOST", "127.0.0.1");
        sidecarSettings.put("SKYSTATE_DURABLE_PORT", Integer.toString(FreePorts.one()));
        try (AzureSkystate onSidecar = FunctionsRuntime.open(sidecarSettings)) {
            assertThatThrownBy(() -> new DurableWorkflowFunctions(onSidecar).sweep("{}", host.durableClient()))
                    .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("SKYSTATE_DURABLE_HOST");
        }
    }
}
