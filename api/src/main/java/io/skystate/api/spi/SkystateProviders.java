package io.skystate.api.spi;

import io.skystate.api.ProviderNotFoundException;
import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The one place providers are discovered. Explicit construction of an adapter never needs this class. */
public final class SkystateProviders {
    private SkystateProviders() {
    }

    /** Every provider on the class path. */
    public static List<SkystateProvider> all() {
        List<SkystateProvider> found = new ArrayList<>();
        ServiceLoader.load(SkystateProvider.class).forEach(found::add);
        found.sort(Comparator.comparingInt(SkystateProvider::priority).reversed());
        return found;
    }

    /** Opens the provider {@code config} names, or the highest-priority available one. */
    public static Skystate open(SkystateConfig config) {
        List<String> tried = new ArrayList<>();
        for (SkystateProvider provider : all()) {
            if (config.provider().isPresent() && !config.provider().get().equals(provider.id())) {
                tried.add(provider.id() + ": not the requested provider");
                continue;
            }
            Optional<String> reason = provider.unavailableReason(config);
            if (reason.isEmpty()) {
                return provider.create(config);
            }
            tried.add(provider.id() + ": " + reason.get());
        }
        String wanted = config.provider().map(p -> "provider '" + p + "'").orElse("any provider");
        throw new ProviderNotFoundException("skystate", "no Skystate provider for " + wanted
                + (tried.isEmpty() ? "; none on the class path (add an adapter dependency)" : "; tried " + tried));
    }
}
