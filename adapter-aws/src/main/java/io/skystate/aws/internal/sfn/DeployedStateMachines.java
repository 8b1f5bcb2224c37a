package io.skystate.aws.internal.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.NotFoundException;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * Finds the state machine a deployment made for a definition, for instances that may not create resources (a Lambda
 * function deployed with the SAM template of {@code skystate:package}): registering a definition there adopts the
 * deployed {@code <prefix><name>-v<version>} after checking that it runs the same ASL (task queue URLs aside, which
 * the template fills in), so a module that registers its workflows at cold start works in the deployed function. A
 * missing state machine is {@link NotFoundException}; one with another definition {@link AlreadyExistsException}.
 * Stateless.
 */
final class DeployedStateMachines {
    private DeployedStateMachines() {
    }

    static String adopt(EngineParts parts, String name, String asl) {
        String arn;
        String deployed;
        try {
            arn = parts.clients().sfn().listStateMachinesPaginator(b -> { }).stateMachines().stream()
                    .filter(m -> m.name().equals(name)).map(StateMachineListItem::stateMachineArn).findFirst()
                    .orElseThrow(() -> new NotFoundException("aws", "state machine " + name + " is not deployed, and"
                            + " this instance may not create it (createResources is off): deploy the app's template"));
            deployed = parts.clients().sfn().describeStateMachine(b -> b.stateMachineArn(arn)).definition();
        } catch (SdkException e) {
            throw SfnErrors.translate("find deployed state machine " + name, e);
        }
        if (!withoutQueueUrls(parts, deployed).equals(withoutQueueUrls(parts, asl))) {
            throw new AlreadyExistsException("aws", "state machine " + name + " is deployed with another definition:"
                    + " package and deploy the app again, or register a new version");
        }
        return arn;
    }

    /** The ASL tree with every {@code QueueUrl} emptied. */
    private static JsonNode withoutQueueUrls(EngineParts parts, String asl) {
        try {
            JsonNode tree = parts.codec().mapper().readTree(asl);
            blank(tree);
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a state machine definition is not JSON", e);
        }
    }

    private static void blank(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("QueueUrl")) {
                object.put("QueueUrl", "");
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                blank(field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(DeployedStateMachines::blank);
        }
    }
}
