package io.skystate.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidKeyException;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateLimits;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Oversize payloads, invalid keys, malformed JSON, transactions over the batch cap and bad queue arguments fail with
 * typed errors before any request reaches Azure (counted at proxies in front of the emulators), on both stores.
 */
class BadInputIT {
    @Test
    void tablesRejectBeforeAnyCall() {
        try (FaultProxy tables = new FaultProxy(URI.create("http://127.0.0.1:" + Azurite.get().tablePort()), FaultProxy.NEVER,
                     AzureFaults.storage(false));
             FaultProxy queues = new FaultProxy(URI.create("http://127.0.0.1:" + Azurite.get().queuePort()), FaultProxy.NEVER,
                     AzureFaults.storage(true));
             AzureSkystate skystate = AzureSkystate.builder().storageConnectionString(AzureFaults.connectionString(tables, queues))
                     .prefix(AzureTargets.newPrefix()).build()) {
            StateStore store = skystate.stateStore("bad-input");
            MessageQueue queue = skystate.queue("bad-input");
            store.get(Key.of("g", "warm-up"));
            int before = tables.requests() + queues.requests();
            rejectAll(store, queue);
            assertThat(tables.requests() + queues.requests()).as("requests sent by rejected calls").isEqualTo(before);
        }
    }

    @Test
    void cosmosRejectsBeforeAnyCall() {
        try (FaultProxy cosmos = new FaultProxy(CosmosEmulator.get().endpoint(), FaultProxy.NEVER, AzureFaults.cosmos());
             AzureSkystate skystate = AzureSkystate.builder().state(AzureSkystateBuilder.StateBackend.COSMOS)
                     .storageConnectionString(Azurite.get().connectionString())
                     .cosmos(cosmos.endpoint() + "/", CosmosEmulator.KEY).cosmosGateway(true).cosmosEndpointDiscovery(false)
                     .prefix(AzureTargets.newPrefix()).build()) {
            StateStore store = skystate.stateStore("bad-input");
            store.put(Key.of("g", "warm-up"), StateValue.json("1"));
            int before = cosmos.requests();
            rejectAll(store, skystate.queue("bad-input"));
            assertThat(cosmos.requests()).as("requests sent by rejected calls").isEqualTo(before);
        }
    }

    private static void rejectAll(StateStore store, MessageQueue queue) {
        Key key = Key.of("g", "k");
        byte[] tooBig = new byte[StateLimits.maxValueSize(key) + 1];
        assertThatThrownBy(() -> store.put(key, StateValue.bytes(tooBig))).isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> store.put(key, StateValue.json("{not json"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Key.of("g", "x".repeat(Key.MAX_LENGTH + 1))).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.transact(Transaction.builder().put(key, StateValue.bytes(tooBig)).build()))
                .isInstanceOf(PayloadTooLargeException.class);
        Transaction.Builder overBatchCap = Transaction.builder();
        for (int i = 0; i < 6; i++) {
            Key k = Key.of("g", "big" + i);
            overBatchCap.put(k, StateValue.bytes(new byte[StateLimits.maxValueSize(k)]), PutOptions.ifAbsent());
        }
        assertThatThrownBy(() -> store.transact(overBatchCap.build())).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("batch");
        assertThatThrownBy(() -> store.transact(Transaction.builder().put(Key.of("a", "1"), StateValue.json("1"))
                .put(Key.of("b", "1"), StateValue.json("1")).build())).isInstanceOf(UnsupportedCapabilityException.class);
        assertThatThrownBy(() -> queue.send(new Message(new byte[MessageQueue.MAX_MESSAGE_BYTES + 1], Map.of())))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> queue.receive(0, Duration.ofSeconds(1), Duration.ZERO)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> queue.ack("rcpt1.other.eA")).isInstanceOf(InvalidRequestException.class);
    }
}
