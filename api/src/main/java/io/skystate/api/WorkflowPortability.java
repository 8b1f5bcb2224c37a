package io.skystate.api;

import java.util.Locale;

/**
 * Which workflow definitions an instance accepts. {@link #PORTABLE} (the default on every adapter, the local one
 * included) rejects every construct some supported cloud cannot run, naming the cloud and the construct, so a
 * definition that registers locally registers everywhere. {@link #ADAPTER_EXTRAS} also accepts the constructs this
 * adapter declares as {@code WORKFLOW_*} {@link Capability capabilities}: an explicit, per-application opt-in
 * (config property {@value #PROPERTY}{@code =adapter-extras}) that gives up portability.
 */
public enum WorkflowPortability {
    PORTABLE,
    ADAPTER_EXTRAS;

    /** The configuration property every provider reads: {@code portable} (default) or {@code adapter-extras}. */
    public static final String PROPERTY = "workflows.portability";

    /** Parses {@link #PROPERTY}'s value; throws {@link InvalidRequestException} for anything else. */
    public static WorkflowPortability parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "portable" -> PORTABLE;
            case "adapter-extras" -> ADAPTER_EXTRAS;
            default -> throw new InvalidRequestException("skystate", PROPERTY + " must be 'portable' or"
                    + " 'adapter-extras', not '" + value + "'");
        };
    }
}
