package io.skystate.bench.azure;

import io.skystate.azure.AzureSkystate;
import io.skystate.bench.overhead.SkystateSide;
import io.skystate.bench.overhead.StateOverheadBench;
import io.skystate.bench.overhead.StateSide;
import java.util.UUID;

/**
 * Abstraction overhead on state for Azure: adapter-azure's Tables {@code StateStore} against the same Azure Tables
 * calls made by hand ({@link RawTables}), both on the Azurite whose connection string is the {@code bench.azurite}
 * property (started by {@link AzureTablesBenchMain}). Each trial gets its own fresh table. Operations and method:
 * {@link StateOverheadBench}.
 */
public class AzureTablesBench extends StateOverheadBench {
    @Override
    protected StateSide open(String impl) {
        String connection = System.getProperty("bench.azurite");
        String prefix = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        if (impl.equals("sdk")) {
            return new RawTables(connection, prefix + "state");
        }
        AzureSkystate skystate = AzureSkystate.builder().storageConnectionString(connection).prefix(prefix).build();
        return new SkystateSide(skystate.stateStore("state"), skystate::close);
    }
}
