package io.skystate.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.aws.internal.asl.AslValidator;
import io.skystate.emulators.RepoPaths;
import io.skystate.examples.ordersaga.OrderWorkflow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
    private static final List<String> HANDLERS = List.of("initiateOrder", "reserveInventory", "releaseInventory",
            "requestPaymentAuthorization", "capturePayment", "refundPayment", "shipOrder", "completeOrder", "rejectOrder");

    private static SamTemplate orderSaga() {
        WorkflowDefinition definition = OrderWorkflow.definition();
        return SamTemplate.builder()
                .description("Skystate order-saga demo")
                .prefix("demo-")
                .stores(List.of("inventory", "payments", "orders", "order-idempotency"))
                .queues(List.of("order-events"))
                .workflow(definition)
                .handlers(HANDLERS)
                .codeUri("target/order-saga-lambda.jar")
                .build();
    }

    @Test
    void orderSagaTemplateDeclaresTablesQueuesStateMachineAndWorkerFunction() throws Exception {
        JsonNode t = new YAMLMapper().readTree(orderSaga().yaml());

        assertThat(t.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        assertThat(t.path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        JsonNode resources = t.path("Resources");
        JsonNode orders = resources.path("StoreOrders");
        assertThat(orders.path("Type").asText()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(orders.path("Properties").path("TableName").path("Fn::Sub").asText()).isEqualTo("${ResourcePrefix}orders");
        assertThat(orders.path("Properties").path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(orders.path("Properties").path("KeySchema").toString())
                .isEqualTo("[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]");
        assertThat(orders.path("Properties").path("AttributeDefinitions").get(1).path("AttributeType").asText()).isEqualTo("B");
        assertThat(orders.path("Properties").path("TimeToLiveSpecification").path("AttributeName").asText()).isEqualTo("exp");
        assertThat(resources.has("StoreSkystateClaims")).isTrue();
        assertThat(resources.has("StoreSkystateWorkflows")).isTrue();
        assertThat(resources.has("StoreOrderIdempotency")).isTrue();

        JsonNode taskQueue = resources.path("QueueSkystateWorkflowTasks");
        assertThat(taskQueue.path("Type").asText()).isEqualTo("AWS::SQS::Queue");
        assertThat(taskQueue.path("Properties").path("VisibilityTimeout").asInt()).isEqualTo(5400);
        assertThat(resources.path("QueueOrderEvents").path("Type").asText()).isEqualTo("AWS::SQS::Queue");
        assertThat(taskQueue.path("Properties").path("SqsManagedSseEnabled").asBoolean()).isTrue();
        assertThat(resources.path("QueueOrderEvents").path("Properties").path("SqsManagedSseEnabled").asBoolean()).isTrue();

        JsonNode machine = resources.path("WorkflowOrderSagaV1StateMachine");
        assertThat(machine.path("Type").asText()).isEqualTo("AWS::Serverless::StateMachine");
        JsonNode mp = machine.path("Properties");
        assertThat(mp.path("Name").path("Fn::Sub").asText()).isEqualTo("${ResourcePrefix}order-saga-v1");
        assertThat(mp.path("Definition").path("States").path("reserveInventory").path("Parameters").path("QueueUrl").asText())
                .isEqualTo("${TaskQueueUrl}");
        assertThat(mp.path("DefinitionSubstitutions").path("TaskQueueUrl").path("Ref").asText()).isEqualTo("QueueSkystateWorkflowTasks");
        assertThat(mp.path("Policies").get(0).path("SQSSendMessagePolicy").path("QueueName").path("Fn::GetAtt").get(0).asText())
                .isEqualTo("QueueSkystateWorkflowTasks");

        JsonNode fn = resources.path("SkystateFunction").path("Properties");
        assertThat(resources.path("SkystateFunction").path("Type").asText()).isEqualTo("AWS::Serverless::Function");
        assertThat(fn.path("Runtime").asText()).isEqualTo("java17");
        assertThat(fn.path("Handler").asText()).isEqualTo("io.skystate.aws.lambda.SkystateLambdaHandler::handleRequest");
        assertThat(fn.path("MemorySize").asInt()).isEqualTo(1024);
        assertThat(fn.path("Timeout").asInt()).isEqualTo(900);
        assertThat(fn.path("CodeUri").asText()).isEqualTo("target/order-saga-lambda.jar");
        assertThat(fn.path("Events").path("TaskQueue").path("Type").asText()).isEqualTo("SQS");
        assertThat(fn.path("Environment").path("Variables").path("SKYSTATE_HANDLERS").asText()).contains("refundPayment");
        assertThat(fn.path("Policies").toString()).contains("DynamoDBCrudPolicy", "SQSPollerPolicy", "states:SendTaskSuccess",
                "states:SendTaskFailure", "states:SendTaskHeartbeat");
        assertThat(t.path("Outputs").has("WorkflowOrderSagaV1StateMachineArn")).isTrue();
        assertThat(t.path("Outputs").has("QueueSkystateWorkflowTasksUrl")).isTrue();
        assertThat(t.path("Parameters").path("ResourcePrefix").path("Default").asText()).isEqualTo("demo-");
    }

    @Test
    void orderSagaTemplatePassesCfnLint() throws Exception {
        Path file = Paths.get("target", "sam", "order-saga-sam.yaml");
        orderSaga().write(file);
        assertThat(Files.readString(file)).contains("AWS::Serverless::StateMachine");

        Path cfnLint = RepoPaths.root().resolve(".emulators/venv/bin/cfn-lint");
        assertThat(Files.isExecutable(cfnLint)).as("%s (run scripts/install-emulators.sh)", cfnLint).isTrue();
        Process process = new ProcessBuilder(cfnLint.toString(), "--", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("cfn-lint output:%n%s", output).isZero();
        assertThat(output).as("cfn-lint output").isBlank();
    }
}
