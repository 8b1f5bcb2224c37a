package io.skystate.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.azure.conformance.AzureTargets;
import io.skystate.emulators.Azurite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table Storage has no TTL: reads hide expired entities at once, and the sweep deletes them physically, each only
 * if it is unchanged since it was listed, leaving live and never-expiring entities alone.
 */
class TableSweepIT {
    @Test
    void sweepDeletesExpiredEntitiesOnly() {
        try (AzureSkystate skystate = AzureSkystate.builder().storageConnectionString(Azurite.get().connectionString())
                .prefix(AzureTargets.newPrefix()).build()) {
            StateStore store = skystate.stateStore("sweep");
            Instant past = Instant.now().minusSeconds(5);
            for (int i = 0; i < 5; i++) {
                store.put(Key.of("g", "dead" + i), StateValue.json("1"), PutOptions.always().expiringAt(past));
            }
            store.put(Key.of("g", "alive"), StateValue.json("1"), PutOptions.always().expiringAt(Instant.now().plusSeconds(3600)));
            store.put(Key.of("g", "forever"), StateValue.json("1"));
            TableClient table = store.unwrap(TableClient.class).orElseThrow();
            assertThat(rowKeys(table)).hasSize(7);
            assertThat(store.get(Key.of("g", "dead0"))).as("expired is invisible before the sweep").isEmpty();

            assertThat(skystate.sweepExpired()).isEqualTo(5);

            assertThat(rowKeys(table)).containsExactlyInAnyOrder("alive", "forever");
            assertThat(skystate.sweepExpired()).isZero();
        }
    }

    private static List<String> rowKeys(TableClient table) {
        List<String> keys = new ArrayList<>();
        table.listEntities(new ListEntitiesOptions(), null, null).forEach(e -> keys.add(e.getRowKey()));
        return keys;
    }
}
