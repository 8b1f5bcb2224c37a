package io.skystate.azure.internal.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder.StateBackend;
import io.skystate.azure.conformance.AzureTargets;
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
 * The order-saga demo, unchanged, on the Azure adapter (Table Storage and Storage Queues on Azurite) with its workflow
 * on the Durable engine against the durabletask-go sidecar: the saga compensates order-2 newest first, and the payment
 * provider declines order-3 over the workflow callback URL (served by the function host).
 */
class OrderSagaOnDurableIT {
    @Test
    void demoRunsUnchangedOnDurable() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Skystate skystate = AzureTargets.open(AzureSkystate.builder(), StateBackend.TABLES,
                AzureTargets.newPrefix(), AzureTargets.startSidecar());
                PaymentGateway gateway = new PaymentGateway()) {
            Map<String, WorkflowRun> runs = OrderSagaDemo.run(skystate, gateway,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            String report = printed.toString(StandardCharsets.UTF_8);
            assertThat(runs.get("order-1").status()).as(report).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(runs.get("order-2").status()).as(report).isEqualTo(RunStatus.FAILED);
            assertThat(runs.get("order-2").error()).contains("AddressUnknown");
            assertThat(runs.get("order-3").error()).as(report).contains("PaymentDeclined");
            List<String> compensations = skystate.workflows().history("order-2").stream()
                    .filter(s -> s.kind().equals("compensation")).map(StepExecution::path).toList();
            assertThat(compensations).containsExactly("capturePayment", "reserveInventory");
            OrderHandlers handlers = new OrderHandlers(skystate, gateway);
            assertThat(handlers.available()).isEqualTo(8);
            assertThat(handlers.payment("order-2")).map(OrderHandlers.Payment::status).contains("REFUNDED");
        }
    }
}
