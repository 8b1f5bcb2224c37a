package io.skystate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.local.LocalSkystate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry;
import org.springframework.cloud.function.context.config.JsonMessageConverter;
import org.springframework.cloud.function.context.config.SmartCompositeMessageConverter;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import reactor.core.publisher.Flux;

/** The bridge against a catalog built by hand, without Spring Boot. */
class FunctionCatalogBridgeTest {
    private LocalSkystate skystate;
    private SimpleFunctionRegistry catalog;

    @BeforeEach
    void setUp() {
        skystate = LocalSkystate.builder().httpPort(-1).build();
        JacksonMapper json = new JacksonMapper(new ObjectMapper());
        catalog = new SimpleFunctionRegistry(new DefaultConversionService(), new SmartCompositeMessageConverter(
                List.of(new JsonMessageConverter(json), new ByteArrayMessageConverter(), new StringMessageConverter())),
                json);
    }

    @AfterEach
    void tearDown() {
        skystate.close();
    }

    private <F> void register(String name, F function, Type type) {
        catalog.register(new FunctionRegistration<>(function, name).type(type));
    }

    @Test
    void registersFunctionsAndReportsWhatItSkips() {
        register("upper", (Function<String, String>) String::toUpperCase,
                FunctionTypeUtils.functionType(String.class, String.class));
        register("bad name", (Function<String, String>) s -> s,
                FunctionTypeUtils.functionType(String.class, String.class));
        register("sink", (Consumer<String>) s -> { }, FunctionTypeUtils.consumerType(String.class));
        ResolvableType flux = ResolvableType.forClassWithGenerics(Flux.class, String.class);
        register("stream", (Function<Flux<String>, Flux<String>>) f -> f,
                ResolvableType.forClassWithGenerics(Function.class, flux, flux).getType());
        register("taken", (Function<String, String>) s -> s,
                FunctionTypeUtils.functionType(String.class, String.class));
        skystate.handlers().register(HandlerDefinition.ofFunction("taken", String.class, String.class, s -> "mine"));

        FunctionBridgeResult result = FunctionCatalogBridge.bridge(catalog, skystate);

        assertThat(result.registered()).containsExactly("upper");
        assertThat(result.skipped()).containsOnlyKeys("bad name", "sink", "stream", "taken");
        assertThat(result.skipped().get("bad name")).contains("handler name");
        assertThat(result.skipped().get("sink")).contains("Supplier or Consumer");
        assertThat(result.skipped().get("stream")).contains("reactive");
        assertThat(result.skipped().get("taken")).contains("already registered");
        assertThat(result.complete()).isFalse();
        assertThat(skystate.handlers().invoke("upper", "abc", String.class)).isEqualTo("ABC");
        assertThat(skystate.handlers().invoke("taken", "abc", String.class)).isEqualTo("mine");
    }

    @Test
    void mapFunctionRoundTripsJson() {
        register("greet", (Function<Map<String, Object>, Map<String, Object>>) in -> Map.of("hi", in.get("name")),
                FunctionTypeUtils.functionType(Map.class, Map.class));
        FunctionCatalogBridge.bridge(catalog, skystate);

        assertThat(new String(skystate.handlers().invokeJson("greet", "{\"name\":\"Ann\"}".getBytes())))
                .isEqualTo("{\"hi\":\"Ann\"}");
    }

    @Test
    void runtimeExceptionIsTheCause() {
        register("fail", (Function<String, String>) s -> {
            throw new IllegalArgumentException("bad " + s);
        }, FunctionTypeUtils.functionType(String.class, String.class));
        FunctionCatalogBridge.bridge(catalog, skystate);

        assertThatThrownBy(() -> skystate.handlers().invoke("fail", "x", String.class))
                .isInstanceOf(HandlerFailedException.class)
                .cause().isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("bad x");
    }

    @Test
    void unwrapRemovesReflectionAndProxyWrappers() {
        var original = new IllegalStateException("boom");
        var wrapped = new UndeclaredThrowableException(new InvocationTargetException(original));
        assertThat(FunctionCatalogBridge.unwrap(wrapped)).isSameAs(original);
        assertThat(FunctionCatalogBridge.unwrap(original)).isSameAs(original);
        var withCause = new IllegalStateException("outer", new RuntimeException("inner"));
        assertThat(FunctionCatalogBridge.unwrap(withCause)).as("only wrappers are unwrapped").isSameAs(withCause);
    }
}
