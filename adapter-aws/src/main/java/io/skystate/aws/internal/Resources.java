package io.skystate.aws.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;

/** Names AWS resources ({@code prefix + name}) and creates missing tables and queues once, when allowed. */
public final class Resources {
    private final AwsClients clients;
    private final String prefix;
    private final boolean create;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tables = new ConcurrentHashMap<>();

    public Resources(AwsClients clients, String prefix, boolean create) {
        this.clients = clients;
        this.prefix = prefix;
        this.create = create;
    }

    /** Whether this instance creates what is missing (else a deployment, such as a SAM template, made it). */
    public boolean creates() {
        return create;
    }

    public String name(String name) {
        return prefix + name;
    }

    public String table(String store) {
        String table = name(store);
        if (create) {
            tables.computeIfAbsent(table, t -> {
                try {
                    Tables.ensure(clients.dynamo(), t);
                } catch (SdkException e) {
                    throw DynamoErrors.translate("create table " + t, e);
                }
                return true;
            });
        }
        return table;
    }

    public String queueUrl(String queue) {
        return queueUrls.computeIfAbsent(name(queue), q -> {
            try {
                return create ? clients.sqs().createQueue(b -> b.queueName(q)).queueUrl()
                        : clients.sqs().getQueueUrl(b -> b.queueName(q)).queueUrl();
            } catch (SdkException e) {
                throw DynamoErrors.translate("queue " + q, e);
            }
        });
    }
}
