package io.skystate.aws.internal;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients, on the light URL-connection HTTP client, with the SDK's standard retry mode (throttling and
 * transient errors are retried with exponential backoff and jitter before an error reaches Skystate).
 */
public record AwsClients(DynamoDbClient dynamo, SqsClient sqs, SfnClient sfn) implements AutoCloseable {
    public static AwsClients create(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        return new AwsClients(configure(DynamoDbClient.builder(), region, endpoint, credentials).build(),
                configure(SqsClient.builder(), region, endpoint, credentials).build(),
                configure(SfnClient.builder(), region, endpoint, credentials).build());
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region, URI endpoint,
            AwsCredentialsProvider credentials) {
        builder.credentialsProvider(credentials);
        if (region != null) {
            builder.region(region);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    public <T> Optional<T> unwrap(Class<T> type) {
        for (Object client : new Object[] {dynamo, sqs, sfn}) {
            if (type.isInstance(client)) {
                return Optional.of(type.cast(client));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        dynamo.close();
        sqs.close();
        sfn.close();
    }
}
