package io.skystate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.utils.AttributeMap;

/** {@link AwsSkystateBuilder#httpClient}: every SDK client the instance builds is built on the chosen HTTP client. */
class HttpClientOptionTest {
    @Test
    void everyClientIsBuiltWithTheChosenHttpClient() {
        AtomicInteger built = new AtomicInteger();
        Counting counting = new Counting(built);
        try (AwsSkystate skystate = AwsSkystate.builder().endpoint(URI.create("http://127.0.0.1:9"))
                .region("us-east-1").credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(counting).build()) {
            assertThat(built).as("clients are built on first use").hasValue(0);
            assertThat(skystate.unwrap(DynamoDbClient.class)).isPresent();
            assertThat(skystate.unwrap(SqsClient.class)).isPresent();
            assertThat(built).hasValue(2);
        }
    }

    /** Builds URL-connection clients and counts them. */
    private record Counting(AtomicInteger built) implements SdkHttpClient.Builder<Counting> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap defaults) {
            built.incrementAndGet();
            return UrlConnectionHttpClient.builder().buildWithDefaults(defaults);
        }
    }
}
