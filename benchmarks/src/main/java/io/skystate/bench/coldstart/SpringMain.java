package io.skystate.bench.coldstart;

import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.spring.FunctionCatalogBridge;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Cold start through Spring Cloud Function: a Spring Boot application with one {@code Function} bean, looked up in
 * SCF's {@link FunctionCatalog} and bridged into Skystate handlers by spring-bridge's {@link FunctionCatalogBridge}
 * (the path a Spring application takes to run its functions as Skystate handlers). Same input and output as
 * {@link RawMain}.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SpringMain {
    public record Greet(String name) {
    }

    public record Greeting(String greeting) {
    }

    @Bean
    public Function<Greet, Greeting> greet() {
        return g -> new Greeting("hello " + g.name());
    }

    public static void main(String[] args) throws Exception {
        SpringApplication app = new SpringApplication(SpringMain.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = app.run(args)) {
            JacksonCodec codec = new JacksonCodec("bench");
            HandlerRegistry handlers = new HandlerRegistry("bench", codec, Clock.systemUTC(), () -> null,
                    name -> Optional.empty(), () -> null);
            new FunctionCatalogBridge(context.getBean(FunctionCatalog.class), codec).bridge(handlers);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            byte[] out = handlers.invokeJson("greet", in.readLine().getBytes(StandardCharsets.UTF_8));
            System.out.println(new String(out, StandardCharsets.UTF_8));
            System.out.flush();
        }
    }
}
