package io.skystate.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Cold-start diagnostic, not a baseline: {@link RawMain} with a plain Jackson {@link ObjectMapper} and records,
 * so the report can tell Jackson's own start-up cost from Skystate's.
 */
public final class RawJacksonMain {
    private RawJacksonMain() {
    }

    public record Greet(String name) {
    }

    public record Greeting(String greeting) {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Greet g = mapper.readValue(in.readLine(), Greet.class);
        System.out.println(mapper.writeValueAsString(new Greeting("hello " + g.name())));
        System.out.flush();
    }
}
