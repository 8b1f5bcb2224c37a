package io.skystate.azure.emulator;

import io.skystate.emulators.Azurite;
import io.skystate.emulators.FaultProxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The faults Azure answers with under load, for {@link FaultProxy}s in front of the emulators: Storage's
 * {@code 503 ServerBusy} and {@code 429}, Cosmos DB's {@code 429 TooManyRequests} (with {@code x-ms-retry-after-ms})
 * and {@code 503 ServiceUnavailable}.
 */
public final class AzureFaults {
    private AzureFaults() {
    }

    /** Storage faults: 503 ServerBusy and 429, in turn, in the service's error format. */
    public static List<FaultProxy.Fault> storage(boolean xml) {
        return List.of(storageFault(503, "ServerBusy", xml), storageFault(429, "ServerBusy", xml));
    }

    /** Cosmos DB faults: 429 with a short retry-after, and 503. */
    public static List<FaultProxy.Fault> cosmos() {
        return List.of(
                new FaultProxy.Fault(429, Map.of("Content-Type", "application/json", "x-ms-retry-after-ms", "20",
                        "x-ms-substatus", "3200"), json("TooManyRequests", "Request rate is large (injected)")),
                new FaultProxy.Fault(503, Map.of("Content-Type", "application/json", "x-ms-substatus", "21008"),
                        json("ServiceUnavailable", "Service is currently unavailable (injected)")));
    }

    /** A connection string for Azurite whose table and queue endpoints are the given proxies. */
    public static String connectionString(FaultProxy tables, FaultProxy queues) {
        return "DefaultEndpointsProtocol=http;AccountName=" + Azurite.ACCOUNT_NAME + ";AccountKey=" + Azurite.ACCOUNT_KEY
                + ";TableEndpoint=" + account(tables.endpoint()) + ";QueueEndpoint=" + account(queues.endpoint()) + ";";
    }

    private static String account(URI proxy) {
        return proxy + "/" + Azurite.ACCOUNT_NAME;
    }

    private static FaultProxy.Fault storageFault(int status, String code, boolean xml) {
        String message = "The server is busy (injected).";
        byte[] body = (xml
                ? "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                : "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"" + message + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        return new FaultProxy.Fault(status, Map.of("Content-Type", xml ? "application/xml" : "application/json;odata=minimalmetadata",
                "x-ms-error-code", code), body);
    }

    private static byte[] json(String code, String message) {
        return ("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
