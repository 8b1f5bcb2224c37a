package io.skystate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.cli.fixture.Application;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands built on the run-operations API ({@code runs}, {@code pendingCallbacks}, {@code signal},
 * {@code redrive}), on the local engine.
 */
class RunOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Cli cli;
    Application application;

    @BeforeEach
    void database() {
        cli = new Cli(dir.resolve("skystate.db"));
        application = Application.start(dir.resolve("skystate.db"));
    }

    @AfterEach
    void stopApplication() {
        application.close();
    }

    @Test
    void listShowsRunsNewestFirstFilteredAndPaged() throws Exception {
        cli.run("run", "start", "greeting", "g-1", "--wait");
        cli.run("run", "start", "doomed", "d-1", "--wait");
        cli.run("run", "start", "greeting", "g-2", "--wait");
        Cli.Result all = cli.run("run", "list", "-o", "json");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        JsonNode runs = JSON.readTree(all.out()).get("runs");
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0).get("instance").asText()).isEqualTo("g-2");
        JsonNode failed = JSON.readTree(cli.run("run", "list", "--status", "failed", "-o", "json").out()).get("runs");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("instance").asText()).isEqualTo("d-1");
        JsonNode greetings = JSON.readTree(cli.run("run", "list", "-w", "greeting", "-n", "1", "-o", "json").out());
        assertThat(greetings.get("runs")).hasSize(1);
        String next = greetings.get("nextPageToken").asText();
        JsonNode second = JSON.readTree(cli.run("run", "list", "-w", "greeting", "-n", "1", "--page-token", next,
                "-o", "json").out());
        assertThat(second.at("/runs/0/instance").asText()).isEqualTo("g-1");
        Cli.Result table = cli.run("run", "list", "--since", "1h");
        assertThat(table.out()).contains("INSTANCE").contains("g-1").contains("d-1");
    }

    @Test
    void callbackListShowsTheTokenThatCompletesTheRun() throws Exception {
        cli.run("run", "start", "approval", "a-1", "--input", "{\"order\":\"a-1\"}", "--wait", "--timeout", "2s");
        Cli.Result list = cli.run("callback", "list", "-o", "json");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        JsonNode pending = JSON.readTree(list.out());
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("step").asText()).isEqualTo("approve");
        String token = pending.get(0).get("token").asText();
        assertThat(JSON.readTree(cli.run("callback", "list", "--run", "a-1", "-o", "json").out())).hasSize(1);
        assertThat(cli.run("run", "show", "a-1").out()).contains("pending callbacks:").contains(token);
        assertThat(cli.run("callback", "complete", token, "--result", "{\"ok\":true}").exitCode()).isZero();
        assertThat(cli.run("run", "show", "a-1", "--watch", "--interval", "200ms").exitCode()).isZero();
        assertThat(JSON.readTree(cli.run("callback", "list", "-o", "json").out())).isEmpty();
    }

    @Test
    void signalWakesAnAwaitEventStepAndAFinishedRunRefusesIt() throws Exception {
        try (Skystate skystate = Skystate.open(SkystateConfig.builder().provider("local")
                .property("local.path", dir.resolve("skystate.db").toString()).property("local.http.port", "-1").build())) {
            skystate.workflows().register(WorkflowDefinition.builder("waiting", 1).startAt("hold")
                    .awaitEvent("hold", "go", Duration.ofMinutes(5), e -> e.resultPath("$.go").next("done"))
                    .succeed("done").build());
        }
        cli.run("run", "start", "waiting", "w-1", "--wait", "--timeout", "1s");
        Cli.Result signal = cli.run("run", "signal", "w-1", "go", "--payload", "{\"by\":\"ops\"}");
        assertThat(signal.exitCode()).as(signal.toString()).isZero();
        Cli.Result watch = cli.run("run", "show", "w-1", "--watch", "--interval", "200ms", "-o", "json");
        assertThat(watch.exitCode()).as(watch.toString()).isZero();
        assertThat(watch.out()).contains("\"by\" : \"ops\"");
        assertThat(cli.run("run", "signal", "w-1", "go").exitCode()).isEqualTo(ExitCode.CONFLICT.code());
    }

    @Test
    void redriveRestartsAFailedRunAndRefusesASucceededOne() {
        cli.run("run", "start", "doomed", "d-2", "--wait");
        Cli.Result redrive = cli.run("run", "redrive", "d-2");
        assertThat(redrive.exitCode()).as(redrive.toString()).isZero();
        assertThat(redrive.out()).contains("RUNNING");
        cli.run("run", "start", "greeting", "g-3", "--wait");
        Cli.Result refused = cli.run("run", "redrive", "g-3");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.CONFLICT.code());
        assertThat(refused.err()).contains("RUN_STATE");
    }
}
