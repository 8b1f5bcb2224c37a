package io.skystate.examples.ordersaga;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for an external payment provider: it accepts an authorization request with a callback URL, decides
 * a little later, and reports back by POSTing to the URL, as a real provider's webhook would. Amounts above
 * {@link #LIMIT} are declined.
 */
public final class PaymentGateway implements AutoCloseable {
    public static final BigDecimal LIMIT = new BigDecimal("1000");

    private HttpClient http;
    private ScheduledExecutorService scheduler;

    /** The HTTP client and the scheduler, made on first use (a gateway built while packaging starts no thread). */
    private synchronized ScheduledExecutorService started() {
        if (scheduler == null) {
            http = HttpClient.newHttpClient();
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "payment-gateway");
                thread.setDaemon(true);
                return thread;
            });
        }
        return scheduler;
    }

    /** Queues an authorization; the decision arrives at {@code callbackUrl} after {@code delay}. */
    public void authorize(String orderId, BigDecimal amount, String callbackUrl, Duration delay) {
        String body = amount.compareTo(LIMIT) > 0
                ? "{\"outcome\":\"failure\",\"error\":\"PaymentDeclined\",\"message\":\"amount " + amount + " over limit\"}"
                : "{\"outcome\":\"success\",\"result\":{\"authorizationId\":\"auth-" + orderId + "\",\"amount\":" + amount + "}}";
        started().schedule(() -> post(callbackUrl, body), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void post(String url, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                System.err.println("payment gateway: callback answered " + response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            System.err.println("payment gateway: callback failed: " + e);
        }
    }

    private synchronized HttpClient client() {
        return http;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
