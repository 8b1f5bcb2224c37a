package io.skystate.aws;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.skystate.aws.emulator.AwsFaults;
import io.skystate.emulators.FaultProxy;
import io.skystate.emulators.Moto;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Every fifth HTTP request to the emulator fails with throttling or a 503. The adapter (through the SDK's retry
 * policy) must still apply every write exactly as asked: nothing lost, nothing doubled.
 */
class FaultInjectionIT {
    @Test
    void throttlingAndTransientErrorsAreRetriedAndLoseNothing() {
        try (FaultProxy proxy = AwsFaults.proxy(Moto.get().endpoint(), 5);
             AwsSkystate skystate = AwsSkystate.builder().endpoint(proxy.endpoint()).region("us-east-1")
                     .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .prefix("f" + UUID.randomUUID().toString().substring(0, 8) + "-").build()) {
            StateStore store = skystate.stateStore("faults");
            for (int i = 0; i < 100; i++) {
                store.put(Key.of("g", "k" + i), StateValue.json("{\"n\":" + i + "}"));
            }
            for (int i = 0; i < 30; i++) {
                increment(store, Key.of("g", "counter"));
            }
            store.transact(Transaction.builder().put(Key.of("g", "t1"), StateValue.json("1"), PutOptions.ifAbsent())
                    .put(Key.of("g", "t2"), StateValue.json("2"), PutOptions.ifAbsent()).build());
            MessageQueue queue = skystate.queue("faults");
            for (int i = 0; i < 30; i++) {
                queue.send(Message.of("m" + i));
            }

            for (int i = 0; i < 100; i++) {
                assertThat(store.get(Key.of("g", "k" + i))).as("k%d", i).isPresent();
            }
            assertThat(store.get(Key.of("g", "counter")).orElseThrow().value().asString()).isEqualTo("30");
            assertThat(store.getAll(List.of(Key.of("g", "t1"), Key.of("g", "t2")))).hasSize(2);
            Set<String> bodies = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (bodies.size() < 30 && System.nanoTime() < deadline) {
                for (ReceivedMessage m : queue.receive(10, Duration.ofSeconds(30), Duration.ofSeconds(1))) {
                    bodies.add(m.bodyText());
                    queue.ack(m.receipt());
                }
            }
            assertThat(bodies).hasSize(30);
            assertThat(proxy.injectedFaults()).as("faults injected").isGreaterThan(30);
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
            } catch (VersionConflictException | io.skystate.api.AlreadyExistsException raced) {
                // lost a race; re-read and try again
            }
        }
    }
}
