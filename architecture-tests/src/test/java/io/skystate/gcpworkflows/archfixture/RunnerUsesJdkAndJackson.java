// Compliant fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.gcpworkflows.archfixture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Satisfies GCP_WORKFLOWS_RUNNER_IS_STANDALONE: JDK and Jackson only. */
public class RunnerUsesJdkAndJackson {
    public Optional<String> text(JsonNode node) {
        return Optional.ofNullable(node).map(JsonNode::asText);
    }
}
