package io.skystate.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The cold-start baseline for Skystate's Lambda entry point: the Lambda handler a developer writes by hand without
 * Skystate — a {@link RequestStreamHandler} that decodes the event with Jackson (the library Skystate uses) into a
 * record and answers like {@link HelloModule}'s {@code hello} ({@code {"name":"ada"}} →
 * {@code {"greeting":"hello ada"}}). The mapper is built once per execution environment, as Lambda advises.
 */
public final class HandWrittenHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Greet(String name) {
    }

    public record Greeting(String greeting) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Greet greet = MAPPER.readValue(input, Greet.class);
        MAPPER.writeValue(output, new Greeting("hello " + greet.name()));
    }
}
