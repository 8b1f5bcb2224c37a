package io.skystate.examples.ordersaga;

import java.math.BigDecimal;

/** An order as it travels through the workflow: the customer's session token, what they buy, and where it goes. */
public record Order(String orderId, String sessionToken, String sku, int quantity, BigDecimal amount, String address) {
}
