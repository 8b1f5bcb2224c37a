package io.skystate.gcpworkflows.internal.server;

import java.util.Map;

/**
 * The settable fields of a workflow (create, or update where null means "leave as is"). Immutable.
 */
public record WorkflowSpec(String source, String description, Map<String, String> labels, String serviceAccount,
                           Map<String, String> userEnvVars) {
    public static WorkflowSpec ofSource(String source) {
        return new WorkflowSpec(source, null, null, null, null);
    }
}
