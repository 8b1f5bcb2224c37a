package io.skystate.api.spi;

import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import java.util.Optional;
import java.util.Set;

/**
 * The service-provider interface an adapter implements and lists in
 * {@code META-INF/services/io.skystate.api.spi.SkystateProvider}. Implementations must have a public no-argument
 * constructor and be cheap to construct; all work happens in {@link #create}.
 */
public interface SkystateProvider {
    /** The provider id a config names, such as {@code "local"} or {@code "aws"}. */
    String id();

    /** Preference when the config names no provider; the highest available wins. */
    int priority();

    /** Why this provider cannot serve {@code config} (missing endpoint, credentials ...), or empty when it can. */
    Optional<String> unavailableReason(SkystateConfig config);

    /**
     * Every configuration property this provider reads, such as {@code aws.region}: {@link SkystateProviders#open}
     * rejects properties under this provider's prefix ({@code <id>.}) that are not listed, so a misspelt name fails
     * at once instead of being ignored. Provider-independent properties (such as {@code workflows.portability}) are
     * accepted by every provider and need not be listed.
     */
    default Set<String> properties() {
        return Set.of();
    }

    /** Opens the provider's services. */
    Skystate create(SkystateConfig config);
}
