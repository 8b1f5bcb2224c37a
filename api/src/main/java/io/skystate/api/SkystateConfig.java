package io.skystate.api;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to open a {@link Skystate}: which provider (empty means "the only or highest-priority one available"),
 * provider properties (such as {@code local.path} or an endpoint), the key rings for callback tokens and sessions,
 * and the clock. Immutable; build with {@link #builder()}.
 */
public final class SkystateConfig {
    private final Optional<String> provider;
    private final Map<String, String> properties;
    private final Optional<KeyRing> callbackKeys;
    private final Optional<KeyRing> sessionKeys;
    private final Clock clock;

    private SkystateConfig(Builder b) {
        this.provider = Optional.ofNullable(b.provider);
        this.properties = Map.copyOf(b.properties);
        this.callbackKeys = Optional.ofNullable(b.callbackKeys);
        this.sessionKeys = Optional.ofNullable(b.sessionKeys);
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> provider() {
        return provider;
    }

    public Map<String, String> properties() {
        return properties;
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** Keys that sign callback tokens; when empty the adapter keeps its own (see the adapter's docs). */
    public Optional<KeyRing> callbackKeys() {
        return callbackKeys;
    }

    /** Keys that seal session tokens; when empty the adapter keeps its own. */
    public Optional<KeyRing> sessionKeys() {
        return sessionKeys;
    }

    public Clock clock() {
        return clock;
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String provider;
        private final Map<String, String> properties = new HashMap<>();
        private KeyRing callbackKeys;
        private KeyRing sessionKeys;
        private Clock clock = Clock.systemUTC();

        public Builder provider(String id) {
            this.provider = id;
            return this;
        }

        public Builder property(String name, String value) {
            properties.put(Arguments.notNull(name, "name"), Arguments.notNull(value, "value"));
            return this;
        }

        public Builder callbackKeys(KeyRing keys) {
            this.callbackKeys = keys;
            return this;
        }

        public Builder sessionKeys(KeyRing keys) {
            this.sessionKeys = keys;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        public SkystateConfig build() {
            return new SkystateConfig(this);
        }
    }
}
