package io.skystate.spring;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link FunctionCatalogBridge#bridge} did: the functions it registered as Skystate handlers, and every function
 * it left out with the reason (an internal Spring Cloud Function name, a name that is not a valid handler name, a
 * reactive or non-function registration, or a handler registered explicitly under that name).
 *
 * @param registered names registered as handlers, sorted
 * @param skipped    name to reason, sorted by name
 */
public record FunctionBridgeResult(List<String> registered, Map<String, String> skipped) {
    public FunctionBridgeResult {
        registered = List.copyOf(Objects.requireNonNull(registered, "registered"));
        skipped = Map.copyOf(Objects.requireNonNull(skipped, "skipped"));
    }

    /** Whether nothing was skipped. */
    public boolean complete() {
        return skipped.isEmpty();
    }
}
