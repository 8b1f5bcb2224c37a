package io.skystate.bench.azure;

import io.skystate.bench.overhead.PairedState;
import io.skystate.emulators.Azurite;

/**
 * Client CPU time of {@link AzureTablesBench}'s two sides, paired in one JVM ({@link PairedState}), against an Azurite
 * it starts for the run and stops after; Azurite's own work is in its Node process, so the CPU time of this JVM is
 * the client's. Decided on the process's CPU time: the sync {@code TableClient} hands its requests to the HTTP
 * client's event-loop threads, which the calling thread's CPU time misses. Writes {@code azure-paired.json}. Args:
 * output directory.
 */
public final class AzurePairedCpu {
    private AzurePairedCpu() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        try (Azurite azurite = Azurite.start()) {
            System.out.println("azurite at " + azurite.tableEndpoint());
            System.setProperty("bench.azurite", azurite.connectionString());
            PairedState.run(out, "azure", AzureTablesBench::new);
        }
    }
}
