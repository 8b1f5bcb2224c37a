package io.skystate.gcpworkflows.internal.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An ordered {@code steps} list with its step names indexed for jumps. Immutable and thread-safe. */
public final class StepList {
    private final List<Step> steps;
    private final Map<String, Integer> positions = new HashMap<>();

    public StepList(List<Step> steps) {
        this.steps = List.copyOf(steps);
        for (int i = 0; i < this.steps.size(); i++) {
            positions.putIfAbsent(this.steps.get(i).name(), i);
        }
    }

    public List<Step> steps() {
        return steps;
    }

    /** The position of a step in this list, or -1. */
    public int indexOf(String name) {
        return positions.getOrDefault(name, -1);
    }
}
