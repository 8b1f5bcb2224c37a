package io.skystate.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.aws.AwsSkystate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The SnapStart/CRaC priming hook, called as a checkpoint would call it ({@code beforeCheckpoint}; this JDK has no
 * CRaC, so nothing checkpoints): it builds the handlers' codec set-up, runs no handler and calls no AWS service
 * (the endpoint is a closed port), and the first request after it answers as without it.
 */
class LambdaPrimingTest {
    record Greet(String name) {
    }

    record Greeting(String greeting) {
    }

    private AwsSkystate skystate;
    private int calls;

    @BeforeEach
    void open() {
        skystate = AwsSkystate.builder()
                .region("us-east-1")
                .endpoint(URI.create("http://127.0.0.1:9"))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .taskWorkers(false)
                .build();
        skystate.handlers().register(HandlerDefinition.ofFunction("hello", Greet.class, Greeting.class, g -> {
            calls++;
            return new Greeting("hello " + g.name());
        }));
    }

    @AfterEach
    void close() {
        skystate.close();
    }

    private int cachedSerializers() {
        return ((DefaultSerializerProvider) skystate.jacksonCodec().mapper().getSerializerProvider())
                .cachedSerializersCount();
    }

    @Test
    void beforeCheckpointPreparesTheHandlersCodecAndRunsNoHandler() throws Exception {
        int serializersBefore = cachedSerializers();

        new LambdaPriming(skystate).beforeCheckpoint(null);

        assertThat(calls).isZero();
        assertThat(cachedSerializers())
                .as("serializers cached by priming (Greeting's among them)")
                .isGreaterThan(serializersBefore);
    }

    @Test
    void theFirstRequestAfterPrimingAnswersAsWithout() throws Exception {
        new LambdaPriming(skystate).beforeCheckpoint(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new SkystateLambdaHandler(skystate, "hello").handleRequest(
                new ByteArrayInputStream("{\"name\":\"ada\"}".getBytes(StandardCharsets.UTF_8)), out,
                new TestLambdaContext("hello", Duration.ofSeconds(30)));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"greeting\":\"hello ada\"}");
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void registeringOnAJvmWithoutCracIsHarmless() {
        assertThatCode(() -> LambdaPriming.register(skystate)).doesNotThrowAnyException();
    }

    @Test
    void registersForSnapStartOnlyWhenLambdaInitializesASnapshot() {
        assertThat(LambdaPriming.registerForSnapStart(skystate, Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")))
                .isPresent();
        assertThat(LambdaPriming.registerForSnapStart(skystate, Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")))
                .isEmpty();
        assertThat(LambdaPriming.registerForSnapStart(skystate, Map.of())).isEmpty();
    }
}
