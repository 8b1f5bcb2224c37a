package io.skystate.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.SkystateException;
import io.skystate.api.ThrottledException;
import io.skystate.api.TransientException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.azure.conformance.AzureTargets;
import io.skystate.azure.emulator.AzureFaults;
import io.skystate.emulators.Azurite;
import io.skystate.emulators.CosmosEmulator;
import io.skystate.emulators.FaultProxy;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every fifth HTTP request to the emulators fails the way Azure fails under load (Storage: 503 ServerBusy and 429;
 * Cosmos DB: 429 with a retry-after and 503). The SDKs' retry policies must still apply every write exactly as asked:
 * nothing lost, nothing doubled. When every request fails, the calls end in typed, retryable errors.
 */
class FaultInjectionIT {
    @Test
    void tablesAndQueuesRetryThrottlingAndLoseNothing() {
        try (FaultProxy tables = new FaultProxy(tableTarget(), 5, AzureFaults.storage(false));
             FaultProxy queues = new FaultProxy(queueTarget(), 5, AzureFaults.storage(true));
             AzureSkystate skystate = AzureSkystate.builder().storageConnectionString(AzureFaults.connectionString(tables, queues))
                     .prefix(AzureTargets.newPrefix()).build()) {
            StateStore store = skystate.stateStore("faults");
            writeAndCheck(store);
            MessageQueue queue = skystate.queue("faults");
            for (int i = 0; i < 20; i++) {
                queue.send(Message.of("m" + i));
            }
            queue.send(new Message(new byte[MessageQueue.MAX_MESSAGE_BYTES - 12], java.util.Map.of("claim", "checked")));
            Set<String> bodies = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (bodies.size() < 21 && System.nanoTime() < deadline) {
                for (ReceivedMessage m : queue.receive(10, Duration.ofSeconds(30), Duration.ofSeconds(1))) {
                    bodies.add(m.attributes().containsKey("claim") ? "claimed:" + m.body().length : m.bodyText());
                    queue.ack(m.receipt());
                }
            }
            assertThat(bodies).hasSize(21).contains("claimed:" + (MessageQueue.MAX_MESSAGE_BYTES - 12));
            assertThat(queue.receive(10, Duration.ofSeconds(30), Duration.ofMillis(500))).as("acked messages stay gone").isEmpty();
            System.out.printf("tables+queues: %d of %d table requests and %d of %d queue requests failed by injection%n",
                    tables.injectedFaults(), tables.requests(), queues.injectedFaults(), queues.requests());
            assertThat(tables.injectedFaults()).as("table faults injected").isGreaterThan(30);
            assertThat(queues.injectedFaults()).as("queue faults injected").isGreaterThan(5);
        }
    }

    @Test
    void cosmosRetriesThrottlingAndLosesNothing() {
        try (FaultProxy cosmos = new FaultProxy(CosmosEmulator.get().endpoint(), 5, AzureFaults.cosmos());
             AzureSkystate skystate = AzureSkystate.builder().state(AzureSkystateBuilder.StateBackend.COSMOS)
                     .storageConnectionString(Azurite.get().connectionString())
                     .cosmos(cosmos.endpoint() + "/", CosmosEmulator.KEY).cosmosGateway(true).cosmosEndpointDiscovery(false)
                     .prefix(AzureTargets.newPrefix()).build()) {
            StateStore store = skystate.stateStore("faults");
            // Only what the Cosmos DB emulator serves faithfully (no reads of missing items, no queries, no batches).
            for (int i = 0; i < 60; i++) {
                store.put(Key.of("g", "k" + i), StateValue.json("{\"n\":" + i + "}"));
            }
            store.put(Key.of("g", "counter"), StateValue.json("0"));
            for (int i = 0; i < 30; i++) {
                increment(store, Key.of("g", "counter"));
            }
            for (int i = 0; i < 60; i++) {
                assertThat(store.get(Key.of("g", "k" + i))).as("k%d", i).isPresent();
            }
            assertThat(store.get(Key.of("g", "counter")).orElseThrow().value().asString()).isEqualTo("30");
            System.out.printf("cosmos: %d of %d requests failed by injection%n", cosmos.injectedFaults(), cosmos.requests());
            assertThat(cosmos.injectedFaults()).as("faults injected").isGreaterThan(30);
        }
    }

