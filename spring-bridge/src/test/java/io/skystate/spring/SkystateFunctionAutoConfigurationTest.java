package io.skystate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.Skystate;
import io.skystate.api.handler.EndpointRequest;
import io.skystate.api.handler.HandlerFailedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = FunctionApp.class)
class SkystateFunctionAutoConfigurationTest {
    @Autowired
    Skystate skystate;

    @Autowired
    SkystateFunctionRegistrar registrar;

    @Test
    void everyFunctionIsAHandlerAfterStartup() {
        assertThat(skystate.handlers().names())
                .contains("greet", "upper", "price", "invocation", "fail", "echo", "same");
        assertThat(registrar.result().registered())
                .containsExactly("echo", "fail", "greet", "invocation", "price", "same", "upper");
    }

    @Test
    void internalAndInvalidNamesAreReportedNotRegistered() {
        assertThat(skystate.handlers().names()).doesNotContain("functionRouter", "not.a.handler");
        assertThat(registrar.result().skipped())
                .containsEntry("functionRouter", "internal Spring Cloud Function function")
                .hasEntrySatisfying("not.a.handler", reason -> assertThat(reason).contains("handler name"));
    }

    @Test
    void mapFunctionRoundTrips() {
        Map<?, ?> greeting = skystate.handlers().invoke("greet", Map.of("name", "Ann"), Map.class);
        assertThat(greeting).isEqualTo(Map.of("greeting", "Hello, Ann!"));
    }

    @Test
    void stringFunctionTakesAndReturnsJsonStrings() {
        byte[] out = skystate.handlers().invokeJson("upper", "\"abc\"".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("\"ABC\"");
    }

    @Test
    void recordFunctionIsConvertedBySpringCloudFunction() {
        Map<?, ?> receipt = skystate.handlers().invoke("price", Map.of("id", "o-1", "quantity", 3), Map.class);
        assertThat(receipt).isEqualTo(Map.of("orderId", "o-1", "total", 15));
    }

    @Test
    void messageFunctionSeesTheInvocation() {
        String seen = skystate.handlers().invoke("invocation", "x", String.class);
        assertThat(seen).matches("[0-9a-f]{32}/1");
    }

    @Test
    void functionExceptionIsTheCauseOfHandlerFailed() {
        assertThatThrownBy(() -> skystate.handlers().invoke("fail", Map.of(), Object.class))
                .isInstanceOf(HandlerFailedException.class)
                .satisfies(e -> assertThat(((HandlerFailedException) e).handlerName()).isEqualTo("fail"))
                .cause()
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
    }

    @Test
    void functionsAreServedOverTheLocalHttpEndpoint() throws Exception {
        EndpointRequest signed = skystate.handlers().endpointRequest("greet",
                "{\"name\":\"Bo\"}".getBytes(StandardCharsets.UTF_8)).orElseThrow();
        HttpRequest.Builder builder = HttpRequest.newBuilder(signed.url())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().forEach(builder::header);
        HttpRequest request = builder.build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<?, ?> body = skystate.codec().decode(response.body().getBytes(StandardCharsets.UTF_8), Map.class);
        assertThat(body).isEqualTo(Map.of("greeting", "Hello, Bo!"));
    }

    @Test
    void stringsStayStringsEvenWhenTheyLookLikeJson() {
        for (String value : new String[] {"true", "null", "1.5", "", "{\"a\":1}"}) {
            assertThat(skystate.handlers().invoke("echo", value, String.class)).isEqualTo(value);
        }
    }

    @Test
    void aStringFunctionGetsTheJsonTextOfOtherValues() {
        assertThat(skystate.handlers().invoke("echo", List.of(1, "a"), String.class)).isEqualTo("[1,\"a\"]");
        assertThat(skystate.handlers().invoke("echo", null, String.class)).isEqualTo("null");
    }

    @Test
    void untypedFunctionKeepsExactNumbers() {
        byte[] json = "{\"big\":123456789012345678901234567890,\"pi\":3.14159265358979323846}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new String(skystate.handlers().invokeJson("same", json), StandardCharsets.UTF_8))
                .isEqualTo(new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void anArrayToAnItemFunctionIsInvokedPerItem() {
        List<?> receipts = skystate.handlers().invoke("price",
                List.of(Map.of("id", "a", "quantity", 1), Map.of("id", "b", "quantity", 2)), List.class);
        assertThat(receipts)
                .isEqualTo(List.of(Map.of("orderId", "a", "total", 5), Map.of("orderId", "b", "total", 10)));
    }
}
