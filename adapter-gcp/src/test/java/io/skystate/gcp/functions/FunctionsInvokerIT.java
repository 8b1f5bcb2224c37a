package io.skystate.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.functions.invoker.runner.Invoker;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.handler.EndpointRequest;
import io.skystate.api.state.Key;
import io.skystate.emulators.FirestoreEmulator;
import io.skystate.emulators.PubSubEmulator;
import io.skystate.gcp.GcpSkystate;
import io.skystate.gcpworkflows.RunnerOptions;
import io.skystate.gcpworkflows.WorkflowsRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both entry points served by the Functions Framework's own server ({@code java-function-invoker} 1.4.1, in
 * process), which loads them by class name and builds them with their no-argument constructors, as Cloud Functions
 * does: {@link SkystateHttpFunction} ({@code --signature-type http}) and {@link SkystateEventFunction}
 * ({@code cloudevent}). Their shared {@link FunctionRuntime} instance is configured the way a deployment is (here
 * through system properties of the environment variables' names) against the emulators, with workflows on Skystate's
 * Workflows runner, and finds {@link TestHandlerModule} through {@code META-INF/services} (and the order-saga
 * example's module, which registers its workflow: on the test class path for {@code OrderSagaOnGcpWorkflowsIT}).
 */
class FunctionsInvokerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> saved = new HashMap<>();

    private static int httpPort;
    private static int eventPort;
    private static Invoker httpInvoker;
    private static Invoker eventInvoker;
    private static WorkflowsRunner runner;

    @BeforeAll
    static void deploy() throws Exception {
        httpPort = freePort();
        eventPort = freePort();
        runner = WorkflowsRunner.start(RunnerOptions.builder().build());
        Map<String, String> env = new HashMap<>(Map.of("GOOGLE_CLOUD_PROJECT", FirestoreEmulator.PROJECT_ID,
                "FIRESTORE_EMULATOR_HOST", FirestoreEmulator.get().hostPort(),
                "PUBSUB_EMULATOR_HOST", PubSubEmulator.get().hostPort(),
                "SKYSTATE_PREFIX", "fn" + UUID.randomUUID().toString().substring(0, 8) + "-",
                "SKYSTATE_HTTP_BASE_URL", "http://127.0.0.1:" + httpPort + "/",
                "SKYSTATE_HANDLER_ENDPOINTS", "true", "SKYSTATE_CREATE_RESOURCES", "true", "SKYSTATE_HANDLER", "count",
                "SKYSTATE_KEY_ENCRYPTION_KEY", java.util.Base64.getEncoder().encodeToString(
                        io.skystate.gcp.conformance.GcpTarget.TEST_KEY_ENCRYPTION_KEY)));
        env.put("SKYSTATE_WORKFLOWS_LOCATION", "us-central1");
        env.put("SKYSTATE_WORKFLOWS_ENDPOINT", runner.endpoint());
        env.forEach((k, v) -> {
            saved.put(k, System.getProperty(k));
            System.setProperty(k, v);
        });
        ClassLoader loader = FunctionsInvokerIT.class.getClassLoader();
        httpInvoker = new Invoker(httpPort, SkystateHttpFunction.class.getName(), "http", loader);
        httpInvoker.startTestServer();
        eventInvoker = new Invoker(eventPort, SkystateEventFunction.class.getName(), "cloudevent", loader);
        eventInvoker.startTestServer();
    }

    @AfterAll
    static void undeploy() throws Exception {
        httpInvoker.stopServer();
        eventInvoker.stopServer();
        runner.close();
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void signedHandlerRequestsRunTheHandlerAndUnsignedOnesAreRefused() throws Exception {
        GcpSkystate skystate = FunctionRuntime.skystate();
        byte[] input = "{\"name\": \"Ada\"}".getBytes(StandardCharsets.UTF_8);
        EndpointRequest signed = skystate.handlers().endpointRequest("greet", input).orElseThrow();
        assertThat(signed.url()).isEqualTo(URI.create("http://127.0.0.1:" + httpPort + "/skystate/handlers/greet"));

        HttpResponse<String> ok = post(signed.url(), signed.headers(), signed.body());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("greeting").asText()).isEqualTo("Hello, Ada!");
        assertThat(post(signed.url(), signed.headers(), signed.body()).statusCode()).as("replayed").isEqualTo(401);
        assertThat(post(signed.url(), Map.of(), input).statusCode()).as("unsigned").isEqualTo(401);

        EndpointRequest failing = skystate.handlers().endpointRequest("reserve", input).orElseThrow();
        HttpResponse<String> failed = post(failing.url(), failing.headers(), failing.body());
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(failed.body()).path("errorType").asText()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void callbackUrlsAreServedAndOtherRequestsRefused() throws Exception {
        GcpSkystate skystate = FunctionRuntime.skystate();
        CallbackHandle handle = skystate.callbacks().create(CallbackRequest.withTimeout(Duration.ofMinutes(5)));
        assertThat(handle.url().toString()).startsWith("http://127.0.0.1:" + httpPort + "/skystate/callbacks/");

        HttpResponse<String> done = post(handle.url(), Map.of(), "{\"outcome\":\"success\",\"result\":{\"ok\":true}}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(skystate.callbacks().outcome(handle.id()).status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(post(handle.url(), Map.of(), "{\"outcome\":\"success\"}".getBytes(StandardCharsets.UTF_8))
                .statusCode()).as("second resolution").isEqualTo(409);
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(handle.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(post(URI.create("http://127.0.0.1:" + httpPort + "/elsewhere"), Map.of(), new byte[0]).statusCode())
                .isEqualTo(404);
    }

    @Test
    void pubSubEventsRunTheirHandlerAtLeastOnce() throws Exception {
        String counter = "c-" + UUID.randomUUID();
        HttpResponse<String> first = postEvent("{\"counter\": \"" + counter + "\"}", Map.of());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(postEvent("{\"counter\": \"" + counter + "\"}", Map.of("skystate-handler", "count")).statusCode())
                .isEqualTo(200);
        assertThat(FunctionRuntime.skystate().stateStore(TestHandlerModule.COUNTERS)
                .getJson(Key.of(counter, "count"), TestHandlerModule.Counter.class)).contains(new TestHandlerModule.Counter(2));

        HttpResponse<String> failing = postEvent("{\"name\": \"x\"}", Map.of("skystate-handler", "reserve"));
        assertThat(failing.statusCode()).as("a failing handler fails the invocation, so Pub/Sub redelivers")
                .isGreaterThanOrEqualTo(500);
    }

    /** A binary-mode CloudEvent as Eventarc delivers a Pub/Sub message. */
    private static HttpResponse<String> postEvent(String body, Map<String, String> attributes) throws Exception {
        Map<String, Object> data = Map.of("message", Map.of("data",
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), "attributes", attributes,
                "messageId", UUID.randomUUID().toString()), "subscription", "projects/demo-test/subscriptions/s");
        return post(URI.create("http://127.0.0.1:" + eventPort + "/"), Map.of("ce-id", UUID.randomUUID().toString(),
                "ce-specversion", "1.0", "ce-type", "google.cloud.pubsub.topic.v1.messagePublished",
                "ce-source", "//pubsub.googleapis.com/projects/demo-test/topics/t", "Content-Type", "application/json"),
                JSON.writeValueAsBytes(data));
    }

    private static HttpResponse<String> post(URI url, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
