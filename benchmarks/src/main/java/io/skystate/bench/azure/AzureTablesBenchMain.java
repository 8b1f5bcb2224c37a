package io.skystate.bench.azure;

import io.skystate.bench.overhead.OverheadRounds;
import io.skystate.emulators.Azurite;

/**
 * Runs {@link AzureTablesBench} against an Azurite it starts for the run ({@link Azurite#start()}) and stops after,
 * in two rounds of opposite order ({@link OverheadRounds}: {@code jmh-azure-r<round>.json}). About 4 minutes on 2
 * cores. Args: output directory.
 */
public final class AzureTablesBenchMain {
    private AzureTablesBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        try (Azurite azurite = Azurite.start()) {
            System.out.println("azurite at " + azurite.tableEndpoint());
            OverheadRounds.run(out, "azure", AzureTablesBench.class, "-Dbench.azurite=" + azurite.connectionString());
        }
    }
}
