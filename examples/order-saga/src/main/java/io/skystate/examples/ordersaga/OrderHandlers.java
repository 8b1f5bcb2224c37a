package io.skystate.examples.ordersaga;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Skystate;
import io.skystate.api.VersionConflictException;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.idempotency.IdempotencyOptions;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.StepFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The order saga's handlers. They are stateless: inventory, payments and orders live in state stores, the
 * customer in a sealed session token. Handlers with side effects are wrapped for idempotency, because every
 * provider runs handlers at least once.
 */
public final class OrderHandlers {
    public static final String SKU = "skystate-mug";

    private final Skystate skystate;
    private final PaymentGateway gateway;
    private final StateStore inventory;
    private final StateStore payments;
    private final StateStore orders;

    public OrderHandlers(Skystate skystate, PaymentGateway gateway) {
        this.skystate = skystate;
        this.gateway = gateway;
        this.inventory = skystate.stateStore("inventory");
        this.payments = skystate.stateStore("payments");
        this.orders = skystate.stateStore("orders");
    }

    /** Stock levels by SKU. */
    public record Stock(int available) {
    }

    public record Reservation(String sku, int quantity, int remaining) {
    }

    public record Payment(String paymentId, String orderId, String amount, String status) {
    }

    /** The input of a wait-for-callback handler: the token, its URL, and the step's input. */
    public record CallbackRequestInput(String token, String url, Order input) {
    }

    public void registerAll() {
        var idem = skystate.idempotency();
        var options = IdempotencyOptions.defaults().withStore("order-idempotency").withResultTtl(Duration.ofDays(1));
        var handlers = skystate.handlers();
        handlers.register(HandlerDefinition.ofFunction("initiateOrder", Order.class, Cart.class,
                order -> skystate.sessions().open(order.sessionToken(), Cart.class)));
        handlers.register(idem.wrap(HandlerDefinition.ofFunction("reserveInventory", Order.class, Reservation.class,
                this::reserve), Order::orderId, options));
        handlers.register(idem.wrap(HandlerDefinition.ofFunction("releaseInventory", Map.class, Reservation.class,
                this::release), data -> "release-" + data.get("orderId"), options));
        handlers.register(HandlerDefinition.ofFunction("requestPaymentAuthorization", CallbackRequestInput.class, Map.class,
                request -> {
                    gateway.authorize(request.input().orderId(), request.input().amount(), request.url(), Duration.ofMillis(300));
                    return Map.of("requested", true);
                }));
        handlers.register(idem.wrap(HandlerDefinition.ofFunction("capturePayment", Order.class, Payment.class,
                this::capture), order -> "capture-" + order.orderId(), options));
        handlers.register(HandlerDefinition.ofFunction("refundPayment", Map.class, Payment.class, this::refund));
        handlers.register(HandlerDefinition.ofFunction("shipOrder", Order.class, Map.class, this::ship));
        handlers.register(HandlerDefinition.ofFunction("completeOrder", Order.class, Map.class,
                order -> record(order.orderId(), "COMPLETED")));
        handlers.register(HandlerDefinition.ofFunction("rejectOrder", Order.class, Map.class,
                order -> record(order.orderId(), "REJECTED")));
    }

    public void stock(int available) {
        inventory.putJson(Key.of("stock", SKU), new Stock(available), PutOptions.always());
    }

    public int available() {
        return inventory.getJson(Key.of("stock", SKU), Stock.class).map(Stock::available).orElse(0);
    }

    private Reservation reserve(Order order) {
        return adjustStock(-order.quantity());
    }

    private Reservation release(Map<?, ?> data) {
        return adjustStock(((Number) data.get("quantity")).intValue());
    }

    /** Optimistic read-modify-write; a lost race surfaces as VersionConflictException, which the workflow retries. */
    private Reservation adjustStock(int delta) {
        StateEntry entry = inventory.get(Key.of("stock", SKU)).orElseThrow(() -> new StepFailure("OutOfStock", "unknown SKU"));
        int available = skystate.codec().decode(entry.value().bytes(), Stock.class).available() + delta;
        if (available < 0) {
            throw new StepFailure("OutOfStock", "only " + (available - delta) + " left");
        }
        inventory.putJson(Key.of("stock", SKU), new Stock(available), PutOptions.ifVersion(entry.version()));
        return new Reservation(SKU, Math.abs(delta), available);
    }

    private Payment capture(Order order) {
        Payment payment = new Payment("pay-" + order.orderId(), order.orderId(), order.amount().toPlainString(), "CAPTURED");
        try {
            payments.putJson(Key.of("payments", payment.paymentId()), payment, PutOptions.ifAbsent());
        } catch (AlreadyExistsException duplicate) {
            // Captured by an earlier attempt; capturing is idempotent by payment id.
        }
        return payment;
    }

    private Payment refund(Map<?, ?> data) {
        Map<?, ?> captured = (Map<?, ?>) data.get("payment");
        Key key = Key.of("payments", String.valueOf(captured.get("paymentId")));
        while (true) {
            Optional<StateEntry> entry = payments.get(key);
            Payment current = skystate.codec().decode(entry.orElseThrow().value().bytes(), Payment.class);
            Payment refunded = new Payment(current.paymentId(), current.orderId(), current.amount(), "REFUNDED");
            try {
                payments.putJson(key, refunded, PutOptions.ifVersion(entry.get().version()));
                return refunded;
            } catch (VersionConflictException raced) {
                // re-read and try again
            }
        }
    }

    private Map<String, String> ship(Order order) {
        if (order.address().contains("Atlantis")) {
            throw new StepFailure("AddressUnknown", "no carrier delivers to " + order.address());
        }
        return Map.of("carrier", "skyship", "tracking", "SKY-" + order.orderId().toUpperCase(java.util.Locale.ROOT));
    }

    private Map<String, String> record(String orderId, String status) {
        orders.putJson(Key.of("orders", orderId), Map.of("orderId", orderId, "status", status), PutOptions.always());
        return Map.of("orderId", orderId, "status", status);
    }

    public Optional<Payment> payment(String orderId) {
        return payments.getJson(Key.of("payments", "pay-" + orderId), Payment.class);
    }
}
