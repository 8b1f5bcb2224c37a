package io.skystate.bench.coldstart;

import io.skystate.azure.AzureSkystate;
import io.skystate.azure.functions.FunctionsRuntime;

/**
 * The harness's signer for the Azure cold-start variant ({@link SignedRequest#serve}): the same app settings as the
 * launches, so the same stored key ring. Not timed.
 */
public final class AzureSignerMain {
    private AzureSignerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (AzureSkystate skystate = FunctionsRuntime.open(System.getenv())) {
            SignedRequest.serve(skystate.handlers());
        }
        System.exit(0);
    }
}
