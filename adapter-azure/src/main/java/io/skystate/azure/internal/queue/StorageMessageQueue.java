package io.skystate.azure.internal.queue;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.azure.internal.AzureErrors;
import io.skystate.core.crypto.Keys;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.queue.QueueGuard;
import io.skystate.core.queue.QueueReceipts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link MessageQueue} on an Azure Storage queue. A message is a {@link QueueEnvelope} sent Base64-encoded; an
 * envelope whose Base64 would exceed the queue's 64 KiB goes to the claim store (a Skystate state store on the same
 * storage account) and the message carries its id; the claim is deleted on ack and expires a day after the message
 * would. Storage queues have no long polling, so {@code receive} polls (backing off to 500 ms) until
 * {@code maxWait}. The receipt wraps message id, pop receipt and claim id. Thread-safe.
 */
public final class StorageMessageQueue implements MessageQueue {
    /** How long a message lives unreceived: Storage's default, stated so that claims can outlive it. */
    public static final Duration MESSAGE_TTL = Duration.ofDays(7);

    private final String name;
    private final QueueClient queue;
    private final StateStore claims;
    private final JacksonCodec codec;
    private final Clock clock;

    public StorageMessageQueue(String name, QueueClient queue, StateStore claims, JacksonCodec codec, Clock clock) {
        this.name = name;
        this.queue = queue;
        this.claims = claims;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String send(Message message) {
        QueueGuard.checkSend(AzureErrors.PROVIDER, message);
        byte[] envelope = QueueEnvelope.inline(codec, message.body(), message.attributes());
        String claimId = null;
        if (envelope.length > QueueEnvelope.MAX_INLINE_BYTES) {
            claimId = Keys.randomId();
            claims.put(new Key(name, claimId), StateValue.bytes(envelope), PutOptions.always()
                    .expiringAt(clock.instant().plus(MESSAGE_TTL).plus(Duration.ofDays(1))));
            envelope = QueueEnvelope.claim(codec, claimId);
        }
        try {
            return queue.sendMessageWithResponse(BinaryData.fromBytes(envelope), null, MESSAGE_TTL, null, Context.NONE)
                    .getValue().getMessageId();
        } catch (RuntimeException e) {
            if (claimId != null) {
                claims.delete(new Key(name, claimId));
            }
            throw AzureErrors.translate("send to queue " + name, e);
        }
    }

    @Override
    public List<ReceivedMessage> receive(int maxMessages, Duration visibilityTimeout, Duration maxWait) {
        QueueGuard.checkReceive(AzureErrors.PROVIDER, maxMessages, visibilityTimeout, maxWait);
        Duration visibility = Duration.ofSeconds(Math.max(1, (visibilityTimeout.toMillis() + 999) / 1000));
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = 50;
        while (true) {
            List<ReceivedMessage> received = receiveOnce(maxMessages, visibility);
            if (!received.isEmpty() || System.nanoTime() >= deadline) {
                return received;
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return received;
            }
            pause = Math.min(500, pause * 2);
        }
    }

    /** A received message as the application sees it, or empty when its claim is gone (it was acknowledged). */
    public Optional<ReceivedMessage> open(String messageId, String popReceipt, byte[] envelope, int dequeueCount) {
        QueueEnvelope.Parsed parsed = QueueEnvelope.parse(codec, envelope);
        if (parsed.claimId() != null) {
            Optional<StateEntry> claimed = claims.get(new Key(name, parsed.claimId()));
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            QueueEnvelope.Parsed inner = QueueEnvelope.parse(codec, claimed.get().value().bytes());
            parsed = new QueueEnvelope.Parsed(inner.body(), inner.attributes(), parsed.claimId());
        }
        String receipt = QueueReceipts.wrap(name, messageId + "\n" + popReceipt
                + (parsed.claimId() == null ? "" : "\n" + parsed.claimId()));
        return Optional.of(new ReceivedMessage(messageId, parsed.body(), parsed.attributes(), receipt, dequeueCount));
    }

    @Override
    public void ack(String receipt) {
        String[] parts = QueueReceipts.unwrap(AzureErrors.PROVIDER, name, receipt).split("\n", 3);
        if (parts.length < 2) {
            throw new io.skystate.api.InvalidRequestException(AzureErrors.PROVIDER,
                    "the receipt is garbled: ack takes ReceivedMessage.receipt() unchanged");
        }
        try {
            queue.deleteMessageWithResponse(parts[0], parts[1], null, Context.NONE);
        } catch (QueueStorageException e) {
            if (AzureErrors.status(e) == 404) {
                return; // the delivery is no longer current: the message will be (or was) redelivered
            }
            throw AzureErrors.translate("ack on queue " + name, e);
        } catch (RuntimeException e) {
            throw AzureErrors.translate("ack on queue " + name, e);
        }
        if (parts.length == 3) {
            claims.delete(new Key(name, parts[2]));
        }
    }

    /** Forgets the claim of a message a Functions queue trigger consumed (the host deletes the message itself). */
    public void consumed(ReceivedMessage message) {
        String[] parts = QueueReceipts.unwrap(AzureErrors.PROVIDER, name, message.receipt()).split("\n", 3);
        if (parts.length == 3) {
            claims.delete(new Key(name, parts[2]));
        }
    }

    private List<ReceivedMessage> receiveOnce(int maxMessages, Duration visibility) {
        List<ReceivedMessage> received = new ArrayList<>();
        try {
            for (QueueMessageItem item : queue.receiveMessages(maxMessages, visibility, null, Context.NONE)) {
                Optional<ReceivedMessage> opened = open(item.getMessageId(), item.getPopReceipt(), item.getBody().toBytes(),
                        (int) item.getDequeueCount());
                if (opened.isPresent()) {
                    received.add(opened.get());
                } else {
                    deleteQuietly(item);
                }
            }
            return received;
        } catch (RuntimeException e) {
            throw AzureErrors.translate("receive from queue " + name, e);
        }
    }

    private void deleteQuietly(QueueMessageItem item) {
        try {
            queue.deleteMessage(item.getMessageId(), item.getPopReceipt());
        } catch (QueueStorageException stale) {
            // another consumer's delivery already went; nothing to do
        }
    }
}
