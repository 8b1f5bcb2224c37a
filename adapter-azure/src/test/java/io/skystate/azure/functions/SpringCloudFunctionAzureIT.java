package io.skystate.azure.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.api.handler.EndpointRequest;
import io.skystate.api.state.Key;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.conformance.AzureTargets;
import io.skystate.emulators.Azurite;
import io.skystate.spring.SkystateFunctionRegistrar;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.azure.AzureFunctionInstanceInjector;

/**
 * The Spring path on Azure Functions: the Java worker asks the {@code FunctionInstanceInjector} on the class path
 * (SCF's {@link AzureFunctionInstanceInjector}, registered through {@code META-INF/services}) for the instance of the
 * function class, which starts the Spring Boot application named by {@code MAIN_CLASS}; then it calls the
 * {@code @FunctionName} method. Here the function class is {@link SkystateFunctions} and the application
 * {@link OrderFunctionApp}, whose SCF function reaches Skystate's handler endpoint through spring-bridge.
 */
class SpringCloudFunctionAzureIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROPERTIES = {"MAIN_CLASS", "skystate.test.prefix", "skystate.test.storage"};
    private static final Map<String, String> saved = new HashMap<>();
    private static SkystateFunctions functions;

    @BeforeAll
    static void workerStartsTheFunctionClass() throws Exception {
        Map<String, String> values = Map.of("MAIN_CLASS", OrderFunctionApp.class.getName(),
                "skystate.test.prefix", AzureTargets.newPrefix(), "skystate.test.storage", Azurite.get().connectionString());
        for (String name : PROPERTIES) {
            saved.put(name, System.getProperty(name));
            System.setProperty(name, values.get(name));
        }
        try {
            functions = new AzureFunctionInstanceInjector().getInstance(SkystateFunctions.class);
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    @AfterAll
    static void shutDown() {
        if (OrderFunctionApp.context() != null) {
            OrderFunctionApp.context().close();
        }
    }

    @Test
    void theHttpTriggerReachesTheSpringFunctionThroughTheBridge() throws Exception {
        AzureSkystate skystate = OrderFunctionApp.context().getBean(AzureSkystate.class);
        assertThat(OrderFunctionApp.context().getBean(SkystateFunctionRegistrar.class).result().registered()).contains("order");
        String orderId = "o-" + UUID.randomUUID();

        EndpointRequest signed = skystate.handlers().endpointRequest("order",
                ("{\"orderId\":\"" + orderId + "\",\"quantity\":3}").getBytes(StandardCharsets.UTF_8)).orElseThrow();
        Map<String, String> headers = new HashMap<>(signed.headers());
        headers.put("Content-Type", "application/json");

        HostHttpResponse response = (HostHttpResponse) functions.http(new HostHttpRequest("POST", signed.url(), headers,
                signed.body()), new HostExecutionContext(SkystateFunctions.HTTP));

        assertThat(response.getStatusCode()).as(new String(response.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode output = JSON.readTree(response.bodyBytes());
        assertThat(output.path("total").asInt()).isEqualTo(15);
        assertThat(skystate.stateStore(OrderFunctionApp.ORDERS).get(Key.of(orderId, "order"))).isPresent();
    }
}
