package io.skystate.gcpworkflows.internal.model;

import java.util.List;

/**
 * The main workflow or a subworkflow (https://cloud.google.com/workflows/docs/reference/syntax/subworkflows): its
 * parameters (with optional defaults) and steps. Immutable.
 */
public record Routine(String name, List<Param> params, StepList steps, Location location) {
    public Routine {
        params = List.copyOf(params);
    }

    /** A parameter; {@code defaultValue} is null when the parameter is required. */
    public record Param(String name, ValueTemplate defaultValue) {
    }
}
