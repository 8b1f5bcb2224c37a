package io.skystate.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.io.IOException;
import java.util.Optional;

/**
 * The cold-start baseline of Skystate's Azure Functions entry point: the HTTP-triggered function a developer writes by
 * hand without Skystate, on Jackson, answering like {@link HelloModule}'s {@code hello}. It authenticates nothing
 * itself: a {@code FUNCTION} auth level leaves that to the host's function keys. The mapper is built once per
 * instance.
 */
public final class HandWrittenAzureFunction {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Greet(String name) {
    }

    public record Greeting(String greeting) {
    }

    @FunctionName("hello")
    public HttpResponseMessage run(
            @HttpTrigger(name = "request", methods = {HttpMethod.POST}, authLevel = AuthorizationLevel.FUNCTION)
            HttpRequestMessage<Optional<String>> request, ExecutionContext context) throws IOException {
        Greet greet = MAPPER.readValue(request.getBody().orElse("{}"), Greet.class);
        return request.createResponseBuilder(HttpStatus.OK).header("Content-Type", "application/json")
                .body(MAPPER.writeValueAsString(new Greeting("hello " + greet.name()))).build();
    }
}
