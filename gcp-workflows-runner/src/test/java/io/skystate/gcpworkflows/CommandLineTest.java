package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.gcpworkflows.internal.cli.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: run, check and serve, with exit codes 0 / 1 / 2. */
class CommandLineTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Runnable awaitStop, String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), awaitStop).execute(args);
    }

    private int run(String... args) {
        return run(() -> { }, args);
    }

    private String file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path.toString();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runPrintsResultAndExitsZero() throws IOException {
        String workflow = file("ok.yaml", "main:\n  params: [args]\n  steps:\n    - r:\n        return: ${args.x * 2}\n");
        assertThat(run("run", workflow, "--data", "{\"x\":21}")).isEqualTo(0);
        assertThat(out().trim()).isEqualTo("42");
    }

    @Test
    void runPrintsErrorAndExitsOne() throws IOException {
        String workflow = file("fail.yaml", "- f:\n    raise: {\"message\": \"no\"}\n");
        assertThat(run("run", workflow)).isEqualTo(1);
        assertThat(out().trim()).isEqualTo("{\"message\":\"no\"}");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED").contains("in step \"f\"");
    }

    @Test
    void unsupportedConstructExitsTwo() throws IOException {
        String workflow = file("bad.yaml", "- c:\n    call: googleapis.pubsub.v1.projects.topics.publish\n");
        assertThat(run("run", workflow)).isEqualTo(2);
        assertThat(out()).contains("bad.yaml:1:3: unsupported construct 'call: googleapis.pubsub.v1.projects.topics"
                + ".publish' at main.steps[0].c");
        out.reset();
        assertThat(run("check", workflow)).isEqualTo(2);
        assertThat(out()).contains("unsupported construct");
    }

    @Test
    void checkReportsOk() throws IOException {
        String workflow = file("ok.yaml", "- r:\n    return: 1\n");
        assertThat(run("check", workflow)).isEqualTo(0);
        assertThat(out()).contains("ok.yaml: OK");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("run")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("run", "x.yaml", "--bogus", "1")).isEqualTo(2);
        assertThat(run("run", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage:");
        assertThat(run("--help")).isEqualTo(0);
    }

    @Test
    void serveAnswersTheApiUntilStopped() {
        AtomicInteger status = new AtomicInteger();
        int code = run(() -> {
            String line = out().trim();
            String endpoint = line.substring(line.indexOf("http://"), line.indexOf(" (project"));
            try {
                status.set(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint
                        + "/v1/projects/p/locations/l/workflows")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }, "serve", "--port", "0", "--project", "p", "--location", "l");
        assertThat(code).isEqualTo(0);
        assertThat(status.get()).isEqualTo(200);
    }
}
