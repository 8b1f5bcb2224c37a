package io.skystate.gcp.internal.pubsub;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ApiCallContext;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import io.grpc.Status;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.core.queue.QueueGuard;
import io.skystate.core.queue.QueueReceipts;
import io.skystate.gcp.internal.GcpErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link MessageQueue} on a Pub/Sub topic and pull subscription ({@link PubSubResources}). {@code send} publishes
 * one message; {@code receive} is a synchronous Pull bounded by {@code maxWait}, followed by a
 * {@code ModifyAckDeadline} that sets the visibility timeout (Pub/Sub's ack deadline, 0-600 s, rounded up to whole
 * seconds); the receipt is the ack id; {@code deliveryCount} is Pub/Sub's delivery attempt, which the
 * subscription's dead-letter policy switches on. Acknowledging an expired ack id is accepted and does nothing, as
 * Pub/Sub does. Thread-safe.
 */
public final class PubSubQueue implements MessageQueue {
    private static final Duration IMMEDIATE_PULL_TIMEOUT = Duration.ofSeconds(10);
    /**
     * What Pull, Acknowledge and ModifyAckDeadline retry (all three are safe to repeat). The client's defaults leave
     * out RESOURCE_EXHAUSTED, which Pub/Sub answers when a quota is hit for a call it did not apply.
     */
    private static final Set<StatusCode.Code> RETRYABLE = Set.of(StatusCode.Code.UNAVAILABLE, StatusCode.Code.ABORTED,
            StatusCode.Code.RESOURCE_EXHAUSTED, StatusCode.Code.INTERNAL, StatusCode.Code.UNKNOWN);

    private final String name;
    private final PubSubResources resources;
    private final TopicAdminClient topics;
    private final SubscriptionAdminClient subscriptions;
    private final PubSubMessages messages;

    public PubSubQueue(String name, PubSubResources resources, TopicAdminClient topics,
            SubscriptionAdminClient subscriptions, PubSubMessages messages) {
        this.name = name;
        this.resources = resources;
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.messages = messages;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String send(Message message) {
        QueueGuard.checkSend(GcpErrors.PROVIDER, message);
        try {
            return topics.publish(resources.topic(name), List.of(messages.encode(message))).getMessageIds(0);
        } catch (RuntimeException e) {
            throw GcpErrors.translate("send to queue " + name, e);
        }
    }

    @Override
    @SuppressWarnings("deprecation") // returnImmediately: the only way to ask Pub/Sub not to wait, for maxWait 0
    public List<ReceivedMessage> receive(int maxMessages, Duration visibilityTimeout, Duration maxWait) {
        QueueGuard.checkReceive(GcpErrors.PROVIDER, maxMessages, visibilityTimeout, maxWait);
        PullResponse response = pull(PullRequest.newBuilder().setSubscription(resources.subscription(name).toString())
                .setMaxMessages(maxMessages).setReturnImmediately(maxWait.isZero()).build(), maxWait);
        List<ReceivedMessage> received = new ArrayList<>();
        List<String> ackIds = new ArrayList<>();
        for (var m : response.getReceivedMessagesList()) {
            ackIds.add(m.getAckId());
            var decoded = messages.decode(m.getMessage().getData().toByteArray(), m.getMessage().getAttributesMap());
            received.add(new ReceivedMessage(m.getMessage().getMessageId(), decoded.body(), decoded.attributes(),
                    QueueReceipts.wrap(name, m.getAckId()), Math.max(1, m.getDeliveryAttempt())));
        }
        if (!ackIds.isEmpty()) {
            try {
                subscriptions.modifyAckDeadlineCallable().call(ModifyAckDeadlineRequest.newBuilder()
                        .setSubscription(resources.subscription(name).toString()).addAllAckIds(ackIds)
                        .setAckDeadlineSeconds(ceilSeconds(visibilityTimeout)).build(), retrying());
            } catch (RuntimeException e) {
                throw GcpErrors.translate("set the visibility timeout on queue " + name, e);
            }
        }
        return received;
    }

    /** One Pull whose attempts (retried by the client on transient errors) all end by {@code maxWait}. */
    private PullResponse pull(PullRequest request, Duration maxWait) {
        Duration bound = maxWait.isZero() ? IMMEDIATE_PULL_TIMEOUT : maxWait;
        RetrySettings retry = subscriptions.getSettings().pullSettings().getRetrySettings().toBuilder()
                .setInitialRpcTimeoutDuration(bound).setMaxRpcTimeoutDuration(bound).setTotalTimeoutDuration(bound)
                .build();
        try {
            return subscriptions.pullCallable().call(request, GrpcCallContext.createDefault().withRetrySettings(retry)
                    .withRetryableCodes(RETRYABLE));
        } catch (RuntimeException e) {
            if (GcpErrors.code(e).filter(Status.Code.DEADLINE_EXCEEDED::equals).isPresent()) {
                return PullResponse.getDefaultInstance();
            }
            throw GcpErrors.translate("receive from queue " + name, e);
        }
    }

    @Override
    public void ack(String receipt) {
        String ackId = QueueReceipts.unwrap(GcpErrors.PROVIDER, name, receipt);
        try {
            subscriptions.acknowledgeCallable().call(AcknowledgeRequest.newBuilder()
                    .setSubscription(resources.subscription(name).toString()).addAckIds(ackId).build(), retrying());
        } catch (RuntimeException e) {
            if (GcpErrors.code(e).filter(Status.Code.INVALID_ARGUMENT::equals).isPresent()) {
                return; // an ack id Pub/Sub no longer knows: the delivery is not current, as documented
            }
            throw GcpErrors.translate("ack on queue " + name, e);
        }
    }

    private ApiCallContext retrying() {
        return GrpcCallContext.createDefault().withRetryableCodes(RETRYABLE)
                .withRetrySettings(subscriptions.getSettings().acknowledgeSettings().getRetrySettings());
    }

    private static int ceilSeconds(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000);
    }
}
