package io.skystate.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Completion queues: at-least-once delivery with a visibility timeout, attributes, size cap, isolation. Timings
 * allow for providers whose visibility timeouts have one-second granularity; a provider with a longer minimum
 * (Pub/Sub's 10 s ack deadline) still passes within the 30 s redelivery wait.
 */
public class QueueConformance extends ConformanceSuite {
    private static final Duration VISIBILITY = Duration.ofSeconds(1);
    private static final Duration LONG_VISIBILITY = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(1);

    private MessageQueue queue() {
        return skystate().queue(unique("q"));
    }

    /** Receives until {@code count} messages came or {@code timeout} passed, without acknowledging. */
    private static List<ReceivedMessage> receive(MessageQueue queue, int count, Duration visibility, Duration timeout) {
        List<ReceivedMessage> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            received.addAll(queue.receive(Math.min(MessageQueue.MAX_BATCH, count - received.size()), visibility, WAIT));
        }
        return received;
    }

    private static ReceivedMessage receiveOne(MessageQueue queue, Duration visibility) {
        List<ReceivedMessage> received = receive(queue, 1, visibility, Duration.ofSeconds(10));
        assertThat(received).as("messages received from %s within 10 s", queue.name()).isNotEmpty();
        return received.get(0);
    }

    /** A sent message is received once with its id, body and deliveryCount 1; after ack it never comes back. */
    @ConformanceRule
    public final void queue01_sendReceiveAck() {
        MessageQueue queue = queue();
        String id = queue.send(Message.of("hello"));
        ReceivedMessage message = receiveOne(queue, VISIBILITY);
        assertThat(message.messageId()).isEqualTo(id);
        assertThat(message.bodyText()).isEqualTo("hello");
        assertThat(message.deliveryCount()).isEqualTo(1);
        queue.ack(message.receipt());
        Poll.sleep(VISIBILITY.plusMillis(500));
        assertThat(queue.receive(MessageQueue.MAX_BATCH, VISIBILITY, WAIT)).isEmpty();
    }

    /** An unacknowledged message stays hidden for its visibility timeout, then comes back with deliveryCount 2. */
    @ConformanceRule
    public final void queue02_redeliveryAfterVisibilityTimeout() {
        MessageQueue queue = queue();
        String id = queue.send(Message.of("again"));
        ReceivedMessage first = receiveOne(queue, VISIBILITY);
        assertThat(queue.receive(1, VISIBILITY, Duration.ZERO)).as("hidden while invisible").isEmpty();
        List<ReceivedMessage> second = receive(queue, 1, LONG_VISIBILITY, Duration.ofSeconds(30));
        assertThat(second).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(id).isEqualTo(first.messageId());
            assertThat(m.deliveryCount()).isEqualTo(2);
            assertThat(m.bodyText()).isEqualTo("again");
        });
        queue.ack(second.get(0).receipt());
    }

    /** Attributes (ASCII names, unicode values) and a body of every byte value round-trip exactly. */
    @ConformanceRule
    public final void queue03_bodyAndAttributesRoundTrip() {
        MessageQueue queue = queue();
        Map<String, String> attributes = Map.of("callbackId", "cb-1", "status", "COMPLETED",
                "text", "h\u00e9llo \u4e2d\u6587 \ud83d\ude00", "spaces", "  a b  ");
        byte[] body = JsonSamples.allByteValues();
        queue.send(new Message(body, attributes));
        ReceivedMessage message = receiveOne(queue, LONG_VISIBILITY);
        assertThat(message.body()).isEqualTo(body);
        assertThat(message.attributes()).isEqualTo(attributes);
        queue.ack(message.receipt());
    }

    /** Receiving on an empty queue returns an empty list once maxWait (200 ms) passes, without hanging. */
    @ConformanceRule
    public final void queue04_emptyReceiveReturnsEmpty() {
        long start = System.nanoTime();
        assertThat(queue().receive(MessageQueue.MAX_BATCH, VISIBILITY, Duration.ofMillis(200))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timing().bound(Duration.ofSeconds(5)));
    }

    /** A receive returns at most maxMessages; five messages all arrive, each once, across receives of two. */
    @ConformanceRule
    public final void queue05_maxMessagesRespected() {
        MessageQueue queue = queue();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 5; i++) {
            sent.add(queue.send(Message.of("m" + i)));
        }
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (seen.size() < 5 && System.nanoTime() < deadline) {
            List<ReceivedMessage> batch = queue.receive(2, LONG_VISIBILITY, WAIT);
            assertThat(batch.size()).isLessThanOrEqualTo(2);
            batch.forEach(m -> seen.add(m.messageId()));
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
    }

    /**
     * A message of exactly {@value MessageQueue#MAX_MESSAGE_BYTES} bytes (body plus attributes) is sent and received
     * intact; one byte more, in the body or in an attribute, raises PayloadTooLargeException.
     */
    @ConformanceRule
    public final void queue06_sizeCapExactBoundary() {
        MessageQueue queue = queue();
        int max = MessageQueue.MAX_MESSAGE_BYTES;
        assertThatThrownBy(() -> queue.send(new Message(new byte[max + 1], Map.of())))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> queue.send(new Message(new byte[max - 4], Map.of("k", "abcd"))))
                .isInstanceOf(PayloadTooLargeException.class);
        byte[] body = new byte[max - 5];
        body[body.length - 1] = 42;
        queue.send(new Message(body, Map.of("k", "abcd")));
        ReceivedMessage message = receiveOne(queue, LONG_VISIBILITY);
        assertThat(message.body()).isEqualTo(body);
        assertThat(message.attributes()).containsEntry("k", "abcd");
        queue.ack(message.receipt());
        assertThat(queue.receive(MessageQueue.MAX_BATCH, VISIBILITY, WAIT)).as("the oversize sends wrote nothing").isEmpty();
    }

    /** Messages sent to one queue never appear on another. */
    @ConformanceRule
    public final void queue07_queueIsolation() {
        MessageQueue a = queue();
        MessageQueue b = queue();
        a.send(Message.of("for a"));
        assertThat(b.receive(MessageQueue.MAX_BATCH, VISIBILITY, Duration.ofMillis(500))).isEmpty();
        assertThat(receive(a, 1, LONG_VISIBILITY, Duration.ofSeconds(10))).singleElement()
                .satisfies(m -> assertThat(m.bodyText()).isEqualTo("for a"));
    }

    /**
     * receive with 0 or 11 messages or a visibility timeout over 10 minutes, and queue names that are not portable,
     * raise InvalidRequestException.
     */
    @ConformanceRule
    public final void queue08_invalidArgumentsRejected() {
        MessageQueue queue = queue();
        assertThatThrownBy(() -> queue.receive(0, VISIBILITY, WAIT)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> queue.receive(MessageQueue.MAX_BATCH + 1, VISIBILITY, WAIT))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> queue.receive(1, MessageQueue.MAX_VISIBILITY_TIMEOUT.plusSeconds(1), WAIT))
                .as("a visibility timeout over the portable 10 minutes").isInstanceOf(InvalidRequestException.class);
        for (String name : List.of("", "Upper", "under_score", "1digit", "q".repeat(49))) {
            assertThatThrownBy(() -> skystate().queue(name).send(Message.of("x"))).as("queue name '%s'", name)
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    /** 100 messages consumed by 4 concurrent consumers: every id is seen at least once and the queue ends empty. */
    @ConformanceRule
    public final void queue09_concurrentConsumersDrainQueue() throws Exception {
        MessageQueue queue = queue();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 100; i++) {
            sent.add(queue.send(Message.of("msg-" + i)));
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> consumers = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                consumers.add(pool.submit(() -> {
                    while (!seen.containsAll(sent) && System.nanoTime() < deadline) {
                        for (ReceivedMessage m : queue.receive(MessageQueue.MAX_BATCH, LONG_VISIBILITY, WAIT)) {
                            seen.add(m.messageId());
                            queue.ack(m.receipt());
                        }
                    }
                }));
            }
            for (Future<?> consumer : consumers) {
                consumer.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).containsAll(sent);
        assertThat(queue.receive(MessageQueue.MAX_BATCH, VISIBILITY, WAIT)).isEmpty();
    }

    /**
     * ack rejects what is not a receipt of this queue, with InvalidRequestException and without deleting anything:
     * an empty string, garbage, and a receipt from another queue; the message is then acknowledged with its own
     * receipt.
     */
    @ConformanceRule
    public final void queue10_foreignReceiptsRejected() {
        MessageQueue queue = queue();
        MessageQueue other = skystate().queue(unique("q"));
        queue.send(Message.of("mine"));
        other.send(Message.of("theirs"));
        ReceivedMessage mine = receive(queue, 1, LONG_VISIBILITY, Duration.ofSeconds(10)).get(0);
        ReceivedMessage theirs = receive(other, 1, LONG_VISIBILITY, Duration.ofSeconds(10)).get(0);
        assertThatThrownBy(() -> queue.ack("")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> queue.ack("not-a-receipt")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> queue.ack(theirs.receipt())).isInstanceOf(InvalidRequestException.class);
        queue.ack(mine.receipt());
        other.ack(theirs.receipt());
        assertThat(queue.receive(MessageQueue.MAX_BATCH, VISIBILITY, WAIT)).isEmpty();
        assertThat(other.receive(MessageQueue.MAX_BATCH, VISIBILITY, WAIT)).isEmpty();
    }
}
