package io.skystate.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.api.Skystate;
import io.skystate.api.state.Key;
import io.skystate.aws.AwsSkystate;
import io.skystate.emulators.Moto;
import io.skystate.spring.SkystateFunctionRegistrar;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The Spring path on Lambda: the function's handler is SCF's {@link FunctionInvoker}, which the Lambda Java runtime
 * constructs with its no-argument constructor during the init phase (starting the Spring Boot application named by
 * {@code MAIN_CLASS}; the function is chosen by {@code spring.cloud.function.definition}) and then calls as a
 * {@code RequestStreamHandler} per event. The application is {@link OrderFunctionApp}; its {@code order} function
 * writes to DynamoDB on moto through the application's {@link Skystate} bean, and the spring-bridge
 * auto-configuration registers the same function as a Skystate handler.
 */
class SpringCloudFunctionLambdaIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROPERTIES = {"MAIN_CLASS", "spring.cloud.function.definition", "skystate.test.prefix",
        "skystate.test.endpoint"};
    private static final Map<String, String> savedProperties = new HashMap<>();

    private static String prefix;
    private static FunctionInvoker invoker;
    private static AwsSkystate reader;

    @BeforeAll
    static void initPhase() {
        prefix = "s" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, String> values = Map.of("MAIN_CLASS", OrderFunctionApp.class.getName(),
                "spring.cloud.function.definition", "order", "skystate.test.prefix", prefix,
                "skystate.test.endpoint", Moto.get().endpoint().toString());
        for (String name : PROPERTIES) {
            savedProperties.put(name, System.getProperty(name));
            System.setProperty(name, values.get(name));
        }
        try {
            invoker = new FunctionInvoker();   // what the runtime does in the init phase: starts the application
        } finally {
            restoreProperties();
        }
        // An independent client of the same tables, to check what the function wrote.
        reader = AwsSkystate.builder().endpoint(Moto.get().endpoint()).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .prefix(prefix).build();
    }

    @AfterAll
    static void shutDown() {
        if (reader != null) {
            reader.close();
        }
        if (OrderFunctionApp.context() != null) {
            OrderFunctionApp.context().close();
        }
    }

    private static void restoreProperties() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void functionInvokerRunsTheFunctionAndItsStateIsInDynamoDb() throws IOException {
        String orderId = "o-" + UUID.randomUUID();

        JsonNode response = invoke(invoker, "{\"orderId\": \"" + orderId + "\", \"quantity\": 3}");

        assertThat(response.path("orderId").asText()).isEqualTo(orderId);
        assertThat(response.path("total").asInt()).isEqualTo(15);
        assertThat(response.path("status").asText()).isEqualTo("ACCEPTED");
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = reader.stateStore(OrderFunctionApp.ORDERS)
                .getJson(Key.of(orderId, "order"), Map.class).orElseThrow();
        assertThat(stored).containsEntry("orderId", orderId).containsEntry("quantity", 3)
                .containsEntry("status", "ACCEPTED");
    }

    @Test
    void aWarmInvokerServesFurtherEvents() throws IOException {
        for (int quantity = 1; quantity <= 2; quantity++) {
            String orderId = "w-" + UUID.randomUUID();
            JsonNode response = invoke(invoker, "{\"orderId\": \"" + orderId + "\", \"quantity\": " + quantity + "}");
            assertThat(response.path("total").asInt()).isEqualTo(quantity * 5);
            assertThat(reader.stateStore(OrderFunctionApp.ORDERS).get(Key.of(orderId, "order"))).isPresent();
        }
    }

    @Test
    void theSameFunctionIsASkystateHandlerThroughTheBridge() throws IOException {
        Skystate skystate = OrderFunctionApp.context().getBean(Skystate.class);
        assertThat(skystate.handlers().names()).contains("order");
        assertThat(OrderFunctionApp.context().getBean(SkystateFunctionRegistrar.class).result().registered())
                .contains("order");

        String viaHandlers = "h-" + UUID.randomUUID();
        byte[] output = skystate.handlers().invokeJson("order",
                ("{\"orderId\": \"" + viaHandlers + "\", \"quantity\": 2}").getBytes(StandardCharsets.UTF_8));
        assertThat(JSON.readTree(output).path("total").asInt()).isEqualTo(10);

        // and through Skystate's own Lambda entry point, with no Spring in the way of the invocation
        String viaEntryPoint = "e-" + UUID.randomUUID();
        JsonNode response = invoke(new SkystateLambdaHandler((AwsSkystate) skystate, "order"),
                "{\"orderId\": \"" + viaEntryPoint + "\", \"quantity\": 4}");
        assertThat(response.path("total").asInt()).isEqualTo(20);

        for (String orderId : new String[] {viaHandlers, viaEntryPoint}) {
            assertThat(reader.stateStore(OrderFunctionApp.ORDERS).get(Key.of(orderId, "order"))).isPresent();
        }
    }

    @Test
    void theFunctionInvokerWorksInAFreshJvmConfiguredByTheEnvironment() throws Exception {
        String orderId = "p-" + UUID.randomUUID();
        Map<String, String> env = Map.of(
                "MAIN_CLASS", OrderFunctionApp.class.getName(),
                "SPRING_CLOUD_FUNCTION_DEFINITION", "order",
                "SKYSTATE_TEST_PREFIX", prefix,
                "SKYSTATE_TEST_ENDPOINT", Moto.get().endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "AWS_LAMBDA_FUNCTION_NAME", "order-function");

        LocalLambdaInvoke.Result result = LocalLambdaInvoke.run(FunctionInvoker.class, env,
                "{\"orderId\": \"" + orderId + "\", \"quantity\": 7}");

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(JSON.readTree(result.response()).path("total").asInt()).isEqualTo(35);
        assertThat(reader.stateStore(OrderFunctionApp.ORDERS).get(Key.of(orderId, "order"))).isPresent();
    }

    private static JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String event)
            throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output,
                new TestLambdaContext("order-function", Duration.ofSeconds(30)));
        return JSON.readTree(output.toByteArray());
    }
}
