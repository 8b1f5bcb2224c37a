package io.skystate.conformance;

import io.skystate.api.handler.EndpointRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** POSTs JSON with the JDK client, the way an external party would call a callback URL or handler endpoint. */
final class HttpPoster {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status and body text. */
    record Response(int status, String body) {
    }

    private HttpPoster() {
    }

    static Response postJson(URI uri, String json) {
        return post(uri, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a signed handler endpoint request as it is. */
    static Response post(EndpointRequest request) {
        return post(request.url(), request.headers(), request.body());
    }

    static Response post(URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to " + uri, e);
        }
    }
}
