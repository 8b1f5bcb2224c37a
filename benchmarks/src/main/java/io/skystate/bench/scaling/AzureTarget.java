package io.skystate.bench.scaling;

import io.skystate.azure.AzureSkystate;

/** A fresh {@link AzureSkystate} (its own table prefix) on an Azurite's Tables, on a clock the benchmark can move. */
final class AzureTarget {
    /** adapter-azure's {@code Sweeper} sweeps its callbacks this often (the same thread also deletes expired rows). */
    static final long SWEEP_INTERVAL_MILLIS = 500;
    static final String SWEEPER_THREAD = "skystate-azure-sweeper";

    private AzureTarget() {
    }

    static ClockedTarget open(String connectionString, String name) {
        return ClockedTarget.open(SWEEP_INTERVAL_MILLIS, clock -> AzureSkystate.builder()
                .storageConnectionString(connectionString).prefix(ClockedTarget.prefix(name))
                .keyEncryptionKey(ClockedTarget.randomKey()).clock(clock).build());
    }
}
