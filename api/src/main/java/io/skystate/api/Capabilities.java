package io.skystate.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an adapter offers, as data: the optional {@link Capability features} it has and its limits. Code that
 * needs a feature checks here (or calls {@link #require}) instead of catching errors.
 */
public record Capabilities(String provider, Set<Capability> features, int maxTransactionOperations,
        int maxRecordBytes) {
    public Capabilities {
        Arguments.notNull(provider, "provider");
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /** The same capabilities with {@code capability} added. */
    public Capabilities with(Capability capability) {
        java.util.EnumSet<Capability> more = features.isEmpty() ? java.util.EnumSet.noneOf(Capability.class)
                : java.util.EnumSet.copyOf(features);
        more.add(capability);
        return new Capabilities(provider, more, maxTransactionOperations, maxRecordBytes);
    }

    public boolean has(Capability capability) {
        return features.contains(capability);
    }

    /** Throws {@link UnsupportedCapabilityException} unless the feature is offered. */
    public void require(Capability capability) {
        if (!has(capability)) {
            throw new UnsupportedCapabilityException(provider, provider + " does not offer " + capability);
        }
    }
}
