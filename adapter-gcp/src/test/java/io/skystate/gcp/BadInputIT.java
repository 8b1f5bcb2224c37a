package io.skystate.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidKeyException;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.emulators.FirestoreEmulator;
import io.skystate.emulators.PubSubEmulator;
import io.skystate.gcp.emulator.FaultInjector;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Oversize payloads, invalid keys, malformed JSON and bad receive arguments fail with typed errors before any gRPC
 * call leaves the process (counted by an interceptor on the real channels that never injects a fault).
 */
class BadInputIT {
    @Test
    void rejectedBeforeAnyGoogleCall() {
        FaultInjector counter = new FaultInjector(Integer.MAX_VALUE);
        try (GcpSkystate skystate = GcpSkystate.builder().project(FirestoreEmulator.PROJECT_ID)
                .firestoreEmulator(FirestoreEmulator.get().hostPort()).pubSubEmulator(PubSubEmulator.get().hostPort())
                .prefix("b" + UUID.randomUUID().toString().substring(0, 8) + "-").interceptor(counter).build()) {
            StateStore store = skystate.stateStore("bad-input");
            MessageQueue queue = skystate.queue("bad-input");
            int before = counter.calls();

            Key key = Key.of("g", "k");
            byte[] tooBig = new byte[StateLimits.maxValueSize(key) + 1];
            assertThatThrownBy(() -> store.put(key, StateValue.bytes(tooBig))).isInstanceOf(PayloadTooLargeException.class);
            assertThatThrownBy(() -> store.put(key, StateValue.json("{not json"))).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> Key.of("g", "")).isInstanceOf(InvalidKeyException.class);
            assertThatThrownBy(() -> Key.of("g", "x".repeat(Key.MAX_LENGTH + 1))).isInstanceOf(InvalidKeyException.class);
            assertThatThrownBy(() -> store.transact(Transaction.builder().put(key, StateValue.bytes(tooBig)).build()))
                    .isInstanceOf(PayloadTooLargeException.class);
            Transaction.Builder huge = Transaction.builder();
            for (int i = 0; i < 30; i++) {
                huge.put(Key.of("g", "big" + i), StateValue.bytes(new byte[StateLimits.maxValueSize(Key.of("g", "big" + i))]));
            }
            assertThatThrownBy(() -> store.transact(huge.build())).as("over Firestore's 10 MiB commit")
                    .isInstanceOf(PayloadTooLargeException.class);
            assertThatThrownBy(() -> queue.send(new Message(new byte[MessageQueue.MAX_MESSAGE_BYTES + 1], Map.of())))
                    .isInstanceOf(PayloadTooLargeException.class);
            assertThatThrownBy(() -> queue.receive(1, Duration.ofMinutes(11), Duration.ZERO))
                    .isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> queue.ack("rcpt1.other.eA")).isInstanceOf(InvalidRequestException.class);

            assertThat(counter.calls()).as("gRPC calls made by rejected operations").isEqualTo(before);
            assertThat(store.get(key)).isEmpty();
        }
    }
}
