package io.skystate.examples.ordersaga;

import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.WorkflowDefinition;
import java.time.Duration;
import java.util.List;

/**
 * The order saga: initiate → reserve inventory → authorize payment (waits for the payment provider's callback) →
 * capture payment → ship → complete. Reserving and capturing name compensations, so a failure after them releases
 * the stock and refunds the money, newest first. A declined payment is caught and ends the order as rejected.
 */
public final class OrderWorkflow {
    public static final String NAME = "order-saga";

    private OrderWorkflow() {
    }

    public static WorkflowDefinition definition() {
        return WorkflowDefinition.builder(NAME, 1)
                .startAt("initiate")
                .timeout(Duration.ofMinutes(10))
                .task("initiate", "initiateOrder", t -> t.resultPath("$.customer").next("reserveInventory"))
                .task("reserveInventory", "reserveInventory", t -> t
                        .resultPath("$.reservation")
                        .retry(RetryRule.on(List.of("io.skystate.api.VersionConflictException"), 5, Duration.ofSeconds(1), 2.0))
                        .compensateWith("releaseInventory")
                        .next("authorizePayment"))
                .awaitCallback("authorizePayment", "requestPaymentAuthorization", Duration.ofMinutes(5), c -> c
                        .heartbeat(Duration.ofMinutes(1))
                        .resultPath("$.authorization")
                        .catching(new CatchRule(List.of("PaymentDeclined"), "$.rejection", "rejected"))
                        .next("capturePayment"))
                .task("capturePayment", "capturePayment", t -> t
                        .resultPath("$.payment")
                        .compensateWith("refundPayment")
                        .next("ship"))
                .task("ship", "shipOrder", t -> t.resultPath("$.shipment").timeout(Duration.ofSeconds(30)).next("complete"))
                .task("complete", "completeOrder", t -> t.resultPath("$.receipt"))
                .task("rejected", "rejectOrder", t -> t.resultPath("$.receipt").next("declined"))
                .fail("declined", "PaymentDeclined", "the payment provider declined the charge")
                .build();
    }
}
