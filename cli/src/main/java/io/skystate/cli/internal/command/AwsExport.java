package io.skystate.cli.internal.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.aws.deploy.SamTemplate;
import java.util.Map;

/**
 * Step Functions output through the AWS adapter's public {@link SamTemplate} (its compiler is internal): the template's
 * state machine {@code Definition} is the ASL. Only referenced when asked for, so the command works without the AWS
 * adapter for everything else.
 */
final class AwsExport {
    /** The function code a template names; export leaves deploying the handlers' jar to the user. */
    static final String CODE_URI = "target/app.jar";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AwsExport() {
    }

    static String asl(WorkflowDefinition definition) {
        JsonNode resources = template(definition).tree().path("Resources");
        for (Map.Entry<String, JsonNode> entry : resources.properties()) {
            JsonNode resource = entry.getValue();
            if ("AWS::Serverless::StateMachine".equals(resource.path("Type").asText())) {
                try {
                    return MAPPER.writeValueAsString(resource.path("Properties").path("Definition"));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot print the ASL of '" + definition.name() + "'", e);
                }
            }
        }
        throw new IllegalStateException("the SAM template of '" + definition.name() + "' has no state machine");
    }

    static String sam(WorkflowDefinition definition) {
        return template(definition).yaml();
    }

    private static SamTemplate template(WorkflowDefinition definition) {
        return SamTemplate.builder().description("Skystate workflow " + definition.name() + " v" + definition.version())
                .workflow(definition).codeUri(CODE_URI).build();
    }
}
