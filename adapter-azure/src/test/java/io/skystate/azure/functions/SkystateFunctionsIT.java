package io.skystate.azure.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.state.Key;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.conformance.AzureTargets;
import io.skystate.emulators.Azurite;
import io.skystate.emulators.DurableTaskSidecar;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain entry points, called the way the Azure Functions host calls them: an instance opened by
 * {@link FunctionsRuntime} from app settings (handlers from the {@code HandlerModule} on the class path), the
 * {@code @FunctionName} methods invoked with the worker's request and context types, and queue messages received from
 * Azurite and handed over as the host's queue trigger does (Base64-decoded bytes, id, pop receipt, dequeue count).
 */
class SkystateFunctionsIT {
    private static final String BASE = "https://app.example/";
    private static DurableTaskSidecar sidecar;
    private static AzureSkystate skystate;
    private static SkystateFunctions functions;

    /**
     * The class path holds the order-saga example, whose {@code HandlerModule} registers its workflow, so the app
     * needs a workflow engine to start: a private Durable Task sidecar, as a deployed app would name one.
     */
    @BeforeAll
    static void coldStart() {
        sidecar = DurableTaskSidecar.start();
        skystate = FunctionsRuntime.open(Map.of("AzureWebJobsStorage", Azurite.get().connectionString(),
                "SKYSTATE_PREFIX", AzureTargets.newPrefix(), "SKYSTATE_CREATE_RESOURCES", "true",
                "SKYSTATE_HTTP_BASE_URL", BASE, "SKYSTATE_KEY_ENCRYPTION_KEY",
                java.util.Base64.getEncoder().encodeToString(AzureTargets.TEST_KEY_ENCRYPTION_KEY),
                "SKYSTATE_DURABLE_HOST", sidecar.host(), "SKYSTATE_DURABLE_PORT", Integer.toString(sidecar.port())));
        functions = new SkystateFunctions(skystate, "work");
    }

    @AfterAll
    static void shutDown() {
        if (skystate != null) {
            skystate.close();
        }
        sidecar.close();
    }

    @Test
    void callbackUrlsAreServedByTheHttpTrigger() {
        CallbackHandle handle = skystate.callbacks().create(CallbackRequest.withTimeout(Duration.ofMinutes(5)));
        assertThat(handle.url()).hasToString(BASE + "skystate/callbacks/" + handle.token());

        HostHttpResponse response = post(handle.url().getRawPath(), "{\"outcome\":\"success\",\"result\":{\"ok\":true}}");

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(skystate.callbacks().outcome(handle.id()).status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(post(handle.url().getRawPath(), "{\"outcome\":\"success\"}").getStatusCode()).as("second resolution")
                .isEqualTo(409);
        assertThat(post("/skystate/callbacks/forged", "{\"outcome\":\"success\"}").getStatusCode()).isEqualTo(403);
    }

    @Test
    void workflowCallbackUrlsAreRoutedToWorkflowCallbacks() {
        String appToken = skystate.callbacks().create(CallbackRequest.withTimeout(Duration.ofMinutes(5))).token();
        assertThat(post("/skystate/workflow-callbacks/" + appToken, "{\"outcome\":\"success\"}").getStatusCode())
                .as("an application token is not a workflow token").isEqualTo(403);
    }

    @Test
    void handlerEndpointsAreOffByDefault() {
        assertThat(skystate.handlerEndpointsServed()).isFalse();
        assertThat(skystate.handlers().endpoint("record")).isEmpty();
        HostHttpResponse response = post("/skystate/handlers/record", "{\"id\":\"h\",\"text\":\"x\"}");
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(skystate.stateStore(TestHandlerModule.RECORDS).get(Key.of("items", "h"))).isEmpty();
    }

    @Test
    void otherMethodsAndPathsAreRefused() {
        HostHttpRequest get = new HostHttpRequest("GET", URI.create(BASE + "skystate/callbacks/x"), Map.of(), new byte[0]);
        assertThat(((HostHttpResponse) functions.http(get, new HostExecutionContext(SkystateFunctions.HTTP))).getStatusCode())
                .isEqualTo(405);
        assertThat(post("/elsewhere", "{}").getStatusCode()).isEqualTo(404);
    }

    @Test
    void theQueueTriggerRunsTheNamedHandlerIncludingClaimCheckedMessages() {
        String text = "x".repeat(48_000);
        skystate.queue("work").send(QueueWork.message("record",
                ("{\"id\":\"big\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8)));
        skystate.queue("work").send(QueueWork.message("record", "{\"id\":\"small\",\"text\":\"s\"}".getBytes(StandardCharsets.UTF_8)));

        deliverAll(2);

        assertThat(skystate.stateStore(TestHandlerModule.RECORDS).getJson(Key.of("items", "big"), TestHandlerModule.Item.class)
                .orElseThrow().text()).isEqualTo(text);
        assertThat(skystate.stateStore(TestHandlerModule.RECORDS).get(Key.of("items", "small"))).isPresent();
    }

    @Test
    void aFailingHandlerFailsTheInvocationSoTheHostRetries() {
        skystate.queue("work").send(QueueWork.message("reject", "{\"id\":\"r\",\"text\":\"t\"}".getBytes(StandardCharsets.UTF_8)));
        QueueMessageItem item = receiveRaw();
        assertThatThrownBy(() -> functions.work(item.getBody().toBytes(), item.getMessageId(), item.getPopReceipt(),
                item.getDequeueCount(), new HostExecutionContext(SkystateFunctions.WORK)))
                .isInstanceOf(HandlerFailedException.class).hasMessageContaining("reject");
        queue().deleteMessage(item.getMessageId(), item.getPopReceipt());
    }

    /** What the host does: receive, run the function, delete the message when it returned. */
    private static void deliverAll(int count) {
        for (int i = 0; i < count; i++) {
            QueueMessageItem item = receiveRaw();
            functions.work(item.getBody().toBytes(), item.getMessageId(), item.getPopReceipt(), item.getDequeueCount(),
                    new HostExecutionContext(SkystateFunctions.WORK));
            queue().deleteMessage(item.getMessageId(), item.getPopReceipt());
        }
    }

    private static QueueMessageItem receiveRaw() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (QueueMessageItem item : queue().receiveMessages(1, Duration.ofSeconds(30), null, null)) {
                return item;
            }
        }
        throw new AssertionError("no message arrived on the work queue");
    }

    private static QueueClient queue() {
        return skystate.unwrap(com.azure.storage.queue.QueueServiceClient.class).orElseThrow()
                .getQueueClient(skystate.prefix() + "work");
    }

    private static HostHttpResponse post(String path, String body) {
        HostHttpRequest request = new HostHttpRequest("POST", URI.create(BASE.replaceAll("/$", "") + path),
                Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        return (HostHttpResponse) functions.http(request, new HostExecutionContext(SkystateFunctions.HTTP));
    }
}
