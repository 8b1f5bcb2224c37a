package io.skystate.examples.ordersaga;

/** What the storefront keeps in the customer's sealed session token instead of in a server-side session. */
public record Cart(String customerId, String customerName) {
}
