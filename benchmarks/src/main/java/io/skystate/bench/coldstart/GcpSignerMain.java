package io.skystate.bench.coldstart;

import io.skystate.gcp.GcpSkystate;
import io.skystate.gcp.functions.FunctionRuntime;

/**
 * The harness's signer for the Cloud Functions cold-start variant ({@link SignedRequest#serve}): the same
 * environment as the launches, so the same stored key ring. Not timed.
 */
public final class GcpSignerMain {
    private GcpSignerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (GcpSkystate skystate = FunctionRuntime.open(System.getenv())) {
            SignedRequest.serve(skystate.handlers());
        }
        System.exit(0);
    }
}
