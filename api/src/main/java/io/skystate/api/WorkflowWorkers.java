package io.skystate.api;

import java.util.Locale;

/**
 * Whether an instance runs workflow steps. {@link #ON} (the default on every adapter): the instance works on runs —
 * it calls the handlers of their tasks, callbacks and compensations, and keeps their timers and callbacks moving, as
 * the adapter does it (worker threads polling the cloud's queue, a Durable Task worker, the local dispatcher).
 * {@link #OFF}: the instance only operates runs — registers definitions, starts, lists, inspects, signals, cancels
 * and redrives runs and resolves callbacks — and leaves every step to instances with workers on (or to the cloud's
 * function entry points). For operator tools such as the {@code skystate} CLI and dashboard, and for processes that
 * do not have the application's handlers: an instance with workers on and no handler for a step fails that step.
 * Config property {@value #PROPERTY}.
 */
public enum WorkflowWorkers {
    ON,
    OFF;

    /** The configuration property every provider reads: {@code on} (default) or {@code off}. */
    public static final String PROPERTY = "workflows.workers";

    /** Parses {@link #PROPERTY}'s value; throws {@link InvalidRequestException} for anything else. */
    public static WorkflowWorkers parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> ON;
            case "off" -> OFF;
            default -> throw new InvalidRequestException("skystate", PROPERTY + " must be 'on' or 'off', not '"
                    + value + "'");
        };
    }
}
