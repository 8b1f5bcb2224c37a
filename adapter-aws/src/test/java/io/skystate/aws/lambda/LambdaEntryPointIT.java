package io.skystate.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.handler.HandlerNotFoundException;
import io.skystate.api.state.Key;
import io.skystate.aws.AwsSkystate;
import io.skystate.emulators.Moto;
import io.skystate.aws.lambda.TestHandlerModule.Counter;
import io.skystate.aws.lambda.TestHandlerModule.OutOfStockException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two Lambda entry points without Spring, called the way the Lambda Java runtime calls a
 * {@code RequestStreamHandler}: the event's JSON bytes in, the response's JSON bytes out, a {@link TestLambdaContext}
 * and, on failure, the exception thrown from {@code handleRequest} (the runtime reports its class as
 * {@code errorType}). The instance is opened by {@link LambdaRuntime#open} from a Lambda-like environment against
 * moto, with the SDK's default credentials chain (here the {@code aws.accessKeyId} system properties) and the
 * {@link TestHandlerModule} found through {@code META-INF/services}, as on a cold start.
 */
class LambdaEntryPointIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION_URL = "https://abcdefghijklmnopqrstuvwxyz0123.lambda-url.us-east-1.on.aws/";
    private static final Map<String, String> savedProperties = new HashMap<>();

    private static Map<String, String> env;
    private static AwsSkystate skystate;

    @BeforeAll
    static void coldStart() {
        for (var p : Map.of("aws.accessKeyId", "test", "aws.secretAccessKey", "test").entrySet()) {
            savedProperties.put(p.getKey(), System.getProperty(p.getKey()));
            System.setProperty(p.getKey(), p.getValue());
        }
        env = Map.of(
                "AWS_ENDPOINT_URL", Moto.get().endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "SKYSTATE_PREFIX", "l" + UUID.randomUUID().toString().substring(0, 8) + "-",
                "SKYSTATE_CREATE_RESOURCES", "true",
                "SKYSTATE_HTTP_BASE_URL", FUNCTION_URL,
                "SKYSTATE_HANDLER_ENDPOINTS", "true");
        skystate = LambdaRuntime.open(env);
    }

    @AfterAll
    static void shutDown() {
        if (skystate != null) {
            skystate.close();
        }
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void handlerModulesOnTheClassPathAreApplied() {
        assertThat(skystate.handlers().names()).contains("greet", "count", "reserve", "audit");
    }

    @Test
    void namedHandlerTurnsTheEventIntoItsResponse() throws IOException {
        TestLambdaContext context = new TestLambdaContext("skystate-greet", Duration.ofSeconds(30));

        JsonNode response = invoke(new SkystateLambdaHandler(skystate, "greet"), "{\"name\": \"Ada\"}", context);

        assertThat(response.path("greeting").asText()).isEqualTo("Hello, Ada!");
        assertThat(response.path("invocationId").asText()).isEqualTo(context.getAwsRequestId());
        assertThat(response.path("attempt").asInt()).isEqualTo(1);
        assertThat(context.getRemainingTimeInMillis()).isPositive();
    }

    @Test
    void withoutAConfiguredNameTheFunctionNameChoosesTheHandler() throws IOException {
        TestLambdaContext context = new TestLambdaContext("greet", Duration.ofSeconds(30));

        JsonNode response = invoke(new SkystateLambdaHandler(skystate, null), "{\"name\": \"Grace\"}", context);

        assertThat(response.path("greeting").asText()).isEqualTo("Hello, Grace!");
        assertThat(response.path("invocationId").asText()).isEqualTo(context.getAwsRequestId());
    }

    @Test
    void stateWrittenByAHandlerIsInDynamoDbForTheNextColdStart() throws IOException {
        String counter = "c-" + UUID.randomUUID();
        SkystateLambdaHandler handler = new SkystateLambdaHandler(skystate, "count");
        for (int expected = 1; expected <= 3; expected++) {
            JsonNode response = invoke(handler, "{\"counter\": \"" + counter + "\"}",
                    new TestLambdaContext("skystate-count", Duration.ofSeconds(30)));
            assertThat(response.path("counter").asText()).isEqualTo(counter);
            assertThat(response.path("value").asLong()).isEqualTo(expected);
        }
        Key key = Key.of(counter, "count");
        assertThat(skystate.stateStore(TestHandlerModule.COUNTERS).getJson(key, Counter.class))
                .contains(new Counter(3));

        // Another execution environment: a second cold start from the same configuration reads the same table.
        try (AwsSkystate other = LambdaRuntime.open(env)) {
            assertThat(other.stateStore(TestHandlerModule.COUNTERS).getJson(key, Counter.class))
                    .contains(new Counter(3));
            JsonNode response = invoke(new SkystateLambdaHandler(other, "count"), "{\"counter\": \"" + counter + "\"}",
                    new TestLambdaContext("skystate-count", Duration.ofSeconds(30)));
            assertThat(response.path("value").asLong()).isEqualTo(4);
        }
    }

    @Test
    void aHandlersUncheckedExceptionPropagatesAsItself() {
        TestLambdaContext context = new TestLambdaContext("skystate-reserve", Duration.ofSeconds(30));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        assertThatThrownBy(() -> new SkystateLambdaHandler(skystate, "reserve").handleRequest(
                        stream("{\"name\": \"mug\"}"), output, context))
                .isExactlyInstanceOf(OutOfStockException.class)
                .hasMessage("no stock for mug");
        assertThat(output.size()).isZero();
    }

    @Test
    void aHandlersCheckedExceptionPropagatesWrappedWithItsType() {
        TestLambdaContext context = new TestLambdaContext("skystate-audit", Duration.ofSeconds(30));

        assertThatThrownBy(() -> new SkystateLambdaHandler(skystate, "audit").handleRequest(
                        stream("{\"name\": \"x\"}"), new ByteArrayOutputStream(), context))
                .isInstanceOfSatisfying(HandlerFailedException.class, e -> {
                    assertThat(e.errorType()).isEqualTo(IOException.class.getName());
                    assertThat(e.handlerName()).isEqualTo("audit");
                })
                .hasCauseExactlyInstanceOf(IOException.class);
    }

    @Test
    void anUnknownHandlerFailsTheInvocation() {
        TestLambdaContext context = new TestLambdaContext("no-such-handler", Duration.ofSeconds(30));

        assertThatThrownBy(() -> new SkystateLambdaHandler(skystate, null).handleRequest(
                        stream("{}"), new ByteArrayOutputStream(), context))
                .isInstanceOf(HandlerNotFoundException.class)
                .hasMessageContaining("no-such-handler");
    }

    @Test
    void functionUrlInvokesAHandler() throws IOException {
        JsonNode response = invoke(new FunctionUrlHandler(skystate),
                signedHandlerEvent("greet", "{\"name\":\"Linus\"}", false),
                new TestLambdaContext("skystate-http", Duration.ofSeconds(30)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
        assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(JSON.readTree(response.path("body").asText()).path("greeting").asText()).isEqualTo("Hello, Linus!");
    }

    @Test
    void functionUrlDecodesABase64Body() throws IOException {
        String counter = "u-" + UUID.randomUUID();
        JsonNode response = invoke(new FunctionUrlHandler(skystate),
                signedHandlerEvent("count", "{\"counter\":\"" + counter + "\"}", true),
                new TestLambdaContext("skystate-http", Duration.ofSeconds(30)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(response.path("body").asText()).path("value").asLong()).isEqualTo(1);
        assertThat(skystate.stateStore(TestHandlerModule.COUNTERS).getJson(Key.of(counter, "count"), Counter.class))
                .contains(new Counter(1));
    }

    @Test
    void functionUrlAnswers404ForAnUnknownHandler() throws IOException {
        JsonNode response = invoke(new FunctionUrlHandler(skystate),
                signedHandlerEvent("nope", "{}", false),
                new TestLambdaContext("skystate-http", Duration.ofSeconds(30)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(404);
        assertThat(JSON.readTree(response.path("body").asText()).path("error").asText()).isEqualTo("HANDLER_NOT_FOUND");
    }

    @Test
    void functionUrlRefusesUnsignedAndReplayedHandlerCalls() throws IOException {
        TestLambdaContext context = new TestLambdaContext("skystate-http", Duration.ofSeconds(30));
        JsonNode unsigned = invoke(new FunctionUrlHandler(skystate),
                functionUrlEvent("POST", "/skystate/handlers/greet", "{\"name\":\"Eve\"}", false), context);
        assertThat(unsigned.path("statusCode").asInt()).isEqualTo(401);
        String signed = signedHandlerEvent("greet", "{\"name\":\"Linus\"}", false);
        assertThat(invoke(new FunctionUrlHandler(skystate), signed, context).path("statusCode").asInt()).isEqualTo(200);
        assertThat(invoke(new FunctionUrlHandler(skystate), signed, context).path("statusCode").asInt())
                .as("the same signed request again").isEqualTo(401);
    }

    @Test
    void handlerEndpointsAreOffUnlessEnabled() throws IOException {
        Map<String, String> withoutHandlers = new HashMap<>(env);
        withoutHandlers.remove("SKYSTATE_HANDLER_ENDPOINTS");
        try (AwsSkystate closed = LambdaRuntime.open(withoutHandlers)) {
            assertThat(closed.handlers().endpointRequest("greet", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
            JsonNode response = invoke(new FunctionUrlHandler(closed), signedHandlerEvent("greet", "{}", false),
                    new TestLambdaContext("skystate-http", Duration.ofSeconds(30)));
            assertThat(response.path("statusCode").asInt()).isEqualTo(404);
        }
    }

    @Test
    void functionUrlAnswers500WithTheErrorTypeOfAFailingHandler() throws IOException {
        JsonNode response = invoke(new FunctionUrlHandler(skystate),
                signedHandlerEvent("reserve", "{\"name\":\"mug\"}", false),
                new TestLambdaContext("skystate-http", Duration.ofSeconds(30)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(500);
        assertThat(JSON.readTree(response.path("body").asText()).path("errorType").asText())
                .isEqualTo(OutOfStockException.class.getName());
    }

    @Test
    void functionUrlRejectsAForgedWorkflowCallbackToken() throws IOException {
        JsonNode response = invoke(new FunctionUrlHandler(skystate),
                functionUrlEvent("POST", "/skystate/workflow-callbacks/" + forgedToken(),
                        "{\"outcome\":\"success\",\"result\":{\"approved\":true}}", false),
                new TestLambdaContext("skystate-http", Duration.ofSeconds(30)));

        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(403);
    }

    @Test
    void functionUrlResolvesACallbackOnceAndRejectsAForgedToken() throws IOException {
        CallbackHandle handle = skystate.callbacks().create(CallbackRequest.withTimeout(Duration.ofMinutes(10)));
        assertThat(handle.url().toString()).startsWith(FUNCTION_URL + "skystate/callbacks/");
        String path = handle.url().getRawPath();
        String body = "{\"outcome\":\"success\",\"result\":{\"approved\":true}}";
        FunctionUrlHandler handler = new FunctionUrlHandler(skystate);

        JsonNode forged = invoke(handler, functionUrlEvent("POST", "/skystate/callbacks/" + forgedToken(), body, false),
                new TestLambdaContext("skystate-http", Duration.ofSeconds(30)));
        JsonNode first = invoke(handler, functionUrlEvent("POST", path, body, false),
                new TestLambdaContext("skystate-http", Duration.ofSeconds(30)));
        JsonNode second = invoke(handler, functionUrlEvent("POST", path, body, false),
                new TestLambdaContext("skystate-http", Duration.ofSeconds(30)));
        JsonNode get = invoke(handler, functionUrlEvent("GET", path, "", false),
                new TestLambdaContext("skystate-http", Duration.ofSeconds(30)));

        assertThat(forged.path("statusCode").asInt()).isEqualTo(403);
        assertThat(first.path("statusCode").asInt()).isEqualTo(204);
        assertThat(second.path("statusCode").asInt()).isEqualTo(409);
        assertThat(get.path("statusCode").asInt()).isEqualTo(405);
        var outcome = skystate.callbacks().outcome(handle.id());
        assertThat(outcome.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(JSON.readTree(outcome.result().orElseThrow()).path("approved").asBoolean()).isTrue();
    }

    @Test
    void theNoArgumentHandlerWorksInAFreshJvmConfiguredByTheEnvironment() throws Exception {
        String counter = "p-" + UUID.randomUUID();
        Map<String, String> lambdaEnv = lambdaEnvironment("count");   // no SKYSTATE_HANDLER: the function name

        LocalLambdaInvoke.Result result = LocalLambdaInvoke.run(SkystateLambdaHandler.class, lambdaEnv,
                "{\"counter\": \"" + counter + "\"}");

        assertThat(result.exitCode()).as(result.log()).isZero();
        assertThat(JSON.readTree(result.response()).path("value").asLong()).isEqualTo(1);
        assertThat(skystate.stateStore(TestHandlerModule.COUNTERS).getJson(Key.of(counter, "count"), Counter.class))
                .contains(new Counter(1));
    }

    @Test
    void aFreshJvmReportsTheHandlersExceptionTypeAsTheRuntimeDoes() throws Exception {
        Map<String, String> lambdaEnv = new HashMap<>(lambdaEnvironment("skystate-reserve"));
        lambdaEnv.put("SKYSTATE_HANDLER", "reserve");

        LocalLambdaInvoke.Result result = LocalLambdaInvoke.run(SkystateLambdaHandler.class, lambdaEnv,
                "{\"name\": \"mug\"}");

        assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
        JsonNode error = JSON.readTree(result.response());
        assertThat(error.path("errorType").asText()).isEqualTo(OutOfStockException.class.getName());
        assertThat(error.path("errorMessage").asText()).isEqualTo("no stock for mug");
    }

    @Test
    void theNoArgumentFunctionUrlHandlerWorksInAFreshJvm() throws Exception {
        LocalLambdaInvoke.Result result = LocalLambdaInvoke.run(FunctionUrlHandler.class,
                lambdaEnvironment("skystate-http"),
                signedHandlerEvent("greet", "{\"name\":\"Barbara\"}", false));

        assertThat(result.exitCode()).as(result.log()).isZero();
        JsonNode response = JSON.readTree(result.response());
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(response.path("body").asText()).path("greeting").asText()).isEqualTo("Hello, Barbara!");
    }

    /** The configuration plus what Lambda itself sets: the function's name and its role's credentials. */
    private static Map<String, String> lambdaEnvironment(String functionName) {
        Map<String, String> lambdaEnv = new HashMap<>(env);
        lambdaEnv.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        lambdaEnv.put("AWS_ACCESS_KEY_ID", "test");
        lambdaEnv.put("AWS_SECRET_ACCESS_KEY", "test");
        lambdaEnv.put("AWS_SESSION_TOKEN", "test");
        return lambdaEnv;
    }

    /** A well-formed but unsigned token: the shape of a real one, from nobody who holds the key. */
    private static String forgedToken() {
        byte[] bytes = new byte[48];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String event,
            TestLambdaContext context) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(stream(event), output, context);
        return JSON.readTree(output.toByteArray());
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A Function URL request as Lambda delivers it (payload format 2.0), with the fields AWS sends for a
     * {@code curl} call: headers lower-cased, the query string both raw and parsed, the request context with its
     * HTTP description, and the body as text or Base64.
     */
    /** A Function URL event calling handler {@code name}, signed as {@code Handlers.endpointRequest} signs it. */
    static String signedHandlerEvent(String name, String body, boolean base64) throws IOException {
        Map<String, String> headers = skystate.handlers()
                .endpointRequest(name, body.getBytes(StandardCharsets.UTF_8)).orElseThrow().headers();
        ObjectNode event = (ObjectNode) JSON.readTree(functionUrlEvent("POST", "/skystate/handlers/" + name, body, base64));
        headers.forEach(((ObjectNode) event.path("headers"))::put);
        return event.toString();
    }

    static String functionUrlEvent(String method, String rawPath, String body, boolean base64) {
        URI functionUrl = URI.create(FUNCTION_URL);
        String urlId = functionUrl.getHost().substring(0, functionUrl.getHost().indexOf('.'));
        Instant now = Instant.now();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", rawPath);
        event.put("rawQueryString", "source=test&attempt=1");
        ObjectNode headers = event.putObject("headers");
        headers.put("accept", "*/*");
        headers.put("content-type", "application/json");
        headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        headers.put("host", functionUrl.getHost());
        headers.put("user-agent", "curl/8.5.0");
        headers.put("x-amzn-trace-id", "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        headers.put("x-forwarded-for", "203.0.113.17");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        ObjectNode query = event.putObject("queryStringParameters");
        query.put("source", "test");
        query.put("attempt", "1");
        ObjectNode requestContext = event.putObject("requestContext");
        requestContext.put("accountId", "anonymous");
        requestContext.put("apiId", urlId);
        requestContext.put("domainName", functionUrl.getHost());
        requestContext.put("domainPrefix", urlId);
        ObjectNode http = requestContext.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.17");
        http.put("userAgent", "curl/8.5.0");
        requestContext.put("requestId", UUID.randomUUID().toString());
        requestContext.put("routeKey", "$default");
        requestContext.put("stage", "$default");
        requestContext.put("time", DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
                .format(now.atOffset(ZoneOffset.UTC)));
        requestContext.put("timeEpoch", now.toEpochMilli());
        if (!body.isEmpty()) {
            event.put("body", base64
                    ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                    : body);
        }
        event.put("isBase64Encoded", base64);
        return event.toString();
    }
}
