package io.skystate.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.NotFoundException;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.aws.AwsSkystate;
import io.skystate.aws.conformance.AwsTarget;
import io.skystate.aws.internal.asl.AslCompiler;
import io.skystate.aws.internal.asl.AslOptions;
import io.skystate.aws.internal.sfn.StepFunctionsEngine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An instance that may not create resources (a function deployed with the bundle's SAM template) registers a
 * definition by adopting the state machine the deployment made, then runs it; a missing or different state machine
 * is refused. Against moto: the "deployment" creates the state machine as CloudFormation would, from the same ASL.
 */
class DeployedStateMachineIT {
    @SuppressWarnings("rawtypes")
    private static final HandlerDefinition<Map, Map> ECHO = HandlerDefinition.ofFunction("echo", Map.class, Map.class,
            m -> Map.of("echoed", true));

    private static WorkflowDefinition flow(String name, String resultPath) {
        return WorkflowDefinition.builder(name, 1).startAt("echo").task("echo", "echo", t -> t.resultPath(resultPath)).build();
    }

    @Test
    void registeringAdoptsTheDeployedStateMachineAndRunsIt() throws Exception {
        try (AwsSkystate deployer = AwsTarget.build(AwsSkystate.builder())) {
            String prefix = deployer.prefix();
            deployer.handlers().register(ECHO);
            deployer.workflows().register(flow("setup", "$.r"));   // tables and the task queue, as the template makes them
            SfnClient sfn = deployer.unwrap(SfnClient.class).orElseThrow();
            String queueUrl = deployer.unwrap(SqsClient.class).orElseThrow()
                    .getQueueUrl(b -> b.queueName(prefix + StepFunctionsEngine.TASK_QUEUE)).queueUrl();
            deploy(sfn, prefix + "deployed-v1", flow("deployed", "$.r"), queueUrl);
            deploy(sfn, prefix + "changed-v1", flow("changed", "$.other"), queueUrl);

            try (AwsSkystate function = AwsTarget.build(AwsSkystate.builder().createResources(false), prefix)) {
                function.handlers().register(ECHO);
                function.workflows().register(flow("deployed", "$.r"));
                function.workflows().start("deployed", "run-1", Map.of("id", 1));
                assertThat(function.workflows().await("run-1", Duration.ofSeconds(60)).status())
                        .isEqualTo(RunStatus.SUCCEEDED);

                assertThatThrownBy(() -> function.workflows().register(flow("missing", "$.r")))
                        .isInstanceOf(NotFoundException.class).hasMessageContaining(prefix + "missing-v1 is not deployed");
                assertThatThrownBy(() -> function.workflows().register(flow("changed", "$.r")))
                        .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("deployed with another definition");
            }
        }
    }

    private static void deploy(SfnClient sfn, String name, WorkflowDefinition definition, String queueUrl) {
        String asl = AslCompiler.compile(definition, AslOptions.sqsWorker(queueUrl)).toString();
        sfn.createStateMachine(b -> b.name(name).definition(asl).roleArn("arn:aws:iam::123456789012:role/deployed"));
    }
}
