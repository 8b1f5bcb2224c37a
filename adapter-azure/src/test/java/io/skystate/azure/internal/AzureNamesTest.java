package io.skystate.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Native names: valid for Azure tables and queues, distinct for distinct Skystate names, bounded. */
class AzureNamesTest {
    @Test
    void namesAreValidAndDistinct() {
        List<String> names = List.of("a", "a-b", "ab", "a0b", "a01b", "a-0b", "a0-b", "a--b", "a-", "x0", "x-",
                "a" + "-0".repeat(23) + "x", "a" + "0-".repeat(23) + "x", "q".repeat(48));
        Set<String> tables = new HashSet<>();
        for (String name : names) {
            String table = AzureNames.table("skystate", name);
            assertThat(table).matches("[a-z][a-z0-9]{2,62}");
            assertThat(AzureNames.queue("skystate", name)).matches("[a-z0-9]{3,63}");
            tables.add(table);
        }
        assertThat(tables).hasSameSizeAs(names);
    }

    /** The task hub's tables are {@code <hub>History} and {@code <hub>Instances} (Table names are case-insensitive). */
    @Test
    void theTaskHubIsValidAndItsTablesAreNoStoresTables() {
        for (String prefix : List.of("a", "skystate", "p".repeat(16))) {
            String hub = AzureNames.taskHub(prefix);
            assertThat(hub).matches("[A-Za-z][A-Za-z0-9]{2,44}");
            for (String store : List.of("workflowshistory", "0workflowshistory", "-workflowsinstances", "0", "workflows")) {
                String table = AzureNames.table(prefix, store);
                assertThat(table).isNotEqualToIgnoringCase(hub + "History").isNotEqualToIgnoringCase(hub + "Instances");
            }
        }
        assertThatThrownBy(() -> AzureNames.taskHub("Bad")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixesAreChecked() {
        assertThat(AzureNames.checkPrefix("t123")).isEqualTo("t123");
        for (String bad : List.of("", "1abc", "a-b", "Abc", "a".repeat(17))) {
            assertThatThrownBy(() -> AzureNames.checkPrefix(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
