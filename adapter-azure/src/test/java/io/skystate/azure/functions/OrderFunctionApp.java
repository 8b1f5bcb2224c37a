package io.skystate.azure.functions;

import io.skystate.api.Skystate;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.azure.AzureSkystate;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Cloud Function application deployed with SCF's Azure adapter: an {@code order} function that records the
 * order in a Skystate state store, the {@link AzureSkystate} bean (Azurite at {@code skystate.test.storage}, prefix
 * {@code skystate.test.prefix}, handler endpoints on) and the {@link SkystateFunctions} bean that SCF's
 * {@code AzureFunctionInstanceInjector} hands the Functions host. spring-bridge makes {@code order} a Skystate handler,
 * so the plain entry points reach the Spring function. Started through {@code MAIN_CLASS}, so the test reaches the
 * context only through {@link #context()}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OrderFunctionApp implements ApplicationContextAware {
    public static final String ORDERS = "orders";

    private static volatile ConfigurableApplicationContext context;

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        context = (ConfigurableApplicationContext) applicationContext;
    }

    static ConfigurableApplicationContext context() {
        return context;
    }

    @Bean(destroyMethod = "close")
    public AzureSkystate skystate(@Value("${skystate.test.storage}") String storage,
            @Value("${skystate.test.prefix}") String prefix) {
        return AzureSkystate.builder().storageConnectionString(storage).prefix(prefix)
                .httpBaseUrl(URI.create("https://orders.example/")).handlerEndpoints(true)
                .keyEncryptionKey(io.skystate.azure.conformance.AzureTargets.TEST_KEY_ENCRYPTION_KEY).build();
    }

    @Bean
    public SkystateFunctions skystateFunctions(AzureSkystate skystate) {
        return new SkystateFunctions(skystate, "work");
    }

    @Bean
    public Function<Map<String, Object>, Map<String, Object>> order(Skystate skystate) {
        return input -> {
            String orderId = String.valueOf(input.get("orderId"));
            int quantity = ((Number) input.get("quantity")).intValue();
            Map<String, Object> accepted = new LinkedHashMap<>();
            accepted.put("orderId", orderId);
            accepted.put("quantity", quantity);
            accepted.put("total", quantity * 5);
            skystate.stateStore(ORDERS).putJson(Key.of(orderId, "order"), accepted, PutOptions.ifAbsent());
            return accepted;
        };
    }
}
