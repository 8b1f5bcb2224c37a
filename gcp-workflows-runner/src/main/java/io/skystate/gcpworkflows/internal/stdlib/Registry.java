package io.skystate.gcpworkflows.internal.stdlib;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects functions while the standard library is assembled. Not thread-safe; used once at start-up. */
final class Registry {
    private final Map<String, Function> functions = new LinkedHashMap<>();

    void add(String name, List<Function.Param> params, Function.Impl impl) {
        put(new Function(name, params, false, impl));
    }

    void addBlocking(String name, List<Function.Param> params, Function.Impl impl) {
        put(new Function(name, params, true, impl));
    }

    private void put(Function function) {
        if (functions.putIfAbsent(function.name(), function) != null) {
            throw new IllegalStateException("function registered twice: " + function.name());
        }
    }

    Map<String, Function> functions() {
        return functions;
    }
}
