package io.skystate.spring;

import io.skystate.api.Skystate;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.function.context.FunctionCatalog;

/**
 * Bridges the application's functions into its {@link Skystate} once every singleton exists, that is before the
 * context finishes refreshing and before anything can invoke a handler. Logs and exposes what it skipped.
 */
public final class SkystateFunctionRegistrar implements SmartInitializingSingleton {
    private static final Log LOG = LogFactory.getLog(SkystateFunctionRegistrar.class);

    private final FunctionCatalog catalog;
    private final Skystate skystate;
    private volatile FunctionBridgeResult result;

    public SkystateFunctionRegistrar(FunctionCatalog catalog, Skystate skystate) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.skystate = Objects.requireNonNull(skystate, "skystate");
    }

    @Override
    public synchronized void afterSingletonsInstantiated() {
        if (result == null) {
            result = FunctionCatalogBridge.bridge(catalog, skystate);
            LOG.info("Skystate handlers from Spring Cloud Function: " + result.registered());
            result.skipped().forEach((name, reason) ->
                    LOG.info("Spring Cloud Function '" + name + "' is not a Skystate handler: " + reason));
        }
    }

    /**
     * What was bridged.
     *
     * @throws IllegalStateException before the application context has instantiated its singletons
     */
    public FunctionBridgeResult result() {
        FunctionBridgeResult current = result;
        if (current == null) {
            throw new IllegalStateException("functions are bridged once all singletons are instantiated");
        }
        return current;
    }
}
