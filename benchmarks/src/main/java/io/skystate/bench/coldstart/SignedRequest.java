package io.skystate.bench.coldstart;

import io.skystate.api.handler.EndpointRequest;
import io.skystate.api.handler.Handlers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signed handler-endpoint request of the Azure and Cloud Functions cold-start variants ({@link AzureMain},
 * {@link GcpMain}): their HTTP entry points serve a handler only for a request signed with the app's stored key ring
 * and used once. {@link #serve} is the harness's long-lived signer (one JVM per provider, started before the timed
 * launches): for every body line on stdin it writes one line {@code date,nonce,signature} for handler {@code hello},
 * made by {@link Handlers#endpointRequest} as a real caller makes it. {@link #headers} turns the
 * {@code -Dbench.signed} property a launch gets back into the request headers.
 */
public final class SignedRequest {
    static final String HANDLER = "hello";

    private SignedRequest() {
    }

    /** Signs every body line read from stdin until it closes; one answer line each, flushed. */
    static void serve(Handlers handlers) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = System.out;
        out.println("ready");
        out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            EndpointRequest request = handlers.endpointRequest(HANDLER, line.getBytes(StandardCharsets.UTF_8))
                    .orElseThrow(() -> new IllegalStateException("handler endpoints are off"));
            Map<String, String> h = request.headers();
            out.println(h.get("X-Skystate-Date") + "," + h.get("X-Skystate-Nonce") + ","
                    + h.get("X-Skystate-Signature"));
            out.flush();
        }
    }

    /** The headers of {@code -Dbench.signed=date,nonce,signature} (none without the property). */
    static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        String signed = System.getProperty("bench.signed");
        if (signed != null) {
            String[] parts = signed.split(",", 3);
            headers.put("X-Skystate-Date", parts[0]);
            headers.put("X-Skystate-Nonce", parts[1]);
            headers.put("X-Skystate-Signature", parts[2]);
        }
        return headers;
    }
}
