package io.skystate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.callback.CallbackOutcome;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers of the callback suites. */
final class CallbackFixtures {
    /** A callback timeout short enough to wait for. */
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    /** A timeout no rule waits for. */
    static final Duration LONG_TIMEOUT = Duration.ofMinutes(10);

    private CallbackFixtures() {
    }

    static CallbackOutcome awaitResolved(Callbacks callbacks, String id) throws InterruptedException {
        Duration await = Timing.current().callbackAwait();
        CallbackOutcome outcome = callbacks.await(id, await);
        assertThat(outcome.status()).as("callback %s after waiting %s", id, await).isNotEqualTo(CallbackStatus.PENDING);
        return outcome;
    }

    static void assertPending(Callbacks callbacks, String id) {
        CallbackOutcome outcome = callbacks.outcome(id);
        assertThat(outcome.status()).isEqualTo(CallbackStatus.PENDING);
        assertThat(outcome.result()).isEmpty();
        assertThat(outcome.resolvedAt()).isEmpty();
    }

    /** Receives (and acknowledges) messages for {@code total}, then keeps listening {@code quiet} for more. */
    static List<ReceivedMessage> drain(MessageQueue queue, Duration total, Duration quiet) {
        List<ReceivedMessage> received = new ArrayList<>();
        long deadline = System.nanoTime() + total.toNanos();
        while (received.isEmpty() && System.nanoTime() < deadline) {
            received.addAll(receiveAndAck(queue, Duration.ofSeconds(1)));
        }
        if (!received.isEmpty()) {
            received.addAll(receiveAndAck(queue, quiet));
        }
        return received;
    }

    private static List<ReceivedMessage> receiveAndAck(MessageQueue queue, Duration maxWait) {
        List<ReceivedMessage> batch = queue.receive(MessageQueue.MAX_BATCH, Duration.ofSeconds(30), maxWait);
        batch.forEach(m -> queue.ack(m.receipt()));
        return batch;
    }
}
