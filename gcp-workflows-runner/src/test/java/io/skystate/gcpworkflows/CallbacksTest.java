package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Callbacks (https://cloud.google.com/workflows/docs/creating-callback-endpoints): the runner serves the URL that
 * events.create_callback_endpoint returns, and events.await_callback receives the request
 * (https://cloud.google.com/workflows/docs/reference/stdlib/events/await_callback). Also cancellation of waits.
 */
class CallbacksTest extends RunnerTestSupport {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final String WAITER = """
            - create:
                call: events.create_callback_endpoint
                args:
                  http_callback_method: POST
                result: endpoint
            - announce:
                call: sys.log
                args:
                  text: ${endpoint.url}
            - wait:
                call: events.await_callback
                args:
                  callback: ${endpoint}
                  timeout: TIMEOUT
                result: request
            - r:
                return: ${request}
            """;

    private static String awaitLoggedUrl(String execution) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            ExecutionOutcome outcome = runner.getExecution(execution);
            if (!outcome.logs().isEmpty()) {
                return outcome.logs().get(0).message();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no callback URL logged");
    }

    private static HttpResponse<String> send(String url, String method, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(method,
                HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST to the callback URL is delivered as {http_request: {body, headers, method, query, url}, received_time, type}. */
    @Test
    void callbackRequestIsDelivered() throws Exception {
        runner.deploy("waiter", WAITER.replace("TIMEOUT", "30"));
        String execution = runner.startExecution("waiter", null);
        String url = awaitLoggedUrl(execution);
        assertThat(url).startsWith(runner.endpoint() + "/v1/" + execution + "/callbacks/");
        assertThat(send(url, "PUT", "{}").statusCode()).isEqualTo(405);
        assertThat(send(url + "?a=1", "POST", "{\"approved\": true}").statusCode()).isEqualTo(200);
        ExecutionOutcome outcome = runner.awaitExecution(execution, Duration.ofSeconds(10));
        JsonNode request = parse(outcome.result());
        assertThat(request.path("type").asText()).isEqualTo("HTTP");
        assertThat(request.path("http_request").path("body").path("approved").asBoolean()).isTrue();
        assertThat(request.path("http_request").path("method").asText()).isEqualTo("POST");
        assertThat(request.path("http_request").path("query").path("a").get(0).asText()).isEqualTo("1");
        assertThat(request.path("http_request").path("headers").path("content-type").asText())
                .isEqualTo("application/json");
        assertThat(request.path("received_time").asText()).endsWith("Z");
        assertThat(send(url, "POST", "{}").statusCode()).isEqualTo(404);
    }

    /** No request within timeout: TimeoutError. */
    @Test
    void awaitTimesOut() {
        assertThat(tag(error(WAITER.replace("TIMEOUT", "0.05")))).isEqualTo("TimeoutError");
    }

    /** Cancelling an execution ends its callback wait at once and it becomes CANCELLED. */
    @Test
    void cancelInterruptsCallbackWait() throws Exception {
        runner.deploy("waiter-cancel", WAITER.replace("TIMEOUT", "600"));
        String execution = runner.startExecution("waiter-cancel", null);
        awaitLoggedUrl(execution);
        assertThat(runner.cancelExecution(execution).state()).isEqualTo(ExecutionState.CANCELLED);
        ExecutionOutcome outcome = runner.awaitExecution(execution, Duration.ofSeconds(5));
        assertThat(outcome.state()).isEqualTo(ExecutionState.CANCELLED);
        assertThat(Duration.between(outcome.startTime(), outcome.endTime())).isLessThan(Duration.ofSeconds(5));
    }

    /** Cancelling interrupts sys.sleep, including inside parallel branches. */
    @Test
    void cancelInterruptsSleepInBranches() throws Exception {
        runner.deploy("sleeper", """
                - both:
                    parallel:
                      branches:
                        - a:
                            steps:
                              - s:
                                  call: sys.sleep
                                  args:
                                    seconds: 600
                        - b:
                            steps:
                              - s:
                                  call: sys.sleep
                                  args:
                                    seconds: 600
                """);
        String execution = runner.startExecution("sleeper", null);
        Thread.sleep(50);
        runner.cancelExecution(execution);
        assertThat(runner.awaitExecution(execution, Duration.ofSeconds(5)).state())
                .isEqualTo(ExecutionState.CANCELLED);
    }
}