    @Test
    void typedRetryableErrorsWhenRetriesRunOut() {
        try (FaultProxy tables = new FaultProxy(tableTarget(), FaultProxy.NEVER, AzureFaults.storage(false));
             FaultProxy queues = new FaultProxy(queueTarget(), FaultProxy.NEVER, AzureFaults.storage(true));
             FaultProxy cosmos = new FaultProxy(CosmosEmulator.get().endpoint(), FaultProxy.NEVER, AzureFaults.cosmos().subList(0, 1));
             AzureSkystate onTables = AzureSkystate.builder().storageConnectionString(AzureFaults.connectionString(tables, queues))
                     .prefix(AzureTargets.newPrefix()).build();
             AzureSkystate onCosmos = AzureSkystate.builder().state(AzureSkystateBuilder.StateBackend.COSMOS)
                     .storageConnectionString(Azurite.get().connectionString())
                     .cosmos(cosmos.endpoint() + "/", CosmosEmulator.KEY).cosmosGateway(true).cosmosEndpointDiscovery(false)
                     .prefix(AzureTargets.newPrefix()).build()) {
            StateStore tableStore = onTables.stateStore("exhausted");
            MessageQueue queue = onTables.queue("exhausted");
            StateStore cosmosStore = onCosmos.stateStore("exhausted");
            tableStore.put(Key.of("g", "warm"), StateValue.json("1"));
            cosmosStore.put(Key.of("g", "warm"), StateValue.json("1"));
            tables.failEvery(1);
            queues.failEvery(1);
            cosmos.failEvery(1);
            for (Runnable call : List.<Runnable>of(
                    () -> tableStore.put(Key.of("g", "k"), StateValue.json("1")),
                    () -> tableStore.get(Key.of("g", "warm")),
                    () -> queue.send(Message.of("lost")),
                    () -> cosmosStore.put(Key.of("g", "k"), StateValue.json("1")))) {
                assertThatThrownBy(call::run).isInstanceOfAny(ThrottledException.class, TransientException.class)
                        .satisfies(e -> assertThat(((SkystateException) e).retryable()).isTrue())
                        .satisfies(e -> assertThat(((SkystateException) e).provider()).isEqualTo("azure"))
                        .hasCauseInstanceOf(RuntimeException.class);
            }
        }
    }

    private static void writeAndCheck(StateStore store) {
        for (int i = 0; i < 60; i++) {
            store.put(Key.of("g", "k" + i), StateValue.json("{\"n\":" + i + "}"));
        }
        for (int i = 0; i < 30; i++) {
            increment(store, Key.of("g", "counter"));
        }
        store.transact(Transaction.builder().put(Key.of("g", "t1"), StateValue.json("1"), PutOptions.ifAbsent())
                .put(Key.of("g", "t2"), StateValue.json("2"), PutOptions.ifAbsent()).build());
        for (int i = 0; i < 60; i++) {
            assertThat(store.get(Key.of("g", "k" + i))).as("k%d", i).isPresent();
        }
        assertThat(store.get(Key.of("g", "counter")).orElseThrow().value().asString()).isEqualTo("30");
        assertThat(store.getAll(List.of(Key.of("g", "t1"), Key.of("g", "t2")))).hasSize(2);
    }

    private static void increment(StateStore store, Key key) {
        while (true) {
            var current = store.get(key);
            int value = current.map(StateEntry::value).map(v -> Integer.parseInt(v.asString())).orElse(0);
            try {
                store.put(key, StateValue.json(Integer.toString(value + 1)), current
                        .map(e -> PutOptions.ifVersion(e.version())).orElse(PutOptions.ifAbsent()));
                return;
            } catch (VersionConflictException | AlreadyExistsException raced) {
                // lost a race; re-read and try again
            }
        }
    }

    private static URI tableTarget() {
        return URI.create("http://127.0.0.1:" + Azurite.get().tablePort());
    }

    private static URI queueTarget() {
        return URI.create("http://127.0.0.1:" + Azurite.get().queuePort());
    }
}
