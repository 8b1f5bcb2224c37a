package io.skystate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.aws.conformance.AwsTarget;
import io.skystate.examples.ordersaga.OrderHandlers;
import io.skystate.examples.ordersaga.OrderSagaDemo;
import io.skystate.examples.ordersaga.PaymentGateway;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The order-saga demo, unchanged, on the AWS adapter against moto: DynamoDB state, Step Functions running the
 * compiled state machine, SQS task messages run by the worker, and the payment provider answering over the
 * workflow callback URL served by the Function URL entry point.
 */
class OrderSagaOnAwsIT {
    @Test
    void demoRunsUnchangedOnAws() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AwsSkystate skystate = AwsTarget.build(AwsSkystate.builder()); PaymentGateway gateway = new PaymentGateway()) {
            Map<String, WorkflowRun> runs = OrderSagaDemo.run(skystate, gateway,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(runs.get("order-1").status()).as(printed.toString(StandardCharsets.UTF_8)).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(runs.get("order-2").status()).isEqualTo(RunStatus.FAILED);
            assertThat(runs.get("order-2").error()).contains("AddressUnknown");
            assertThat(runs.get("order-3").error()).contains("PaymentDeclined");
            List<String> compensations = skystate.workflows().history("order-2").stream()
                    .filter(s -> s.kind().equals("compensation")).map(StepExecution::path).toList();
            assertThat(compensations).containsExactly("capturePayment", "reserveInventory");
            OrderHandlers handlers = new OrderHandlers(skystate, gateway);
            assertThat(handlers.available()).isEqualTo(8);
            assertThat(handlers.payment("order-2")).map(OrderHandlers.Payment::status).contains("REFUNDED");
        }
    }
}
