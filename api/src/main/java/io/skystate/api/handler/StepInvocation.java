package io.skystate.api.handler;

import io.skystate.api.Arguments;

/**
 * The workflow step a handler runs for: the run's instance id, the step's path (as in its history, e.g.
 * {@code fan/1/charge}), and the kind of call ({@code task}, {@code awaitCallback} or {@code compensation}).
 */
public record StepInvocation(String instanceId, String stepPath, String kind) {
    public StepInvocation {
        Arguments.notNull(instanceId, "instanceId");
        Arguments.notNull(stepPath, "stepPath");
        Arguments.notNull(kind, "kind");
    }
}
