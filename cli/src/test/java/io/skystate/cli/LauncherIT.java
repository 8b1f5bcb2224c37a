package io.skystate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged runnable jar through {@code bin/skystate}, as a user runs it: a separate JVM whose class path holds the
 * shaded jar only (the local adapter inside it is the only provider, so none has to be named).
 */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void theLauncherRunsThePackagedJarOnTheLocalAdapter() throws Exception {
        Path db = dir.resolve("skystate.db");
        Result put = launch("state", "put", "app", "users", "u1", "--json", "{\"name\":\"Ann\"}", "-p", "local.path=" + db);
        assertThat(put.code()).as(put.toString()).isZero();
        Result get = launch("state", "get", "app", "users", "u1", "-o", "json", "-p", "local.path=" + db);
        assertThat(get.code()).as(get.toString()).isZero();
        assertThat(get.out()).contains("\"name\" : \"Ann\"");
        Result missing = launch("run", "show", "nobody", "-p", "local.path=" + db);
        assertThat(missing.code()).as(missing.toString()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(missing.err()).startsWith("skystate: NOT_FOUND (local)");
    }

    @Test
    void helpVersionAndUsageErrorsExitAsDocumented() throws Exception {
        assertThat(launch("--version").out()).startsWith("skystate 0.");
        Result usage = launch("run", "start");
        assertThat(usage.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(usage.err()).contains("Missing required parameter");
    }

    @Test
    void renderWorksWithoutAnyConfiguration() throws Exception {
        Path doc = Files.writeString(dir.resolve("hello.yaml"), """
                name: hello
                version: 1
                startAt: greet
                steps:
                  greet: {type: task, handler: greet}
                """);
        Result r = launch("workflow", "render", doc.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("stateDiagram-v2").contains("[*] --> greet");
    }

    private record Result(int code, String out, String err) {
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("skystate.cli.jar"));
        assertThat(jar).exists();
        List<String> command = new java.util.ArrayList<>(List.of("bash", System.getProperty("skystate.cli.launcher")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("SKYSTATE_JAR", jar.toString());
        builder.environment().remove("SKYSTATE_CLASSPATH");
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
