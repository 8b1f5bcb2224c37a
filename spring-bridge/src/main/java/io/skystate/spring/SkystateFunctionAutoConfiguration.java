package io.skystate.spring;

import io.skystate.api.Skystate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes every Spring Cloud Function {@code Function} bean a Skystate handler of the same name. Active when the
 * application defines a {@link Skystate} bean (this never creates one: the application chooses its adapter) and a
 * {@link FunctionCatalog} exists; switched off with {@code skystate.functions.enabled=false}.
 */
@AutoConfiguration(after = ContextFunctionCatalogAutoConfiguration.class)
@ConditionalOnClass({FunctionCatalog.class, Skystate.class})
@ConditionalOnBean({Skystate.class, FunctionCatalog.class})
@ConditionalOnProperty(prefix = "skystate.functions", name = "enabled", havingValue = "true", matchIfMissing = true)
public class SkystateFunctionAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    public SkystateFunctionRegistrar skystateFunctionRegistrar(FunctionCatalog catalog, Skystate skystate) {
        return new SkystateFunctionRegistrar(catalog, skystate);
    }
}
