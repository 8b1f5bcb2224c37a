package io.skystate.bench.azure;

import io.skystate.bench.overhead.OverheadRounds;
import io.skystate.bench.overhead.PairedState;
import io.skystate.emulators.Azurite;

/**
 * Runs {@link AzureTablesBench} against an Azurite it starts for the run ({@link Azurite#start()}) and stops after:
 * by default in two JMH rounds of opposite order ({@link OverheadRounds}: {@code jmh-azure-r<round>.json}; about 4
 * minutes on 2 cores); with the second argument {@code paired}, both sides paired in this JVM ({@link PairedState}:
 * {@code azure-paired.json}; about 3 minutes). Paired, the goal is decided on the process's CPU time: Azurite's work
 * is in its Node process, so this JVM's CPU time is the client's, and the sync {@code TableClient} hands its requests
 * to the HTTP client's event-loop threads, which the calling thread's CPU time misses. Args: output directory,
 * optionally {@code paired}.
 */
public final class AzureTablesBenchMain {
    private AzureTablesBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        try (Azurite azurite = Azurite.start()) {
            System.out.println("azurite at " + azurite.tableEndpoint());
            if (args.length > 1 && args[1].equals("paired")) {
                System.setProperty("bench.azurite", azurite.connectionString());
                PairedState.run(out, "azure", AzureTablesBench::new);
            } else {
                OverheadRounds.run(out, "azure", AzureTablesBench.class, "-Dbench.azurite=" + azurite.connectionString());
            }
        }
    }
}
