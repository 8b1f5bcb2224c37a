package io.skystate.aws.internal;

import io.skystate.core.util.Lazy;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients, each built on first use, on the light URL-connection HTTP client unless the application chose
 * another ({@code AwsSkystateBuilder.httpClient}), with the SDK's standard retry
 * mode (throttling and transient errors are retried with exponential backoff and jitter before an error reaches
 * Skystate). The region is given by its id and resolved with the first client, so an invocation that calls no AWS
 * service never loads the SDK's region and HTTP utilities. Thread-safe.
 */
public final class AwsClients implements AutoCloseable {
    private final Lazy<DynamoDbClient> dynamo;
    private final Lazy<SqsClient> sqs;
    private final Lazy<SfnClient> sfn;
    private final Lazy<KmsClient> kms;

    private AwsClients(String region, URI endpoint, AwsCredentialsProvider credentials, SdkHttpClient.Builder<?> http) {
        this.dynamo = new Lazy<>(() -> configure(DynamoDbClient.builder(), region, endpoint, credentials, http).build());
        this.sqs = new Lazy<>(() -> configure(SqsClient.builder(), region, endpoint, credentials, http).build());
        this.sfn = new Lazy<>(() -> configure(SfnClient.builder(), region, endpoint, credentials, http).build());
        this.kms = new Lazy<>(() -> configure(KmsClient.builder(), region, endpoint, credentials, http).build());
    }

    /** Clients on the HTTP client {@code http} builds (null: the URL-connection client). */
    public static AwsClients create(String region, URI endpoint, AwsCredentialsProvider credentials,
            SdkHttpClient.Builder<?> http) {
        return new AwsClients(region, endpoint, credentials, http);
    }

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    public SfnClient sfn() {
        return sfn.get();
    }

    public KmsClient kms() {
        return kms.get();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region, URI endpoint,
            AwsCredentialsProvider credentials, SdkHttpClient.Builder<?> http) {
        builder.credentialsProvider(credentials);
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(http != null ? http : UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    /** The native client of {@code type} (built if needed). */
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type.isAssignableFrom(DynamoDbClient.class)) {
            return Optional.of(type.cast(dynamo()));
        }
        if (type.isAssignableFrom(SqsClient.class)) {
            return Optional.of(type.cast(sqs()));
        }
        if (type.isAssignableFrom(SfnClient.class)) {
            return Optional.of(type.cast(sfn()));
        }
        if (type.isAssignableFrom(KmsClient.class)) {
            return Optional.of(type.cast(kms()));
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        for (Lazy<? extends SdkClient> client : java.util.List.of(dynamo, sqs, sfn, kms)) {
            SdkClient opened = client.getIfPresent();
            if (opened != null) {
                opened.close();
            }
        }
    }
}
