package io.skystate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.TransientException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.StateValue;
import io.skystate.api.workflow.RunStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one database file: an idle instance holds no lock, two processes' writes and conditional
 * increments all land, two workflow engines share runs without running any task twice, and a writer that waits
 * too long for the lock is told which process holds the file.
 */
class SharedFileTest {
    @Test
    void twoProcessesWriteTheSameFile(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("shared.db");
        try (LocalSkystate idle = LocalSkystate.builder().file(db).withoutHttp().build();
                LocalSkystate writer = LocalSkystate.builder().file(db).withoutHttp().build()) {
            idle.stateStore("shared").put(Key.of("idle", "opened"), StateValue.json("1"));
            Process child = child("writer", db.toString(), "child");
            SharedFileApp.write(writer, "parent");
            assertThat(child.waitFor()).as(output(child)).isZero();
            int records = 0;
            for (var page = writer.stateStore("shared").list(ListRequest.firstPage("records", 1000)); ; ) {
                records += page.entries().size();
                var next = ListRequest.firstPage("records", 1000).next(page);
                if (next.isEmpty()) {
                    break;
                }
                page = writer.stateStore("shared").list(next.get());
            }
            assertThat(records).isEqualTo(2 * SharedFileApp.RECORDS);
            assertThat(writer.stateStore("shared").get(Key.of("counters", "total")).map(e -> new String(e.value().bytes(), StandardCharsets.UTF_8)).orElseThrow())
                    .as("increments from both processes, none lost").isEqualTo(Integer.toString(2 * SharedFileApp.INCREMENTS));
        }
    }

    @Test
    void twoEnginesNeverRunAStepTwice(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("engines.db");
        Path log = dir.resolve("tasks.log");
        SharedFileApp.engine(db, log).close();
        Process child = child("engine", db.toString(), log.toString());
        try {
            awaitLine(child, "ready");
            try (LocalSkystate parent = SharedFileApp.engine(db, log)) {
                for (int i = 0; i < 30; i++) {
                    parent.workflows().start("shared", "run-" + i, Map.of("run", "run-" + i));
                }
                for (int i = 0; i < 30; i++) {
                    assertThat(parent.workflows().await("run-" + i, Duration.ofSeconds(60)).status()).as("run-%d", i)
                            .isEqualTo(RunStatus.SUCCEEDED);
                }
            }
        } finally {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log);
        Map<String, Long> perStep = lines.stream().map(l -> l.substring(0, l.lastIndexOf(' ')))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perStep).hasSize(90).allSatisfy((step, count) -> assertThat(count).as(step).isEqualTo(1));
        Map<String, Long> perProcess = lines.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perProcess).as("task executions per process").containsKey(Long.toString(child.pid()));
    }

    @Test
    void aWriterKeptWaitingIsToldWhoHoldsTheFile(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("locked.db");
        try (LocalSkystate skystate = LocalSkystate.builder().file(db).withoutHttp().build()) {
            Process locker = child("locker", db.toString());
            try {
                String locked = awaitLine(locker, "locked ");
                assertThatThrownBy(() -> skystate.stateStore("shared").put(Key.of("g", "late"), StateValue.json("1")))
                        .isInstanceOf(TransientException.class)
                        .satisfies(e -> assertThat(((TransientException) e).retryable()).isTrue())
                        .hasMessageContaining("pid " + locked.substring("locked ".length()));
            } finally {
                locker.destroyForcibly();
            }
        }
    }

    private static Process child(String... args) throws java.io.IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SharedFileApp.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String awaitLine(Process process, String prefix) throws java.io.IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("the child process ended without printing '" + prefix + "'");
    }

    private static String output(Process process) throws java.io.IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
