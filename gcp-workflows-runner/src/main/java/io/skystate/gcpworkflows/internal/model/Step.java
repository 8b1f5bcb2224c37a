package io.skystate.gcpworkflows.internal.model;

/**
 * One named step: its body (what it does, null for a step that only jumps) and an optional {@code next} target
 * (a step name, {@code end}, {@code break} or {@code continue};
 * https://cloud.google.com/workflows/docs/reference/syntax/jumps). Immutable.
 */
public record Step(String name, Location location, StepBody body, String next) {
}
