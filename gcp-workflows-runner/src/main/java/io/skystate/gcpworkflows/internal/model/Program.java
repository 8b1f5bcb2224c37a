package io.skystate.gcpworkflows.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A parsed and validated workflow: its routines by name, {@code main} among them. Immutable and thread-safe. */
public record Program(Map<String, Routine> routines) {
    public Program {
        routines = Collections.unmodifiableMap(new LinkedHashMap<>(routines));
    }

    public Routine main() {
        return routines.get("main");
    }
}
