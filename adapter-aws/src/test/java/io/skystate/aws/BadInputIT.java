package io.skystate.aws;

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
import io.skystate.aws.emulator.AwsFaults;
import io.skystate.emulators.FaultProxy;
import io.skystate.emulators.Moto;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Oversize payloads, invalid keys and malformed JSON fail with typed errors before any request reaches AWS. */
class BadInputIT {
    @Test
    void rejectedBeforeAnyAwsCall() {
        try (FaultProxy proxy = AwsFaults.proxy(Moto.get().endpoint(), FaultProxy.NEVER);
             AwsSkystate skystate = AwsSkystate.builder().endpoint(proxy.endpoint()).region("us-east-1")
                     .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .prefix("b" + UUID.randomUUID().toString().substring(0, 8) + "-").build()) {
            StateStore store = skystate.stateStore("bad-input");
            MessageQueue queue = skystate.queue("bad-input");
            int before = proxy.requests();

            Key key = Key.of("g", "k");
            byte[] tooBig = new byte[StateLimits.maxValueSize(key) + 1];
            assertThatThrownBy(() -> store.put(key, StateValue.bytes(tooBig))).isInstanceOf(PayloadTooLargeException.class);
            assertThatThrownBy(() -> store.put(key, StateValue.json("{not json"))).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> Key.of("g", "")).isInstanceOf(InvalidKeyException.class);
            assertThatThrownBy(() -> Key.of("g", "x".repeat(Key.MAX_LENGTH + 1))).isInstanceOf(InvalidKeyException.class);
            assertThatThrownBy(() -> store.transact(Transaction.builder().put(key, StateValue.bytes(tooBig)).build()))
                    .isInstanceOf(PayloadTooLargeException.class);
            assertThatThrownBy(() -> queue.send(new Message(new byte[MessageQueue.MAX_MESSAGE_BYTES + 1], java.util.Map.of())))
                    .isInstanceOf(PayloadTooLargeException.class);

            assertThat(proxy.requests()).as("requests sent to AWS by rejected calls").isEqualTo(before);
            assertThat(store.get(key)).isEmpty();
        }
    }
}
