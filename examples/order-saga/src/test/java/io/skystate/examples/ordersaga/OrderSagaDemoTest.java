package io.skystate.examples.ordersaga;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's three orders end as the README says, on the provider discovered from the class path. */
class OrderSagaDemoTest {
    @Test
    void ordersCompleteCompensateAndDecline() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Skystate skystate = Skystate.open(SkystateConfig.builder().build());
             PaymentGateway gateway = new PaymentGateway()) {
            Map<String, WorkflowRun> runs = OrderSagaDemo.run(skystate, gateway,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(runs.get("order-1").status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(runs.get("order-2").status()).isEqualTo(RunStatus.FAILED);
            assertThat(runs.get("order-2").error()).contains("AddressUnknown");
            assertThat(runs.get("order-3").error()).contains("PaymentDeclined");

            List<String> compensations = skystate.workflows().history("order-2").stream()
                    .filter(s -> s.kind().equals("compensation")).map(StepExecution::path).toList();
            assertThat(compensations).containsExactly("capturePayment", "reserveInventory");
            OrderHandlers handlers = new OrderHandlers(skystate, gateway);
            assertThat(handlers.available()).isEqualTo(8);
            assertThat(handlers.payment("order-1")).map(OrderHandlers.Payment::status).contains("CAPTURED");
            assertThat(handlers.payment("order-2")).map(OrderHandlers.Payment::status).contains("REFUNDED");
            assertThat(handlers.payment("order-3")).isEmpty();
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Order 2 (shipping fails: compensated)");
    }
}
