package io.skystate.api.spi;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.ProviderNotFoundException;
import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place providers are discovered. Explicit construction of an adapter never needs this class.
 *
 * <p>Selection is explicit: with one adapter on the class path it is used; with several, the config must name one
 * ({@link SkystateConfig.Builder#provider}), so that adding a dependency (or an environment variable such as
 * {@code AWS_REGION}) never silently moves an application to another cloud. Properties are checked before the
 * provider is created: every property must be provider-independent ({@link #COMMON_PROPERTIES}), belong to
 * another provider's prefix (ignored, so one configuration can serve several environments), or be one the
 * selected provider {@linkplain SkystateProvider#properties() declares}.
 */
public final class SkystateProviders {
    /** Properties every provider reads. */
    public static final Set<String> COMMON_PROPERTIES = Set.of(WorkflowPortability.PROPERTY, WorkflowWorkers.PROPERTY);
    /** Prefixes of the adapters Skystate ships, whose properties are ignored unless that adapter is selected. */
    private static final Set<String> KNOWN_PREFIXES = Set.of("local.", "aws.", "azure.", "gcp.");

    private SkystateProviders() {
    }

    /** Every provider on the class path. */
    public static List<SkystateProvider> all() {
        List<SkystateProvider> found = new ArrayList<>();
        ServiceLoader.load(SkystateProvider.class).forEach(found::add);
        found.sort(Comparator.comparingInt(SkystateProvider::priority).reversed());
        return found;
    }

    /** Opens the provider {@code config} names, or the only one on the class path. */
    public static Skystate open(SkystateConfig config) {
        List<SkystateProvider> all = all();
        if (config.provider().isEmpty() && all.size() > 1) {
            throw new ProviderNotFoundException("skystate", "several Skystate adapters are on the class path ("
                    + String.join(", ", all.stream().map(SkystateProvider::id).toList()) + "): name the one to use"
                    + " with SkystateConfig.builder().provider(\"<id>\")");
        }
        List<String> tried = new ArrayList<>();
        for (SkystateProvider provider : all) {
            if (config.provider().isPresent() && !config.provider().get().equals(provider.id())) {
                tried.add(provider.id() + ": not the requested provider");
                continue;
            }
            Optional<String> reason = provider.unavailableReason(config);
            if (reason.isEmpty()) {
                checkProperties(provider, config, all);
                return provider.create(config);
            }
            tried.add(provider.id() + ": " + reason.get());
        }
        String wanted = config.provider().map(p -> "provider '" + p + "'").orElse("any provider");
        throw new ProviderNotFoundException("skystate", "no Skystate provider for " + wanted
                + (tried.isEmpty() ? "; none on the class path (add an adapter dependency)" : "; tried " + tried));
    }

    /** Throws {@link InvalidRequestException} naming every property {@code provider} would not read. */
    static void checkProperties(SkystateProvider provider, SkystateConfig config, List<SkystateProvider> all) {
        Set<String> others = new TreeSet<>(KNOWN_PREFIXES);
        all.forEach(p -> others.add(p.id() + "."));
        others.remove(provider.id() + ".");
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(config.properties().keySet())) {
            boolean known = COMMON_PROPERTIES.contains(name) || provider.properties().contains(name)
                    || others.stream().anyMatch(name::startsWith);
            if (!known) {
                unknown.add("'" + name + "'" + Suggestions.closest(name, provider.properties())
                        .map(s -> " (did you mean '" + s + "'?)").orElse(""));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(provider.id(), "unknown configuration propert"
                    + (unknown.size() == 1 ? "y " : "ies ") + String.join(", ", unknown) + " for provider '"
                    + provider.id() + "'; it reads " + new TreeSet<>(provider.properties()) + " and " + COMMON_PROPERTIES);
        }
    }
}
