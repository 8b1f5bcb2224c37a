package io.skystate.gcp.internal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.Capabilities;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.workflow.StepExecution;
import io.skystate.core.json.JacksonCodec;
import io.skystate.local.LocalSkystate;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merge rules of the history store: attempts and nonces, provisional and final outcomes, idempotent logs. */
class HistoryStoreTest {
    private LocalSkystate local;
    private HistoryStore history;
    private JacksonCodec codec;

    @BeforeEach
    void open() {
        local = LocalSkystate.builder().withoutHttp().build();
        codec = (JacksonCodec) local.codec();
        EngineContext ctx = new EngineContext(null, null, codec, Clock.systemUTC(),
                () -> new Capabilities("gcp", Set.of(), 100, 400_000), WorkflowPortability.PORTABLE,
                CloudWorkflowsSettings.builder("p", "l", URI.create("http://fn")).apiEndpoint("http://api").build(),
                local.stateStore("skystate-workflows"), null, null, null);
        history = new HistoryStore(ctx);
    }

    @AfterEach
    void close() {
        local.close();
    }

    private JsonNode log(String json) {
        return codec.tree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return history.list("r").stream().map(e -> e.path() + " " + e.kind() + " " + e.outcome() + " " + e.attempts()
                + e.error().map(err -> " " + err).orElse("")).toList();
    }

    @Test
    void aRepeatedNonceIsTheSameAttemptAndANewOneCountsAgain() {
        assertThat(history.attempt("r", "m1", "work", "task", 10.0, "n1")).isEqualTo(new HistoryStore.Attempt(1, true, false));
        assertThat(history.attempt("r", "m1", "work", "task", 10.0, "n1")).isEqualTo(new HistoryStore.Attempt(1, false, false));
        history.attemptEnded("r", "m1", 1, "RUNNING", "Flaky", "first");
        assertThat(history.attempt("r", "m1", "work", "task", 10.0, "n2")).isEqualTo(new HistoryStore.Attempt(2, true, false));
        history.attemptEnded("r", "m1", 2, "SUCCEEDED", null, null);
        assertThat(lines()).containsExactly("work task SUCCEEDED 2");
    }

    @Test
    void theWorkflowsFinalOutcomeWinsAndALateAttemptChangesNothing() {
        history.attempt("r", "m1", "work", "task", 10.0, "n1");
        history.merge("r", log("[{\"v\":\"m1\",\"o\":\"CAUGHT\",\"p\":\"work\",\"t\":10.0,\"e\":11.0,"
                + "\"err\":\"Skystate.Timeout\",\"c\":\"slow\"}]"), path -> "task");
        history.attemptEnded("r", "m1", 1, "SUCCEEDED", null, null);
        assertThat(lines()).containsExactly("work task CAUGHT 1 Skystate.Timeout");
    }

    @Test
    void logsAreFlattenedOrderedByStartAndMergedOnce() {
        String events = "[{\"v\":\"m2\",\"o\":\"SUCCEEDED\",\"p\":\"route\",\"t\":12.0,\"e\":12.0,\"a\":1},"
                + "[{\"v\":\"m3.1.0.1\",\"o\":\"SUCCEEDED\",\"p\":\"fan/0/done\",\"t\":13.0,\"e\":13.0,\"a\":1}],"
                + "{\"v\":\"m3\",\"o\":\"SUCCEEDED\",\"p\":\"fan\",\"t\":13.0,\"e\":14.0,\"a\":1}]";
        history.merge("r", log(events), path -> path.equals("fan") ? "parallel" : path.equals("route") ? "choice" : "succeed");
        history.merge("r", log(events), path -> "task");
        assertThat(lines()).containsExactly("route choice SUCCEEDED 1", "fan parallel SUCCEEDED 1",
                "fan/0/done succeed SUCCEEDED 1");
    }

    @Test
    void stoppingClosesOnlyOpenEntries() {
        history.attempt("r", "m1", "done", "task", 10.0, "n1");
        history.attemptEnded("r", "m1", 1, "SUCCEEDED", null, null);
        history.attempt("r", "m2", "slow", "task", 11.0, "n2");
        history.merge("r", log("[{\"v\":\"m3\",\"o\":\"RUNNING\",\"p\":\"pause\",\"t\":12.0,\"a\":1}]"), path -> "wait");
        history.closeOpen("r", "CANCELLED");
        assertThat(lines()).containsExactly("done task SUCCEEDED 1", "slow task CANCELLED 1", "pause wait CANCELLED 1");
        assertThat(history.list("r")).allSatisfy(e -> assertThat(e.endedAt()).isPresent());
        assertThat(history.list("r").get(1).outcome()).isEqualTo(StepExecution.Outcome.CANCELLED);
    }

    @Test
    void anOutcomeOnlyEventChangesAnOpenEntryAndIgnoresUnknownOnes() {
        history.attempt("r", "m1", "slow", "task", 10.0, "n1");
        history.attemptEnded("r", "m1", 1, "SUCCEEDED", null, null);
        history.merge("r", log("[{\"v\":\"m1\",\"o\":\"CANCELLED\"},{\"v\":\"m9\",\"o\":\"CANCELLED\"}]"), path -> "task");
        assertThat(lines()).containsExactly("slow task CANCELLED 1");
    }
}
