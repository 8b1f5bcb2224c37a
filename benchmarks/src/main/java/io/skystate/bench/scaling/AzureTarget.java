package io.skystate.bench.scaling;

import io.skystate.api.Skystate;
import io.skystate.azure.AzureSkystate;
import java.security.SecureRandom;

/** A fresh {@link AzureSkystate} (its own table prefix) on an Azurite's Tables, on a clock the benchmark can move. */
final class AzureTarget implements CallbackSweepBench.Target {
    /** adapter-azure's {@code Sweeper} sweeps its callbacks this often (the same thread also deletes expired rows). */
    static final long SWEEP_INTERVAL_MILLIS = 500;
    static final String SWEEPER_THREAD = "skystate-azure-sweeper";

    private final MutableClock clock = new MutableClock();
    private final AzureSkystate skystate;

    AzureTarget(String connectionString, String name) {
        skystate = AzureSkystate.builder().storageConnectionString(connectionString)
                .prefix("b" + name.replaceAll("[^A-Za-z0-9]", "")).keyEncryptionKey(kek()).clock(clock).build();
    }

    /** A random key to wrap the key rings the adapter generates (it stores them only wrapped). */
    private static byte[] kek() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public Skystate skystate() {
        return skystate;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public long sweepIntervalMillis() {
        return SWEEP_INTERVAL_MILLIS;
    }

    @Override
    public void close() {
        skystate.close();
    }
}
