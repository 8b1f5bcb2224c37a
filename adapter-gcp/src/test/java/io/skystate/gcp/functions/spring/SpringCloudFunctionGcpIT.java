package io.skystate.gcp.functions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.functions.invoker.runner.Invoker;
import io.skystate.api.state.Key;
import io.skystate.emulators.FirestoreEmulator;
import io.skystate.emulators.PubSubEmulator;
import io.skystate.gcp.GcpSkystate;
import io.skystate.spring.SkystateFunctionRegistrar;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.gcp.GcfJarLauncher;

/**
 * The Spring path on Cloud Functions: the Functions Framework's server ({@code java-function-invoker} 1.4.1, in
 * process) loads SCF's {@link GcfJarLauncher} by name as the function target, as a deployment with
 * {@code --entry-point org.springframework.cloud.function.adapter.gcp.GcfJarLauncher} does. The launcher builds SCF's
 * {@code FunctionInvoker}, which starts the Spring Boot application named by {@code MAIN_CLASS} ({@link
 * OrderFunctionApp}) and serves the function named by {@code function.name}. The application has a {@link GcpSkystate}
 * bean, so spring-bridge also makes that function a Skystate handler on Firestore.
 *
 * <p>Here the launcher is loaded from the test class path, not from a jar repackaged with SCF's {@code GcfJarLayout}:
 * its own jar has no {@code BOOT-INF/} entries, so its class loader adds nothing and delegates to the test's. The
 * configuration a deployment sets as environment variables is set as system properties while the server starts.
 */
class SpringCloudFunctionGcpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** FunctionInvoker sets this system property (to {@code gson}) unless the environment names a mapper. */
    private static final String JSON_MAPPER = "spring.cloud.function.preferred-json-mapper";
    /** GcfJarLauncher (a Boot classic {@code JarLauncher}) adds Boot's URL handlers to this system property. */
    private static final String URL_HANDLERS = "java.protocol.handler.pkgs";
    private static final Map<String, String> saved = new HashMap<>();

    private static int port;
    private static Invoker invoker;

    @BeforeAll
    static void deploy() throws Exception {
        port = freePort();
        Map<String, String> env = Map.of("MAIN_CLASS", OrderFunctionApp.class.getName(), "function.name", "order",
                "skystate.test.project", FirestoreEmulator.PROJECT_ID,
                "skystate.test.firestore", FirestoreEmulator.get().hostPort(),
                "skystate.test.pubsub", PubSubEmulator.get().hostPort(),
                "skystate.test.prefix", "scf" + UUID.randomUUID().toString().substring(0, 8) + "-");
        saved.put(JSON_MAPPER, System.getProperty(JSON_MAPPER));
        saved.put(URL_HANDLERS, System.getProperty(URL_HANDLERS));
        env.forEach((name, value) -> {
            saved.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
        try {
            invoker = new Invoker(port, GcfJarLauncher.class.getName(), "http",
                    SpringCloudFunctionGcpIT.class.getClassLoader());
            invoker.startTestServer();
        } finally {
            env.keySet().forEach(SpringCloudFunctionGcpIT::restore);
        }
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (invoker != null) {
            invoker.stopServer();
        }
        if (OrderFunctionApp.context() != null) {
            OrderFunctionApp.context().close();
        }
        restore(JSON_MAPPER);
        restore(URL_HANDLERS);
    }

    @Test
    void anHttpRequestReachesTheSpringFunctionWhichWritesFirestore() throws Exception {
        String orderId = "o-" + UUID.randomUUID();

        HttpResponse<String> response = post("{\"orderId\":\"" + orderId + "\",\"quantity\":3}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode output = JSON.readTree(response.body());
        assertThat(output.path("orderId").asText()).isEqualTo(orderId);
        assertThat(output.path("total").asInt()).isEqualTo(15);
        assertThat(output.has("duplicate")).isFalse();
        Map<?, ?> stored = skystate().stateStore(OrderFunctionApp.ORDERS)
                .getJson(Key.of(orderId, "order"), Map.class).orElseThrow();
        assertThat(((Number) stored.get("total")).intValue()).isEqualTo(15);
    }

    @Test
    void theSameFunctionIsASkystateHandlerOnTheSameState() throws Exception {
        GcpSkystate skystate = skystate();
        assertThat(OrderFunctionApp.context().getBean(SkystateFunctionRegistrar.class).result().registered())
                .contains("order");
        assertThat(skystate.handlers().names()).contains("order");

        String orderId = "o-" + UUID.randomUUID();
        JsonNode first = JSON.readTree(skystate.handlers().invokeJson("order",
                ("{\"orderId\":\"" + orderId + "\",\"quantity\":4}").getBytes(StandardCharsets.UTF_8)));
        assertThat(first.path("total").asInt()).isEqualTo(20);
        assertThat(skystate.stateStore(OrderFunctionApp.ORDERS).get(Key.of(orderId, "order"))).isPresent();

        HttpResponse<String> again = post("{\"orderId\":\"" + orderId + "\",\"quantity\":9}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode replayed = JSON.readTree(again.body());
        assertThat(replayed.path("duplicate").asBoolean()).as("HTTP reads what the handler wrote").isTrue();
        assertThat(replayed.path("total").asInt()).isEqualTo(20);

        String httpOrder = "o-" + UUID.randomUUID();
        assertThat(post("{\"orderId\":\"" + httpOrder + "\",\"quantity\":2}").statusCode()).isEqualTo(200);
        JsonNode fromHandler = JSON.readTree(skystate.handlers().invokeJson("order",
                ("{\"orderId\":\"" + httpOrder + "\",\"quantity\":7}").getBytes(StandardCharsets.UTF_8)));
        assertThat(fromHandler.path("duplicate").asBoolean()).as("the handler reads what HTTP wrote").isTrue();
        assertThat(fromHandler.path("total").asInt()).isEqualTo(10);
    }

    private static GcpSkystate skystate() {
        assertThat(OrderFunctionApp.context()).as("the invoker started the Spring application").isNotNull();
        return OrderFunctionApp.context().getBean(GcpSkystate.class);
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void restore(String name) {
        String value = saved.get(name);
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
