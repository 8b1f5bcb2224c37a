package io.skystate.api.queue;

import java.time.Duration;
import java.util.List;

/**
 * A named completion queue (SQS, Azure Storage Queues, Pub/Sub, or the local adapter's durable queue).
 *
 * <p><b>At-least-once.</b> A received message is hidden for its visibility timeout; unless it is
 * {@link #ack acknowledged} in that time it becomes visible again and is redelivered with a higher
 * {@code deliveryCount}. Consumers must therefore be idempotent. Order is not guaranteed.
 *
 * <p>Messages are capped at {@value #MAX_MESSAGE_BYTES} bytes ({@link Message#size()}), checked before sending,
 * so they fit Azure Storage Queues' 64 KiB after Base64. Thread-safe.
 */
public interface MessageQueue {
    /** Portable maximum message size: body plus attributes. */
    int MAX_MESSAGE_BYTES = 48 * 1024;
    /**
     * Portable maximum visibility timeout: 10 minutes, Pub/Sub's longest ack deadline (SQS allows 12 hours, Azure
     * Storage Queues 7 days). Consumers that need longer receive again or keep their work elsewhere.
     */
    Duration MAX_VISIBILITY_TIMEOUT = Duration.ofMinutes(10);
    /** Portable maximum number of messages in one receive. */
    int MAX_BATCH = 10;

    String name();

    /** Sends a message and returns its id. {@link io.skystate.api.PayloadTooLargeException} if over the cap. */
    String send(Message message);

    /**
     * Receives up to {@code maxMessages} (1-{@value #MAX_BATCH}) visible messages, hiding them for
     * {@code visibilityTimeout}; waits up to {@code maxWait} for the first one (long polling). Empty if none came.
     */
    List<ReceivedMessage> receive(int maxMessages, Duration visibilityTimeout, Duration maxWait);

    /**
     * Deletes the delivered message. Acknowledging a receipt whose visibility timeout already passed may or may
     * not delete the message (providers differ); consumers must tolerate the redelivery.
     */
    void ack(String receipt);
}
