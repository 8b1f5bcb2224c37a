package io.skystate.gcpworkflows.internal.model;

/**
 * A {@code for} loop: {@code value} (and optional {@code index}) over {@code in} (a list) or over an inclusive
 * {@code range} (https://cloud.google.com/workflows/docs/reference/syntax/iteration). Exactly one of {@code in}
 * and the range bounds is set. Immutable.
 */
public record ForLoop(String value, String index, ValueTemplate in, ValueTemplate rangeStart, ValueTemplate rangeEnd,
                      StepList steps, Location location) {
}
