package io.skystate.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.AlreadyExistsException;
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
import io.skystate.emulators.FirestoreEmulator;
import io.skystate.emulators.PubSubEmulator;
import io.skystate.gcp.emulator.FaultInjector;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every fifth gRPC call to the emulators fails before it is sent, with UNAVAILABLE, ABORTED or RESOURCE_EXHAUSTED in
 * turn ({@link FaultInjector} on the real channels). The Google clients' retry policies and Firestore's transaction
 * retries must absorb them: every write applied exactly as asked, every message delivered, no error surfacing.
 */
class FaultInjectionIT {
    @Test
    void unavailableAbortedAndResourceExhaustedAreRetriedAndLoseNothing() {
        FaultInjector faults = new FaultInjector(5);
        try (GcpSkystate skystate = GcpSkystate.builder().project(FirestoreEmulator.PROJECT_ID)
                .firestoreEmulator(FirestoreEmulator.get().hostPort()).pubSubEmulator(PubSubEmulator.get().hostPort())
                .prefix("f" + UUID.randomUUID().toString().substring(0, 8) + "-").interceptor(faults).build()) {
            StateStore store = skystate.stateStore("faults");
            for (int i = 0; i < 60; i++) {
                store.put(Key.of("g", "k" + i), StateValue.json("{\"n\":" + i + "}"));
            }
            for (int i = 0; i < 20; i++) {
                store.put(Key.of("g", "created" + i), StateValue.json("1"), PutOptions.ifAbsent());
            }
            for (int i = 0; i < 20; i++) {
                increment(store, Key.of("g", "counter"));
            }
            store.transact(Transaction.builder().put(Key.of("g", "t1"), StateValue.json("1"), PutOptions.ifAbsent())
                    .put(Key.of("g", "t2"), StateValue.json("2"), PutOptions.ifAbsent()).build());
            assertThat(store.delete(Key.of("g", "k0"))).isTrue();
            MessageQueue queue = skystate.queue("faults");
            for (int i = 0; i < 20; i++) {
                queue.send(Message.of("m" + i));
            }
            Set<String> bodies = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (bodies.size() < 20 && System.nanoTime() < deadline) {
                for (ReceivedMessage m : queue.receive(10, Duration.ofSeconds(30), Duration.ofSeconds(1))) {
                    bodies.add(m.bodyText());
                    queue.ack(m.receipt());
                }
            }

            faults.disable();
            assertThat(store.get(Key.of("g", "k0"))).isEmpty();
            for (int i = 1; i < 60; i++) {
                assertThat(store.get(Key.of("g", "k" + i))).as("k%d", i).isPresent();
            }
            for (int i = 0; i < 20; i++) {
                assertThat(store.get(Key.of("g", "created" + i))).as("created%d", i).isPresent();
            }
            assertThat(store.get(Key.of("g", "counter")).orElseThrow().value().asString()).isEqualTo("20");
            assertThat(store.getAll(List.of(Key.of("g", "t1"), Key.of("g", "t2")))).hasSize(2);
            assertThat(bodies).hasSize(20);
            assertThat(faults.byStatusAndMethod().keySet()).as("faults injected: %s", faults.byStatusAndMethod())
                    .anyMatch(k -> k.startsWith("UNAVAILABLE")).anyMatch(k -> k.startsWith("ABORTED"))
                    .anyMatch(k -> k.startsWith("RESOURCE_EXHAUSTED"));
            System.out.println("injected faults: " + faults.byStatusAndMethod());
        }
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
}
