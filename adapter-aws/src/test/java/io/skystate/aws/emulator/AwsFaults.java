package io.skystate.aws.emulator;

import io.skystate.emulators.FaultProxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The faults AWS answers with under load, for a {@link FaultProxy} in front of moto: alternately a 503
 * ({@code ServiceUnavailable}) and a DynamoDB/SQS-style throttling error (HTTP 400, {@code ThrottlingException}).
 */
public final class AwsFaults {
    private AwsFaults() {
    }

    /** A proxy to {@code target} injecting AWS's faults into every {@code everyNth} request. */
    public static FaultProxy proxy(URI target, int everyNth) {
        return new FaultProxy(target, everyNth, List.of(
                fault(503, "ServiceUnavailable", "{\"__type\":\"ServiceUnavailable\",\"message\":\"injected\"}"),
                fault(400, "ThrottlingException",
                        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate exceeded\"}")));
    }

    private static FaultProxy.Fault fault(int status, String type, String body) {
        return new FaultProxy.Fault(status, Map.of("Content-Type", "application/x-amz-json-1.0", "x-amzn-ErrorType", type),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
