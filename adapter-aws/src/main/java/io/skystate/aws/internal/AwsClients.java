package io.skystate.aws.internal;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
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
 * Skystate). The region is given by its id and resolved with the first client, and the SDK's default credentials
 * chain (when the application gave no credentials) is built then too, so an invocation that calls no AWS service
 * loads none of it. No lambda per client either: a lambda's implementation method names the client interface, and
 * loading the four (the Step Functions one alone takes ~5 ms) would be paid by every cold start. Thread-safe.
 */
public final class AwsClients implements AutoCloseable {
    private final String region;
    private final URI endpoint;
    private final SdkHttpClient.Builder<?> http;
    private AwsCredentialsProvider credentials; // guarded by this; null until the first client without given ones
    private volatile DynamoDbClient dynamo;
    private volatile SqsClient sqs;
    private volatile SfnClient sfn;
    private volatile KmsClient kms;

    private AwsClients(String region, URI endpoint, AwsCredentialsProvider credentials, SdkHttpClient.Builder<?> http) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = http;
    }

    /**
     * Clients for {@code region} (null: the SDK's region chain) at {@code endpoint} (null: AWS's), with
     * {@code credentials} (null: the SDK's default chain) on the HTTP client {@code http} builds (null: the
     * URL-connection client).
     */
    public static AwsClients create(String region, URI endpoint, AwsCredentialsProvider credentials,
            SdkHttpClient.Builder<?> http) {
        return new AwsClients(region, endpoint, credentials, http);
    }

    public DynamoDbClient dynamo() {
        DynamoDbClient client = dynamo;
        return client != null ? client : openDynamo();
    }

    public SqsClient sqs() {
        SqsClient client = sqs;
        return client != null ? client : openSqs();
    }

    public SfnClient sfn() {
        SfnClient client = sfn;
        return client != null ? client : openSfn();
    }

    public KmsClient kms() {
        KmsClient client = kms;
        return client != null ? client : openKms();
    }

    private synchronized DynamoDbClient openDynamo() {
        if (dynamo == null) {
            dynamo = configure(DynamoDbClient.builder()).build();
        }
        return dynamo;
    }

    private synchronized SqsClient openSqs() {
        if (sqs == null) {
            sqs = configure(SqsClient.builder()).build();
        }
        return sqs;
    }

    private synchronized SfnClient openSfn() {
        if (sfn == null) {
            sfn = configure(SfnClient.builder()).build();
        }
        return sfn;
    }

    private synchronized KmsClient openKms() {
        if (kms == null) {
            kms = configure(KmsClient.builder()).build();
        }
        return kms;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) { // called holding this
        if (credentials == null) {
            credentials = DefaultCredentialsProvider.builder().build();
        }
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
        for (SdkClient opened : new SdkClient[] {dynamo, sqs, sfn, kms}) {
            if (opened != null) {
                opened.close();
            }
        }
    }
}
