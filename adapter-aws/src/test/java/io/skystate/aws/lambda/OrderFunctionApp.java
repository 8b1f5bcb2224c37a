package io.skystate.aws.lambda;

import io.skystate.api.Skystate;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.aws.AwsSkystate;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A Spring Cloud Function application deployed with SCF's AWS adapter: one {@code order} function that records the
 * order in a Skystate state store, and a {@link Skystate} bean (the AWS adapter against the moto server at
 * {@code skystate.test.endpoint}, with the resource prefix {@code skystate.test.prefix}). The spring-bridge auto-configuration makes {@code order} a Skystate
 * handler too. Started by {@code FunctionInvoker} through {@code MAIN_CLASS}, so the test reaches the context it
 * started only through {@link #context()}.
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

    /** The context {@code FunctionInvoker} started last. */
    static ConfigurableApplicationContext context() {
        return context;
    }

    @Bean(destroyMethod = "close")
    public AwsSkystate skystate(@Value("${skystate.test.endpoint}") URI endpoint,
            @Value("${skystate.test.prefix}") String prefix) {
        return AwsSkystate.builder().endpoint(endpoint).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .prefix(prefix).build();
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
            accepted.put("status", "ACCEPTED");
            skystate.stateStore(ORDERS).putJson(Key.of(orderId, "order"), accepted, PutOptions.ifAbsent());
            return accepted;
        };
    }
}
