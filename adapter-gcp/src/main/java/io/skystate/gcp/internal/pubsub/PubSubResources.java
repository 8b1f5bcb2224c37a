package io.skystate.gcp.internal.pubsub;

import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.protobuf.Duration;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.SkystateException;
import io.skystate.core.retry.Retrier;
import io.skystate.core.retry.RetryPolicy;
import io.skystate.gcp.internal.GcpErrors;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Names a queue's Pub/Sub resources and creates them once, when allowed: topic and pull subscription
 * {@code <prefix><queue>}, and the dead-letter topic and subscription {@code <prefix><queue>-dead-letter}. The
 * subscription's dead-letter policy (after {@value #MAX_DELIVERY_ATTEMPTS} deliveries) is what makes Pub/Sub count
 * delivery attempts at all; its ack deadline is the shortest ({@value #ACK_DEADLINE_SECONDS} s, changed per receive)
 * and it never expires for inactivity. Creation is retried on throttling and transient errors. Thread-safe.
 */
public final class PubSubResources {
    public static final int MAX_DELIVERY_ATTEMPTS = 100;
    public static final int ACK_DEADLINE_SECONDS = 10;
    public static final String DEAD_LETTER_SUFFIX = "-dead-letter";
    private static final Retrier RETRY = Retrier.onRetryable(RetryPolicy.providerDefault());

    private final String project;
    private final String prefix;
    private final boolean create;
    private final Supplier<TopicAdminClient> topics;
    private final Supplier<SubscriptionAdminClient> subscriptions;
    private final Map<String, Boolean> ensured = new ConcurrentHashMap<>();

    public PubSubResources(String project, String prefix, boolean create, Supplier<TopicAdminClient> topics,
            Supplier<SubscriptionAdminClient> subscriptions) {
        this.project = project;
        this.prefix = prefix;
        this.create = create;
        this.topics = topics;
        this.subscriptions = subscriptions;
    }

    public TopicName topic(String queue) {
        return TopicName.of(project, prefix + queue);
    }

    public SubscriptionName subscription(String queue) {
        return SubscriptionName.of(project, prefix + queue);
    }

    /** Creates the queue's resources unless done before or not allowed. */
    public void ensure(String queue) {
        if (!create) {
            return;
        }
        ensured.computeIfAbsent(queue, q -> {
            TopicName deadLetter = TopicName.of(project, prefix + q + DEAD_LETTER_SUFFIX);
            createTopic(deadLetter);
            createSubscription(Subscription.newBuilder().setName(SubscriptionName.of(project, prefix + q
                    + DEAD_LETTER_SUFFIX).toString()).setTopic(deadLetter.toString()));
            createTopic(topic(q));
            createSubscription(Subscription.newBuilder().setName(subscription(q).toString())
                    .setTopic(topic(q).toString()).setAckDeadlineSeconds(ACK_DEADLINE_SECONDS)
                    .setDeadLetterPolicy(DeadLetterPolicy.newBuilder().setDeadLetterTopic(deadLetter.toString())
                            .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)));
            return true;
        });
    }

    private void createTopic(TopicName name) {
        createOnce("create topic " + name, () -> topics.get().createTopic(name));
    }

    /** Runs a create call, retrying what is retryable (creating again is safe) and accepting ALREADY_EXISTS. */
    private static void createOnce(String what, Runnable create) {
        RETRY.call(() -> {
            try {
                create.run();
            } catch (RuntimeException e) {
                SkystateException translated = GcpErrors.translate(what, e);
                if (!(translated instanceof AlreadyExistsException)) {
                    throw translated;
                }
            }
            return null;
        });
    }

    private void createSubscription(Subscription.Builder subscription) {
        subscription.setExpirationPolicy(ExpirationPolicy.newBuilder().build())
                .setMessageRetentionDuration(Duration.newBuilder().setSeconds(7 * 24 * 3600));
        createOnce("create subscription " + subscription.getName(),
                () -> subscriptions.get().createSubscription(subscription.build()));
    }
}
