package io.skystate.gcp.internal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.skystate.api.Capabilities;
import io.skystate.api.WorkflowPortability;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.workflow.ClaimCheck;
import io.skystate.local.LocalSkystate;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-over between signals and awaitEvent steps on local stores: kept events, per-consumer claims, FIFO per name,
 * delivery to a waiting step's callback endpoint, and the last claim after a wait timed out.
 */
class EventWaitsTest {
    private static final String RUN = "run-1";
    private static final String UNREACHABLE = "http://127.0.0.1:9/callback";

    private LocalSkystate local;
    private JacksonCodec codec;
    private EventWaits waits;

    @BeforeEach
    void open() {
        local = LocalSkystate.builder().withoutHttp().build();
        codec = (JacksonCodec) local.codec();
        Clock clock = Clock.systemUTC();
        EngineContext ctx = new EngineContext(null, null, codec, clock,
                () -> new Capabilities("gcp", Set.of(), 100, 400_000), WorkflowPortability.PORTABLE,
                CloudWorkflowsSettings.builder("p", "l", URI.create("http://fn")).apiEndpoint("http://api").build(),
                local.stateStore("skystate-workflows"), new ClaimCheck(local.stateStore("skystate-claims"), codec,
                        clock), null, null);
        waits = new EventWaits(ctx, new CallbackRelay(ctx));
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void anEventSentBeforeTheStepIsClaimedOnceAndAgainByTheSameStep() {
        waits.signal(RUN, "go", json("1"));
        assertThat(claim("v1", "go", "step-a", UNREACHABLE, false)).contains(tree("1"));
        assertThat(claim("v2", "go", "step-b", UNREACHABLE, false)).as("another step execution").isEmpty();
        assertThat(claim("v1", "go", "step-a", UNREACHABLE, false)).as("a retried call").contains(tree("1"));
    }

    @Test
    void eventsOfANameAreClaimedOldestFirstAndNamesStayApart() {
        waits.signal(RUN, "item", json("1"));
        waits.signal(RUN, "other", json("\"x\""));
        waits.signal(RUN, "item", json("2"));
        assertThat(claim("v1", "item", "first", UNREACHABLE, false)).contains(tree("1"));
        assertThat(claim("v2", "item", "second", UNREACHABLE, false)).contains(tree("2"));
        assertThat(claim("v3", "item", "third", UNREACHABLE, false)).isEmpty();
        assertThat(claim("v4", "other", "fourth", UNREACHABLE, false)).contains(tree("\"x\""));
    }

    @Test
    void aSignalWakesTheWaitingStepThroughItsCallbackEndpoint() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callback", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
            assertThat(claim("v1", "approved", "step-a", endpoint, false)).isEmpty();
            waits.signal(RUN, "approved", json("{\"by\":\"ann\"}"));
            assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull()
                    .satisfies(body -> assertThat(tree(body)).isEqualTo(tree("{\"ok\":true,\"result\":{\"by\":\"ann\"}}")));
            waits.signal(RUN, "approved", json("2"));
            assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("the delivered step's waiter is gone").isNull();
            assertThat(claim("v2", "approved", "step-b", endpoint, false)).contains(tree("2"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anEventClaimedForAStepThatTimedOutIsTakenByItsLastCall() {
        assertThat(claim("v1", "go", "step-a", UNREACHABLE, false)).isEmpty();
        waits.signal(RUN, "go", json("7")); // claimed for step-a; its endpoint does not answer
        assertThat(claim("v2", "go", "step-b", UNREACHABLE, false)).as("claimed for step-a").isEmpty();
        assertThat(claim("v1", "go", "step-a", UNREACHABLE, true)).contains(tree("7"));
    }

    @Test
    void clearDropsWhatARunLeft() {
        waits.signal(RUN, "go", json("1"));
        waits.clear(RUN);
        assertThat(claim("v1", "go", "step-a", UNREACHABLE, false)).isEmpty();
    }

    private Optional<JsonNode> claim(String visit, String event, String consumer, String endpoint, boolean last) {
        return waits.claim(RUN, visit, event, consumer, endpoint, last);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode tree(String text) {
        return codec.tree(json(text));
    }
}
