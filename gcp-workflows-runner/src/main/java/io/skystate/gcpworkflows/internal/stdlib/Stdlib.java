package io.skystate.gcpworkflows.internal.stdlib;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The standard library functions Skystate's Workflows runner implements
 * (https://cloud.google.com/workflows/docs/reference/stdlib/overview), by name. Immutable and thread-safe.
 */
public final class Stdlib {
    private static final Stdlib STANDARD = build();

    private final Map<String, Function> functions;

    private Stdlib(Map<String, Function> functions) {
        this.functions = Collections.unmodifiableMap(functions);
    }

    public static Stdlib standard() {
        return STANDARD;
    }

    public Optional<Function> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** Every implemented function name, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(functions.keySet()));
    }

    private static Stdlib build() {
        Registry registry = new Registry();
        CoreFunctions.register(registry);
        CollectionFunctions.register(registry);
        JsonFunctions.register(registry);
        TextFunctions.register(registry);
        EncodingFunctions.register(registry);
        MathFunctions.register(registry);
        SysFunctions.register(registry);
        TimeFunctions.register(registry);
        RetryFunctions.register(registry);
        HttpFunctions.register(registry);
        EventsFunctions.register(registry);
        return new Stdlib(registry.functions());
    }
}
