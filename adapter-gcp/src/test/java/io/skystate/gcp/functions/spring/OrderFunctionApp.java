package io.skystate.gcp.functions.spring;

import io.skystate.api.Skystate;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.gcp.GcpSkystate;
import io.skystate.gcp.conformance.GcpTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Cloud Function application as it is deployed with SCF's GCP adapter: one {@code order} function and a
 * {@link GcpSkystate} bean (Firestore and Pub/Sub emulators at {@code skystate.test.firestore} and
 * {@code skystate.test.pubsub}, prefix {@code skystate.test.prefix}). spring-bridge sees both and registers
 * {@code order} as a Skystate handler. The function records an order in the {@value #ORDERS} state store, or answers
 * the recorded one (marked {@code duplicate}) when the order id is already there, so a second call through either path
 * reads what the first wrote. SCF's {@code FunctionInvoker} starts it from {@code MAIN_CLASS}, so the test reaches the
 * context only through {@link #context()}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OrderFunctionApp implements ApplicationContextAware {
    /** The state store the function writes. */
    public static final String ORDERS = "orders";

    private static volatile ConfigurableApplicationContext context;

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        context = (ConfigurableApplicationContext) applicationContext;
    }

    /** The running application's context, once SCF's invoker has started it; {@code null} before. */
    public static ConfigurableApplicationContext context() {
        return context;
    }

    /** Skystate on the emulators; the bean spring-bridge waits for. */
    @Bean(destroyMethod = "close")
    public GcpSkystate skystate(@Value("${skystate.test.firestore}") String firestore,
            @Value("${skystate.test.pubsub}") String pubSub, @Value("${skystate.test.project}") String project,
            @Value("${skystate.test.prefix}") String prefix) {
        return GcpSkystate.builder().project(project).firestoreEmulator(firestore).pubSubEmulator(pubSub)
                .prefix(prefix).createResources(true).keyEncryptionKey(GcpTarget.TEST_KEY_ENCRYPTION_KEY).build();
    }

    /** Records an order (total = 5 per item) once; a repeated order id answers the recorded order. */
    @Bean
    public Function<Map<String, Object>, Map<String, Object>> order(Skystate skystate) {
        return input -> {
            String orderId = String.valueOf(input.get("orderId"));
            StateStore orders = skystate.stateStore(ORDERS);
            Key key = Key.of(orderId, "order");
            @SuppressWarnings("unchecked")
            Optional<Map<String, Object>> recorded = orders.getJson(key, Map.class).map(m -> (Map<String, Object>) m);
            if (recorded.isPresent()) {
                Map<String, Object> duplicate = new LinkedHashMap<>(recorded.get());
                duplicate.put("duplicate", true);
                return duplicate;
            }
            int quantity = ((Number) input.get("quantity")).intValue();
            Map<String, Object> accepted = new LinkedHashMap<>();
            accepted.put("orderId", orderId);
            accepted.put("quantity", quantity);
            accepted.put("total", quantity * 5);
            orders.putJson(key, accepted, PutOptions.ifAbsent());
            return accepted;
        };
    }
}
