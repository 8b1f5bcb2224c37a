package io.skystate.gcp.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.examples.ordersaga.OrderHandlers;
import io.skystate.examples.ordersaga.OrderSagaDemo;
import io.skystate.examples.ordersaga.PaymentGateway;
import io.skystate.gcp.GcpSkystate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The order-saga demo, unchanged, on Cloud Workflows: the compiled Workflows YAML on Skystate's Workflows runner,
 * handlers behind the HTTP function's task endpoint, and the payment provider answering over the signed workflow
 * callback URL, which the function relays to the waiting execution.
 */
class OrderSagaOnGcpWorkflowsIT {
    /**
     * On the GCP stack ({@link GcpSkystate}, Firestore emulator). The stock count is not checked here: the three
     * orders reserve concurrently, and the Firestore emulator's transactions are not isolated, so racing
     * version-checked writes can both commit (the adapter's declared emulator gaps cond10, state08, tx07).
     */
    @Test
    void demoRunsUnchangedOnTheGcpStack() throws Exception {
        try (GcpSkystate skystate = GcpStackTarget.open("saga" + System.nanoTime() % 100_000 + "-");
                PaymentGateway gateway = new PaymentGateway()) {
            runAndCheckWorkflows(skystate, gateway);
        }
    }

    /** With the local adapter's state stores under the same engine, the stock comes out exact. */
    @Test
    void demoKeepsTheStockExactWithIsolatedStores() throws Exception {
        try (GcpWorkflowsStack skystate = GcpWorkflowsStack.open(); PaymentGateway gateway = new PaymentGateway()) {
            runAndCheckWorkflows(skystate, gateway);
            assertThat(new OrderHandlers(skystate, gateway).available()).isEqualTo(8);
        }
    }

    private static void runAndCheckWorkflows(Skystate skystate, PaymentGateway gateway) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
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
        assertThat(handlers.payment("order-2")).map(OrderHandlers.Payment::status).contains("REFUNDED");
        assertThat(handlers.payment("order-1")).map(OrderHandlers.Payment::status).contains("CAPTURED");
    }
}
