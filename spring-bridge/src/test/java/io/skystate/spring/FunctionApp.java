package io.skystate.spring;

import io.skystate.api.Skystate;
import io.skystate.local.LocalSkystate;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/** A Spring Cloud Function application that knows nothing of Skystate beyond choosing its adapter. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class FunctionApp {
    public record Order(String id, int quantity) {
    }

    public record Receipt(String orderId, int total) {
    }

    @Bean(destroyMethod = "close")
    public Skystate skystate() {
        return LocalSkystate.inMemory();
    }

    @Bean
    public Function<Map<String, Object>, Map<String, Object>> greet() {
        return input -> Map.of("greeting", "Hello, " + input.get("name") + "!");
    }

    @Bean
    public Function<String, String> upper() {
        return String::toUpperCase;
    }

    @Bean
    public Function<String, String> echo() {
        return Function.identity();
    }

    @Bean
    public Function<Object, Object> same() {
        return Function.identity();
    }

    @Bean
    public Function<Order, Receipt> price() {
        return order -> new Receipt(order.id(), order.quantity() * 5);
    }

    @Bean
    public Function<Message<String>, String> invocation() {
        return message -> message.getHeaders().get(FunctionCatalogBridge.INVOCATION_ID_HEADER) + "/"
                + message.getHeaders().get(FunctionCatalogBridge.ATTEMPT_HEADER);
    }

    @Bean
    public Function<Object, Object> fail() {
        return input -> {
            throw new IllegalStateException("boom");
        };
    }

    @Bean("not.a.handler")
    public Function<String, String> dotted() {
        return Function.identity();
    }
}
