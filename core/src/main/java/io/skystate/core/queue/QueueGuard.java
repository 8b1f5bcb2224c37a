package io.skystate.core.queue;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import java.time.Duration;

/**
 * The checks every queue adapter runs before calling its provider, so bad arguments fail the same way
 * everywhere and nothing is sent: the portable message size and the receive arguments.
 */
public final class QueueGuard {
    /** Longest long-poll wait every provider supports (SQS allows 20 s). */
    public static final Duration MAX_WAIT = Duration.ofSeconds(20);

    private QueueGuard() {
    }

    public static void checkSend(String provider, Message message) {
        if (message.size() > MessageQueue.MAX_MESSAGE_BYTES) {
            throw new PayloadTooLargeException(provider, "message is " + message.size()
                    + " bytes with attributes; the portable maximum is " + MessageQueue.MAX_MESSAGE_BYTES);
        }
    }

    public static void checkReceive(String provider, int maxMessages, Duration visibility, Duration maxWait) {
        if (maxMessages < 1 || maxMessages > MessageQueue.MAX_BATCH) {
            throw new InvalidRequestException(provider,
                    "maxMessages must be 1.." + MessageQueue.MAX_BATCH + ", was " + maxMessages);
        }
        if (visibility.isNegative() || visibility.isZero()
                || visibility.compareTo(MessageQueue.MAX_VISIBILITY_TIMEOUT) > 0) {
            throw new InvalidRequestException(provider, "visibility timeout must be in (0, "
                    + MessageQueue.MAX_VISIBILITY_TIMEOUT + "] (Pub/Sub's longest ack deadline): " + visibility);
        }
        if (maxWait.isNegative() || maxWait.compareTo(MAX_WAIT) > 0) {
            throw new InvalidRequestException(provider, "maxWait must be in [0, 20s]: " + maxWait);
        }
    }
}
