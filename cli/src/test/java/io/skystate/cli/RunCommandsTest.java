package io.skystate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.cli.fixture.Application;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skystate run start|show|history|cancel} and {@code callback complete|fail} on the local adapter, in observer
 * mode beside the fixture {@link Application}, which runs the steps. Callback tokens come from the fixture's own
 * record of them, so nothing here needs the run listing API.
 */
class RunCommandsTest {
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
    void startWaitFollowsTheRunAndPrintsItsOutput() throws Exception {
        Cli.Result r = cli.run("run", "start", "greeting", "g-1", "--input", "{\"name\":\"Ann\"}", "--wait", "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode run = JSON.readTree(r.out());
        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.at("/output/result/greeting").asText()).isEqualTo("hello Ann");
        assertThat(r.err()).contains("run g-1 of greeting v1 started").contains("✓ greet (task) SUCCEEDED");
    }

    @Test
    void startWithoutWaitPrintsTheRunAsStarted() {
        Cli.Result r = cli.run("run", "start", "greeting", "g-2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("instance  g-2").contains("workflow  greeting");
    }

    @Test
    void theCommandNeverRunsStepsItselfTheApplicationDoes() {
        application.close();
        Cli.Result waited = cli.run("run", "start", "greeting", "g-5", "--wait", "--timeout", "1s");
        assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(ExitCode.STILL_RUNNING.code());
        assertThat(cli.run("run", "history", "g-5").out()).doesNotContain("SUCCEEDED").doesNotContain("FAILED");
        application = Application.start(dir.resolve("skystate.db"));
        Cli.Result watched = cli.run("run", "show", "g-5", "--watch", "--interval", "200ms", "-o", "json");
        assertThat(watched.exitCode()).as(watched.toString()).isZero();
        assertThat(watched.out()).contains("hello world");
    }

    @Test
    void aFailedRunExitsRunUnsuccessfulWithItsError() {
        Cli.Result r = cli.run("run", "start", "doomed", "d-1", "--wait");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.RUN_UNSUCCESSFUL.code());
        assertThat(r.out()).contains("FAILED").contains("boom");
        assertThat(r.err()).contains("✗ explode (task) FAILED");
    }

    @Test
    void startingAnUnknownWorkflowIsNotFound() {
        Cli.Result r = cli.run("run", "start", "no-such-workflow", "x-1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(r.err()).startsWith("skystate: NOT_FOUND (local): ");
    }

    @Test
    void malformedInputIsInvalidAndStartsNothing() {
        Cli.Result r = cli.run("run", "start", "greeting", "g-3", "--input", "{nope");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID.code());
        assertThat(cli.run("run", "history", "g-3").exitCode()).isEqualTo(ExitCode.NOT_FOUND.code());
    }

    @Test
    void historyAndShowTellWhatRan() {
        cli.run("run", "start", "greeting", "g-4", "--wait");
        Cli.Result history = cli.run("run", "history", "g-4");
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).contains("STEP").contains("greet").contains("SUCCEEDED");
        Cli.Result show = cli.run("run", "show", "g-4");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("status    SUCCEEDED").contains("history:").contains("current steps:");
    }

    @Test
    void showOfAnUnknownRunIsNotFound() {
        assertThat(cli.run("run", "show", "nobody").exitCode()).isEqualTo(ExitCode.NOT_FOUND.code());
    }

    @Test
    void aWaitThatEndsBeforeTheRunSaysItIsStillRunning() {
        Cli.Result r = cli.run("run", "start", "approval", "a-1", "--input", "{\"order\":\"a-1\"}", "--wait",
                "--timeout", "2s");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.STILL_RUNNING.code());
        assertThat(r.out()).contains("RUNNING");
    }

    @Test
    void completingTheCallbackLetsTheRunFinish() throws Exception {
        cli.run("run", "start", "approval", "a-2", "--input", "{\"order\":\"a-2\"}", "--wait", "--timeout", "2s");
        String token = token("a-2");
        Cli.Result complete = cli.run("callback", "complete", token, "--result", "{\"approvedBy\":\"Bob\"}");
        assertThat(complete.exitCode()).as(complete.toString()).isZero();
        Cli.Result watch = cli.run("run", "show", "a-2", "--watch", "--interval", "200ms", "-o", "json");
        assertThat(watch.exitCode()).as(watch.toString()).isZero();
        assertThat(watch.out()).contains("\"approvedBy\" : \"Bob\"").contains("\"status\" : \"SUCCEEDED\"");
        Cli.Result again = cli.run("callback", "complete", token);
        assertThat(again.exitCode()).as(again.toString()).isIn(ExitCode.CONFLICT.code(), ExitCode.INVALID.code());
    }

    @Test
    void failingTheCallbackFailsTheRunAndCompensates() throws Exception {
        cli.run("run", "start", "approval", "a-3", "--input", "{\"order\":\"a-3\"}", "--wait", "--timeout", "2s");
        Cli.Result fail = cli.run("callback", "fail", token("a-3"), "--error", "Rejected", "--cause", "too expensive");
        assertThat(fail.exitCode()).as(fail.toString()).isZero();
        Cli.Result watch = cli.run("run", "show", "a-3", "--watch", "--interval", "200ms");
        assertThat(watch.exitCode()).as(watch.toString()).isEqualTo(ExitCode.RUN_UNSUCCESSFUL.code());
        assertThat(watch.out()).contains("Rejected").contains("compensation");
    }

    @Test
    void aForgedTokenIsInvalid() {
        Cli.Result r = cli.run("callback", "complete", "not-a-token");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.INVALID.code());
    }

    @Test
    void cancelEndsAWaitingRun() {
        cli.run("run", "start", "approval", "a-4", "--input", "{\"order\":\"a-4\"}", "--wait", "--timeout", "2s");
        Cli.Result r = cli.run("run", "cancel", "a-4", "--reason", "customer changed their mind");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("CANCELLED").contains("customer changed their mind");
    }

    private String token(String order) throws Exception {
        Cli.Result r = cli.run("state", "get", "fixture", "approvals", order, "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return JSON.readTree(r.out()).at("/value/token").asText();
    }
}
