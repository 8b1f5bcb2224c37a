package io.skystate.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The cold-start baseline of Skystate's Cloud Functions entry point: the {@link HttpFunction} a developer writes by
 * hand without Skystate, on Jackson, answering like {@link HelloModule}'s {@code hello}. It authenticates nothing
 * itself (a function that requires authentication leaves that to Cloud Run's IAM check in front of it). The mapper is
 * built once per instance.
 */
public final class HandWrittenGcpFunction implements HttpFunction {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Greet(String name) {
    }

    public record Greeting(String greeting) {
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        Greet greet = MAPPER.readValue(request.getInputStream(), Greet.class);
        response.setContentType("application/json");
        try (OutputStream out = response.getOutputStream()) {
            MAPPER.writeValue(out, new Greeting("hello " + greet.name()));
        }
    }
}
