package io.skystate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skystate queue send|receive}: receive is a real delivery, acknowledged only with --ack. */
class QueueCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void database() {
        cli = new Cli(dir.resolve("skystate.db"));
    }

    @Test
    void sendPrintsTheMessageId() throws Exception {
        Cli.Result r = cli.run("queue", "send", "orders", "hello", "-a", "kind=greeting", "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(JSON.readTree(r.out()).get("messageId").asText()).isNotBlank();
    }

    @Test
    void receiveWithoutAckDeliversAgainOnceTheVisibilityPassed() throws Exception {
        cli.run("queue", "send", "orders", "hello", "-a", "kind=greeting");
        JsonNode first = JSON.readTree(cli.run("queue", "receive", "orders", "-o", "json").out());
        assertThat(first.get(0).get("body").asText()).isEqualTo("hello");
        assertThat(first.get(0).at("/attributes/kind").asText()).isEqualTo("greeting");
        assertThat(first.get(0).get("deliveries").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(cli.run("queue", "receive", "orders", "-o", "json").out())).isEmpty();
        Thread.sleep(1_200);
        JsonNode again = JSON.readTree(cli.run("queue", "receive", "orders", "-o", "json").out());
        assertThat(again.get(0).get("deliveries").asInt()).isEqualTo(2);
    }

    @Test
    void receiveWithAckConsumesTheMessages() throws Exception {
        cli.run("queue", "send", "jobs", "one");
        Cli.Result r = cli.run("queue", "receive", "jobs", "--ack", "--visibility", "1s");
        assertThat(r.out()).contains("one");
        assertThat(r.err()).contains("1 message(s) received and deleted");
        Thread.sleep(1_200);
        assertThat(JSON.readTree(cli.run("queue", "receive", "jobs", "-o", "json").out())).isEmpty();
    }

    @Test
    void aBodyAndAFileTogetherAreAUsageError() {
        Cli.Result r = cli.run("queue", "send", "jobs", "one", "--file", "x");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void aVisibilityBeyondThePortableLimitIsInvalid() {
        Cli.Result r = cli.run("queue", "receive", "jobs", "--visibility", "11m");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID.code());
    }
}
