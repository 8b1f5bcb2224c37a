package io.skystate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.local.LocalSkystate;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When the auto-configuration applies, with Spring Boot's context runner. */
class SkystateFunctionAutoConfigurationConditionsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    ContextFunctionCatalogAutoConfiguration.class, SkystateFunctionAutoConfiguration.class))
            .withUserConfiguration(Functions.class);

    @Configuration(proxyBeanMethods = false)
    static class Functions {
        @Bean
        Function<String, String> upper() {
            return String::toUpperCase;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithSkystate {
        @Bean(destroyMethod = "close")
        Skystate skystate() {
            return LocalSkystate.builder().httpPort(-1).build();
        }
    }

    @Test
    void withoutASkystateBeanNothingIsCreated() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(FunctionCatalog.class);
            assertThat(context).doesNotHaveBean(SkystateFunctionRegistrar.class);
            assertThat(context).doesNotHaveBean(Skystate.class);
        });
    }

    @Test
    void withASkystateBeanFunctionsAreBridged() {
        runner.withUserConfiguration(WithSkystate.class).run(context -> {
            assertThat(context.getBean(SkystateFunctionRegistrar.class).result().registered()).containsExactly("upper");
            assertThat(context.getBean(Skystate.class).handlers().invoke("upper", "a", String.class)).isEqualTo("A");
        });
    }

    @Test
    void canBeSwitchedOff() {
        runner.withUserConfiguration(WithSkystate.class).withPropertyValues("skystate.functions.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(SkystateFunctionRegistrar.class);
                    assertThat(context.getBean(Skystate.class).handlers().names()).isEmpty();
                });
    }
}
